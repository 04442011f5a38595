"""A unit's own earlier values: the base of outlier warnings and the "previous period" column."""

from decimal import Decimal

from django.db import connection

from giamsat.orgs.models import Unit
from giamsat.reporting.models import ReportingPeriod, SubmissionStatus, Value
from giamsat.reporting.validation import HISTORY_LENGTH

DELIVERED = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


def _earlier(period: ReportingPeriod, count: int):
    return ReportingPeriod.objects.filter(kind=period.kind, end__lt=period.start).order_by("-end")[:count]


def earlier_periods(period: ReportingPeriod, count: int = HISTORY_LENGTH) -> list[ReportingPeriod]:
    """The ``count`` periods of the same kind that ended before ``period`` started, latest first."""
    return list(_earlier(period, count))


def histories_for(units: list[Unit], period: ReportingPeriod) -> dict[int, dict[int, list[Decimal]]]:
    """Unit id → indicator id → the unit's delivered values in earlier periods of the same
    kind, oldest first; for many units in one query (the bulk API's batches)."""
    return _histories([u.pk for u in units], _earlier(period, HISTORY_LENGTH).values("pk"))


def _histories(unit_ids: list[int], periods) -> dict[int, dict[int, list[Decimal]]]:
    result: dict[int, dict[int, list[Decimal]]] = {pk: {} for pk in unit_ids}
    if not unit_ids:
        return result
    query = (
        Value.objects.filter(
            submission__unit_id__in=unit_ids, submission__period__in=periods,
            submission__status__in=DELIVERED, value__isnull=False,
        )
        .order_by("submission__period__end", "submission_id")  # oldest first, each report's rows together
        .values_list("submission__unit_id", "indicator_id", "value")
    )
    # Read the rows through the cursor, skipping Django's per-row decimal converters: a
    # batch of the national round reads thousands of values and the converters dominated.
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    current_unit, values = None, {}
    for unit_id, ind_id, value in rows:
        if unit_id != current_unit:
            current_unit, values = unit_id, result[unit_id]
        history = values.get(ind_id)
        if history is None:
            values[ind_id] = [_decimal(value)]
        else:
            history.append(_decimal(value))
    return result


def _decimal(value) -> Decimal:
    # SQLite hands back floats or ints, PostgreSQL Decimals
    kind = type(value)
    if kind is Decimal:
        return value
    return Decimal(repr(value)) if kind is float else Decimal(value)


def history_for(unit: Unit, period: ReportingPeriod, indicator_ids: list[int] = ()) -> dict[int, list[Decimal]]:
    """Indicator id → the unit's delivered values in earlier periods of the same kind, oldest first."""
    return histories_for([unit], period)[unit.pk]


def previous_values(unit: Unit, period: ReportingPeriod) -> tuple[ReportingPeriod | None, dict[int, Decimal]]:
    """The period just before ``period`` (same kind) and the unit's delivered values in it."""
    previous = earlier_periods(period, 1)
    if not previous:
        return None, {}
    values = _histories([unit.pk], [previous[0].pk])[unit.pk]
    return previous[0], {ind_id: history[-1] for ind_id, history in values.items()}
