"""The units directly below a dashboard's unit: how each stands on the dashboard's
targets, their ranking overall (share of targets met or on track) and per indicator.

A child is judged on its own target for the indicator when it has one; otherwise on
the parent's target — only for indicators whose value means the same at every level
(a rate, a mean, a minimum or maximum), never for a count, whose parent total does not
apply to a part of it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from types import SimpleNamespace

from giamsat.evaluation import cache, memo, rollup, wording
from giamsat.evaluation.judging import (
    INTENSIVE_RULES,
    Span,
    additive,
    goal_of,
    judge,
    value_of,
    verdict_of,
)
from giamsat.evaluation.rules import Ranked, Share, Status, count_statuses, rank, share_on_track
from giamsat.kpi.models import Target
from giamsat.orgs.models import Unit, UnitKind

CHILD_WARNINGS = 40


@dataclass
class Row:
    unit: Unit
    share: Share
    counts: dict
    statuses: dict = field(default_factory=dict)  # parent target id -> Status
    overall: Ranked | None = None
    value: Ranked | None = None  # on the ranking indicator
    value_status: Status | None = None
    ranked: bool = True  # an administrative area, compared with its peers


@dataclass
class Children:
    rows: list[Row]  # every child, best overall first
    warnings: list
    indicator: object  # the ranking indicator
    by_value: list[Row] = field(default_factory=list)

    @property
    def ranked(self) -> list[Row]:
        return [r for r in self.rows if r.ranked]

    @property
    def others(self) -> list[Row]:
        """Units below that are not compared with the areas (agencies, ministries)."""
        return [r for r in self.rows if not r.ranked]


TARGET_FIELDS = ("pk", "unit_id", "indicator_id", "comparator", "value", "value_max", "year", "per_year",
                 "baseline_value", "baseline_date", "unit_text")


def _own_rows(kids, indicators: dict) -> dict[int, tuple]:
    """The rows of the children's own targets on the dashboard's indicators, by child (a
    national dashboard reads some 5,000 of them)."""
    qs = Target.objects.filter(unit__in=kids, indicator_id__in=list(indicators)).order_by("year", "pk")
    found: dict[int, list] = {}
    for row in qs.values_list(*TARGET_FIELDS):
        found.setdefault(row[1], []).append(row)
    return {unit_id: tuple(rows) for unit_id, rows in found.items()}


def _own_targets(rows: Iterable[tuple], indicators: dict) -> dict[tuple[int, int], list[SimpleNamespace]]:
    """Those rows as light records, by (child, indicator)."""
    found: dict[tuple[int, int], list[SimpleNamespace]] = {}
    for row in rows:
        t = SimpleNamespace(**dict(zip(TARGET_FIELDS, row, strict=True)))
        t.indicator = indicators[t.indicator_id]
        found.setdefault((t.unit_id, t.indicator_id), []).append(t)
    return found


def _matching(own: list[Target], parent: Target) -> Target:
    same = [t for t in own if t.year == parent.year and t.per_year == parent.per_year]
    return (same or own)[0]


def _windows(kids, tiles, period, periods, needed: set[int], *, today, include_submitted):
    """What each child is judged on, for the ``needed`` indicators, read in a few summed
    queries rather than month by month: the period itself (and the one before while it
    is not yet due); the year so far as one period for per-year targets; the total since
    the baseline for counts over the whole plan. Returns (windows by indicator,
    components by (unit, indicator, period))."""
    point = [period] if period.due < today else periods[-2:]
    year = [p for p in periods if p.end.year == period.end.year]
    before = [p for p in periods if p.end.year < period.end.year][-1:]
    ytd = SimpleNamespace(pk=-1, start=date(period.end.year, 1, 1), end=period.end, due=period.due, kind=period.kind)
    tiles = [t for t in tiles if t.judged.target.indicator_id in needed]
    indicators = {t.indicator_id: t.indicator for t in (tile.judged.target for tile in tiles)}
    per_year = {t.judged.target.indicator_id for t in tiles if t.judged.target.per_year}
    plan_long = {i for i, ind in indicators.items() if additive(ind)} - per_year
    comps = rollup.components(kids, indicators, [p.pk for p in point], include_submitted=include_submitted,
                              catch_up=False)  # the parent's tiles just caught up
    options = {"include_submitted": include_submitted, "catch_up": False}
    windows = dict.fromkeys(indicators, (point, period))
    if per_year:
        summed = rollup.components(kids, per_year, [p.pk for p in year], summed=True, **options)
        comps |= {(u, i, ytd.pk): c for (u, i, _), c in summed.items() if (u, i, period.pk) in comps}
        if before:
            comps |= rollup.components(kids, per_year - {i for i in per_year if additive(indicators[i])},
                                       [before[0].pk], **options)
        windows |= {i: ([*before, ytd], ytd) for i in per_year}
    for since in {t.judged.goal.baseline.on if t.judged.goal.baseline else None for t in tiles
                  if t.judged.target.indicator_id in plan_long}:
        ids = {t.judged.target.indicator_id for t in tiles if t.judged.target.indicator_id in plan_long
               and (t.judged.goal.baseline.on if t.judged.goal.baseline else None) == since}
        total = SimpleNamespace(pk=-2 - len(comps), start=periods[0].start, end=period.end, due=period.due, kind=period.kind)
        summed = rollup.components(kids, ids, [p.pk for p in periods if since is None or p.end > since], summed=True, **options)
        comps |= {(u, i, total.pk): c for (u, i, _), c in summed.items() if (u, i, period.pk) in comps}
        windows |= {i: ([total], total) for i in ids}
    by_unit: dict[int, dict[int, dict]] = {}
    for (u, i, p), c in comps.items():
        by_unit.setdefault(u, {}).setdefault(i, {})[p] = c
    return windows, by_unit


def rows(unit: Unit, tiles, period, *, today, include_submitted: bool, indicator_id: int | None) -> Children:
    """The units below ``unit`` judged on ``tiles`` (the unit's targets, judged just
    before: that read brought the roll-up cache up to date) and ranked. Remembered in
    ``evaluation.memo`` until anything it reads changes; the result is shared: read it,
    never change it."""
    from giamsat.evaluation.services import Warning, series_periods

    period = Span.of(period)
    kids = list(Unit.objects.filter(parent=unit, valid_to__isnull=True).order_by("name"))
    targets = [t.judged.target for t in tiles]
    indicators = {t.indicator_id: t.indicator for t in targets}
    ranking_indicator = indicators.get(indicator_id) or (targets[0].indicator if targets else None)
    if not kids:
        return Children([], [], ranking_indicator)
    own_rows = _own_rows(kids, indicators)
    # only what some child is judged on (its own target, or a rate set above) or ranked by
    needed = {i for i, ind in indicators.items() if ind.aggregation in INTENSIVE_RULES}
    needed |= {row[2] for rows in own_rows.values() for row in rows}
    needed |= {ranking_indicator.pk} if ranking_indicator else set()
    inherited_goals = {
        t.judged.target.pk: t.judged.goal if t.judged.goal.baseline and not t.judged.target.per_year
        else goal_of(t.judged.target, t.indicator)  # the parent's trajectory, from the parent's baseline
        for t in tiles
    }
    periods = series_periods(period)
    by_target = sorted(tiles, key=lambda t: t.judged.target.pk)  # the tiles' order follows their statuses
    key = kid_keys = None
    if not include_submitted:  # submitted reports do not go through the roll-up cache
        parents_sig = tuple((memo.fields_of(t.judged.target), memo.fields_of(t.indicator),
                             inherited_goals[t.judged.target.pk]) for t in by_target)
        generation = cache.generation()
        key = ("children", unit.pk, generation, today, period, tuple(periods),
               tuple((k.pk, k.name, k.kind, own_rows.get(k.pk)) for k in kids), parents_sig,
               ranking_indicator.pk if ranking_indicator else None)
        if (known := memo.get(key)) is not None:
            return known
        # nothing changed anywhere? no: then each child as long as nothing in its scope changed
        stamps = rollup.stamps(kids)
        common = (generation[1], today, period, tuple(periods), parents_sig, frozenset(needed))  # [1]: rebuilt at
        kid_keys = {k.pk: ("child", k.pk, k.name, k.kind, stamps[k.pk], common, own_rows.get(k.pk)) for k in kids}
    known_kids = {k.pk: found for k in kids if kid_keys and (found := memo.get(kid_keys[k.pk], memo.CHILD)) is not None}
    stale = [k for k in kids if k.pk not in known_kids]
    own = _own_targets((row for k in stale for row in own_rows.get(k.pk, ())), indicators)
    windows, by_unit = _windows(stale, tiles, period, periods, needed, today=today,
                                include_submitted=include_submitted) if stale else ({}, {})
    areas = any(k.kind == UnitKind.ADMINISTRATIVE_AREA for k in kids)
    parents = [(t.judged.target, t.judged.target.pk, t.judged.target.indicator_id, t.indicator,
                t.indicator.aggregation in INTENSIVE_RULES) for t in by_target]
    result, warnings, now = [], [], {}
    for kid in kids:
        if kid.pk in known_kids:
            statuses, kid_warnings, now[kid.pk] = known_kids[kid.pk]
        else:
            statuses, kid_warnings = _judge_kid(kid, parents, own, by_unit.get(kid.pk), windows, inherited_goals,
                                                today=today)
            # the period's value of each indicator (what a ranking by one indicator compares)
            now[kid.pk] = {i: value_of(indicators[i], c) for i, per in by_unit.get(kid.pk, {}).items()
                           if i in indicators and (c := per.get(period.pk)) is not None}
            if kid_keys:
                memo.put(kid_keys[kid.pk], (statuses, kid_warnings, now[kid.pk]), memo.CHILD)
        warnings += kid_warnings
        result.append(Row(kid, share_on_track(statuses.values()), count_statuses(statuses.values()), statuses,
                          ranked=kid.kind == UnitKind.ADMINISTRATIVE_AREA or not areas))
    _rank(result, ranking_indicator, tiles, now)
    warnings.sort(key=lambda w: w[:4])
    worded = [Warning(kid, indicator, status, lambda again=again: wording.status_reason(again()))
              for *_, kid, status, indicator, again in warnings[:CHILD_WARNINGS]]
    found = Children(result, worded, ranking_indicator,
                     sorted((r for r in result if r.ranked), key=lambda r: (r.value.rank is None, r.value.rank or 0)))
    if key is not None:
        memo.put(key, found)
    return found


def _judge_kid(kid, parents, own, values, windows, inherited_goals, *, today) -> tuple[dict, list]:
    """One child's status on each parent target it is judged on, and its warnings (with
    what puts them into words when shown)."""
    kid_id, statuses, warnings = kid.pk, {}, []
    for parent, parent_id, indicator_id, indicator, intensive in parents:
        mine = own.get((kid_id, indicator_id))
        if not mine and not intensive:
            continue
        if values is None:  # nothing reported below this child at all
            statuses[parent_id] = Status.NO_DATA
            continue
        target = _matching(mine, parent) if mine else parent
        goal = goal_of(target, indicator) if mine else inherited_goals[parent_id]
        window, at = windows[indicator_id]
        mine_values = values.get(indicator_id, {})
        status = verdict_of(target, indicator, window, mine_values, period=at, today=today, goal=goal).status
        statuses[parent_id] = status
        if status in (Status.MISSED, Status.BEHIND):
            again = partial(judge, target, indicator, window, mine_values, period=at, today=today,
                            goal=goal, forecast=False, inherited=not mine)
            warnings.append((status != Status.MISSED, kid.name, kid_id, parent_id, kid, status, indicator, again))
    return statuses, warnings


def _rank(result: list[Row], indicator, tiles, now: dict[int, dict[int, float | None]]) -> None:
    ranked = [r for r in result if r.ranked]
    overall = {x.key: x for x in rank([(r.unit.pk, r.share.value) for r in ranked])}
    values = []
    first = next((t.judged.target for t in tiles if indicator and t.indicator.pk == indicator.pk), None)
    for r in ranked:
        values.append((r.unit.pk, now.get(r.unit.pk, {}).get(indicator.pk) if indicator else None))
        r.value_status = r.statuses.get(first.pk) if first else None
    by_value = {x.key: x for x in rank(values, higher_is_better=not indicator or indicator.direction == "higher")}
    for r in ranked:
        r.overall, r.value = overall[r.unit.pk], by_value[r.unit.pk]
    result.sort(key=lambda r: (not r.ranked, r.overall is None or r.overall.rank is None,
                               r.overall.rank if r.overall and r.overall.rank else 0, r.unit.name))
