"""The public page: the indicators flagged public, by unit and over time, for anyone.

Only what ``Indicator.is_public`` allows leaves here: values of public indicators and
the units' names. No target, status, report text or non-public indicator.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from giamsat.evaluation import rollup
from giamsat.evaluation.errors import FilterError, UnitNotFoundError
from giamsat.evaluation.judging import value_of
from giamsat.evaluation.rules import Point
from giamsat.kpi.models import Indicator
from giamsat.orgs.models import Unit, UnitKind
from giamsat.orgs.services import ancestors, scope_paths
from giamsat.reporting import selectors

MONTH = "month"


@dataclass
class Series:
    indicator: Indicator
    points: list[Point]
    coverage: int = 0  # units whose values make the latest point

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None


@dataclass
class Page:
    unit: Unit
    breadcrumbs: list[Unit]
    period: object
    indicators: list[Indicator]
    chosen: Indicator | None
    series: list[Series]
    children: list[tuple[Unit, float | None]] = field(default_factory=list)

    @property
    def chosen_series(self) -> Series | None:
        return next((s for s in self.series if self.chosen and s.indicator.pk == self.chosen.pk), None)


def public_indicators() -> list[Indicator]:
    return list(Indicator.objects.filter(is_public=True).order_by("category", "code"))


def _root() -> Unit | None:
    return Unit.objects.filter(parent__isnull=True, valid_to__isnull=True).order_by("path").first()


def _area(unit_id: int | None) -> Unit:
    unit = _root() if unit_id is None else Unit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise UnitNotFoundError(_("Không có đơn vị này."), location="unit")
    return unit


def _period(unit: Unit, today: date):
    """The latest month due by ``today`` with approved reports in the unit's scope."""
    prefixes = scope_paths([unit])
    due = [p for p in selectors.periods(kind=MONTH, until=today) if p.due <= today]
    for candidate in reversed(due[-6:]):
        if selectors.has_submissions(prefixes, candidate.pk, [selectors.APPROVED]):
            return candidate
    return due[-1] if due else None


def overview(unit_id: int | None, indicator_code: str, *, today: date) -> Page:
    unit = _area(unit_id)
    indicators = public_indicators()
    chosen = next((i for i in indicators if i.code == indicator_code), None) if indicator_code else None
    if indicator_code and chosen is None:
        raise FilterError(_("Không có chỉ tiêu công khai mã “{code}”.").format(code=indicator_code[:40]),
                          location="indicator")
    chosen = chosen or (indicators[0] if indicators else None)
    period = _period(unit, today)
    page = Page(unit, list(ancestors(unit)), period, indicators, chosen, [])
    if period is None or not indicators:
        return page
    periods = [p for p in selectors.periods(kind=MONTH, until=period.end) if p.end <= period.end][-36:]
    comps = rollup.components([unit], [i.pk for i in indicators], [p.pk for p in periods])
    for ind in indicators:
        points = [Point(p.end, v) for p in periods if (v := value_of(ind, comps.get((unit.pk, ind.pk, p.pk)))) is not None]
        latest = comps.get((unit.pk, ind.pk, period.pk))
        page.series.append(Series(ind, points, latest.n if latest else 0))
    kids = list(Unit.objects.filter(parent=unit, valid_to__isnull=True).order_by("name"))
    if any(k.kind == UnitKind.ADMINISTRATIVE_AREA for k in kids):  # the areas, not the agencies
        kids = [k for k in kids if k.kind == UnitKind.ADMINISTRATIVE_AREA]
    if kids and chosen:
        kid_comps = rollup.components(kids, [chosen.pk], [period.pk], catch_up=False)
        page.children = [(k, value_of(chosen, kid_comps.get((k.pk, chosen.pk, period.pk)))) for k in kids]
    return page
