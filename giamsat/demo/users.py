"""Demo users: an admin, a leader, an officer and a viewer at each level, and a superuser.

Leaders, admins and viewers belong to the locality (the area unit), so they oversee
all its bodies and approve their reports; the officer belongs to the body whose plan
it reports on (the Party committee, or the Fatherland Front in Kim Thành), since an
officer enters data for its own unit only. All share one password (printed by the command). Its hash is computed once and given
to every new user, so the demo does not spend seconds hashing the same password.
Only the superuser and the national admin may open Django's admin site: it is not
limited to a subtree, so a provincial admin there could change the whole country.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission

from giamsat.audit.services import record, snapshot
from giamsat.demo.context import DemoContext
from giamsat.orgs.models import Membership, Role

ROLE_PREFIX = {
    Role.ADMIN: "quantri",
    Role.LEADER: "lanhdao",
    Role.OFFICER: "chuyenvien",
    Role.VIEWER: "xem",
}
ALL_ROLES = (Role.ADMIN, Role.LEADER, Role.OFFICER, Role.VIEWER)
# (username suffix, display name, locality code, the officer's body code, roles)
PLACES = [
    ("trunguong", "Trung ương", "VN", "VN-BCT", ALL_ROLES),
    ("dongthap", "Đồng Tháp", "VN-82", "VN-82-TU", ALL_ROLES),  # it took over Tiền Giang
    ("tamduong", "Tam Đường", "HUYEN-TAM-DUONG", "HUYEN-TAM-DUONG-HU", ALL_ROLES),  # a district until 30/6/2025
    ("dakdoa", "Đak Đoa", "VN-52-23677", "VN-52-23677-DU", ALL_ROLES),
    ("kimthanh", "Kim Thành", "VN-31-10804", "VN-31-10804-MTTQ", (Role.LEADER, Role.OFFICER)),
]
USER_FIELDS = ["username", "first_name", "last_name", "is_staff", "is_superuser"]
STAFF_APPS = ["orgs", "kpi", "plans", "reporting", "audit", "auth"]


def build_users(context: DemoContext) -> None:
    User = get_user_model()
    password = make_password(context.password)
    wanted = [("admin", None, None, "")] + [
        (f"{ROLE_PREFIX[role]}.{suffix}", body if role == Role.OFFICER else locality, role, place)
        for suffix, place, locality, body, roles in PLACES for role in roles
    ]
    existing = {u.username: u for u in User.objects.filter(username__in=[w[0] for w in wanted])}
    created = 0
    for username, code, role, place in wanted:
        user = existing.get(username)
        unit = context.units[code] if code else None
        if user is None:
            user = User.objects.create(
                username=username, password=password, is_superuser=code is None, is_staff=code is None,
                first_name=str(Role(role).label) if role else "Quản trị hệ thống", last_name=place,
            )
            created += 1
            record(actor=None, action="create", obj=user, after=snapshot(user, USER_FIELDS), via="demo")
            if unit is not None:
                membership = Membership.objects.create(user=user, unit=unit, role=role)
                record(actor=None, action="create", obj=membership, after=snapshot(membership), via="demo")
            if role == Role.ADMIN and code == "VN":
                user.is_staff = True
                user.save(update_fields=["is_staff"])
                user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=STAFF_APPS))
        context.users[username] = user
        context.logins.append((username, str(Role(role).label) if role else "Quản trị hệ thống",
                               unit.name if unit else "toàn hệ thống"))
    context.say(f"Người dùng: {len(wanted)} ({created} mới)")
