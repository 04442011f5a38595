"""The one place that decides who may do what on which unit.

Every view, API endpoint, service and command asks :func:`can` / :func:`require`,
or takes its querysets from :func:`units_for`. The rules, as a table:

============  ========================  ==========================  =====================
role at U     view                      edit (enter data)           approve / configure
============  ========================  ==========================  =====================
viewer        U and its subtree         –                           –
officer       U and its subtree         U                           –
leader        U and its subtree         U                           approve: units below U
                                                                    (and U itself when U is
                                                                    a root, or with
                                                                    GIAMSAT_SELF_APPROVAL)
admin         U and its subtree         U and its subtree           both, U and its subtree
============  ========================  ==========================  =====================

"Subtree" includes units that were merged into or dissolved into a unit of the
subtree (see ``orgs.services.scope_paths``). Superusers may do everything.
"""

from django.conf import settings
from django.db.models import Q, QuerySet, TextChoices
from django.utils.translation import gettext as _

from giamsat.errors import PermissionDeniedError
from giamsat.orgs.models import Membership, Role, Unit
from giamsat.orgs.services import paths_q, scope_paths


class Action(TextChoices):
    VIEW = "view"
    EDIT = "edit"
    APPROVE = "approve"
    CONFIGURE = "configure"


# For each action: the roles that grant it on the whole subtree, and those that
# grant it on the member's own unit only.
_SUBTREE = {
    Action.VIEW: {Role.VIEWER, Role.OFFICER, Role.LEADER, Role.ADMIN},
    Action.EDIT: {Role.ADMIN},
    Action.APPROVE: {Role.ADMIN},
    Action.CONFIGURE: {Role.ADMIN},
}
_OWN_UNIT = {
    Action.VIEW: set(),
    Action.EDIT: {Role.OFFICER, Role.LEADER},
    Action.APPROVE: set(),
    Action.CONFIGURE: set(),
}


def _self_approval() -> bool:
    return getattr(settings, "GIAMSAT_SELF_APPROVAL", False)


def _memberships(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cache = getattr(user, "_giamsat_memberships", None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user).select_related("unit"))
        user._giamsat_memberships = cache
    return cache


def units_q(user, action: str) -> Q:
    """A Q on Unit selecting the units where ``user`` may do ``action``."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    action = Action(action)
    subtree_roots, own_ids = [], set()
    q = Q(pk__in=[])
    for m in _memberships(user):
        if m.role in _SUBTREE[action]:
            subtree_roots.append(m.unit)
        if m.role in _OWN_UNIT[action]:
            own_ids.add(m.unit_id)
        if action == Action.APPROVE and m.role == Role.LEADER:
            # the units below the leader's own, and the own unit where allowed
            q |= paths_q(scope_paths([m.unit])) & ~Q(pk=m.unit_id)
            if m.unit.parent_id is None or _self_approval():
                own_ids.add(m.unit_id)
    if own_ids:
        q |= Q(pk__in=own_ids)
    if subtree_roots:
        q |= paths_q(scope_paths(subtree_roots))
    return q


def units_for(user, action: str) -> QuerySet[Unit]:
    return Unit.objects.filter(units_q(user, action))


def can(user, action: str, unit: Unit) -> bool:
    if unit is None:
        return False
    return units_for(user, action).filter(pk=unit.pk).exists()


def require(user, action: str, unit: Unit) -> None:
    if not can(user, action, unit):
        raise PermissionDeniedError(
            _("Bạn không có quyền {action} dữ liệu của “{unit}”.").format(
                action=ACTION_WORDS.get(action, action), unit=unit.name if unit else "?"
            )
        )


def roles_of(user, unit: Unit) -> set[str]:
    return {m.role for m in _memberships(user) if m.unit_id == unit.pk}


ACTION_WORDS = {
    Action.VIEW: "xem",
    Action.EDIT: "nhập, sửa",
    Action.APPROVE: "duyệt",
    Action.CONFIGURE: "cấu hình",
}
