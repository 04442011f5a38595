"""Demo users: an admin, a leader, an officer and a viewer at each level, and a superuser.

All share one password (printed by the command). Its hash is computed once and given
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
# (unit code, username suffix, roles)
ALL_ROLES = (Role.ADMIN, Role.LEADER, Role.OFFICER, Role.VIEWER)
PLACES = [
    ("VN", "trunguong", ALL_ROLES),
    ("82", "dongthap", ALL_ROLES),  # Đồng Tháp, which took over Tiền Giang
    ("HUYEN-TAM-DUONG", "tamduong", ALL_ROLES),  # a district of before 1/7/2025
    ("23677", "dakdoa", ALL_ROLES),
    ("10804", "kimthanh", (Role.LEADER, Role.OFFICER)),
]
USER_FIELDS = ["username", "first_name", "last_name", "is_staff", "is_superuser"]
STAFF_APPS = ["orgs", "kpi", "plans", "reporting", "audit", "auth"]


def build_users(context: DemoContext) -> None:
    User = get_user_model()
    password = make_password(context.password)
    wanted = [("admin", None, None)] + [
        (f"{ROLE_PREFIX[role]}.{suffix}", code, role) for code, suffix, roles in PLACES for role in roles
    ]
    existing = {u.username: u for u in User.objects.filter(username__in=[w[0] for w in wanted])}
    created = 0
    for username, code, role in wanted:
        user = existing.get(username)
        unit = context.units[code] if code else None
        if user is None:
            user = User.objects.create(
                username=username, password=password, is_superuser=code is None, is_staff=code is None,
                first_name=str(Role(role).label) if role else "Quản trị hệ thống",
                last_name=unit.short_name or unit.name if unit else "",
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
