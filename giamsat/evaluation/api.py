"""REST endpoints of evaluation (mounted under /api/evaluation): the same numbers as the
dashboard, for other systems. Scoped by orgs.access like the pages; the public
endpoint needs no login and returns public indicators only."""

from dataclasses import asdict
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from giamsat.api.auth import API_AUTH
from giamsat.evaluation import public as public_services
from giamsat.evaluation import rollup, services
from giamsat.evaluation.errors import FilterError
from giamsat.evaluation.judging import value_of
from giamsat.kpi.models import Indicator
from giamsat.reporting import selectors

router = Router(tags=["evaluation"], auth=API_AUTH)


class UnitRef(Schema):
    id: int
    code: str
    name: str


class PeriodRef(Schema):
    id: int
    kind: str
    label: str
    start: date
    end: date
    due: date


class ForecastOut(Schema):
    value: float
    on: date
    points: int
    misses: bool
    reason: str


class TargetOut(Schema):
    target_id: int
    plan: str
    indicator_code: str
    indicator: str
    unit_of_measure: str
    comparator: str
    value: float
    value_max: float | None
    year: int | None
    per_year: bool
    status: str
    status_label: str
    latest: float | None
    observed_on: date | None
    expected: float | None
    coverage: int
    reason: str
    forecast: ForecastOut | None
    inherited: bool


class WarningOut(Schema):
    unit: UnitRef
    indicator_code: str
    status: str
    forecast: bool
    text: str


class ChildOut(Schema):
    unit: UnitRef
    rank: int | None
    tied: bool
    share_on_track: float | None
    targets_good: int
    targets_judged: int
    targets_without_data: int
    counts: dict[str, int]


class TaskOut(Schema):
    task_id: int
    title: str
    lead_unit: str
    deadline: date | None
    state: str
    state_label: str
    progress: int


class DashboardOut(Schema):
    unit: UnitRef
    period: PeriodRef | None
    counts: dict[str, int]
    targets: list[TargetOut]
    warnings: list[WarningOut]
    children: list[ChildOut]
    task_counts: dict[str, int]
    overdue_tasks: list[TaskOut]


class FilterIn(Schema):
    plan: str = ""
    category: str = ""
    year: str = ""
    period: str = ""
    indicator: str = ""
    include_submitted: str = ""


def _unit(u) -> dict:
    return {"id": u.pk, "code": u.code, "name": u.name}


def _period(p) -> dict | None:
    if p is None:
        return None
    return {"id": p.pk, "kind": p.kind, "label": p.label, "start": p.start, "end": p.end, "due": p.due}


def _target(tile) -> dict:
    j, t = tile.judged, tile.judged.target
    forecast = None
    if j.forecast:
        forecast = {"value": j.forecast.value, "on": j.forecast.on, "points": j.forecast.n,
                    "misses": j.forecast.misses, "reason": tile.forecast_reason}
    return {
        "target_id": t.pk, "plan": t.plan.number or t.plan.title, "indicator_code": j.indicator.code,
        "indicator": j.indicator.name, "unit_of_measure": t.unit_text or j.indicator.unit_of_measure,
        "comparator": t.comparator, "value": float(t.value), "value_max": float(t.value_max) if t.value_max is not None else None,
        "year": t.year, "per_year": t.per_year, "status": j.status.value, "status_label": str(j.status.label),
        "latest": j.latest.value if j.latest else None, "observed_on": j.verdict.observed_on,
        "expected": j.verdict.expected, "coverage": j.coverage, "reason": tile.reason, "forecast": forecast,
        "inherited": j.inherited,
    }


@router.get("/units/{unit_id}/dashboard", response=DashboardOut, summary="Bảng điều hành của một đơn vị")
def dashboard(request, unit_id: int, filters: Query[FilterIn]):
    board = services.dashboard(request.user, unit_id, services.Filters.parse(filters.dict()), today=timezone.localdate())
    return {
        "unit": _unit(board.unit), "period": _period(board.period),
        "counts": {s.value: n for s, n in board.counts.items()},
        "targets": [_target(t) for t in board.tiles],
        "warnings": [{"unit": _unit(w.unit), "indicator_code": w.indicator.code, "status": w.status.value,
                      "forecast": w.forecast, "text": w.text} for w in board.warnings],
        "children": [
            {"unit": _unit(r.unit), "rank": r.overall.rank if r.overall else None,
             "tied": bool(r.overall and r.overall.tied), "share_on_track": r.share.value,
             "targets_good": r.share.good, "targets_judged": r.share.judged, "targets_without_data": r.share.missing,
             "counts": {s.value: n for s, n in r.counts.items()}}
            for r in board.children.rows
        ],
        "task_counts": {s.value: n for s, n in board.tasks.counts.items()},
        "overdue_tasks": [
            {"task_id": r.task.pk, "title": r.task.title, "lead_unit": r.task.lead_unit.name if r.task.lead_unit else "",
             "deadline": r.deadline, "state": r.state.value, "state_label": str(r.state.label), "progress": r.progress}
            for r in board.tasks.overdue
        ],
    }


class RollupOut(Schema):
    unit: UnitRef
    indicator_code: str
    aggregation: str
    period: PeriodRef
    value: float | None
    units_reporting: int
    components: dict[str, float | int | None]


class RollupIn(Schema):
    indicator: str
    period: str = ""
    include_submitted: str = ""


def _indicator(code: str) -> Indicator:
    found = Indicator.objects.filter(code=code).first()
    if found is None:
        raise FilterError(_("Không có chỉ tiêu mã “{code}”.").format(code=code[:40]), location="indicator")
    return found


@router.get("/units/{unit_id}/rollup", response=RollupOut, summary="Giá trị tổng hợp của một chỉ tiêu cho đơn vị và kỳ")
def rollup_value(request, unit_id: int, params: Query[RollupIn]):
    unit = services.viewable_unit(request.user, unit_id)
    indicator = _indicator(params.indicator)
    filters = services.Filters.parse({"period": params.period, "include_submitted": params.include_submitted})
    period = services.period_of(unit, filters, today=timezone.localdate())
    if period is None:
        raise FilterError(_("Chưa có kỳ báo cáo nào."), location="period")
    comps = rollup.components([unit], [indicator.pk], [period.pk], include_submitted=filters.include_submitted)
    c = comps.get((unit.pk, indicator.pk, period.pk))
    return {
        "unit": _unit(unit), "indicator_code": indicator.code, "aggregation": indicator.aggregation,
        "period": _period(period), "value": value_of(indicator, c), "units_reporting": c.n if c else 0,
        "components": asdict(c) if c else {},
    }


class PointOut(Schema):
    period: PeriodRef
    value: float | None
    units_reporting: int


@router.get("/units/{unit_id}/series", response=list[PointOut], summary="Diễn biến một chỉ tiêu của đơn vị qua các kỳ")
def series(request, unit_id: int, indicator: str, kind: str = "month"):
    unit = services.viewable_unit(request.user, unit_id)
    ind = _indicator(indicator)
    periods = [p for p in selectors.periods(kind=kind, until=timezone.localdate()) if p.end <= timezone.localdate()]
    comps = rollup.components([unit], [ind.pk], [p.pk for p in periods])
    result = []
    for p in periods:
        c = comps.get((unit.pk, ind.pk, p.pk))
        if c is not None:
            result.append({"period": _period(p), "value": value_of(ind, c), "units_reporting": c.n})
    return result


class RankingOut(Schema):
    unit: UnitRef
    rank: int | None
    tied: bool
    value: float | None
    status: str | None


@router.get("/units/{unit_id}/ranking", response=list[RankingOut], summary="Xếp hạng đơn vị trực thuộc theo một chỉ tiêu")
def ranking(request, unit_id: int, filters: Query[FilterIn]):
    board = services.dashboard(request.user, unit_id, services.Filters.parse(filters.dict()),
                               today=timezone.localdate(), part=services.RANKING)
    return [
        {"unit": _unit(r.unit), "rank": r.value.rank, "tied": r.value.tied, "value": r.value.value,
         "status": r.value_status.value if r.value_status else None}
        for r in board.children.by_value
    ]


class PublicSeriesOut(Schema):
    indicator_code: str
    indicator: str
    unit_of_measure: str
    points: list[dict]


class PublicOut(Schema):
    unit: UnitRef
    period: PeriodRef | None
    indicators: list[PublicSeriesOut]
    children: list[dict]


@router.get("/public/units/{unit_id}", response=PublicOut, auth=None, summary="Số liệu công khai của một đơn vị")
def public(request, unit_id: int, indicator: str = ""):
    page = public_services.overview(unit_id, indicator, today=timezone.localdate())
    return {
        "unit": _unit(page.unit), "period": _period(page.period),
        "indicators": [{"indicator_code": s.indicator.code, "indicator": s.indicator.name,
                        "unit_of_measure": s.indicator.unit_of_measure,
                        "points": [{"on": p.on.isoformat(), "value": p.value} for p in s.points]} for s in page.series],
        "children": [{"unit": _unit(u), "indicator_code": page.chosen.code, "value": v} for u, v in page.children],
    }
