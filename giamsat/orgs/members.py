"""Use cases on people: create a user with a role at a unit, add a membership.

Each writes in one transaction and records its audit events (the password hash
never enters the log, see ``audit.services.SECRET_FIELDS``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from giamsat.audit.services import record, snapshot
from giamsat.orgs.errors import MemberError, UnknownUnitError
from giamsat.orgs.models import Membership, Role, Unit


def find_unit(code: str, *, location: str = "unit") -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise UnknownUnitError(code, location=location)
    return unit


def parse_role(value: str, *, location: str = "role") -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(f"{r.value} ({r.label})" for r in Role)
        raise MemberError(
            _("Không có vai trò “{role}”. Chọn một trong: {choices}.").format(role=value, choices=choices),
            location=location,
        ) from None


@transaction.atomic
def create_user(
    username: str, *, unit: Unit, role: str, password: str, email: str = "",
    actor=None, via: str = "cli",
):
    """A new active user holding ``role`` at ``unit``; the password must pass the validators."""
    User = get_user_model()
    user = User(username=username, email=email)
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        if User.objects.filter(username=username).exists():
            raise MemberError(_("Đã có người dùng “{username}”.").format(username=username),
                              location="username") from None
        raise MemberError(" ".join(exc.messages), location="username") from None
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise MemberError(
            _("Mật khẩu chưa đạt yêu cầu: {reasons}").format(reasons=" ".join(exc.messages)),
            location="password",
        ) from None
    user.set_password(password)
    user.save()
    record(actor=actor, action="create", obj=user, after=snapshot(user), via=via)
    add_membership(user, unit, role, actor=actor, via=via)
    return user


@transaction.atomic
def add_membership(user, unit: Unit, role: str, *, actor=None, via: str = "system") -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=parse_role(role))
    if created:
        record(actor=actor, action="create", obj=membership, after=snapshot(membership), via=via)
    return membership
