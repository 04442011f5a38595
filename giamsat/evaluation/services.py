"""Use cases of evaluation: the leader's dashboard of a unit, and the lookups behind it.

Every use case starts from ``viewable_unit`` (orgs.access decides); the numbers come
from ``rollup`` (roll-ups), ``judging`` (statuses, forecasts) and ``rules``; the rows
below a unit from ``children``, the tasks from ``task_board``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from giamsat import collector
from giamsat.evaluation import cache, memo, rollup, task_board, wording
from giamsat.evaluation import children as children_of
from giamsat.evaluation.errors import FilterError, UnitNotFoundError
from giamsat.evaluation.judging import INTENSIVE_RULES, Judged, Span, judge, trajectory_line
from giamsat.evaluation.rules import STATUS_ORDER, Status, count_statuses
from giamsat.kpi.models import Indicator, Target
from giamsat.orgs import access
from giamsat.orgs.models import Membership, Unit, UnitKind
from giamsat.orgs.services import ancestors, predecessors, scope_paths
from giamsat.plans.models import Plan
from giamsat.reporting import selectors

KIND_ORDER = {"month": 0, "quarter": 1, "half": 2, "nine": 3, "year": 4}
SPARK_POINTS = 24
RECENT = 25  # periods a tile reads: the sparkline's 24, a year so far with the month before


def statuses_counted(include_submitted: bool) -> list[str]:
    return [selectors.APPROVED, selectors.SUBMITTED] if include_submitted else [selectors.APPROVED]


@dataclass(frozen=True)
class Filters:
    plan: int | None = None
    category: str = ""
    year: int | None = None
    period: int | None = None
    indicator: int | None = None
    include_submitted: bool = False
    all_tiles: bool = False

    @classmethod
    def parse(cls, data: Mapping) -> "Filters":
        """Read the dashboard's query parameters; a malformed one is refused by name."""
        def number(name: str) -> int | None:
            raw = (data.get(name) or "").strip()
            if not raw:
                return None
            if not raw.isdigit() or len(raw) > 9:
                raise FilterError(_("Giá trị “{value}” của bộ lọc không hợp lệ.").format(value=raw[:40]), location=name)
            return int(raw)

        default = getattr(settings, "GIAMSAT_COUNT_SUBMITTED", False)
        submitted = data.get("include_submitted", "")
        return cls(
            plan=number("plan"), category=(data.get("category") or "").strip()[:100], year=number("year"),
            period=number("period"), indicator=number("indicator"),
            include_submitted=submitted in ("1", "true", "on") if submitted else default,
            all_tiles=data.get("all") in ("1", "true", "on"),
        )

    @property
    def kept_by_ranking(self) -> list[tuple[str, str]]:
        """The filters a ranking form carries along (all but its own indicator)."""
        return [(k, v) for k, v in self._params().items() if k not in ("indicator", "all")]

    def _params(self) -> dict[str, str]:
        values = {**self.__dict__, "include_submitted": self.include_submitted, "all": self.all_tiles}
        del values["all_tiles"]
        return {k: ("1" if v is True else str(v)) for k, v in values.items() if v not in (None, "", False)}

    def query(self, **changes) -> str:
        """The filters as a query string (for links that keep them)."""
        from urllib.parse import urlencode

        values = {**self._params(), **{k: str(v) for k, v in changes.items()}}
        return urlencode({k: v for k, v in values.items() if v not in ("None", "")})


def viewable_unit(user, unit_id: int) -> Unit:
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise UnitNotFoundError(_("Không có đơn vị này."), location="unit")
    access.require(user, access.Action.VIEW, unit)
    return unit


def home_unit(user) -> Unit | None:
    """Where a user's dashboard opens: the highest unit it belongs to."""
    if getattr(user, "is_superuser", False):
        return Unit.objects.filter(parent__isnull=True, valid_to__isnull=True).order_by("path").first()
    membership = Membership.objects.filter(user=user).select_related("unit").order_by("unit__depth", "unit__path").first()
    return membership.unit if membership else None


# --- what a dashboard judges ------------------------------------------------------------


def followed_units(unit: Unit) -> list[Unit]:
    """Whose targets a unit's dashboard judges: its own, those of the units merged into
    it, and, for a locality, those of its Party committee, which issues the locality's
    plan (Tỉnh ủy Tiền Giang's plan is Tiền Giang's, and so Đồng Tháp's after 2025)."""
    units = [unit, *predecessors(unit)]
    localities = [u.pk for u in units if u.kind == UnitKind.ADMINISTRATIVE_AREA]
    if localities:
        units += list(Unit.objects.filter(parent_id__in=localities, kind=UnitKind.PARTY_COMMITTEE).order_by("path"))
    return units


def targets_of(unit: Unit, filters: Filters) -> tuple[list[Target], Unit | None]:
    """The unit's targets under the filters; when it has none, those of the nearest unit
    above that has some, for indicators whose value means the same at every level (a
    rate, a mean, a minimum or maximum — not a count). Second value: that unit."""
    def query(u, q=None):
        qs = (Target.objects.filter(q or Q(), unit=u, indicator__isnull=False).select_related("indicator", "plan")
              .defer("source_text", "plan__source_text", "plan__parse_result"))
        if filters.plan:
            qs = qs.filter(plan_id=filters.plan)
        if filters.category:
            qs = qs.filter(indicator__category=filters.category)
        if filters.year:
            qs = qs.filter(year=filters.year)
        found = list(qs.order_by("indicator__code", "year", "pk"))
        plans, indicators = {}, {}
        for t in found:  # one instance per plan and indicator, not one per target (the tiles memo keeps them)
            t.plan = plans.setdefault(t.plan_id, t.plan)
            t.indicator = indicators.setdefault(t.indicator_id, t.indicator)
        return found

    own = [t for u in followed_units(unit) for t in query(u)]
    if own:
        return own, None
    for above in reversed(list(ancestors(unit))):
        found = query(above, Q(indicator__aggregation__in=INTENSIVE_RULES))
        if found:
            return found, above
    return [], None


def period_of(unit: Unit, filters: Filters, *, today: date):
    """The filtered period, or the current round: the latest period due by ``today`` for
    which reports have come in anywhere (months first when several kinds end the same
    day). A unit that missed it is then shown without data, not on its last report."""
    if filters.period:
        found = selectors.period(filters.period)
        if found is None:
            raise FilterError(_("Không có kỳ báo cáo này."), location="period")
        return found
    due = [p for p in selectors.periods(until=today) if p.due <= today]
    due.sort(key=lambda p: (p.end, -KIND_ORDER.get(p.kind, 9)), reverse=True)
    statuses = statuses_counted(filters.include_submitted)
    # one indexed EXISTS per period tried, usually one
    return next((p for p in due if selectors.has_submissions(None, p.pk, statuses)), due[0] if due else None)


def series_periods(period) -> list[Span]:
    """The periods of ``period``'s kind up to it, oldest first."""
    return [Span.of(p) for p in selectors.periods(kind=period.kind, until=period.end) if p.end <= period.end]


@dataclass
class Tile:
    judged: Judged
    period: Span
    trajectory: list
    spark: list

    @property
    def indicator(self):
        return self.judged.indicator

    @cached_property
    def reason(self) -> str:
        return wording.status_reason(self.judged, period_label=self.period.label, due=self.period.due)

    @cached_property
    def forecast_reason(self) -> str:
        return wording.forecast_reason(self.judged)


def _needs_history(target) -> bool:
    """A target judged on more than the recent periods: from its first reported value
    (no baseline given), or on a count's total since the baseline."""
    return target.baseline_value is None or target.baseline_date is None or (
        target.indicator.aggregation == "sum" and target.indicator.temporality == "flow" and not target.per_year)


def tiles_for(unit: Unit, targets: list[Target], period, *, today: date, include_submitted: bool,
              inherited: bool = False, forecast: bool = True, history: bool = False) -> list[Tile]:
    """Judge each target at ``period``. A tile reads the last RECENT periods (the
    sparkline, the forecast's window, a year so far), unless the target needs its whole
    history or ``history`` asks for it (the KPI chart)."""
    periods = series_periods(period)
    period = periods[-1] if periods and periods[-1].pk == period.pk else Span.of(period)
    key = None
    if not include_submitted and not history:  # remembered until a report of the unit's scope changes
        rollup.refresh()
        plans = {t.plan_id: t.plan for t in targets}
        key = ("tiles", unit.pk, rollup.stamps([unit])[unit.pk], cache.generation()[1], today, period, tuple(periods),
               inherited, forecast, tuple((memo.fields_of(t), memo.fields_of(t.indicator)) for t in targets),
               tuple(memo.fields_of(plans[pk]) for pk in sorted(plans)))
        if (known := memo.get(key, memo.TILES)) is not None:
            return list(known)
    recent = periods[-RECENT:]
    long = {t.indicator_id for t in targets if history or _needs_history(t)}
    comps = rollup.components([unit], long, [p.pk for p in periods], include_submitted=include_submitted,
                              catch_up=key is None)
    comps |= rollup.components([unit], {t.indicator_id for t in targets} - long, [p.pk for p in recent],
                               include_submitted=include_submitted, catch_up=key is None and not long)
    by_indicator: dict[int, dict] = {}
    for (_unit, indicator, period_id), c in comps.items():
        by_indicator.setdefault(indicator, {})[period_id] = c
    tiles = []
    for target in targets:
        mine = by_indicator.get(target.indicator_id, {})
        window = periods if target.indicator_id in long else recent
        judged = judge(target, target.indicator, window, mine, period=period, today=today, inherited=inherited,
                       forecast=forecast)
        tiles.append(Tile(judged, period, trajectory_line(judged), judged.values[-SPARK_POINTS:]))
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    tiles.sort(key=lambda t: (order[t.judged.status], t.indicator.code, t.judged.target.year or 0))
    if key is not None:
        memo.put(key, tuple(tiles), memo.TILES)
    return tiles


# --- the dashboard ----------------------------------------------------------------------


@dataclass
class Warning:
    unit: Unit
    indicator: Indicator
    status: Status
    words: Callable[[], str]  # the reason, put into words only when shown
    forecast: bool = False

    @cached_property
    def text(self) -> str:
        return self.words()


TILES_SHOWN = 30
PAGE, RANKING, ALL = "page", "ranking", "all"


@dataclass
class Dashboard:
    unit: Unit
    breadcrumbs: list[Unit]
    filters: Filters
    period: object
    tiles: list[Tile]
    inherited_from: Unit | None
    counts: dict
    children: children_of.Children
    warnings: list[Warning]
    kids: list[Unit] = field(default_factory=list)  # the units below, for the drill-down
    tasks: task_board.Board | None = None
    narratives: list = field(default_factory=list)
    choices: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def shown_tiles(self) -> list[Tile]:
        return self.tiles if self.filters.all_tiles else self.tiles[:TILES_SHOWN]

    @property
    def indicators(self) -> list[Indicator]:
        """The indicators of the tiles, once each, by code (the ranking's choices)."""
        return sorted({t.indicator.pk: t.indicator for t in self.tiles}.values(), key=lambda i: i.code)


@collector.rare_collections()
def dashboard(user, unit_id: int, filters: Filters, *, today: date, part: str = ALL) -> Dashboard:
    """The dashboard of a unit the user may view.

    ``part``: PAGE — the targets, warnings, tasks and narratives (the page loads the
    units below in a second request); RANKING — the targets' statuses (no forecast) and
    the units below, judged and ranked; ALL — everything (the API).
    """
    unit = viewable_unit(user, unit_id)
    targets, inherited_from = targets_of(unit, filters)
    period = period_of(unit, filters, today=today)
    statuses = statuses_counted(filters.include_submitted)
    tiles = tiles_for(unit, targets, period, today=today, include_submitted=filters.include_submitted,
                      inherited=inherited_from is not None, forecast=part != RANKING) if period and targets else []
    kids = children_of.Children([], [], None)
    if part != PAGE and period:
        kids = children_of.rows(unit, tiles, period, today=today, include_submitted=filters.include_submitted,
                                indicator_id=filters.indicator)
    board = Dashboard(
        unit=unit, breadcrumbs=[u for u in ancestors(unit) if access.can(user, access.Action.VIEW, u)],
        filters=filters, period=period, tiles=tiles, inherited_from=inherited_from,
        counts=count_statuses(t.judged.status for t in tiles), children=kids,
        warnings=_warnings(unit, tiles) + kids.warnings,
        kids=list(Unit.objects.filter(parent=unit, valid_to__isnull=True).order_by("name").only("name", "kind")),
    )
    if part != RANKING:
        prefixes = scope_paths([unit])
        recent = [p.pk for p in series_periods(period)[-3:]] if period else []
        stamp = None
        if not filters.include_submitted:
            if not tiles:
                rollup.refresh()  # the tiles' read did not bring the cache up to date
            stamp = cache.generation()
        board.tasks = task_board.board(prefixes, period, today=today, statuses=statuses, stamp=stamp)
        board.narratives = selectors.narratives(prefixes, exclude_unit_id=unit.pk, period_ids=recent, statuses=statuses)
        board.choices = choices(unit, inherited_from, today=today)
    return board


def _warnings(unit: Unit, tiles: list[Tile]) -> list[Warning]:
    found = []
    for tile in tiles:
        j = tile.judged
        if j.status in (Status.MISSED, Status.BEHIND, Status.AT_RISK):
            found.append(Warning(unit, j.indicator, j.status, lambda tile=tile: tile.reason))
        if j.forecast and j.forecast.misses:
            found.append(Warning(unit, j.indicator, j.status, lambda tile=tile: tile.forecast_reason, forecast=True))
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    found.sort(key=lambda w: (order[w.status], w.forecast))
    return found


def choices(unit: Unit, inherited_from: Unit | None, *, today: date) -> dict:
    source = inherited_from or unit
    targets = Target.objects.filter(unit=source, indicator__isnull=False)
    return {
        "plans": list(Plan.objects.filter(pk__in=targets.values("plan_id")).order_by("-issued_on", "number")),
        "categories": sorted({c for c in targets.values_list("indicator__category", flat=True).distinct() if c}),
        "years": sorted({y for y in targets.values_list("year", flat=True).distinct() if y}),
        "periods": sorted((p for p in selectors.periods(until=today) if p.due <= today),
                          key=lambda p: (p.end, -KIND_ORDER.get(p.kind, 9)), reverse=True)[:60],
    }


def tile_detail(user, unit_id: int, target_id: int, filters: Filters, *, today: date) -> tuple[Unit, Tile]:
    """One KPI of the dashboard, for the chart panel."""
    unit = viewable_unit(user, unit_id)
    targets, inherited_from = targets_of(unit, Filters())
    target = next((t for t in targets if t.pk == target_id), None)
    if target is None:
        raise FilterError(_("Chỉ tiêu này không được theo dõi ở đơn vị đã chọn."), location="target")
    period = period_of(unit, filters, today=today)
    if period is None:
        raise FilterError(_("Chưa có kỳ báo cáo nào."), location="period")
    (tile,) = tiles_for(unit, [target], period, today=today, include_submitted=filters.include_submitted,
                        inherited=inherited_from is not None, history=True)
    return unit, tile
