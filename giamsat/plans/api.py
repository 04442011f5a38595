"""REST endpoints of the plans app (mounted under /api/plans in giamsat.api.root).

Only the plans the user may read: those of the units it may view. As in the units
API, a plan or unit outside the caller's scope answers 404 like one that does not
exist, so the API never tells what exists elsewhere in the tree.
"""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from giamsat.api.auth import API_AUTH
from giamsat.errors import NotFoundError, PermissionDeniedError
from giamsat.plans import services

router = Router(tags=["plans"], auth=API_AUTH)


class UnitRef(Schema):
    code: str
    name: str
    level: str


class PlanRef(Schema):
    id: int
    number: str
    title: str


class PlanOut(Schema):
    id: int
    number: str
    title: str
    kind: str
    status: str
    issued_on: date | None
    place: str
    issuing_unit: UnitRef
    implements: list[PlanRef]
    cadences: list[str]
    target_count: int
    task_count: int

    @staticmethod
    def resolve_implements(obj) -> list:
        return list(obj.implements.all())


class TargetOut(Schema):
    id: int
    indicator_text: str
    indicator_code: str | None
    category: str
    year: int | None
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit_text: str
    per_year: bool
    source_line: int | None

    @staticmethod
    def resolve_indicator_code(obj) -> str | None:
        return obj.indicator.code if obj.indicator_id else None


class TaskOut(Schema):
    id: int
    section: str
    title: str
    lead_text: str
    lead_unit_code: str | None
    coordinating_text: str
    deadline: date | None
    recurrence: str
    product: str
    source_line: int | None

    @staticmethod
    def resolve_lead_unit_code(obj) -> str | None:
        return obj.lead_unit.code if obj.lead_unit_id else None


class AssignedUnitOut(Schema):
    name: str
    unit_code: str | None
    duties: list[str]
    source_line: int | None

    @staticmethod
    def resolve_unit_code(obj) -> str | None:
        return obj.unit.code if obj.unit_id else None


class PlanDetailOut(PlanOut):
    """Read from a ``services.PlanDetail``, never from the plan's unscoped relations."""

    implemented_by: list[PlanRef]
    targets: list[TargetOut]
    tasks: list[TaskOut]
    units: list[AssignedUnitOut]

    @staticmethod
    def resolve_implemented_by(obj) -> list:
        return [p for p in obj.detail.children if p.pk in obj.detail.visible_ids]

    @staticmethod
    def resolve_targets(obj) -> list:
        return [t for _year, targets in obj.detail.targets_by_year for t in targets]

    @staticmethod
    def resolve_tasks(obj) -> list:
        return obj.detail.tasks

    @staticmethod
    def resolve_units(obj) -> list:
        return obj.detail.assigned_units


@router.get("/", response=list[PlanOut], summary="Các kế hoạch được xem")
@paginate(LimitOffsetPagination)
def list_plans(request, unit: str = "", level: str = "", status: str = "", q: str = ""):
    scope = None
    if unit:
        try:
            scope = services.visible_unit(request.user, unit)
        except PermissionDeniedError:
            raise NotFoundError(_("Không có đơn vị mã “{code}”.").format(code=unit)) from None
    plans = services.search_plans(request.user, unit=scope, level=level, status=status, q=q)
    return plans.prefetch_related("implements")


@router.get("/{int:plan_id}", response=PlanDetailOut, summary="Một kế hoạch: chỉ tiêu, nhiệm vụ, đơn vị")
def get_plan(request, plan_id: int):
    try:
        detail = services.plan_detail(request.user, plan_id)
    except PermissionDeniedError:
        raise NotFoundError(_("Không có kế hoạch này.")) from None
    plan = services.with_counts(services.plans_for(request.user)).select_related("issuing_unit").get(pk=plan_id)
    plan.detail = detail
    return plan
