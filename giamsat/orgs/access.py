"""The one place that decides who may do what on which unit.

Every view, API endpoint, service and command asks :func:`can` / :func:`require`,
or takes its querysets from :func:`units_for` / :func:`units_q`. The rules, as a table
(``giamsat/orgs/tests/test_access.py`` proves each cell):

============  ==================  ==================  ==========================  ==================
role at U     view                edit (enter data)   approve                     configure
============  ==================  ==================  ==========================  ==================
viewer        U and its subtree   –                   –                           –
officer       U and its subtree   U                   –                           –
leader        U and its subtree   U                   the subtree below U (and U  –
                                                      itself when U is a root, or
                                                      with GIAMSAT_SELF_APPROVAL)
admin         U and its subtree   U and its subtree   U and its subtree           U and its subtree
============  ==================  ==================  ==========================  ==================

"Subtree" includes every unit that was merged or dissolved into a unit of the
subtree, directly or through a chain (``orgs.services.scopes_by_root``): a dissolved
district counts as lying below the communes and the province that took it over.
So its data is read from there, approved by their leaders and corrected by their
admins, but nobody "enters" data for it as its own unit any more.

Superusers may do everything; inactive users, anonymous users and users without
a membership may do nothing. A user's memberships are read once per user object
(like Django's permission cache), so a request costs one query for them.
"""

from django.conf import settings
from django.db.models import Q, QuerySet, TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamsat.errors import NotFoundError, PermissionDeniedError
from giamsat.orgs.models import Membership, Role, Unit
from giamsat.orgs.services import paths_q, scopes_by_root


class Action(TextChoices):
    VIEW = "view", gettext_lazy("xem")
    EDIT = "edit", gettext_lazy("nhập, sửa")
    APPROVE = "approve", gettext_lazy("duyệt")
    CONFIGURE = "configure", gettext_lazy("cấu hình")


# For each action: the roles that grant it on the whole subtree, and those that
# grant it on the member's own unit only. Leaders' approval is the one special
# case (the subtree *below* their unit) and is handled in units_q.
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
_BELOW = {
    Action.VIEW: set(),
    Action.EDIT: set(),
    Action.APPROVE: {Role.LEADER},
    Action.CONFIGURE: set(),
}

_CACHE_ATTR = "_giamsat_memberships"


def _is_superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False) and getattr(user, "is_active", False))


def _memberships(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user).select_related("unit"))
        setattr(user, _CACHE_ATTR, cache)
    return cache


def forget_memberships(user) -> None:
    """Drop the memberships read into ``user`` (after adding or removing one)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def units_q(user, action: str) -> Q:
    """A Q on Unit selecting the units where ``user`` may do ``action``."""
    action = Action(action)
    if _is_superuser(user):
        return Q()
    subtree_units, below_units, own_ids = [], [], set()
    for m in _memberships(user):
        if m.role in _SUBTREE[action]:
            subtree_units.append(m.unit)
        if m.role in _OWN_UNIT[action]:
            own_ids.add(m.unit_id)
        if m.role in _BELOW[action]:
            below_units.append(m.unit)
            if m.unit.parent_id is None or _self_approval():
                own_ids.add(m.unit_id)
    q = Q(pk__in=own_ids) if own_ids else Q(pk__in=[])
    if not subtree_units and not below_units:
        return q
    scopes = scopes_by_root(subtree_units + below_units)
    for unit in subtree_units:
        q |= paths_q(scopes[unit.pk])
    for unit in below_units:
        q |= paths_q(scopes[unit.pk]) & ~Q(pk=unit.pk)
    return q


def _self_approval() -> bool:
    return getattr(settings, "GIAMSAT_SELF_APPROVAL", False)


def units_for(user, action: str) -> QuerySet[Unit]:
    return Unit.objects.filter(units_q(user, action))


def can(user, action: str, unit: Unit | None) -> bool:
    if unit is None or unit.pk is None:
        return False
    if _is_superuser(user):
        return True
    return units_for(user, action).filter(pk=unit.pk).exists()


def require(user, action: str, unit: Unit | None) -> None:
    """Raise PermissionDeniedError unless ``user`` may do ``action`` on ``unit``."""
    if not can(user, action, unit):
        raise PermissionDeniedError(
            _("Bạn không có quyền {action} dữ liệu của “{unit}”.").format(
                action=Action(action).label, unit=unit.name if unit is not None else "?"
            )
        )


def visible_unit(user, code: str, action: str = Action.VIEW) -> Unit:
    """The unit coded ``code`` if ``user`` may do ``action`` on it.

    A unit out of reach raises the same NotFoundError as a code that does not
    exist, so callers never reveal which units exist outside a user's scope.
    """
    unit = units_for(user, action).filter(code=code).first()
    if unit is None:
        raise NotFoundError(_("Không có đơn vị mã “{code}”.").format(code=code), location="code")
    return unit


def roles_of(user, unit: Unit) -> set[str]:
    """The roles ``user`` holds directly at ``unit`` (not inherited from above)."""
    return {m.role for m in _memberships(user) if m.unit_id == unit.pk}


def upstream_unit_ids(user) -> set[int]:
    """The units above the user's own units, and the units those succeeded.

    Their plans are the ones the user's units implement, so a commune officer reads
    the province's plan and 57-NQ/TW, though not the province's own report data.
    Superusers need no list: :func:`plan_issuers_q` lets them read everything.
    """
    ids: set[int] = set()
    for m in _memberships(user):
        ids |= {int(part) for part in m.unit.path.split(".") if part}
    frontier = set(ids)
    through = Unit.successors.through
    while frontier:
        found = set(through.objects.filter(to_unit_id__in=frontier).values_list("from_unit_id", flat=True))
        frontier = found - ids
        ids |= found
    return ids


def plan_issuers_q(user, field: str = "issuing_unit") -> Q:
    """A Q on a model with a unit ``field`` selecting what ``user`` may read of plans:
    those issued in the units it may view, and those issued above it (see
    :func:`upstream_unit_ids`)."""
    if _is_superuser(user):
        return Q()
    return Q(**{f"{field}__in": units_for(user, Action.VIEW)}) | Q(
        **{f"{field}_id__in": upstream_unit_ids(user)}
    )
