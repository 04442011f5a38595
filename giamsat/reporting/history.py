"""A unit's own earlier values: the base of outlier warnings and the "previous period" column."""

from decimal import Decimal

from giamsat.orgs.models import Unit
from giamsat.reporting.models import ReportingPeriod, SubmissionStatus, Value
from giamsat.reporting.validation import HISTORY_LENGTH

DELIVERED = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED)


def earlier_periods(period: ReportingPeriod, count: int = HISTORY_LENGTH) -> list[ReportingPeriod]:
    """The ``count`` periods of the same kind that ended before ``period`` started, latest first."""
    return list(ReportingPeriod.objects.filter(kind=period.kind, end__lt=period.start).order_by("-end")[:count])


def _rows(unit: Unit, periods: list[ReportingPeriod], indicator_ids: list[int]):
    if not periods or not indicator_ids:
        return []
    return (
        Value.objects.filter(
            submission__unit=unit, submission__period__in=periods, submission__status__in=DELIVERED,
            indicator_id__in=indicator_ids, value__isnull=False,
        )
        .order_by("submission__period__end")
        .values_list("indicator_id", "value", "submission__period_id")
    )


def history_for(unit: Unit, period: ReportingPeriod, indicator_ids: list[int]) -> dict[int, list[Decimal]]:
    """Indicator id → the unit's delivered values in earlier periods of the same kind, oldest first."""
    history: dict[int, list[Decimal]] = {}
    for ind_id, value, _period_id in _rows(unit, earlier_periods(period), indicator_ids):
        history.setdefault(ind_id, []).append(value)
    return history


def previous_values(unit: Unit, period: ReportingPeriod, indicator_ids: list[int]) -> tuple[ReportingPeriod | None, dict[int, Decimal]]:
    """The period just before ``period`` (same kind) and the unit's delivered values in it."""
    previous = earlier_periods(period, 1)
    if not previous:
        return None, {}
    return previous[0], {ind_id: value for ind_id, value, _p in _rows(unit, previous, indicator_ids)}
