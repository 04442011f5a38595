"""Roll-ups of values up the unit tree, fast at national scale and exact.

A unit's roll-up for an indicator and a period combines the values of every unit in
its scope: its subtree and, transitively, the units merged or dissolved into a unit of
it (``orgs.services.scopes_by_root``). Only approved values count unless the caller
asks for submitted ones too.

Units with children ("aggregates": the nation, provinces…) read their roll-up from
``RollupCell``, a cache of summed components (count, sum, numerator, denominator,
weight, min, max) per (aggregate, indicator, period). Other units are computed
directly from the values in SQL. The cache stays exact without a nightly batch:

* ``apply_submission`` adds an approved submission's values to the cells of every
  aggregate that contains its unit, in the caller's transaction (reporting's approval
  may call it);
* ``refresh`` runs before every read: when the unit tree or the weight indicators
  changed it re-derives the scopes and recomputes the cells of the aggregates whose
  members changed; then it reconciles the cells with the approved submissions at their
  current ``version`` (adding new approvals, recomputing the periods of re-opened or
  changed ones). So a value approved by any path shows at the next read.

Writers take a lock on the ``RollupState`` row; on PostgreSQL ``refresh`` reads at
REPEATABLE READ so the submissions it finds and the values it sums are one snapshot.
See docs/decisions/0004-rollup-cache.md.
"""

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import connection, transaction
from django.db.utils import OperationalError
from django.utils import timezone

from giamsat.evaluation.models import RollupCell, RollupScope, RollupSource, RollupState
from giamsat.evaluation.rules import Components
from giamsat.kpi.models import Indicator
from giamsat.orgs.models import Unit
from giamsat.orgs.services import scopes_by_root
from giamsat.reporting import selectors

log = logging.getLogger("giamsat.evaluation")

APPROVED = selectors.APPROVED
CELL = RollupCell._meta.db_table
SCOPE = RollupScope._meta.db_table
SOURCE = RollupSource._meta.db_table
FIELDS = selectors.COMPONENT_FIELDS
_COLUMNS = "unit_id, indicator_id, period_id, " + ", ".join(FIELDS)
_ADD = ", ".join(
    [f"{f} = {CELL}.{f} + excluded.{f}" for f in FIELDS[:8]]
    + [f"minimum = CASE WHEN {CELL}.minimum IS NULL OR excluded.minimum < {CELL}.minimum"
       f" THEN excluded.minimum ELSE {CELL}.minimum END",
       f"maximum = CASE WHEN {CELL}.maximum IS NULL OR excluded.maximum > {CELL}.maximum"
       f" THEN excluded.maximum ELSE {CELL}.maximum END"]
)

Key = tuple[int, int, int]  # (unit, indicator, period)


# --- the structure: which units' values count in which aggregate ---------------------


def _tree() -> tuple[list[tuple[int, str, int | None]], list[tuple[int, int]]]:
    units = list(Unit.objects.order_by("pk").values_list("pk", "path", "parent_id"))
    links = list(Unit.successors.through.objects.order_by("from_unit_id", "to_unit_id").values_list("from_unit_id", "to_unit_id"))
    return units, links


def _weights() -> dict[str, int]:
    return {str(pk): w for pk, w in Indicator.objects.filter(weight_indicator__isnull=False).values_list("pk", "weight_indicator_id")}


def fingerprint(units, links, weights) -> str:
    digest = hashlib.sha256()
    for pk, path, _parent in units:
        digest.update(f"{pk}:{path};".encode())
    for a, b in links:
        digest.update(f"{a}>{b};".encode())
    for pk, w in sorted(weights.items()):
        digest.update(f"{pk}*{w};".encode())
    return digest.hexdigest()


def compute_scopes(units, links) -> set[tuple[int, int]]:
    """(aggregate, member) pairs: the member's values count in the aggregate's cells."""
    path_of = {pk: path for pk, path, _ in units}
    aggregates = {parent for _, _, parent in units if parent is not None}
    successors = defaultdict(list)
    for a, b in links:
        successors[a].append(b)

    def line(pk):  # ancestors and self
        return {int(part) for part in path_of.get(pk, "").split(".") if part}

    pairs = set()
    for pk, _path, _parent in units:
        reach, frontier = line(pk), line(pk)
        while frontier:
            found = set()
            for x in frontier:
                for s in successors.get(x, ()):
                    found |= line(s) - reach
            reach |= found
            frontier = found
        pairs.update((a, pk) for a in reach & aggregates)
    return pairs


# --- writing the cells ----------------------------------------------------------------


def _execute(sql: str, params: Sequence = ()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.rowcount


def _insert_cells(where: str, params: list, *, upsert: bool) -> None:
    sql = (
        f"INSERT INTO {CELL} ({_COLUMNS})"  # noqa: S608
        f" SELECT sc.aggregate_id, v.indicator_id, s.period_id, {selectors.summed_components()}"
        f" FROM {selectors.FROM_VALUES} JOIN {SCOPE} sc ON sc.member_id = s.unit_id"
        f" WHERE {where} GROUP BY sc.aggregate_id, v.indicator_id, s.period_id"
        " ORDER BY sc.aggregate_id, v.indicator_id, s.period_id"
    )
    if upsert:
        sql += f" ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET {_ADD}"
    _execute(sql, params)


def _add_submissions(rows: Sequence[tuple]) -> None:
    """Add approved submissions (id, unit, period, version) to the cells and the sources."""
    for start in range(0, len(rows), 500):
        batch = rows[start:start + 500]
        where, params = selectors.in_list("s.id", [r[0] for r in batch])
        _insert_cells(where, params, upsert=True)
        RollupSource.objects.bulk_create(
            [RollupSource(submission_id=r[0], unit_id=r[1], period_id=r[2], version=r[3]) for r in batch]
        )


def _recompute(pairs: Iterable[tuple[int, int | None]]) -> None:
    """Recompute the cells of (aggregate, period) pairs from the approved values; a
    period of None recomputes every period of the aggregate."""
    by_period = defaultdict(set)
    for aggregate, period in pairs:
        by_period[period].add(aggregate)
    for period, aggregates in by_period.items():
        units_sql, units_params = selectors.in_list("unit_id", sorted(aggregates))
        agg_sql, agg_params = selectors.in_list("sc.aggregate_id", sorted(aggregates))
        where, params = f"{agg_sql} AND s.status = %s", [*agg_params, APPROVED]
        if period is None:
            _execute(f"DELETE FROM {CELL} WHERE {units_sql}", units_params)  # noqa: S608
        else:
            _execute(f"DELETE FROM {CELL} WHERE {units_sql} AND period_id = %s", [*units_params, period])  # noqa: S608
            where, params = where + " AND s.period_id = %s", [*params, period]
        _insert_cells(where, params, upsert=False)


def _aggregates_of(unit_ids: Iterable[int]) -> dict[int, list[int]]:
    result = defaultdict(list)
    for aggregate, member in RollupScope.objects.filter(member_id__in=set(unit_ids)).values_list("aggregate_id", "member_id"):
        result[member].append(aggregate)
    return result


def _lock() -> RollupState:
    state = RollupState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        RollupState.objects.get_or_create(pk=1)
        state = RollupState.objects.select_for_update().get(pk=1)
    return state


def _ensure_scopes(state: RollupState) -> None:
    """Bring the scopes up to the current tree and recompute what the change touched."""
    units, links = _tree()
    weights = _weights()
    current = fingerprint(units, links, weights)
    if state.fingerprint == current:
        return
    if not state.fingerprint:
        _build(state, units, links)
        return
    new = compute_scopes(units, links)
    old = set(RollupScope.objects.values_list("aggregate_id", "member_id"))
    moved = new ^ old
    with_data = selectors.units_with_approved_values({m for _, m in moved})
    stale = {a for a, m in moved if m in with_data}
    for aggregate in {a for a, _ in old - new}:
        RollupScope.objects.filter(aggregate_id=aggregate, member_id__in=[m for a, m in old - new if a == aggregate]).delete()
    RollupScope.objects.bulk_create([RollupScope(aggregate_id=a, member_id=m) for a, m in sorted(new - old)], batch_size=2000)
    gone = {a for a, _ in old} - {a for a, _ in new}
    if gone:
        RollupCell.objects.filter(unit_id__in=gone).delete()
    if stale - gone:
        _recompute((a, None) for a in stale - gone)
    old_weights = state.weights or {}
    reweighted = {int(k) for k in set(old_weights) | set(weights) if old_weights.get(k) != weights.get(k)}
    if reweighted:
        _recompute_indicators(reweighted)
    state.fingerprint, state.weights, state.built_at = current, weights, timezone.now()
    state.save(update_fields=["fingerprint", "weights", "built_at"])


def _build(state: RollupState, units, links) -> None:
    """Every scope, cell and source from scratch, in two passes.

    Summing every value into every aggregate above it would read a national database's
    values twice or more; instead each value goes once into the lowest aggregate that
    takes it directly, and each aggregate then adds up the cells of its child aggregates
    (deepest first) — exact, because a child's cells are only reused when its scope lies
    inside the parent's and does not overlap another reused child's.
    """
    RollupCell.objects.all().delete()
    RollupScope.objects.all().delete()
    RollupSource.objects.all().delete()
    pairs = compute_scopes(units, links)
    RollupScope.objects.bulk_create([RollupScope(aggregate_id=a, member_id=m) for a, m in sorted(pairs)], batch_size=5000)
    direct, composed = _build_plan(units, pairs)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("CREATE TEMPORARY TABLE rollup_direct (aggregate_id bigint NOT NULL, member_id bigint NOT NULL)")
        cursor.executemany("INSERT INTO rollup_direct (aggregate_id, member_id) VALUES (%s, %s)", sorted(direct))
        cursor.execute(
            f"INSERT INTO {CELL} ({_COLUMNS})"  # noqa: S608
            f" SELECT d.aggregate_id, v.indicator_id, s.period_id, {selectors.summed_components()}"
            f" FROM {selectors.FROM_VALUES} JOIN rollup_direct d ON d.member_id = s.unit_id"
            " WHERE s.status = %s GROUP BY d.aggregate_id, v.indicator_id, s.period_id",
            [APPROVED],
        )
        cursor.execute("DROP TABLE rollup_direct")
        sums = ", ".join([f"SUM(c.{f})" for f in FIELDS[:8]] + ["MIN(c.minimum)", "MAX(c.maximum)"])
        for depth in sorted({d for d, _, _ in composed}, reverse=True):
            level = sorted((a, c) for d, a, c in composed if d == depth)
            case = " ".join(["WHEN %s THEN %s"] * len(level))
            ids, ids_params = selectors.in_list("c.unit_id", [c for _, c in level])
            cursor.execute(
                f"INSERT INTO {CELL} ({_COLUMNS})"  # noqa: S608
                f" SELECT CASE c.unit_id {case} END, c.indicator_id, c.period_id, {sums}"
                f" FROM {CELL} c WHERE {ids} GROUP BY 1, c.indicator_id, c.period_id"
                f" ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET {_ADD}",
                [p for a, c in level for p in (c, a)] + ids_params,
            )
    sql, params = selectors.approved_submissions_sql()
    _execute(f"INSERT INTO {SOURCE} (submission_id, unit_id, period_id, version) {sql}", params)
    weights = _weights()
    state.fingerprint, state.weights, state.built_at = fingerprint(units, links, weights), weights, timezone.now()
    state.save(update_fields=["fingerprint", "weights", "built_at"])


def _build_plan(units, pairs) -> tuple[set[tuple[int, int]], list[tuple[int, int, int]]]:
    """Which members each aggregate sums directly, and which child aggregates' cells it
    adds up (as (depth of the aggregate, aggregate, child))."""
    members = defaultdict(set)
    for a, m in pairs:
        members[a].add(m)
    parent_of = {pk: parent for pk, _, parent in units}
    depth_of = {pk: path.count(".") for pk, path, _ in units}
    children = defaultdict(list)
    for a in members:
        if parent_of.get(a) in members:
            children[parent_of[a]].append(a)
    direct, composed = set(), []
    for a in members:
        covered = set()
        for child in sorted(children[a]):
            if members[child] <= members[a] and not members[child] & covered:
                composed.append((depth_of[a], a, child))
                covered |= members[child]
        direct.update((a, m) for m in members[a] - covered)
    return direct, composed


def _recompute_indicators(indicator_ids: set[int]) -> None:
    ids_sql, ids_params = selectors.in_list("indicator_id", sorted(indicator_ids))
    _execute(f"DELETE FROM {CELL} WHERE {ids_sql}", ids_params)  # noqa: S608
    where, params = selectors.in_list("v.indicator_id", sorted(indicator_ids))
    _insert_cells(f"{where} AND s.status = %s", [*params, APPROVED], upsert=False)


def _reconcile() -> bool:
    fresh, gone = selectors.submissions_to_reconcile(SOURCE)
    if not fresh and not gone:
        return False
    changed = [r for r in fresh if r[4] is not None]
    new = [r[:4] for r in fresh if r[4] is None]
    if changed or gone:
        touched = [(r[1], r[2]) for r in [*fresh, *gone]]
        aggregates = _aggregates_of(u for u, _ in touched)
        _recompute({(a, period) for unit, period in touched for a in aggregates.get(unit, [])})
        RollupSource.objects.filter(submission_id__in=[r[0] for r in [*changed, *gone]]).delete()
        RollupSource.objects.bulk_create(
            [RollupSource(submission_id=r[0], unit_id=r[1], period_id=r[2], version=r[3]) for r in fresh]
        )
    else:
        _add_submissions(new)
    return True


def _sync(state: RollupState) -> None:
    """Count the approvals first (under the scopes the cells were computed with), then
    bring the scopes up to the tree: recomputing an aggregate then sees exactly the
    approved submissions the sources list."""
    _reconcile()
    _ensure_scopes(state)


# --- entry points -------------------------------------------------------------------


def apply_submission(submission_id: int) -> None:
    """Add a just-approved submission to the cells, inside the approving transaction.

    Optional (``refresh`` would find it), but it makes the approval visible to the very
    next read without catching up. Does nothing if the submission is not approved or is
    already counted at its version.
    """
    with transaction.atomic():
        state = _lock()
        if state.fingerprint != fingerprint(*_tree(), _weights()):
            _sync(state)
            return
        row = selectors.approved_submission(submission_id)
        if row is None:
            return
        counted = RollupSource.objects.filter(pk=submission_id).values_list("version", flat=True).first()
        if counted is None:
            _add_submissions([row])
        elif counted != row[3]:
            _reconcile()


def refresh() -> bool:
    """Make the cells exact for the current tree and approvals; returns whether it wrote."""
    state = RollupState.objects.filter(pk=1).first()
    if state is not None and state.fingerprint == fingerprint(*_tree(), _weights()):
        fresh, gone = selectors.submissions_to_reconcile(SOURCE)
        if not fresh and not gone:
            return False
    outer = connection.in_atomic_block
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql" and not outer:
                _execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            _sync(_lock())
            return True
    except OperationalError as exc:  # a concurrent writer won; the next read catches up
        log.warning("roll-up refresh deferred: %s", exc)
        return False


def rebuild() -> None:
    """Drop and recompute every scope, cell and source from the approved values."""
    with transaction.atomic():
        units, links = _tree()
        _build(_lock(), units, links)


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
    """Roll-ups computed from the values: one query for all ``units``, then each
    contributing unit is credited to every requested unit whose scope covers it."""
    scopes = scopes_by_root(units)
    owners = defaultdict(list)  # path prefix -> requested units
    for unit_id, prefixes in scopes.items():
        for prefix in prefixes:
            owners[prefix].append(unit_id)
    rows = selectors.rollup_by_unit(owners, indicator_ids=sorted(indicator_ids),
                                    period_ids=sorted(period_ids) if period_ids is not None else None, statuses=statuses,
                                    by_period=not summed)
    result: dict[Key, Components] = {}
    for _unit, path, indicator, period, *parts in rows:
        part = _components(parts)
        credited = set()
        cut = 0
        while (cut := path.find(".", cut) + 1) > 0:
            credited.update(owners.get(path[:cut], ()))
        for owner in credited:
            key = (owner, indicator, period)
            result[key] = result[key] + part if key in result else part
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
