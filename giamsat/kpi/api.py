"""REST endpoints of the kpi app (mounted under /api/indicators in giamsat.api.root).

The catalog is readable by any logged-in user; an indicator's targets are those of
the plans the user may read.
"""

from datetime import date
from decimal import Decimal

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from giamsat.api.auth import API_AUTH
from giamsat.kpi import services
from giamsat.plans import services as plan_services

router = Router(tags=["kpi"], auth=API_AUTH)


class IndicatorOut(Schema):
    code: str
    name: str
    unit_of_measure: str
    value_type: str
    direction: str
    aggregation: str
    temporality: str
    category: str
    is_public: bool
    resolutions: list[str]
    version: int

    @staticmethod
    def resolve_resolutions(obj) -> list[str]:
        return [r.code for r in obj.resolutions.all()]


class IndicatorTargetOut(Schema):
    plan_id: int
    plan_number: str
    unit_code: str
    indicator_text: str
    year: int | None
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit_text: str
    per_year: bool
    baseline_value: Decimal | None
    baseline_date: date | None

    @staticmethod
    def resolve_plan_number(obj) -> str:
        return obj.plan.number

    @staticmethod
    def resolve_unit_code(obj) -> str:
        return obj.unit.code


class IndicatorDetailOut(IndicatorOut):
    targets: list[IndicatorTargetOut]

    @staticmethod
    def resolve_targets(obj) -> list:
        return obj.visible_targets  # set by the endpoint: never the unscoped reverse relation


@router.get("/", response=list[IndicatorOut], summary="Danh mục chỉ tiêu")
@paginate(LimitOffsetPagination)
def list_indicators(request, q: str = "", category: str = "", value_type: str = "", resolution: str = ""):
    return services.search_indicators(
        request.user, q=q, category=category, value_type=value_type, resolution=resolution
    )


@router.get("/{code}", response=IndicatorDetailOut, summary="Một chỉ tiêu và các mức đặt ra trong kế hoạch")
def get_indicator(request, code: str):
    indicator = services.get_indicator(request.user, code)
    indicator.visible_targets = list(plan_services.targets_for_indicator(request.user, indicator))
    return indicator
