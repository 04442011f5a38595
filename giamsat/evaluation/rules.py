"""Pure evaluation rules: status against the trajectory, forecast, aggregation, ranking, tasks.

Plain values in, plain values out: no ORM, no request, no clock (``today`` is an
argument). Numbers are floats; comparisons at a boundary allow a relative error of
``EPSILON`` so that 80.0000001 read back from a database still counts as 80.

Vocabulary: a *goal* is a target as these rules see it (comparator, value, deadline,
baseline, tolerance); a *point* is one observed value at the end date of its period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

EPSILON = 1e-9


class Status(TextChoices):
    MET = "met", _("đạt")
    ON_TRACK = "on_track", _("đúng tiến độ")
    AT_RISK = "at_risk", _("có nguy cơ")
    BEHIND = "behind", _("chậm tiến độ")
    MISSED = "missed", _("không đạt")
    NO_DATA = "no_data", _("chưa có số liệu")


GOOD_STATUSES = frozenset({Status.MET, Status.ON_TRACK})
# Worst first: the order warnings and counts are shown in.
STATUS_ORDER = (Status.MISSED, Status.BEHIND, Status.AT_RISK, Status.NO_DATA, Status.ON_TRACK, Status.MET)

HIGHER, LOWER = "higher", "lower"
STOCK, FLOW = "stock", "flow"


@dataclass(frozen=True, slots=True)
class Point:
    on: date
    value: float


@dataclass(frozen=True, slots=True)
class Goal:
    comparator: str  # ">=", ">", "<=", "<", "=", "~", "between"
    value: float
    deadline: date
    value_max: float | None = None
    tolerance: float = 10.0  # percent of the span from the baseline to the target
    baseline: Point | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    value: float | None = None
    observed_on: date | None = None
    expected: float | None = None  # the trajectory's value at observed_on
    shortfall: float | None = None  # how far behind the trajectory (> 0 is behind)
    band: float | None = None  # the tolerance in the indicator's unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= EPSILON * max(1.0, abs(a), abs(b))


def meets(goal: Goal, value: float) -> bool:
    """Whether ``value`` satisfies the goal's comparator (at any date)."""
    c, t = goal.comparator, goal.value
    if c == ">=":
        return value > t or _close(value, t)
    if c == ">":
        return value > t and not _close(value, t)
    if c == "<=":
        return value < t or _close(value, t)
    if c == "<":
        return value < t and not _close(value, t)
    if c == "=":
        return _close(value, t)
    if c == "~":
        margin = abs(t) * goal.tolerance / 100
        return abs(value - t) <= margin or _close(abs(value - t), margin)
    if c == "between":
        low, high = t, goal.value_max if goal.value_max is not None else t
        return (value > low or _close(value, low)) and (value < high or _close(value, high))
    raise ValueError(f"unknown comparator {c!r}")


def _bounds(goal: Goal) -> tuple[float, float]:
    if goal.comparator == "between" and goal.value_max is not None:
        return goal.value, goal.value_max
    return goal.value, goal.value


def aim(goal: Goal, start: float) -> tuple[float, int]:
    """The value the trajectory runs to from ``start`` and its sense: +1 up, -1 down,
    0 to stay where it is.

    One-sided comparators fix the sense; a two-sided one (=, ≈, a range) aims at the
    nearer bound, or asks to stay on the target when ``start`` is already on it.
    """
    if goal.comparator in (">=", ">"):
        return goal.value, 1
    if goal.comparator in ("<=", "<"):
        return goal.value, -1
    low, high = _bounds(goal)
    if start < low:
        return low, 1
    if start > high:
        return high, -1
    return start, 0


def trajectory(baseline: Point, target: float, deadline: date, on: date) -> float:
    """The straight line from the baseline to the target at the deadline, read at ``on``."""
    total = (deadline - baseline.on).days
    if total <= 0:
        return target
    fraction = min(1.0, max(0.0, (on - baseline.on).days / total))
    return baseline.value + (target - baseline.value) * fraction


def span(goal: Goal, baseline: float, target: float) -> float:
    """What the tolerance is a percentage of: the distance the plan asks to cover, or,
    when there is none (the baseline already sits on the target), the width of the
    range or the size of the target."""
    distance = abs(target - baseline)
    if distance > EPSILON:
        return distance
    low, high = _bounds(goal)
    return (high - low) or abs(target)


def evaluate(goal: Goal, points: Sequence[Point], *, today: date, late: bool = False,
             settles_early: bool = True) -> Verdict:
    """The status of a goal from its observed points (sorted by date, none after the deadline).

    ``late``: the report for the latest due period is missing, so the data are stale.
    ``settles_early``: whether meeting the target before the deadline is final (false for
    a flow capped from above, which can still exceed its cap before the year is over).
    """
    if late or not points:
        return Verdict(Status.NO_DATA)
    last = points[-1]
    deadline_passed = today > goal.deadline
    if meets(goal, last.value) and (settles_early or deadline_passed or last.on >= goal.deadline):
        return Verdict(Status.MET, last.value, last.on)
    if deadline_passed:
        return Verdict(Status.MISSED, last.value, last.on)
    baseline = goal.baseline or points[0]
    target, sense = aim(goal, baseline.value)
    low, high = _bounds(goal)
    if sense == 0:
        # started on a two-sided target: the shortfall is the distance off it
        expected = min(max(last.value, low), high)
        shortfall = abs(last.value - expected)
    else:
        expected = trajectory(baseline, target, goal.deadline, last.on)
        shortfall = (expected - last.value) * sense
        if goal.comparator in ("=", "~", "between") and not meets(goal, last.value):
            # past the far side of a two-sided target is as bad as short of the near one
            overshoot = (last.value - high) if sense > 0 else (low - last.value)
            shortfall = max(shortfall, overshoot)
    band = span(goal, baseline.value, target) * goal.tolerance / 100
    verdict = {"value": last.value, "observed_on": last.on, "expected": expected,
               "shortfall": shortfall, "band": band}
    if shortfall <= 0 or _close(shortfall, 0):
        return Verdict(Status.ON_TRACK, **verdict)
    if shortfall < band or _close(shortfall, band):
        return Verdict(Status.AT_RISK, **verdict)
    return Verdict(Status.BEHIND, **verdict)


def settles_early(comparator: str, temporality: str) -> bool:
    """A stock that meets its target has met it; a flow only once it can no longer
    overshoot, i.e. when the target is a floor."""
    return temporality == STOCK or comparator in (">=", ">")


# --- the series a goal is judged on -------------------------------------------------


def cumulate(points: Sequence[Point], start: float = 0.0) -> list[Point]:
    """Running totals of a flow."""
    total, result = start, []
    for p in points:
        total += p.value
        result.append(Point(p.on, total))
    return result


def yearly_view(goal: Goal, points: Sequence[Point], *, year: int, temporality: str) -> tuple[Goal, list[Point]]:
    """A per-year target seen in ``year``: the deadline is 31/12, and a flow is judged on
    the year's running total from 0 on 31/12 of the year before; a stock on its values in
    the year, from the last value of the year before (or the year's first)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    in_year = [p for p in points if start <= p.on <= end]
    if temporality == FLOW:
        return replace(goal, deadline=end, baseline=Point(start - timedelta(days=1), 0.0)), cumulate(in_year)
    before = [p for p in points if p.on < start]
    baseline = before[-1] if before else (in_year[0] if in_year else None)
    return replace(goal, deadline=end, baseline=baseline), in_year


def cumulative_view(goal: Goal, points: Sequence[Point], *, first_start: date | None = None) -> tuple[Goal, list[Point]]:
    """A flow judged over the whole plan (not per year): its running total since the
    baseline date (or since the first period, from 0)."""
    if goal.baseline is not None:
        after = [p for p in points if p.on > goal.baseline.on]
        return goal, cumulate(after, goal.baseline.value)
    if not points:
        return goal, []
    origin = (first_start or points[0].on) - timedelta(days=1)
    return replace(goal, baseline=Point(origin, 0.0)), cumulate(points)


# --- forecast --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trend:
    slope: float  # per day
    intercept: float  # value at ``origin``
    origin: date
    n: int

    def at(self, on: date) -> float:
        return self.intercept + self.slope * (on - self.origin).days


def fit_trend(points: Sequence[Point], *, window: int = 12, min_points: int = 3) -> Trend | None:
    """Least squares line through the last ``window`` points (None with fewer than ``min_points``)."""
    recent = list(points)[-window:]
    n = len(recent)
    if n < min_points:
        return None
    origin = recent[0].on
    xs = [(p.on - origin).days for p in recent]
    ys = [p.value for p in recent]
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    return Trend(slope, mean_y - slope * mean_x, origin, n)


@dataclass(frozen=True, slots=True)
class Forecast:
    value: float
    on: date
    n: int  # points the trend was fitted on
    misses: bool


def _clamp(value: float, bounds: tuple[float | None, float | None]) -> float:
    low, high = bounds
    if low is not None:
        value = max(low, value)
    if high is not None:
        value = min(high, value)
    return value


def forecast_stock(goal: Goal, points: Sequence[Point], *, window: int = 12,
                   bounds: tuple[float | None, float | None] = (None, None)) -> Forecast | None:
    """The trend of the recent values read at the deadline."""
    trend = fit_trend(points, window=window)
    if trend is None:
        return None
    value = _clamp(trend.at(goal.deadline), bounds)
    return Forecast(value, goal.deadline, trend.n, not meets(goal, value))


def forecast_flow(goal: Goal, flows: Sequence[Point], *, total: float, future: Sequence[date],
                  window: int = 12) -> Forecast | None:
    """A running total's value at the deadline: ``total`` so far plus the trend of the
    recent per-period flows read at each future period end (never below zero)."""
    trend = fit_trend(flows, window=window)
    if trend is None:
        return None
    value = total + sum(max(0.0, trend.at(on)) for on in future if on <= goal.deadline)
    return Forecast(value, goal.deadline, trend.n, not meets(goal, value))


# --- aggregation -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Components:
    """What a roll-up keeps of a set of values so that every aggregation rule can be
    computed from it, and two sets merged by adding (the roll-up cache stores these)."""

    n: int = 0
    total: float = 0.0
    n_ratio: int = 0  # values with both numerator and denominator
    numerator: float = 0.0
    denominator: float = 0.0
    n_weighted: int = 0  # values with a weight
    weight: float = 0.0
    weighted_total: float = 0.0
    minimum: float | None = None
    maximum: float | None = None

    @classmethod
    def of(cls, value: float | None, numerator: float | None = None, denominator: float | None = None,
           weight: float | None = None) -> Components:
        has_ratio = numerator is not None and denominator is not None
        has_weight = weight is not None and value is not None
        return cls(
            n=int(value is not None), total=value or 0.0,
            n_ratio=int(has_ratio), numerator=numerator if has_ratio else 0.0,
            denominator=denominator if has_ratio else 0.0,
            n_weighted=int(has_weight), weight=weight if has_weight else 0.0,
            weighted_total=weight * value if has_weight else 0.0,
            minimum=value, maximum=value,
        )

    def __add__(self, other: Components) -> Components:
        return Components(
            self.n + other.n, self.total + other.total,
            self.n_ratio + other.n_ratio, self.numerator + other.numerator,
            self.denominator + other.denominator,
            self.n_weighted + other.n_weighted, self.weight + other.weight,
            self.weighted_total + other.weighted_total,
            _pick(min, self.minimum, other.minimum), _pick(max, self.maximum, other.maximum),
        )

    @property
    def empty(self) -> bool:
        return self.n == 0 and self.n_ratio == 0


def _pick(choose, a, b):
    if a is None:
        return b
    if b is None:
        return a
    return choose(a, b)


def merge(parts: Iterable[Components]) -> Components:
    result = Components()
    for part in parts:
        result = result + part
    return result


def aggregate(rule: str, c: Components, *, scale: float = 1.0) -> float | None:
    """The rolled-up value by the indicator's rule.

    ``ratio`` is the sum of numerators over the sum of denominators (times ``scale``,
    100 for a percentage) — never a mean of the units' percentages; a lone value
    without its numerator and denominator stands for itself.
    """
    if c.empty:
        return None
    if rule == "sum":
        return c.total if c.n else None
    if rule == "ratio":
        if c.n_ratio and c.denominator:
            return c.numerator / c.denominator * scale
        return c.total if c.n == 1 else None
    if rule == "weighted_mean":
        if c.n_weighted and c.weight:
            return c.weighted_total / c.weight
        return c.total if c.n == 1 else None
    if rule == "min":
        return c.minimum
    if rule == "max":
        return c.maximum
    if rule == "none":
        return c.total if c.n == 1 else None
    raise ValueError(f"unknown aggregation {rule!r}")


def over_periods(temporality: str, parts: Sequence[Components]) -> Components:
    """Several periods (oldest first) as one: a stock is its latest reported value, a
    flow the sum of the periods."""
    if temporality == STOCK:
        for part in reversed(parts):
            if not part.empty:
                return part
        return Components()
    return merge(parts)


def ratio_scale(value_type: str) -> float:
    return 100.0 if value_type == "percent" else 1.0


# --- ranking ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ranked:
    key: object
    value: float | None
    rank: int | None  # None: no data, listed last
    tied: bool = False


def rank(items: Iterable[tuple[object, float | None]], *, higher_is_better: bool = True) -> list[Ranked]:
    """Competition ranking (1, 2, 2, 4): equal values share a rank and are marked tied;
    items without a value come last, unranked, in their given order."""
    items = list(items)
    known = [(k, v) for k, v in items if v is not None]
    known.sort(key=lambda kv: -kv[1] if higher_is_better else kv[1])
    result: list[Ranked] = []
    for i, (key, value) in enumerate(known):
        same_as_previous = i > 0 and _close(value, known[i - 1][1])
        position = result[-1].rank if same_as_previous else i + 1
        tied = same_as_previous or (i + 1 < len(known) and _close(value, known[i + 1][1]))
        result.append(Ranked(key, value, position, tied))
    result.extend(Ranked(k, None, None) for k, v in items if v is None)
    return result


@dataclass(frozen=True, slots=True)
class Share:
    good: int
    judged: int  # targets with data
    missing: int  # targets without data

    @property
    def value(self) -> float | None:
        """Share of all targets that are met or on track (targets without data count as
        not on track, and are shown beside it); None when no target has data."""
        total = self.judged + self.missing
        return 100.0 * self.good / total if self.judged else None


def share_on_track(statuses: Iterable[str]) -> Share:
    statuses = list(statuses)
    missing = sum(1 for s in statuses if s == Status.NO_DATA)
    good = sum(1 for s in statuses if s in GOOD_STATUSES)
    return Share(good, len(statuses) - missing, missing)


def count_statuses(statuses: Iterable[str]) -> dict[Status, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for s in statuses:
        counts[Status(s)] += 1
    return counts


# --- tasks -----------------------------------------------------------------------------


class TaskState(TextChoices):
    DONE_ON_TIME = "done_on_time", _("hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("hoàn thành quá hạn")
    IN_PROGRESS = "in_progress", _("đang thực hiện trong hạn")
    OVERDUE = "overdue", _("đang thực hiện quá hạn")
    NOT_STARTED = "not_started", _("chưa triển khai")


@dataclass(frozen=True)
class TaskProgress:
    """A task's latest reported progress (``status`` as in reporting: not_started,
    in_progress, done) and the end of the period it was reported for."""

    status: str
    reported_on: date
    progress: int = 0
    completed_on: date | None = None


def task_state(deadline: date | None, progress: TaskProgress | None, *, today: date) -> TaskState:
    """One deadline (or none: a continuous task is never late)."""
    if progress is None or (progress.status == "not_started" and not progress.progress):
        return TaskState.NOT_STARTED
    if progress.status == "done":
        finished = progress.completed_on or progress.reported_on
        late = deadline is not None and finished > deadline
        return TaskState.DONE_LATE if late else TaskState.DONE_ON_TIME
    if deadline is not None and today > deadline:
        return TaskState.OVERDUE
    return TaskState.IN_PROGRESS


def is_overdue(state: TaskState, deadline: date | None, *, today: date) -> bool:
    """Needs a leader's attention: running late, or not started and past its deadline."""
    if state == TaskState.OVERDUE:
        return True
    return state == TaskState.NOT_STARTED and deadline is not None and today > deadline


def recurrence_windows(recurrence: str, *, start: date, until: date) -> list[tuple[date, date]]:
    """The periods a recurring task is judged in (month, quarter, year), from the one
    holding ``start`` to the one holding ``until``."""
    months = {"month": 1, "quarter": 3, "year": 12}.get(recurrence)
    if months is None:
        return []
    first_month = (start.month - 1) // months * months + 1
    y, m = start.year, first_month
    windows = []
    while date(y, m, 1) <= until:
        ny, nm = (y + (m - 1 + months) // 12, (m - 1 + months) % 12 + 1)
        windows.append((date(y, m, 1), date(ny, nm, 1) - timedelta(days=1)))
        y, m = ny, nm
    return windows


def periodic_task_states(windows: Sequence[tuple[date, date]], updates: Sequence[TaskProgress],
                         *, today: date) -> list[tuple[tuple[date, date], TaskState]]:
    """A recurring task judged in each window: its deadline is the window's last day,
    and only the progress reported for periods ending inside the window counts (the
    first report saying "done", else the latest)."""
    result = []
    for start, end in windows:
        inside = sorted((u for u in updates if start <= u.reported_on <= end), key=lambda u: u.reported_on)
        done = [u for u in inside if u.status == "done"]
        chosen = done[0] if done else (inside[-1] if inside else None)
        result.append(((start, end), task_state(end, chosen, today=today)))
    return result
