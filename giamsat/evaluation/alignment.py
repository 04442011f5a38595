"""Alignment: where a plan says less, later or otherwise than the plan it implements.

:func:`align` is a pure function on plain values (:class:`PlanFacts`), tested without
a database; ``giamsat.documents.alignment_service`` loads plans into them. For one
child plan and one parent plan it finds:

- ``weaker``: a child target on the same catalog indicator and milestone year as a
  parent target that asks for less. "Less" follows the indicator's direction (higher
  or lower is better) and the comparators: ``> 80`` asks more than ``≥ 80``; for a
  higher-is-better indicator a ceiling (``≤ 50``) asks for nothing;
- ``stronger`` (good news): a child target that asks for more than the parent's;
- ``already_met`` (good news): a child milestone earlier than the parent's that
  already reaches the parent's later target. An earlier milestone below it is a step
  on the way, not a finding;
- ``late``: the child sets the parent's indicator only for a later year, or a child
  task matching a parent task (by folded title) is due later than the parent's;
- ``missing``: a parent indicator the child does not take up at all;
- ``wrong_reference``: the child cites the parent with a wrong date, or with a number
  that differs but is close (same number and kind with another issuer, or another
  number on the parent's date).

Targets measured in different kinds of units (a percentage against a count), or one
per year against one that is not, are not compared. Unmapped targets are skipped.
Each finding carries both sides' text and line.
"""

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from giamsat.documents.folding import fold
from giamsat.documents.matching import unit_family
from giamsat.web.templatetags.giamsat_format import vn_number

TASK_MATCH_AT = 0.8
COMPARATOR_WORDS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈"}


class Kind:
    WEAKER = "weaker"
    STRONGER = "stronger"
    ALREADY_MET = "already_met"
    LATE = "late"
    MISSING = "missing"
    WRONG_REFERENCE = "wrong_reference"


GOOD_NEWS = {Kind.STRONGER, Kind.ALREADY_MET}


@dataclass(frozen=True)
class TargetFact:
    indicator_id: int | None
    indicator_name: str
    year: int | None
    comparator: str
    value: Decimal
    value_max: Decimal | None = None
    unit: str = ""
    per_year: bool = False
    direction: str = "higher"
    line: int | None = None
    text: str = ""


@dataclass(frozen=True)
class TaskFact:
    title: str
    deadline: date | None
    line: int | None = None
    text: str = ""


@dataclass(frozen=True)
class ReferenceFact:
    number: str
    date: date | None
    line: int | None = None
    text: str = ""


@dataclass(frozen=True)
class PlanFacts:
    id: int
    number: str
    title: str
    issued_on: date | None
    targets: list[TargetFact] = field(default_factory=list)
    tasks: list[TaskFact] = field(default_factory=list)
    references: list[ReferenceFact] = field(default_factory=list)


@dataclass(frozen=True)
class Side:
    plan_id: int
    plan_number: str
    line: int | None
    text: str


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    child: Side | None
    parent: Side | None
    indicator_id: int | None = None
    indicator_name: str = ""
    year: int | None = None

    @property
    def good_news(self) -> bool:
        return self.kind in GOOD_NEWS

    def as_dict(self) -> dict:
        data = asdict(self)
        data["good_news"] = self.good_news
        return data


# --- comparing two targets ---------------------------------------------------

def _bound(t: TargetFact) -> tuple[Decimal, int] | None:
    """What ``t`` guarantees in its indicator's good direction, as a sortable key
    where larger asks more; None when it guarantees nothing that way."""
    if t.direction == "lower":
        if t.comparator in ("<=", "=", "~"):
            return (-t.value, 0)
        if t.comparator == "<":
            return (-t.value, 1)
        if t.comparator == "between" and t.value_max is not None:
            return (-t.value_max, 0)
        return None
    if t.comparator in (">=", "=", "~", "between"):
        return (t.value, 0)
    if t.comparator == ">":
        return (t.value, 1)
    return None


def compare(child: TargetFact, parent: TargetFact) -> int | None:
    """-1 if ``child`` asks less than ``parent``, 1 if more, 0 if as much; None if the
    two cannot be compared (different kinds of unit, or per year against not)."""
    if child.per_year != parent.per_year:
        return None
    if unit_family(child.unit) != unit_family(parent.unit):
        return None
    parent_bound, child_bound = _bound(parent), _bound(child)
    if parent_bound is None:
        return None
    if child_bound is None:
        return -1
    return (child_bound > parent_bound) - (child_bound < parent_bound)


def describe(t: TargetFact) -> str:
    """"≥ 80%", "từ 8 đến 10%": a target's demand in words, numbers localised."""
    unit = t.unit if t.unit.startswith("%") else (f" {t.unit}" if t.unit else "")
    if t.comparator == "between" and t.value_max is not None:
        return _("từ {low} đến {high}{unit}").format(
            low=vn_number(t.value), high=vn_number(t.value_max), unit=unit
        )
    return f"{COMPARATOR_WORDS.get(t.comparator, t.comparator)} {vn_number(t.value)}{unit}"


# --- the findings --------------------------------------------------------------

def _side(plan: PlanFacts, line: int | None, text: str) -> Side:
    return Side(plan_id=plan.id, plan_number=plan.number, line=line, text=text)


def _target_finding(kind: str, message: str, child: PlanFacts, c: TargetFact | None, parent: PlanFacts, p: TargetFact) -> Finding:
    return Finding(
        kind=kind, message=message,
        child=_side(child, c.line, c.text) if c else None,
        parent=_side(parent, p.line, p.text),
        indicator_id=p.indicator_id, indicator_name=p.indicator_name, year=p.year,
    )


def _target_findings(child: PlanFacts, parent: PlanFacts) -> list[Finding]:
    findings = []
    by_indicator: dict[int, list[TargetFact]] = {}
    for t in child.targets:
        if t.indicator_id is not None:
            by_indicator.setdefault(t.indicator_id, []).append(t)
    missing_reported: set[int] = set()
    parent_targets = sorted(
        (t for t in parent.targets if t.indicator_id is not None), key=lambda t: (t.year or 0, t.line or 0)
    )
    for p in parent_targets:
        mine = by_indicator.get(p.indicator_id, [])
        if not mine:
            if p.indicator_id not in missing_reported:
                missing_reported.add(p.indicator_id)
                findings.append(_target_finding(
                    Kind.MISSING,
                    _("Kế hoạch không có chỉ tiêu “{name}” mà văn bản cấp trên đặt ra ({demand} đến năm {year}).").format(
                        name=p.indicator_name, demand=describe(p), year=p.year
                    ),
                    child, None, parent, p,
                ))
            continue
        same_year = [c for c in mine if c.year in (p.year, None)]
        earlier = [c for c in mine if c.year is not None and p.year is not None and c.year < p.year]
        later = [c for c in mine if c.year is not None and p.year is not None and c.year > p.year]
        for c in same_year:
            outcome = compare(c, p)
            if outcome == -1:
                findings.append(_target_finding(
                    Kind.WEAKER,
                    _("Chỉ tiêu “{name}” năm {year}: kế hoạch đặt {child}, thấp hơn văn bản cấp trên ({parent}).").format(
                        name=p.indicator_name, year=p.year, child=describe(c), parent=describe(p)
                    ),
                    child, c, parent, p,
                ))
            elif outcome == 1:
                findings.append(_target_finding(
                    Kind.STRONGER,
                    _("Chỉ tiêu “{name}” năm {year}: kế hoạch đặt {child}, cao hơn văn bản cấp trên ({parent}).").format(
                        name=p.indicator_name, year=p.year, child=describe(c), parent=describe(p)
                    ),
                    child, c, parent, p,
                ))
        for c in earlier:
            if compare(c, p) in (0, 1):
                findings.append(_target_finding(
                    Kind.ALREADY_MET,
                    _("Chỉ tiêu “{name}”: ngay năm {child_year} kế hoạch đã đặt {child}, đạt mức văn bản cấp trên đặt cho năm {year} ({parent}).").format(
                        name=p.indicator_name, child_year=c.year, child=describe(c), year=p.year, parent=describe(p)
                    ),
                    child, c, parent, p,
                ))
        if not same_year and not earlier and later:
            c = min(later, key=lambda t: t.year)
            findings.append(_target_finding(
                Kind.LATE,
                _("Chỉ tiêu “{name}”: văn bản cấp trên đặt mốc năm {year}, kế hoạch chỉ đặt mốc năm {child_year}.").format(
                    name=p.indicator_name, year=p.year, child_year=c.year
                ),
                child, c, parent, p,
            ))
    return findings


def _task_similarity(a: str, b: str) -> float:
    left, right = fold(a), fold(b)
    if not left or not right:
        return 0.0
    return (fuzz.token_set_ratio(left, right) + fuzz.token_sort_ratio(left, right)) / 200


def _task_findings(child: PlanFacts, parent: PlanFacts) -> list[Finding]:
    findings = []
    dated_parent_tasks = [t for t in parent.tasks if t.deadline]
    for c in child.tasks:
        if not c.deadline or not dated_parent_tasks:
            continue
        best = max(dated_parent_tasks, key=lambda p: _task_similarity(c.title, p.title))
        if _task_similarity(c.title, best.title) < TASK_MATCH_AT or c.deadline <= best.deadline:
            continue
        findings.append(Finding(
            kind=Kind.LATE,
            message=_("Nhiệm vụ “{title}” hạn {child}, muộn hơn hạn của văn bản cấp trên ({parent}).").format(
                title=c.title[:120], child=date_format(c.deadline, "SHORT_DATE_FORMAT"),
                parent=date_format(best.deadline, "SHORT_DATE_FORMAT"),
            ),
            child=_side(child, c.line, c.text or c.title),
            parent=_side(parent, best.line, best.text or best.title),
        ))
    return findings


_NUMBER_PARTS = re.compile(r"^(\d+)\W*(.*)$")


def normalise_number(number: str) -> str:
    """"57- NQ/TW" → "57-nq/tw": case, spaces and diacritics do not make two numbers differ."""
    return "/".join("-".join(fold(part) for part in piece.split("-")) for piece in number.split("/")).replace(" ", "")


def _number_parts(number: str) -> tuple[str, str]:
    """("57", "nq") for "57-NQ/TW": the numeral and the kind of document."""
    normalised = normalise_number(number)
    match = _NUMBER_PARTS.match(normalised)
    if not match:
        return "", normalised
    kind = re.split(r"[/-]", match.group(2).strip("-/"))[0] if match.group(2) else ""
    return match.group(1), kind


def _reference_findings(child: PlanFacts, parent: PlanFacts) -> list[Finding]:
    if not parent.number:
        return []
    wanted = normalise_number(parent.number)
    numeral, kind = _number_parts(parent.number)
    groups: dict[tuple[str, str, date | None], list[ReferenceFact]] = {}
    for ref in child.references:
        number = normalise_number(ref.number)
        if number == wanted:
            if parent.issued_on and ref.date and ref.date != parent.issued_on:
                groups.setdefault(("date", ref.number, ref.date), []).append(ref)
            continue
        ref_numeral, ref_kind = _number_parts(ref.number)
        same_kind = ref_kind == kind and kind != ""
        close = same_kind and (ref_numeral == numeral or (parent.issued_on is not None and ref.date == parent.issued_on))
        if close:
            groups.setdefault(("number", ref.number, ref.date), []).append(ref)
    findings = []
    parent_text = _("{number} ngày {date}").format(
        number=parent.number, date=date_format(parent.issued_on, "SHORT_DATE_FORMAT") if parent.issued_on else "?"
    )
    for (what, number, cited_date), refs in groups.items():
        lines = ", ".join(str(r.line) for r in refs if r.line)
        if what == "date":
            message = _("Văn bản {number} được dẫn với ngày {cited}, đúng là {actual} (dòng {lines}).").format(
                number=parent.number, cited=date_format(cited_date, "SHORT_DATE_FORMAT"),
                actual=date_format(parent.issued_on, "SHORT_DATE_FORMAT"), lines=lines,
            )
        else:
            message = _("Văn bản cấp trên được dẫn với số hiệu {cited}, đúng là {number} (dòng {lines}).").format(
                cited=number, number=parent.number, lines=lines,
            )
        first = refs[0]
        findings.append(Finding(
            kind=Kind.WRONG_REFERENCE, message=message,
            child=_side(child, first.line, first.text or first.number),
            parent=_side(parent, None, parent_text + " – " + parent.title),
        ))
    return findings


def align(child: PlanFacts, parent: PlanFacts) -> list[Finding]:
    """Every finding about ``child`` against one plan it implements, problems first."""
    findings = _reference_findings(child, parent) + _target_findings(child, parent) + _task_findings(child, parent)
    order = [Kind.WRONG_REFERENCE, Kind.WEAKER, Kind.LATE, Kind.MISSING, Kind.STRONGER, Kind.ALREADY_MET]
    return sorted(findings, key=lambda f: (order.index(f.kind), f.year or 0, f.indicator_name))
