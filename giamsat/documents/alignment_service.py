"""Load a plan and the plans it implements into plain facts, and align them.

The rules are :func:`giamsat.evaluation.alignment.align`; this module only reads.
"""

import datetime
from dataclasses import dataclass

from giamsat.evaluation.alignment import (
    Finding,
    PlanFacts,
    ReferenceFact,
    TargetFact,
    TaskFact,
    align,
)
from giamsat.plans import services as plan_services
from giamsat.plans.models import Plan


@dataclass
class ParentFindings:
    parent: Plan
    findings: list[Finding]

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if not f.good_news]

    @property
    def good_news(self) -> list[Finding]:
        return [f for f in self.findings if f.good_news]


@dataclass
class AlignmentReport:
    plan: Plan
    parents: list[ParentFindings]

    def as_dict(self) -> dict:
        return {
            "plan": {"id": self.plan.pk, "number": self.plan.number, "title": self.plan.title},
            "parents": [
                {"plan": {"id": p.parent.pk, "number": p.parent.number, "title": p.parent.title},
                 "findings": [f.as_dict() for f in p.findings]}
                for p in self.parents
            ],
        }


def _date(text) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def facts(plan: Plan) -> PlanFacts:
    lines = plan.source_text.splitlines()

    def line_text(line) -> str:
        return lines[line - 1].strip() if line and 0 < line <= len(lines) else ""

    targets = [
        TargetFact(
            indicator_id=t.indicator_id, indicator_name=t.indicator.name if t.indicator else t.indicator_text,
            year=t.year, comparator=t.comparator, value=t.value, value_max=t.value_max, unit=t.unit_text,
            per_year=t.per_year, direction=t.indicator.direction if t.indicator else "higher",
            line=t.source_line, text=t.source_text,
        )
        for t in plan.targets.select_related("indicator").order_by("year", "source_line", "pk")
    ]
    tasks = [TaskFact(t.title, t.deadline, t.source_line, t.source_text) for t in plan.tasks.order_by("source_line", "pk")]
    document = (plan.parse_result or {}).get("document") or {}
    references = [
        ReferenceFact(r.get("number", ""), _date(r.get("date")), r.get("line") or None, line_text(r.get("line")))
        for r in document.get("references", [])
    ]
    return PlanFacts(id=plan.pk, number=plan.number, title=plan.title, issued_on=plan.issued_on,
                     targets=targets, tasks=tasks, references=references)


def align_plan(plan: Plan) -> AlignmentReport:
    mine = facts(plan)
    return AlignmentReport(plan, [ParentFindings(p, align(mine, facts(p))) for p in plan_services.parents(plan)])


def plan_alignment(user, pk: int) -> AlignmentReport:
    """The alignment of plan ``pk`` with each plan it implements, if ``user`` may read it."""
    return align_plan(plan_services.get_plan(user, pk))
