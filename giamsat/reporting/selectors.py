"""Read-only queries over reporting's tables for evaluation.

Evaluation never queries reporting's models itself: it asks here. The roll-up SQL is
plain SQL that SQLite and PostgreSQL both run, written once as fragments
(:data:`FROM_VALUES`, :func:`summed_components`) that evaluation's roll-up cache also
builds its INSERT … SELECT statements from, so a cached and a direct roll-up cannot
disagree about what a value contributes.

Every value contributes the components of ``giamsat.evaluation.rules.Components``:
count, sum, numerator and denominator (only when both are given), weight and
weight × value (the weight is the value of the indicator's weight indicator in the
same submission), minimum and maximum.

The SQL is assembled from table names taken from the models and fixed fragments;
every value is a query parameter (hence the ``noqa: S608`` marks).
"""

from collections.abc import Iterable, Sequence
from datetime import date

from django.db import connection

from giamsat.kpi.models import Indicator
from giamsat.orgs.models import Unit
from giamsat.plans.models import Task
from giamsat.reporting.models import (
    ReportingPeriod,
    Submission,
    SubmissionStatus,
    TaskUpdate,
    Value,
)

APPROVED = SubmissionStatus.APPROVED.value
SUBMITTED = SubmissionStatus.SUBMITTED.value

VALUE_TABLE = Value._meta.db_table
SUBMISSION_TABLE = Submission._meta.db_table

# Only the values of weight indicators can be weights: a national roll-up must not hash
# the whole value table to find them.
_WEIGHTS = (
    f"SELECT submission_id, indicator_id, value FROM {VALUE_TABLE} WHERE indicator_id IN"  # noqa: S608
    f" (SELECT weight_indicator_id FROM {Indicator._meta.db_table} WHERE weight_indicator_id IS NOT NULL)"
)
# v: the value, s: its submission, u: the submission's unit, w: the weight's value
FROM_VALUES = (
    f"{VALUE_TABLE} v"
    f" JOIN {SUBMISSION_TABLE} s ON s.id = v.submission_id"
    f" JOIN {Unit._meta.db_table} u ON u.id = s.unit_id"
    f" JOIN {Indicator._meta.db_table} i ON i.id = v.indicator_id"
    f" LEFT JOIN ({_WEIGHTS}) w ON w.submission_id = v.submission_id AND w.indicator_id = i.weight_indicator_id"
)

_HAS_RATIO = "v.numerator IS NOT NULL AND v.denominator IS NOT NULL"
_HAS_WEIGHT = "w.value IS NOT NULL AND v.value IS NOT NULL"
_ADDITIVE = (
    "CASE WHEN v.value IS NOT NULL THEN 1 ELSE 0 END",
    "COALESCE(v.value, 0)",
    f"CASE WHEN {_HAS_RATIO} THEN 1 ELSE 0 END",
    f"CASE WHEN {_HAS_RATIO} THEN v.numerator ELSE 0 END",
    f"CASE WHEN {_HAS_RATIO} THEN v.denominator ELSE 0 END",
    f"CASE WHEN {_HAS_WEIGHT} THEN 1 ELSE 0 END",
    f"CASE WHEN {_HAS_WEIGHT} THEN w.value ELSE 0 END",
    f"CASE WHEN {_HAS_WEIGHT} THEN w.value * v.value ELSE 0 END",
)
COMPONENT_FIELDS = (
    "n", "total", "n_ratio", "numerator", "denominator", "n_weighted", "weight", "weighted_total",
    "minimum", "maximum",
)


def summed_components() -> str:
    """The select list of the components, summed over a GROUP BY (in COMPONENT_FIELDS order)."""
    sums = [*(f"SUM({e})" for e in _ADDITIVE), "MIN(v.value)", "MAX(v.value)"]
    return ", ".join(f"{expression} AS {name}" for expression, name in zip(sums, COMPONENT_FIELDS, strict=True))


def in_list(column: str, values: Sequence) -> tuple[str, list]:
    """``column IN (%s, …)`` with its parameters; an empty list matches nothing."""
    if not values:
        return "1 = 0", []
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def under(prefixes: Iterable[str], column: str = "u.path") -> tuple[str, list]:
    """``column`` starts with one of the unit path prefixes (index-friendly LIKE)."""
    prefixes = sorted(set(prefixes))
    if not prefixes:
        return "1 = 0", []
    return "(" + " OR ".join([f"{column} LIKE %s"] * len(prefixes)) + ")", [p + "%" for p in prefixes]


def rollup_by_unit(unit_ids: Sequence[int], *, indicator_ids: Sequence[int], period_ids: Sequence[int] | None,
                   statuses: Sequence[str] = (APPROVED,), by_period: bool = True) -> list[tuple]:
    """The components of the values of ``unit_ids``, one row per (unit, indicator,
    period); ``by_period=False`` sums the periods (period None in the rows)."""
    where = [in_list("s.unit_id", unit_ids), in_list("s.status", statuses), in_list("v.indicator_id", indicator_ids)]
    if period_ids is not None:
        where.append(in_list("s.period_id", period_ids))
    period = "s.period_id" if by_period else "NULL"
    sql = (
        f"SELECT s.unit_id, v.indicator_id, {period}, {summed_components()}"  # noqa: S608
        f" FROM {FROM_VALUES} WHERE " + " AND ".join(w for w, _ in where)
        + " GROUP BY s.unit_id, v.indicator_id" + (", s.period_id" if by_period else "")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [p for _, params in where for p in params])
        return cursor.fetchall()


def periods(*, kind: str | None = None, until: date | None = None) -> list[ReportingPeriod]:
    qs = ReportingPeriod.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if until:
        qs = qs.filter(start__lte=until)
    return list(qs.order_by("end", "kind"))


def period(pk: int) -> ReportingPeriod | None:
    return ReportingPeriod.objects.filter(pk=pk).first()


def narratives(prefixes: Iterable[str], *, exclude_unit_id: int | None, period_ids: Sequence[int],
               statuses: Sequence[str], limit: int = 8) -> list[Submission]:
    """The latest submissions under ``prefixes`` whose difficulties or recommendations are
    filled in, newest period first."""
    from giamsat.orgs.services import paths_q

    qs = (
        Submission.objects.filter(paths_q(prefixes, "unit__path"), period_id__in=period_ids, status__in=statuses)
        .exclude(difficulties="", recommendations="")
        .select_related("unit", "period")
        .only("unit__name", "unit__path", "period__kind", "period__year", "period__number", "period__end",
              "difficulties", "recommendations", "status")
        .order_by("-period__end", "unit__path")
    )
    if exclude_unit_id is not None:
        qs = qs.exclude(unit_id=exclude_unit_id)
    return list(qs[:limit])


def task_reports(tasks: Sequence[Task], *, statuses: Sequence[str], until: date) -> dict[int, list[tuple]]:
    """What the lead unit of each task reported up to ``until``, oldest first, as
    (status, progress, completed_on, period end): every report of a recurring task (it
    is judged period by period), only the latest and the first "done" of the others — a
    national scope holds hundreds of tasks and five years of monthly reports."""
    result: dict[int, list[tuple]] = {t.pk: [] for t in tasks}
    if not result:
        return result
    ids, ids_params = in_list("tu.task_id", list(result))
    states, states_params = in_list("s.status", statuses)
    sql = (
        "SELECT task_id, status, progress, completed_on, period_end FROM ("  # noqa: S608
        ' SELECT tu.task_id, tu.status, tu.progress, tu.completed_on, p."end" AS period_end, t.recurrence,'
        ' ROW_NUMBER() OVER (PARTITION BY tu.task_id ORDER BY p."end" DESC) AS latest,'
        ' ROW_NUMBER() OVER (PARTITION BY tu.task_id, tu.status ORDER BY p."end") AS first_of_status'
        f" FROM {TaskUpdate._meta.db_table} tu"
        f" JOIN {SUBMISSION_TABLE} s ON s.id = tu.submission_id"
        f" JOIN {ReportingPeriod._meta.db_table} p ON p.id = s.period_id"
        f" JOIN {Task._meta.db_table} t ON t.id = tu.task_id"
        f' WHERE {ids} AND {states} AND p."end" <= %s AND (t.lead_unit_id IS NULL OR t.lead_unit_id = s.unit_id)'
        ") x WHERE recurrence <> '' OR latest = 1 OR (status = 'done' AND first_of_status = 1)"
        " ORDER BY task_id, period_end"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids_params, *states_params, until])
        for task_id, status, progress, completed_on, end in cursor.fetchall():
            result[task_id].append((status, progress, _as_date(completed_on), _as_date(end)))
    return result


def _as_date(value):
    """SQLite returns raw SQL dates as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def latest_period_with_values(unit_ids: Sequence[int], *, statuses: Sequence[str], until: date) -> ReportingPeriod | None:
    """The latest period (ending by ``until``) in which one of the units has a submission."""
    sub = (
        Submission.objects.filter(unit_id__in=unit_ids, status__in=statuses, period__end__lte=until)
        .order_by("-period__end").values_list("period_id", flat=True).first()
    )
    return period(sub) if sub else None


def has_submissions(prefixes: Iterable[str] | None, period_id: int, statuses: Sequence[str]) -> bool:
    """Whether a unit under ``prefixes`` (any unit: None) has a submission in one of
    ``statuses`` for the period."""
    from giamsat.orgs.services import paths_q

    qs = Submission.objects.filter(period_id=period_id, status__in=statuses)
    if prefixes is not None:
        qs = qs.filter(paths_q(prefixes, "unit__path"))
    return qs.exists()


def submissions_to_reconcile(source_table: str, period_ids: Sequence[int] | None = None) -> tuple[list[tuple], list[tuple]]:
    """Approved submissions not in ``source_table`` at their current version
    (id, unit, period, version, version counted or None), and rows of ``source_table``
    whose submission is no longer approved or gone (id, unit, period): the roll-up
    cache's to-do list, for ``period_ids`` or all periods (see giamsat.evaluation.cache)."""
    if period_ids is not None and not period_ids:
        return [], []
    # the period condition on both sides lets each side be read through its period index
    s_periods, s_params = in_list("s.period_id", period_ids) if period_ids is not None else ("1 = 1", [])
    r_periods, r_params = in_list("r.period_id", period_ids) if period_ids is not None else ("1 = 1", [])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT s.id, s.unit_id, s.period_id, s.version, r.version FROM {SUBMISSION_TABLE} s"  # noqa: S608
            f" LEFT JOIN {source_table} r ON r.submission_id = s.id AND {r_periods}"
            f" WHERE s.status = %s AND {s_periods} AND (r.submission_id IS NULL OR r.version <> s.version)",
            [*r_params, APPROVED, *s_params],
        )
        fresh = cursor.fetchall()
        cursor.execute(
            f"SELECT r.submission_id, r.unit_id, r.period_id FROM {source_table} r"  # noqa: S608
            f" LEFT JOIN {SUBMISSION_TABLE} s ON s.id = r.submission_id AND s.status = %s AND {s_periods}"
            f" WHERE s.id IS NULL AND {r_periods}",
            [APPROVED, *s_params, *r_params],
        )
        gone = cursor.fetchall()
    return fresh, gone


def period_of_submission(pk: int) -> int | None:
    return Submission.objects.filter(pk=pk).values_list("period_id", flat=True).first()


def period_ids_ending_between(start: date, end: date) -> list[int]:
    return list(ReportingPeriod.objects.filter(end__gte=start, end__lte=end).values_list("pk", flat=True))


def approved_submissions_sql() -> tuple[str, list]:
    """SELECT id, unit_id, period_id, version of every approved submission."""
    return f"SELECT id, unit_id, period_id, version FROM {SUBMISSION_TABLE} WHERE status = %s", [APPROVED]  # noqa: S608
