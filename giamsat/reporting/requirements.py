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

from giamsat.kpi.models import Aggregation, Indicator, Target
from giamsat.orgs.models import Unit
from giamsat.plans.models import Plan, Task
from giamsat.reporting.validation import IndicatorSpec


@dataclass(frozen=True, slots=True)
class TargetInfo:
    comparator: str
    value: Decimal
    value_max: Decimal | None
    year: int | None
    unit_text: str
    plan_number: str


@dataclass(frozen=True, slots=True)
class Requirement:
    spec: IndicatorSpec
    category: str
    target: TargetInfo | None


def _asks_for(cadences, kind: str) -> bool:
    return not cadences or kind in cadences


def required_indicators(unit: Unit, period, *, with_targets: bool = True) -> dict[int, Requirement]:
    """Indicator id → what the unit must report for it in ``period``, in catalog order."""
    return requirements_for([unit], period, with_targets=with_targets)[unit.pk]


def requirements_for(units: list[Unit], period, *, with_targets: bool = True) -> dict[int, dict[int, Requirement]]:
    """Unit id → its requirements, for many units in two queries (the bulk API's batches).

    ``with_targets=False`` skips the target shown beside each field (the bulk API does not show it)."""
    parents = {u.pk: u.parent_id for u in units}
    unit_ids = set(parents) | {p for p in parents.values() if p}
    targets = Target.objects.filter(unit_id__in=unit_ids, indicator__isnull=False)
    cadences = dict(Plan.objects.filter(pk__in=targets.values("plan_id").distinct()).values_list("id", "cadences"))
    asked = [pid for pid, kinds in cadences.items() if _asks_for(kinds, period.kind)]
    asked_targets = targets.filter(plan_id__in=asked)
    if with_targets:
        columns = ("year", "comparator", "value", "value_max", "unit_text", "plan__number")
        rows = [(t_unit, ind_id, target) for t_unit, ind_id, *target in asked_targets.values_list("unit_id", "indicator_id", *columns).order_by("year")]
    else:
        rows = [(t_unit, ind_id, ()) for t_unit, ind_id in asked_targets.values_list("unit_id", "indicator_id").order_by()]
    specs: dict[int, tuple[IndicatorSpec, str]] = {
        ind_id: (IndicatorSpec(
            id=ind_id, code=code, name=name, value_type=value_type,
            needs_fraction=aggregation == Aggregation.RATIO, outlier_factor=factor, unit_of_measure=uom,
        ), category)
        for ind_id, code, name, value_type, aggregation, factor, uom, category in Indicator.objects.filter(
            pk__in={row[1] for row in rows},
        ).values_list("id", "code", "name", "value_type", "aggregation", "outlier_factor", "unit_of_measure", "category")
    }
    by_target_unit: dict[int, list] = {}
    for t_unit, ind_id, target in rows:
        by_target_unit.setdefault(t_unit, []).append((ind_id, target))
    # A requirement without a target is the same for every unit: build it once. Units
    # without targets of their own report what their parent asks: work that out once
    # per parent (a province's communes in a batch share it).
    bare = {ind_id: Requirement(spec=spec, category=category, target=None) for ind_id, (spec, category) in specs.items()}
    position = {ind_id: n for n, ind_id in enumerate(sorted(specs, key=lambda i: specs[i][0].code))}  # catalog order
    by_parent: dict[int | None, dict[int, Requirement]] = {}
    result = {}
    for u in units:
        if u.pk in by_target_unit:
            result[u.pk] = _requirements_of(u, period, by_target_unit, specs, bare, position)
            continue
        if u.parent_id not in by_parent:
            by_parent[u.parent_id] = _requirements_of(u, period, by_target_unit, specs, bare, position)
        result[u.pk] = dict(by_parent[u.parent_id])
    return result


def _requirements_of(unit: Unit, period, by_target_unit, specs, bare, position) -> dict[int, Requirement]:
    chosen: dict[int, tuple] = {}
    order: dict[int, None] = {}
    for t_unit in (unit.pk, unit.parent_id):
        for ind_id, target in by_target_unit.get(t_unit, ()):
            order[ind_id] = None
            if not target:
                continue
            year, comparator, value, value_max, unit_text, plan_number = target
            # the unit's own target before its parent's; the next milestone before later ones
            rank = (t_unit != unit.pk, year is None or year < period.year, year or 0)
            if ind_id not in chosen or rank < chosen[ind_id][0]:
                chosen[ind_id] = (rank, TargetInfo(comparator, value, value_max, year, unit_text, plan_number))
    ids = sorted(order, key=position.__getitem__)
    return {
        i: Requirement(spec=specs[i][0], category=specs[i][1], target=chosen[i][1]) if i in chosen else bare[i]
        for i in ids
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
