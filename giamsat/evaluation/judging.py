"""Judging a target from its unit's roll-ups: which series the target is compared on,
its status, forecast and trajectory. No queries: callers pass the target, its
indicator, the periods and the roll-up components they loaded.

What series a target is judged on:

* a stock, or a rate over a period (a flow aggregated as a ratio or a mean): the value
  of each period;
* a count over periods (a flow that sums): its running total — over the year for a
  per-year target ("mỗi năm"), since the baseline for a target over the plan;
* a per-year target on a rate: the year-to-date rate (the year's numerators over its
  denominators), from the value at the end of the year before.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from giamsat.evaluation import rules
from giamsat.evaluation.rules import Components, Forecast, Goal, Point, Status, Verdict

FOREVER = date(9999, 12, 31)
# Aggregations whose value means the same at every level (a unit's part of a count does
# not): a target set above may judge the units below on them.
INTENSIVE_RULES = ("ratio", "weighted_mean", "min", "max")


@dataclass(frozen=True, slots=True)
class Span:
    """A reporting period as judging reads it (plain attributes: a national dashboard
    looks them up some 30,000 times)."""

    pk: int
    kind: str
    start: date
    end: date
    due: date
    label: str = ""

    @classmethod
    def of(cls, period) -> "Span":
        return cls(period.pk, period.kind, period.start, period.end, period.due, str(period.label))


@dataclass(frozen=True)
class Judged:
    target: object  # kpi Target
    indicator: object  # kpi Indicator
    verdict: Verdict
    goal: Goal
    points: list[Point]  # the series the target is judged on
    values: list[Point]  # the value of each period (the sparkline)
    coverage: int  # units whose values make the latest point
    late: bool
    forecast: Forecast | None = None
    inherited: bool = False  # judged on a target of a unit above

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def warns(self) -> bool:
        return self.status in (Status.MISSED, Status.BEHIND, Status.AT_RISK) or bool(self.forecast and self.forecast.misses)


def additive(indicator) -> bool:
    return indicator.aggregation == "sum" and indicator.temporality == "flow"


def value_of(indicator, c: Components | None) -> float | None:
    if c is None:
        return None
    return rules.aggregate(indicator.aggregation, c, scale=rules.ratio_scale(indicator.value_type))


def goal_of(target, indicator) -> Goal:
    baseline = None
    if target.baseline_value is not None and target.baseline_date is not None:
        baseline = Point(target.baseline_date, float(target.baseline_value))
    return Goal(
        comparator=target.comparator, value=float(target.value),
        deadline=date(target.year, 12, 31) if target.year else FOREVER,
        value_max=float(target.value_max) if target.value_max is not None else None,
        tolerance=float(indicator.tolerance), baseline=baseline,
    )


def judged_series(target, indicator, periods, comps: dict[int, Components], *, year: int,
                  goal: Goal | None = None) -> tuple[Goal, list[Point], list[Point]]:
    """(goal, judged points, per-period values) from ``periods`` (oldest first) and the
    unit's components by period id."""
    goal = goal or goal_of(target, indicator)
    values = [Point(p.end, v) for p in periods if (c := comps.get(p.pk)) is not None
              and (v := value_of(indicator, c)) is not None]
    if target.per_year:
        year = min(year, target.year) if target.year else year
        if additive(indicator):
            goal, points = rules.yearly_view(goal, values, year=year, temporality=rules.FLOW)
        else:
            goal, points = rules.yearly_view(goal, _year_to_date(indicator, periods, comps, year),
                                             year=year, temporality=rules.STOCK)
    elif additive(indicator):
        goal, points = rules.cumulative_view(goal, values, first_start=periods[0].start if periods else None)
    else:
        points = values
    if points and points[-1].on > goal.deadline:  # (sorted by date: usually nothing to drop)
        points = [p for p in points if p.on <= goal.deadline]
    return goal, points, values


def _year_to_date(indicator, periods, comps, year) -> list[Point]:
    """The running rate of ``year`` at each period's end (the last value of the year
    before first, to start the year from)."""
    before = [p for p in periods if p.end.year < year and p.pk in comps]
    points = [Point(before[-1].end, value_of(indicator, comps[before[-1].pk]))] if before else []
    running = Components()
    for p in periods:
        if p.end.year == year and p.pk in comps:
            running = running + comps[p.pk]
            points.append(Point(p.end, value_of(indicator, running)))
    return [p for p in points if p.value is not None and p.on.year <= year]


def _assess(target, indicator, periods, comps, *, period, today: date, goal: Goal | None):
    goal, points, values = judged_series(target, indicator, periods, comps, year=period.end.year, goal=goal)
    late = period.due < today and not (values and values[-1].on == period.end)
    verdict = rules.evaluate(goal, points, today=min(today, period.end), late=late,
                             settles_early=rules.settles_early(goal.comparator, rules.FLOW if additive(indicator) else rules.STOCK))
    return goal, points, values, late, verdict


def verdict_of(target, indicator, periods, comps: dict[int, Components], *, period, today: date,
               goal: Goal | None = None) -> Verdict:
    """The status alone (for the thousands of child targets a ranking judges)."""
    return _assess(target, indicator, periods, comps, period=period, today=today, goal=goal)[4]


def judge(target, indicator, periods, comps: dict[int, Components], *, period, today: date,
          goal: Goal | None = None, forecast: bool = True, inherited: bool = False) -> Judged:
    """Judge ``target`` at ``period`` (the last of ``periods``) from the unit's components.

    The report is late (no data) when the period's due date has passed and the unit has
    no value for it.
    """
    goal, points, values, late, verdict = _assess(target, indicator, periods, comps, period=period, today=today,
                                                  goal=goal)
    latest = next((comps[p.pk] for p in reversed(periods) if values and p.end == values[-1].on and p.pk in comps), None)
    judged = Judged(target, indicator, verdict, goal, points, values, latest.n if latest else 0, late, None, inherited)
    if forecast and verdict.status in (Status.ON_TRACK, Status.AT_RISK, Status.BEHIND):
        judged = _with_forecast(judged, period)
    return judged


def _with_forecast(judged: Judged, period) -> Judged:
    goal, indicator = judged.goal, judged.indicator
    if goal.deadline == FOREVER:
        return judged
    if additive(indicator):
        found = rules.forecast_flow(goal, judged.values, total=judged.points[-1].value,
                                    future=future_ends(period.kind, period.end, goal.deadline))
    else:
        high = 100.0 if indicator.value_type == "percent" else None
        found = rules.forecast_stock(goal, judged.points, bounds=(0.0, high))
    return Judged(**{**judged.__dict__, "forecast": found})


_MONTHS = {"month": 1, "quarter": 3, "half": 6, "nine": 12, "year": 12}


def future_ends(kind: str, after: date, until: date) -> list[date]:
    """The ends of the periods of ``kind`` after ``after`` up to ``until``."""
    step = _MONTHS.get(kind, 1)
    ends, y, m = [], after.year, after.month
    while True:
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        end = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
        if end > until:
            return ends
        ends.append(end)


def trajectory_line(judged: Judged) -> list[Point]:
    """The trajectory from the baseline to the target at the deadline (two points)."""
    goal = judged.goal
    start = goal.baseline or (judged.points[0] if judged.points else None)
    if start is None or goal.deadline == FOREVER:
        return []
    target, _sense = rules.aim(goal, start.value)
    return [start, Point(goal.deadline, target)]
