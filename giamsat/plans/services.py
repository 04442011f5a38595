"""Use cases on plans: who sees which, creating a plan from a parse, the cascade.

A plan is visible to whoever may view its issuing unit (``orgs.access``); through the
successors of merged and dissolved units, a province that took over a district also
sees the district's plans.
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from giamsat.audit.services import record, snapshot
from giamsat.errors import NotFoundError
from giamsat.kpi.models import Indicator, Target
from giamsat.orgs import access
from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level, Unit
from giamsat.parsing.schema import ParseResult
from giamsat.plans import rules
from giamsat.plans.errors import PlanDataError
from giamsat.plans.models import Plan, PlanStatus, PlanUnit, Recurrence, Task

_AUDITED_PLAN_FIELDS = [
    "number", "title", "kind", "issuing_unit", "issued_on", "place", "status", "cadences", "content_hash",
]


# --- access and reading -------------------------------------------------------

def plans_for(user) -> QuerySet[Plan]:
    """The plans ``user`` may read: those of the units it may view, and those issued
    above its units, which its units implement (``access.plan_issuers_q``)."""
    return Plan.objects.filter(access.plan_issuers_q(user))


def get_plan(user, pk: int) -> Plan:
    plan = Plan.objects.select_related("issuing_unit").filter(pk=pk).first()
    if plan is None or not plans_for(user).filter(pk=pk).exists():
        if plan is not None and getattr(user, "is_authenticated", False):
            access.require(user, access.Action.VIEW, plan.issuing_unit)
        raise NotFoundError(_("Không có kế hoạch này."))
    return plan


def search_plans(user, *, unit: Unit | None = None, level: str = "", status: str = "", q: str = "") -> QuerySet[Plan]:
    """Visible plans, optionally only those of ``unit``'s subtree, a level, a status, words."""
    plans = plans_for(user)
    if unit is not None:
        access.require(user, access.Action.VIEW, unit)
        plans = plans.filter(issuing_unit__in=org_services.subtree(unit))
    if level:
        plans = plans.filter(issuing_unit__level=level)
    if status:
        plans = plans.filter(status=status)
    for word in q.split():
        plans = plans.filter(Q(title__icontains=word) | Q(number__icontains=word))
    return with_counts(plans.select_related("issuing_unit")).order_by("-issued_on", "number", "pk")


def with_counts(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Annotate ``target_count`` and ``task_count``."""
    return plans.annotate(target_count=_count(Target, "plan"), task_count=_count(Task, "plan"))


def _count(model, field: str):
    """A correlated COUNT subquery: no row explosion when two counts are wanted."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), 0)


def filter_units(user) -> QuerySet[Unit]:
    """Units worth offering in a plan filter: the visible units that issued plans, and the
    localities and Party committees above the communes (a country has 3,321 communes;
    listing them all would bury the choice)."""
    above_communes = Q(kind__in=["party_committee", "area", "steering_committee"]) & ~Q(level=Level.COMMUNE)
    return (
        access.units_for(user, access.Action.VIEW)
        .filter(above_communes | Q(pk__in=Plan.objects.values("issuing_unit")))
        .order_by("path")
    )


def visible_unit(user, code: str) -> Unit:
    """The unit with ``code``, if ``user`` may view it."""
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise NotFoundError(_("Không có đơn vị mã “{code}”.").format(code=code))
    access.require(user, access.Action.VIEW, unit)
    return unit


@dataclass
class PlanDetail:
    plan: Plan
    parents: list[Plan]
    children: list[Plan]
    visible_ids: set[int]  # which of parents/children the user may open
    targets_by_year: list[tuple[int | None, list[Target]]]
    tasks: list[Task]
    assigned_units: list[PlanUnit]
    cascade: "CascadeNode"


def plan_detail(user, pk: int) -> PlanDetail:
    plan = get_plan(user, pk)
    above, below = parents(plan), children(plan)
    visible = set(plans_for(user).filter(pk__in=[p.pk for p in above + below]).values_list("pk", flat=True))
    targets = plan.targets.select_related("indicator", "unit").order_by("year", "source_line", "pk")
    tasks = plan.tasks.select_related("lead_unit").prefetch_related(
        Prefetch("coordinating_units", queryset=Unit.objects.order_by("name"))
    )
    return PlanDetail(
        plan=plan,
        parents=above,
        children=below,
        visible_ids=visible,
        targets_by_year=rules.group_by_year(targets),
        tasks=list(tasks),
        assigned_units=list(plan.assigned_units.select_related("unit")),
        cascade=cascade_tree(plan, user=user),
    )


def targets_for_indicator(user, indicator: Indicator) -> QuerySet[Target]:
    """The targets set on ``indicator`` by the plans ``user`` may read."""
    return (
        Target.objects.filter(indicator=indicator, plan__in=plans_for(user))
        .select_related("plan", "unit").order_by("year", "plan__issued_on", "pk")
    )


# --- the cascade --------------------------------------------------------------

def parents(plan: Plan) -> list[Plan]:
    """The plans ``plan`` implements."""
    return list(plan.implements.select_related("issuing_unit").order_by("issued_on", "pk"))


def children(plan: Plan) -> list[Plan]:
    """The plans that implement ``plan``."""
    return list(plan.implemented_by.select_related("issuing_unit").order_by("issued_on", "pk"))


@dataclass
class CascadeNode:
    plan: Plan
    children: list["CascadeNode"] = field(default_factory=list)

    def size(self) -> int:
        return 1 + sum(c.size() for c in self.children)


def cascade_tree(root: Plan, *, user=None, max_depth: int = 12) -> CascadeNode:
    """``root`` and, below it, the plans implementing it, level by level (one query per level).

    A plan implementing two plans of the tree appears under both; a cycle stops at
    the plan seen on its own branch. With ``user``, only plans it may read appear.
    """
    through = Plan.implements.through
    top = CascadeNode(root)
    frontier: list[tuple[CascadeNode, frozenset[int]]] = [(top, frozenset({root.pk}))]
    allowed = None if user is None else plans_for(user)
    for _depth in range(max_depth):
        if not frontier:
            break
        edges = through.objects.filter(to_plan__in=[n.plan.pk for n, _ in frontier])
        if allowed is not None:
            edges = edges.filter(from_plan__in=allowed)
        edges = edges.select_related("from_plan__issuing_unit").order_by("from_plan__issued_on", "from_plan_id")
        by_parent: dict[int, list[Plan]] = {}
        for edge in edges:
            by_parent.setdefault(edge.to_plan_id, []).append(edge.from_plan)
        next_frontier = []
        for node, seen in frontier:
            for child in by_parent.get(node.plan.pk, []):
                if child.pk in seen:
                    continue
                child_node = CascadeNode(child)
                node.children.append(child_node)
                next_frontier.append((child_node, seen | {child.pk}))
        frontier = next_frontier
    return top


# --- writing ------------------------------------------------------------------

def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _target_rows(result: ParseResult, plan: Plan, unit: Unit, indicators: Mapping[int, Indicator]) -> list[Target]:
    rows = []
    for index, t in enumerate(result.targets):
        problem = rules.target_problem(t.comparator, t.value, t.value_max, t.year)
        if problem is None and not (t.indicator or "").strip():
            problem = _("thiếu tên chỉ tiêu")
        if problem:
            raise PlanDataError(
                problem, item=_("chỉ tiêu thứ {n}").format(n=index + 1), line=t.line
            )
        rows.append(Target(
            plan=plan, unit=unit, indicator=indicators.get(index),
            indicator_text=t.indicator.strip()[:1000], category=(t.category or "")[:200], year=t.year,
            comparator=t.comparator, value=_decimal(t.value), value_max=_decimal(t.value_max),
            unit_text=(t.unit or "")[:64], per_year=bool(t.per_year),
            source_line=t.line or None, source_text=t.text or "",
        ))
    return rows


def _task_rows(result: ParseResult, plan: Plan, units: Mapping[str, Unit]) -> list[tuple[Task, list[Unit]]]:
    rows = []
    for index, t in enumerate(result.tasks):
        if not (t.title or "").strip():
            raise PlanDataError(_("nhiệm vụ không có nội dung"), item=_("nhiệm vụ thứ {n}").format(n=index + 1), line=t.line)
        try:
            deadline = rules.parse_iso_date(t.deadline)
        except ValueError as exc:
            raise PlanDataError(str(exc), item=_("nhiệm vụ thứ {n}").format(n=index + 1), line=t.line) from None
        task = Task(
            plan=plan, section=(t.section or "")[:50], title=t.title.strip(),
            lead_unit=units.get(t.lead), lead_text=(t.lead or "")[:500],
            coordinating_text="; ".join(t.coordinating)[:1000], deadline=deadline,
            recurrence=Recurrence.CONTINUOUS if t.recurring else Recurrence.NONE,
            product=(t.product or "")[:500], source_line=t.line or None, source_text=t.text or "",
        )
        partners = [units[name] for name in t.coordinating if name in units]
        rows.append((task, partners))
    return rows


@transaction.atomic
def create_plan_from_parse(
    result: ParseResult,
    *,
    issuing_unit: Unit,
    implements: Iterable[Plan] = (),
    actor,
    status: str = PlanStatus.CONFIRMED,
    source_text: str = "",
    source_file=None,
    indicators: Mapping[int, Indicator] | None = None,
    units: Mapping[str, Unit] | None = None,
    cadences: Iterable[str] = (),
    via: str = "system",
) -> Plan:
    """Store a parsed plan with its targets, tasks and assigned units, all or nothing.

    ``indicators`` maps a target's index in ``result.targets`` to its catalog indicator
    (unmapped targets keep ``indicator`` empty); ``units`` maps a unit name as the
    document writes it to the unit it was matched to. Targets apply to the issuing unit.
    ``actor`` None means the system itself (the demo); otherwise it must be allowed to
    enter data for ``issuing_unit``.
    """
    if actor is not None:
        access.require(actor, access.Action.EDIT, issuing_unit)
    if status not in PlanStatus.values:
        raise PlanDataError(_("trạng thái “{s}” không hợp lệ").format(s=status), item=_("trạng thái"))
    indicators = indicators or {}
    units = units or {}
    doc = result.document
    title = " ".join((doc.title or "").split())
    if not title:
        raise PlanDataError(_("văn bản không có trích yếu (tiêu đề)"), item=_("trích yếu"))
    try:
        issued_on = rules.parse_iso_date(doc.date)
    except ValueError as exc:
        raise PlanDataError(str(exc), item=_("ngày ban hành")) from None
    plan = Plan.objects.create(
        number=(doc.number or "")[:100], title=title[:1000], kind=rules.plan_kind(doc.number, title),
        issuing_unit=issuing_unit, issued_on=issued_on, place=(doc.place or "")[:200],
        source_text=source_text,
        content_hash=hashlib.sha256(source_text.encode()).hexdigest() if source_text else "",
        parse_result=result.to_dict(), status=status, cadences=list(cadences),
    )
    if source_file is not None:
        plan.source_file.save(getattr(source_file, "name", "") or f"plan-{plan.pk}.txt", source_file, save=False)
        plan.save(update_fields=["source_file"])
    plan.implements.set(list(implements))
    targets = Target.objects.bulk_create(_target_rows(result, plan, issuing_unit, indicators))
    task_rows = _task_rows(result, plan, units)
    Task.objects.bulk_create([task for task, _partners in task_rows])
    Task.coordinating_units.through.objects.bulk_create([
        Task.coordinating_units.through(task_id=task.pk, unit_id=unit.pk)
        for task, partners in task_rows for unit in partners
    ])
    PlanUnit.objects.bulk_create([
        PlanUnit(plan=plan, name=u.name[:500], unit=units.get(u.name), duties=list(u.duties), source_line=u.line or None)
        for u in result.units
    ])
    after = snapshot(plan, _AUDITED_PLAN_FIELDS)
    after.update(implements=sorted(p.pk for p in plan.implements.all()),
                 targets=len(targets), tasks=len(task_rows), units=len(result.units))
    record(actor=actor, action="create", obj=plan, after=after, via=via)
    return plan


def find_plan(number: str, issuing_unit: Unit) -> Plan | None:
    return Plan.objects.filter(number=number, issuing_unit=issuing_unit).order_by("pk").first()


def find_plan_by_text(source_text: str) -> Plan | None:
    digest = hashlib.sha256(source_text.encode()).hexdigest()
    return Plan.objects.filter(content_hash=digest).order_by("pk").first()


# The national plan --------------------------------------------------------------

NATIONAL_NUMBER = "57-NQ/TW"
POLITBURO_CODE = "VN-BCT"
NATIONAL_TITLE = (
    "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)


def politburo(actor=None) -> Unit:
    """The Politburo, which issued 57-NQ/TW: a national body under the root of the tree
    (the root ``giamsat units load-vn`` also hangs the provinces under); created if missing."""
    from giamsat.orgs.vietnam import national_root

    unit = Unit.objects.filter(code=POLITBURO_CODE).first()
    if unit is None:
        unit = org_services.create_unit(
            actor=actor, code=POLITBURO_CODE, name=_("Bộ Chính trị"), level=Level.NATIONAL,
            kind="party_committee", parent=national_root(actor=actor),
        )
    return unit


@transaction.atomic
def create_national_plan(actor=None, *, issuing_unit: Unit | None = None) -> Plan:
    """The plan of Resolution 57-NQ/TW (22/12/2024) with its national targets for 2030
    and 2045, tied to the catalog; running it again returns the plan already there."""
    from giamsat.kpi import services as kpi_services
    from giamsat.kpi.national import read_national_targets
    from giamsat.parsing.schema import DocumentMeta
    from giamsat.parsing.schema import Target as ParsedTarget

    issuing_unit = issuing_unit or politburo(actor)
    existing = find_plan(NATIONAL_NUMBER, issuing_unit)
    if existing is not None:
        return existing
    catalog = kpi_services.load_national_catalog(actor)
    rows = [r for r in read_national_targets() if r.is_quantitative]
    lines = [_("Các chỉ tiêu quốc gia của Nghị quyết 57-NQ/TW (Phụ lục I, Nghị quyết 03/NQ-CP ngày 09/01/2025)")]
    targets, mapping = [], {}
    for index, row in enumerate(rows):
        text = f"{row.code}. {row.indicator} ({row.year}): {row.comparator} {row.value}"
        if row.value_max is not None:
            text += f"–{row.value_max}"
        text += f" {row.unit}"
        lines.append(text)
        targets.append(ParsedTarget(
            indicator=row.indicator, comparator=row.comparator, value=float(row.value),
            value_max=None if row.value_max is None else float(row.value_max), unit=row.unit,
            year=row.year, per_year="/năm" in row.unit or row.note.startswith("per year"),
            category=row.category, line=len(lines), text=text,
        ))
        mapping[index] = catalog[row.code]
    result = ParseResult(
        document=DocumentMeta(
            title=NATIONAL_TITLE, number=NATIONAL_NUMBER, date="2024-12-22", place="Hà Nội",
            issuer="Bộ Chính trị", level="national",
        ),
        targets=targets,
    )
    return create_plan_from_parse(
        result, issuing_unit=issuing_unit, actor=actor, source_text="\n".join(lines),
        indicators=mapping, cadences=["year"],
    )
