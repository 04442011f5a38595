"""The roll-up cache: how its cells are kept exact (see ``giamsat.evaluation.rollup``
for reading, and docs/decisions/0004-rollup-cache.md).

Cells hold the summed components of the values of the submissions listed in
``RollupSource`` — the sources are the truth of what the cells count. Every writer
first updates the sources (under a lock on the ``RollupState`` row), then adds the
new submissions' values to the cells, or recomputes the cells a change touched by
joining the values to the sources. A submission approved, re-opened or changed while
this runs is found at the next pass by its ``version``; nothing is counted twice.

* ``reconcile(periods)``: the approved submissions against the sources, for some
  periods or all; new ones are added, changed or withdrawn ones recomputed.
* ``ensure_scopes``: the (aggregate, member) pairs against the unit tree (and the
  weight indicators); the aggregates whose members changed are recomputed.
* ``build``: everything from scratch, in two passes.
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import F
from django.utils import timezone

from giamsat.evaluation.models import (
    RollupCell,
    RollupScope,
    RollupSource,
    RollupStamp,
    RollupState,
)
from giamsat.kpi.models import Indicator
from giamsat.orgs.models import Unit
from giamsat.reporting import selectors

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
# the values of the submissions the cells count
SOURCED = f"{selectors.FROM_VALUES} JOIN {SOURCE} r ON r.submission_id = s.id"


# --- the structure: which units' values count in which aggregate ---------------------


def tree() -> tuple[list[tuple[int, str, int | None]], list[tuple[int, int]]]:
    units = list(Unit.objects.order_by("pk").values_list("pk", "path", "parent_id"))
    links = list(Unit.successors.through.objects.order_by("from_unit_id", "to_unit_id").values_list("from_unit_id", "to_unit_id"))
    return units, links


def weights() -> dict[str, int]:
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
    """Cells of the sourced submissions matching ``where``, summed per aggregate."""
    sql = (
        f"INSERT INTO {CELL} ({_COLUMNS})"  # noqa: S608
        f" SELECT sc.aggregate_id, v.indicator_id, s.period_id, {selectors.summed_components()}"
        f" FROM {SOURCED} JOIN {SCOPE} sc ON sc.member_id = s.unit_id"
        f" WHERE {where} GROUP BY sc.aggregate_id, v.indicator_id, s.period_id"
        " ORDER BY sc.aggregate_id, v.indicator_id, s.period_id"
    )
    if upsert:
        sql += f" ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET {_ADD}"
    _execute(sql, params)


def _source(rows: Sequence[tuple]) -> None:
    RollupSource.objects.bulk_create(
        [RollupSource(submission_id=r[0], unit_id=r[1], period_id=r[2], version=r[3]) for r in rows], batch_size=2000
    )


def _recompute(pairs: Iterable[tuple[int, int | None]]) -> None:
    """Recompute the cells of (aggregate, period) pairs from the sourced submissions; a
    period of None recomputes every period of the aggregate."""
    by_period = defaultdict(set)
    for aggregate, period in pairs:
        by_period[period].add(aggregate)
    for period, aggregates in by_period.items():
        units_sql, units_params = selectors.in_list("unit_id", sorted(aggregates))
        where, params = selectors.in_list("sc.aggregate_id", sorted(aggregates))
        if period is None:
            _execute(f"DELETE FROM {CELL} WHERE {units_sql}", units_params)  # noqa: S608
        else:
            _execute(f"DELETE FROM {CELL} WHERE {units_sql} AND period_id = %s", [*units_params, period])  # noqa: S608
            where, params = where + " AND r.period_id = %s", [*params, period]
        _insert_cells(where, params, upsert=False)


def _recompute_indicators(indicator_ids: set[int]) -> None:
    ids_sql, ids_params = selectors.in_list("indicator_id", sorted(indicator_ids))
    _execute(f"DELETE FROM {CELL} WHERE {ids_sql}", ids_params)  # noqa: S608
    where, params = selectors.in_list("v.indicator_id", sorted(indicator_ids))
    _insert_cells(where, params, upsert=False)


def aggregates_of(unit_ids: Iterable[int]) -> dict[int, list[int]]:
    result = defaultdict(list)
    for aggregate, member in RollupScope.objects.filter(member_id__in=set(unit_ids)).values_list("aggregate_id", "member_id"):
        result[member].append(aggregate)
    return result


def lock() -> RollupState:
    """The state row, locked until the end of the transaction: one cache writer at a time."""
    state = RollupState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        RollupState.objects.get_or_create(pk=1)
        state = RollupState.objects.select_for_update().get(pk=1)
    return state


def bump() -> None:
    """A new generation: the cells changed (call under ``lock()``)."""
    RollupState.objects.filter(pk=1).update(generation=F("generation") + 1)


def _stamp(unit_ids: set[int]) -> None:
    """Mark the units whose reports just changed with the new generation."""
    current = RollupState.objects.filter(pk=1).values_list("generation", flat=True).first() or 0
    ids = sorted(unit_ids)
    for start in range(0, len(ids), 2000):
        RollupStamp.objects.filter(unit_id__in=ids[start:start + 2000]).delete()
    RollupStamp.objects.bulk_create([RollupStamp(unit_id=u, generation=current) for u in ids], batch_size=2000)


def stamps_of(unit_ids) -> dict[int, int]:
    return dict(RollupStamp.objects.filter(unit_id__in=list(unit_ids)).values_list("unit_id", "generation"))


def scope_stamps(aggregate_ids) -> dict[int, int]:
    """For each aggregate, the newest stamp of a unit in its scope (absent: none), read
    through the scopes in one query (the stamps are few; the scopes are many)."""
    ids, params = selectors.in_list("sc.aggregate_id", sorted(aggregate_ids))
    stamp = RollupStamp._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT sc.aggregate_id, MAX(st.generation) FROM {stamp} st"  # noqa: S608
            f" JOIN {SCOPE} sc ON sc.member_id = st.unit_id WHERE {ids} GROUP BY sc.aggregate_id",
            params,
        )
        return dict(cursor.fetchall())


def generation() -> tuple:
    """(generation, built at): changes whenever the cells do, and when they were rebuilt."""
    return RollupState.objects.filter(pk=1).values_list("generation", "built_at").first() or (0, None)


def current_fingerprint() -> str:
    return fingerprint(*tree(), weights())


def reconcile(period_ids: Sequence[int] | None = None) -> bool:
    """Bring the sources and cells up to the approved submissions of ``period_ids``
    (all periods: None). Call under ``lock()``. Returns whether anything changed."""
    fresh, gone = selectors.submissions_to_reconcile(SOURCE, period_ids)
    if not fresh and not gone:
        return False
    bump()
    _stamp({r[1] for r in [*fresh, *gone]})
    changed = [r for r in fresh if r[4] is not None]
    new = [r[:4] for r in fresh if r[4] is None]
    RollupSource.objects.filter(submission_id__in=[r[0] for r in [*changed, *gone]]).delete()
    _source([r[:4] for r in fresh])
    if changed or gone:
        touched = [(r[1], r[2]) for r in [*fresh, *gone]]
        aggregates = aggregates_of(u for u, _ in touched)
        _recompute({(a, period) for unit, period in touched for a in aggregates.get(unit, [])})
    else:
        for start in range(0, len(new), 500):
            where, params = selectors.in_list("s.id", [r[0] for r in new[start:start + 500]])
            _insert_cells(where, params, upsert=True)
    return True


def ensure_scopes(state: RollupState) -> None:
    """Bring the scopes up to the current tree and recompute what the change touched.
    Call under ``lock()``, after ``reconcile`` (so the sources are current)."""
    units, links = tree()
    current_weights = weights()
    current = fingerprint(units, links, current_weights)
    if state.fingerprint == current:
        return
    if not state.fingerprint:
        build(state, units, links)
        return
    new = compute_scopes(units, links)
    old = set(RollupScope.objects.values_list("aggregate_id", "member_id"))
    moved = new ^ old
    with_data = set(RollupSource.objects.filter(unit_id__in={m for _, m in moved}).values_list("unit_id", flat=True).distinct())
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
    reweighted = {int(k) for k in set(old_weights) | set(current_weights) if old_weights.get(k) != current_weights.get(k)}
    if reweighted:
        _recompute_indicators(reweighted)
    state.fingerprint, state.weights, state.built_at = current, current_weights, timezone.now()
    state.save(update_fields=["fingerprint", "weights", "built_at"])
    bump()


def build(state: RollupState, units, links) -> None:
    """Every scope, source and cell from scratch, in two passes.

    Summing every value into every aggregate above it would read a national database's
    values twice or more; instead each value goes once into the lowest aggregate that
    takes it directly, and each aggregate then adds up the cells of its child aggregates
    (deepest first) — exact, because a child's cells are only reused when its scope lies
    inside the parent's and does not overlap another reused child's.
    """
    RollupCell.objects.all().delete()
    RollupScope.objects.all().delete()
    RollupSource.objects.all().delete()
    RollupStamp.objects.all().delete()  # the new built_at tells readers that everything changed
    pairs = compute_scopes(units, links)
    RollupScope.objects.bulk_create([RollupScope(aggregate_id=a, member_id=m) for a, m in sorted(pairs)], batch_size=5000)
    sql, params = selectors.approved_submissions_sql()
    _execute(f"INSERT INTO {SOURCE} (submission_id, unit_id, period_id, version) {sql}", params)
    direct, composed = _build_plan(units, pairs)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("CREATE TEMPORARY TABLE rollup_direct (aggregate_id bigint NOT NULL, member_id bigint NOT NULL)")
        cursor.executemany("INSERT INTO rollup_direct (aggregate_id, member_id) VALUES (%s, %s)", sorted(direct))
        cursor.execute(
            f"INSERT INTO {CELL} ({_COLUMNS})"  # noqa: S608
            f" SELECT d.aggregate_id, v.indicator_id, s.period_id, {selectors.summed_components()}"
            f" FROM {SOURCED} JOIN rollup_direct d ON d.member_id = s.unit_id"
            " GROUP BY d.aggregate_id, v.indicator_id, s.period_id"
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
    current_weights = weights()
    state.fingerprint, state.weights, state.built_at = fingerprint(units, links, current_weights), current_weights, timezone.now()
    state.save(update_fields=["fingerprint", "weights", "built_at"])
    bump()


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
