"""REST endpoints of the orgs app (mounted under /api/units in giamsat.api.root).

Both endpoints show only units the caller may view (``orgs.access``). A unit
outside that scope answers 404, exactly like a code that does not exist, so the
API never reveals which units exist elsewhere in the tree. A unit's parent is
named even when it lies above the caller's scope (a commune knows its province);
its successors and predecessors are listed only where the caller may view them.
"""

from datetime import date

from django.db.models import F, Prefetch
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from giamsat.api.auth import API_AUTH
from giamsat.orgs import access
from giamsat.orgs.models import Level

router = Router(tags=["orgs"], auth=API_AUTH)


class UnitOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str
    level: str
    parent: str | None
    depth: int
    admin_code: str
    valid_from: date | None
    valid_to: date | None

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent_code


class UnitDetailOut(UnitOut):
    successors: list[str]
    predecessors: list[str]

    @staticmethod
    def resolve_successors(obj) -> list[str]:
        return [u.code for u in obj.successors.all()]

    @staticmethod
    def resolve_predecessors(obj) -> list[str]:
        return [u.code for u in obj.predecessors.all()]


def _visible(user):
    return access.units_for(user, access.Action.VIEW).annotate(parent_code=F("parent__code"))


@router.get("", response=list[UnitOut], summary="Các đơn vị được xem")
@paginate(LimitOffsetPagination)
def list_units(request, parent: str | None = None, level: Level | None = None):
    """Units the caller may view, in tree order; ``parent`` (a code) keeps its children,
    ``level`` one administrative level."""
    units = _visible(request.auth)
    if parent is not None:
        units = units.filter(parent=access.visible_unit(request.auth, parent))
    if level is not None:
        units = units.filter(level=level)
    return units.order_by("path")


@router.get("/{code}", response=UnitDetailOut, summary="Một đơn vị")
def get_unit(request, code: str):
    unit = access.visible_unit(request.auth, code)
    visible = access.units_for(request.auth, access.Action.VIEW).order_by("path")
    return (
        _visible(request.auth)
        .prefetch_related(Prefetch("successors", queryset=visible), Prefetch("predecessors", queryset=visible))
        .get(pk=unit.pk)
    )
