"""Roll-ups of values up the unit tree, fast at national scale and exact.

A unit's roll-up for an indicator and a period combines the values of every unit in
its scope: its subtree and, transitively, the units merged or dissolved into a unit of
it (``orgs.services.scopes_by_root``). Only approved values count unless the caller
asks for submitted ones too.

Units with children ("aggregates": the nation, provinces…) read their roll-up from
``RollupCell``, a cache of summed components (count, sum, numerator, denominator,
weight, min, max) per (aggregate, indicator, period), kept by ``giamsat.evaluation.cache``.
Other units are computed directly from the values in SQL. No nightly batch:

* ``submission_changed``: reporting's workflow calls it in the transaction that
  approves, returns or re-opens a report; the change shows at the very next read;
* ``refresh`` runs before every read: a change of the unit tree or of the weight
  indicators is caught at once (fingerprint); approvals made by a path that did not
  call ``submission_changed`` are caught in the recent periods at every read and in
  all periods every ``GIAMSAT_ROLLUP_FULL_CHECK_SECONDS`` (default 300).

See docs/decisions/0004-rollup-cache.md.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from giamsat.evaluation import cache
from giamsat.evaluation.models import RollupCell, RollupScope, RollupState
from giamsat.evaluation.rules import Components
from giamsat.orgs.models import Unit
from giamsat.orgs.services import paths_q, scopes_by_root
from giamsat.reporting import selectors

log = logging.getLogger("giamsat.evaluation")

APPROVED = selectors.APPROVED
CELL = RollupCell._meta.db_table
FIELDS = selectors.COMPONENT_FIELDS
RECENT_DAYS = 70  # periods ending this recently (the current round and the one before) are checked at every read

Key = tuple[int, int, int]  # (unit, indicator, period)


# --- keeping the cache exact -------------------------------------------------------------


def submission_changed(submission_id: int) -> None:
    """Bring the cache up to a submission's new state (approved, returned, re-opened,
    changed), in the caller's transaction: call it after every workflow transition."""
    with transaction.atomic():
        state = cache.lock()
        if state.fingerprint != cache.current_fingerprint():
            cache.reconcile()
            cache.ensure_scopes(state)
            return
        period = selectors.period_of_submission(submission_id)
        if period is not None:
            cache.reconcile([period])


def _recent_periods() -> list[int]:
    today = timezone.localdate()
    return selectors.period_ids_ending_between(today - timedelta(days=RECENT_DAYS), today + timedelta(days=366))


def _claim_full_check() -> bool:
    """Whether this read is the one that checks every period (a conditional UPDATE claims
    it, so concurrent reads do not all do it)."""
    every = getattr(settings, "GIAMSAT_ROLLUP_FULL_CHECK_SECONDS", 300)
    now = timezone.now()
    due = Q(checked_at__isnull=True) | Q(checked_at__lt=now - timedelta(seconds=every))
    return RollupState.objects.filter(due, pk=1).update(checked_at=now) == 1


def refresh() -> bool:
    """Make the cells exact for the current tree and approvals; returns whether it wrote."""
    state = RollupState.objects.filter(pk=1).first()
    if state is None or state.fingerprint != cache.current_fingerprint():
        with transaction.atomic():
            state = cache.lock()
            cache.reconcile()
            cache.ensure_scopes(state)
            RollupState.objects.filter(pk=1).update(checked_at=timezone.now())  # every period was just checked
        return True
    periods = None if _claim_full_check() else _recent_periods()
    fresh, gone = selectors.submissions_to_reconcile(cache.SOURCE, periods)
    if not fresh and not gone:
        return False
    with transaction.atomic():
        cache.lock()
        return cache.reconcile(periods)


def rebuild() -> None:
    """Drop and recompute every scope, source and cell from the approved values."""
    with transaction.atomic():
        units, links = cache.tree()
        cache.build(cache.lock(), units, links)
        RollupState.objects.filter(pk=1).update(checked_at=timezone.now())


# --- reading --------------------------------------------------------------------------


def _components(row: Sequence) -> Components:
    n, total, n_ratio, num, den, n_weighted, weight, weighted, low, high = row
    return Components(int(n), float(total), int(n_ratio), float(num), float(den), int(n_weighted), float(weight),
                      float(weighted), None if low is None else float(low), None if high is None else float(high))


def aggregate_ids(unit_ids: Iterable[int]) -> set[int]:
    return set(RollupScope.objects.filter(aggregate_id__in=set(unit_ids)).values_list("aggregate_id", flat=True).distinct())


def _from_cells(unit_ids, indicator_ids, period_ids, summed: bool = False) -> dict[Key, Components]:
    where = [selectors.in_list("unit_id", sorted(unit_ids)), selectors.in_list("indicator_id", sorted(indicator_ids))]
    if period_ids is not None:
        where.append(selectors.in_list("period_id", sorted(period_ids)))
    if summed:  # the periods as one (a flow's total): sums added, extremes of extremes
        numbers = ", ".join([f"CAST(SUM({f}) AS DOUBLE PRECISION)" for f in FIELDS[:8]]
                            + ["CAST(MIN(minimum) AS DOUBLE PRECISION)", "CAST(MAX(maximum) AS DOUBLE PRECISION)"])
        head, tail = "unit_id, indicator_id, NULL", " GROUP BY unit_id, indicator_id"
    else:  # floats read faster than decimals
        numbers = ", ".join(f"CAST({f} AS DOUBLE PRECISION)" for f in FIELDS)
        head, tail = "unit_id, indicator_id, period_id", ""
    sql = (f"SELECT {head}, {numbers} FROM {CELL} WHERE "  # noqa: S608
           + " AND ".join(w for w, _ in where) + tail)
    with connection.cursor() as cursor:
        cursor.execute(sql, [p for _, params in where for p in params])
        return {(r[0], r[1], r[2]): _components(r[3:]) for r in cursor.fetchall()}


def _direct(units: Sequence[Unit], indicator_ids, period_ids, statuses, summed: bool = False) -> dict[Key, Components]:
    """Roll-ups computed from the values: the units in the requested units' scopes are
    listed first (so the value query can use the (unit, period) index), then each
    contributing unit is credited to every requested unit whose scope covers it."""
    credit = _credits(units)
    rows = selectors.rollup_by_unit(sorted(credit), indicator_ids=sorted(indicator_ids),
                                    period_ids=sorted(period_ids) if period_ids is not None else None, statuses=statuses,
                                    by_period=not summed)
    result: dict[Key, Components] = {}
    for member, indicator, period, *parts in rows:
        part = _components(parts)
        for owner in credit[member]:
            key = (owner, indicator, period)
            result[key] = result[key] + part if key in result else part
    return result


def _credits(units: Sequence[Unit]) -> dict[int, set[int]]:
    """Every unit in the scope of one of ``units`` → which of ``units`` it counts for."""
    owners = defaultdict(list)  # path prefix -> requested units
    for unit_id, prefixes in scopes_by_root(units).items():
        for prefix in prefixes:
            owners[prefix].append(unit_id)
    credit: dict[int, set[int]] = {}
    for member, path in Unit.objects.filter(paths_q(owners)).values_list("pk", "path"):
        credit[member] = set()
        cut = 0
        while (cut := path.find(".", cut) + 1) > 0:
            credit[member].update(owners.get(path[:cut], ()))
    return credit


def stamps(units: Sequence[Unit]) -> dict[int, int]:
    """For each unit, the newest roll-up generation at which a report of a unit in its
    scope (subtree and predecessors) changed what is counted (0: none since the cache
    was built). Read after ``refresh``: an aggregate's scope is read from the cache's
    scopes, other units' from the tree."""
    result = {u.pk: 0 for u in units}
    cached = aggregate_ids(result)
    result.update(cache.scope_stamps(cached) if cached else {})
    rest = [u for u in units if u.pk not in cached]
    credit = _credits(rest) if rest else {}
    for member, generation in cache.stamps_of(credit).items():
        for owner in credit[member]:
            result[owner] = max(result[owner], generation)
    return result


def components(units: Sequence[Unit], indicator_ids: Iterable[int], period_ids: Iterable[int] | None = None, *,
               include_submitted: bool = False, catch_up: bool = True, summed: bool = False) -> dict[Key, Components]:
    """The roll-up components of each unit × indicator × period (absent: no value).

    ``summed``: the given periods added up as one (key period None) — a flow's total.
    ``catch_up=False`` skips bringing the cache up to date (``refresh``), for a second
    read in the same request.
    """
    indicator_ids = set(indicator_ids)
    period_ids = set(period_ids) if period_ids is not None else None
    if not units or not indicator_ids:
        return {}
    if catch_up:
        refresh()
    cached = aggregate_ids(u.pk for u in units)
    result = _from_cells(cached, indicator_ids, period_ids, summed) if cached else {}
    rest = [u for u in units if u.pk not in cached]
    if rest:
        result.update(_direct(rest, indicator_ids, period_ids, [APPROVED], summed))
    if include_submitted:
        for key, part in _direct(list(units), indicator_ids, period_ids, [selectors.SUBMITTED], summed).items():
            result[key] = result[key] + part if key in result else part
    return result


def direct_components(units: Sequence[Unit], indicator_ids, period_ids=None) -> dict[Key, Components]:
    """The same roll-ups computed from the values without the cache (to check it)."""
    return _direct(list(units), set(indicator_ids), set(period_ids) if period_ids is not None else None, [APPROVED])
