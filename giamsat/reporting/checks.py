"""Parse and check everything a save brings, before anything is written.

Each path hands :class:`RawEntry` objects whose numbers may still be text typed the
Vietnamese way; the checks here turn them into validated values and collect every
problem at the path's own location (form field, sheet cell, JSON path).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from giamsat.orgs.models import Unit
from giamsat.reporting import validation
from giamsat.reporting.errors import FieldError
from giamsat.reporting.models import Submission
from giamsat.reporting.requirements import Requirement

NARRATIVE_FIELDS = ("results", "difficulties", "recommendations", "next_plans")
MAX_NARRATIVE = 20000


def _default_where(part: str) -> str:
    return part


@dataclass(slots=True)
class RawEntry:
    """One value as a path received it: numbers may still be text typed the Vietnamese way."""

    indicator: int | str  # catalog id (web form) or code (Excel, API)
    value: object = None
    numerator: object = None
    denominator: object = None
    note: str = ""
    confirm_outlier: bool = False
    where: Callable[[str], str] = _default_where


def _resolve(raw: RawEntry, requirements: dict[int, Requirement], by_code: dict[str, Requirement], unit: Unit, period) -> Requirement | FieldError:
    req = by_code.get(raw.indicator) if isinstance(raw.indicator, str) else requirements.get(raw.indicator)
    if req is not None:
        return req
    return FieldError(raw.where(validation.INDICATOR), _(
        "Chỉ tiêu “{indicator}” không nằm trong danh sách “{unit}” phải báo cáo kỳ {period}."
    ).format(indicator=raw.indicator, unit=unit.name, period=period.label))


def _number(raw: RawEntry, part: str, spec, errors: list[FieldError]):
    try:
        return validation.parse_number(getattr(raw, part))
    except validation.NumberError as exc:
        labels = {validation.VALUE: _("Giá trị"), validation.NUMERATOR: _("Tử số"), validation.DENOMINATOR: _("Mẫu số")}
        errors.append(FieldError(raw.where(part), _("{label} của “{name}”: {problem}").format(label=labels[part], name=spec.name, problem=exc)))
        return _BAD


_BAD = object()


def _parse(raw: RawEntry, spec, errors: list[FieldError]) -> validation.Entry | None:
    parse = validation.parse_number
    try:
        value, numerator, denominator = parse(raw.value), parse(raw.numerator), parse(raw.denominator)
    except validation.NumberError:
        # again part by part, so that every unreadable number is named
        value = _number(raw, validation.VALUE, spec, errors) if raw.value is not None else None
        numerator = _number(raw, validation.NUMERATOR, spec, errors) if raw.numerator is not None else None
        denominator = _number(raw, validation.DENOMINATOR, spec, errors) if raw.denominator is not None else None
        if value is _BAD or numerator is _BAD or denominator is _BAD:
            return None
    return validation.Entry(spec.id, value, numerator, denominator, (raw.note or "").strip(), bool(raw.confirm_outlier))


def check_entries(raws: list[RawEntry], requirements: dict[int, Requirement], history: dict[int, list[Decimal]], unit: Unit, period) -> tuple[dict[int, validation.Checked], list[FieldError], list[FieldError]]:
    """Parse and check every entry; returns checked values by indicator id, errors, warnings."""
    by_code = {r.spec.code: r for r in requirements.values()}
    checked: dict[int, validation.Checked] = {}
    seen: dict[int, RawEntry] = {}
    errors: list[FieldError] = []
    warnings: list[FieldError] = []
    check, no_history = validation.check_entry, []
    for raw in raws:
        req = _resolve(raw, requirements, by_code, unit, period)
        if isinstance(req, FieldError):
            errors.append(req)
            continue
        spec = req.spec
        ind_id = spec.id
        if ind_id in seen:
            errors.append(FieldError(raw.where(validation.INDICATOR), _("Chỉ tiêu “{name}” xuất hiện hai lần (đã có ở {first}).").format(name=spec.name, first=seen[ind_id].where(validation.INDICATOR))))
            continue
        seen[ind_id] = raw
        entry = _parse(raw, spec, errors)
        if entry is None:
            continue
        result = check(spec, entry, history.get(ind_id, no_history))
        checked[ind_id] = result
        if result.problems:
            for problem in result.problems:
                (warnings if problem.warning else errors).append(FieldError(raw.where(problem.part), problem.message))
    return checked, errors, warnings


def check_narrative(narrative: dict | None, where: Callable[[str], str]) -> list[FieldError]:
    errors = []
    for name, text in (narrative or {}).items():
        if name not in NARRATIVE_FIELDS:
            errors.append(FieldError(where(name), _("Không có phần thuyết minh “{name}”.").format(name=name)))
        elif text is not None and len(text) > MAX_NARRATIVE:
            errors.append(FieldError(where(name), _("Phần “{label}” dài quá {limit} ký tự.").format(label=Submission._meta.get_field(name).verbose_name, limit=validation.fmt(MAX_NARRATIVE))))
    return errors
