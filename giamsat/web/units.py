"""The unit pages: the tree of the units a user may view, and one unit's page."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from giamsat.errors import NotFoundError
from giamsat.orgs import access
from giamsat.orgs import services as org_services
from giamsat.orgs.models import Membership, Unit
from giamsat.plans import services as plan_services
from giamsat.web.tree import TreeRow, tree_rows


def _by_code():
    return Unit.objects.order_by("code")


def unit_tree(user) -> list[TreeRow]:
    """Every unit ``user`` may view, as tree rows: one query for the units, one for successors."""
    units = (
        access.units_for(user, access.Action.VIEW)
        .order_by("path")
        .only("pk", "code", "name", "kind", "level", "parent_id", "path", "depth", "valid_from", "valid_to")
        .prefetch_related(Prefetch("successors", queryset=_by_code().only("pk", "name")))
    )
    return tree_rows(list(units), open_levels=1)  # only the roots unfolded: a nation shows its provinces, folded


@dataclass
class UnitPage:
    unit: Unit
    ancestors: list[Unit]
    visible_ancestor_ids: set[int]
    children: list[Unit]
    successors: list[Unit]
    predecessors: list[Unit]
    plans: list
    subtree_plan_count: int
    members: list[Membership] | None  # only for those who may configure the unit


def unit_page(user, pk: int) -> UnitPage:
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise NotFoundError(_("Không có đơn vị này."))
    access.require(user, access.Action.VIEW, unit)
    ancestors = list(org_services.ancestors(unit))
    visible = set(
        access.units_for(user, access.Action.VIEW).filter(pk__in=[a.pk for a in ancestors])
        .values_list("pk", flat=True)
    )
    plans = plan_services.search_plans(user, unit=unit)
    members = None
    if access.can(user, access.Action.CONFIGURE, unit):
        members = list(unit.memberships.select_related("user").order_by("role", "user__username"))
    return UnitPage(
        unit=unit,
        ancestors=ancestors,
        visible_ancestor_ids=visible,
        children=list(unit.children.order_by("code").prefetch_related(Prefetch("successors", queryset=_by_code()))),
        successors=list(unit.successors.order_by("code")),
        predecessors=list(unit.predecessors.order_by("code")),
        plans=list(plans.filter(issuing_unit=unit)),
        subtree_plan_count=plans.count(),
        members=members,
    )
