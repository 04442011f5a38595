"""What a unit must report in a period: read-only queries on targets, plans and tasks.

A unit reports the catalog indicators of the targets that apply to it and of the
targets that apply to its parent (the parent's plan asks its children), for plans
whose reporting cadence includes the period's kind (a plan without a cadence asks
for every kind). It also reports the progress of the tasks it leads.

These read kpi and plans tables directly because neither app offers a service for
"the targets that concern this unit" yet; they only read, never write.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from giamsat.kpi.models import Aggregation, Target
from giamsat.orgs.models import Unit
from giamsat.plans.models import Task
from giamsat.reporting.validation import IndicatorSpec


@dataclass(frozen=True)
class TargetInfo:
    comparator: str
    value: Decimal
    value_max: Decimal | None
    year: int | None
    unit_text: str
    plan_number: str


@dataclass(frozen=True)
class Requirement:
    spec: IndicatorSpec
    category: str
    target: TargetInfo | None


def _asks_for(cadences, kind: str) -> bool:
    return not cadences or kind in cadences


def required_indicators(unit: Unit, period) -> dict[int, Requirement]:
    """Indicator id → what the unit must report for it in ``period``, in catalog order."""
    unit_ids = [unit.pk] + ([unit.parent_id] if unit.parent_id else [])
    rows = (
        Target.objects.filter(unit_id__in=unit_ids, indicator__isnull=False)
        .values_list(
            "unit_id", "year", "comparator", "value", "value_max", "unit_text", "plan__cadences", "plan__number",
            "indicator_id", "indicator__code", "indicator__name", "indicator__value_type",
            "indicator__aggregation", "indicator__outlier_factor", "indicator__unit_of_measure",
            "indicator__category",
        )
        .order_by("indicator__code", "year")
    )
    chosen: dict[int, tuple] = {}
    specs: dict[int, tuple[IndicatorSpec, str]] = {}
    for (t_unit, year, comparator, value, value_max, unit_text, cadences, plan_number,
         ind_id, code, name, value_type, aggregation, factor, uom, category) in rows:
        if not _asks_for(cadences, period.kind):
            continue
        if ind_id not in specs:
            specs[ind_id] = (IndicatorSpec(
                id=ind_id, code=code, name=name, value_type=value_type,
                needs_fraction=aggregation == Aggregation.RATIO, outlier_factor=factor, unit_of_measure=uom,
            ), category)
        # the unit's own target before its parent's; the next milestone before later ones
        rank = (t_unit != unit.pk, year is None or year < period.year, year or 0)
        info = TargetInfo(comparator, value, value_max, year, unit_text, plan_number)
        if ind_id not in chosen or rank < chosen[ind_id][0]:
            chosen[ind_id] = (rank, info)
    return {
        ind_id: Requirement(spec=spec, category=category, target=chosen[ind_id][1])
        for ind_id, (spec, category) in specs.items()
    }


def led_tasks(unit: Unit, period) -> list[Task]:
    """The tasks ``unit`` leads, from plans whose cadence includes the period's kind."""
    tasks = Task.objects.filter(lead_unit=unit).select_related("plan").order_by("plan__issued_on", "plan_id", "section", "id")
    return [t for t in tasks if _asks_for(t.plan.cadences, period.kind)]


def expected_units(period, within: QuerySet[Unit] | None = None) -> QuerySet[Unit]:
    """The units that owe a report for ``period`` (active during it), optionally within a scope."""
    target_units = set()
    for unit_id, cadences in Target.objects.filter(indicator__isnull=False).values_list("unit_id", "plan__cadences").distinct():
        if _asks_for(cadences, period.kind):
            target_units.add(unit_id)
    task_units = set()
    for unit_id, cadences in Task.objects.filter(lead_unit__isnull=False).values_list("lead_unit_id", "plan__cadences").distinct():
        if _asks_for(cadences, period.kind):
            task_units.add(unit_id)
    units = Unit.objects.filter(
        Q(pk__in=target_units) | Q(parent_id__in=target_units) | Q(pk__in=task_units)
    ).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=period.end),
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.start),
    )
    if within is not None:
        units = units.filter(pk__in=within.values("pk"))
    return units.order_by("path")
