"""Pure rules that check one reported value: type, range, fraction, outlier.

Each path (web form, Excel, API) turns its raw input into :class:`Entry` objects, calls
:func:`check_entry` and places the :class:`Problem` objects it gets back at its own
location (a form field, a sheet cell, a JSON pointer). No ORM, no clock.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# Parts of an entry a problem can point at.
VALUE, NUMERATOR, DENOMINATOR, NOTE, INDICATOR = "value", "numerator", "denominator", "note", "indicator"
MAX_NOTE = 2000
MAX_ABS = Decimal("1e17")  # fits the database's 24 digits with 6 decimals
_MAX_INT = 10**17
HISTORY_LENGTH = 6  # periods of the unit's own history an outlier is measured against

PERCENT, COUNT, RATIO, INDEX, MONEY, RANK = "percent", "count", "ratio", "index", "money", "rank"


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    """What the rules need to know about a catalog indicator."""

    id: int
    code: str
    name: str
    value_type: str
    needs_fraction: bool  # entered as numerator and denominator (aggregates as a ratio)
    outlier_factor: Decimal = Decimal(3)
    unit_of_measure: str = ""


@dataclass(slots=True)
class Entry:
    indicator_id: int
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""
    confirm_outlier: bool = False

    @property
    def is_blank(self) -> bool:
        return self.value is None and self.numerator is None and self.denominator is None and not self.note


@dataclass(frozen=True, slots=True)
class Problem:
    part: str
    message: str
    warning: bool = False  # a warning can be confirmed; an error blocks the save


@dataclass(slots=True)
class Checked:
    """A value as it will be stored, with what the checks said about it."""

    entry: Entry
    value: Decimal | None
    problems: list[Problem] = field(default_factory=list)
    outlier: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def fmt(number: Decimal | int | float | None) -> str:
    """A number the Vietnamese way, 1.234,5, for messages."""
    if number is None:
        return ""
    if isinstance(number, Decimal):
        number = number.normalize()
        if number == number.to_integral():
            number = number.quantize(Decimal(1))
    return number_format(number, use_l10n=True, force_grouping=True)


# --- Numbers -------------------------------------------------------------------------

_VN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_PLAIN_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")


class NumberError(ValueError):
    """Raised by :func:`parse_number` with a Vietnamese message."""


def parse_number(raw) -> Decimal | None:
    """A number typed the Vietnamese way: ``1.234,5`` or ``24.530`` or ``12``.

    Numbers already typed (``int``, ``float``, ``Decimal``) pass through. A blank is ``None``.
    ``1.5`` is refused: in Vietnamese the dot groups thousands, so it is ambiguous.
    """
    if raw is None:
        return None
    kind = type(raw)
    if kind is int:  # the common case first: JSON and Excel counts
        if -_MAX_INT < raw < _MAX_INT:
            return Decimal(raw)
        raise NumberError(_("Số “{raw}” quá lớn.").format(raw=raw))
    if kind is float:
        number = Decimal(repr(raw))
    elif isinstance(raw, bool):
        raise NumberError(_("“{raw}” không phải là số.").format(raw=raw))
    elif isinstance(raw, int | Decimal):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))
    else:
        text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
        if text == "":
            return None
        if text.endswith("%"):
            text = text[:-1]
        if _VN_NUMBER.match(text):
            number = Decimal(text.replace(".", "").replace(",", "."))
        elif _PLAIN_DECIMAL.match(text):
            raise NumberError(
                _("Không rõ “{raw}”: dấu chấm dùng để phân cách hàng nghìn, phần thập phân viết sau dấu phẩy (ví dụ 1.234,5).").format(raw=raw)
            )
        else:
            raise NumberError(_("“{raw}” không phải là số (ví dụ đúng: 1.234,5).").format(raw=raw))
    if not number.is_finite() or abs(number) >= MAX_ABS:
        raise NumberError(_("Số “{raw}” quá lớn.").format(raw=raw))
    return number


def parse_int(raw) -> int | None:
    number = parse_number(raw)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise NumberError(_("“{raw}” phải là số nguyên.").format(raw=raw))
    return int(number)


# --- Checks --------------------------------------------------------------------------


def _is_integer(number: Decimal) -> bool:
    try:
        return number == number.to_integral_value()
    except InvalidOperation:
        return False


# Constants of the checks, built once: they run for every value of a national round.
_ZERO, _HUNDRED, _CENT, _MILLIONTH = Decimal(0), Decimal(100), Decimal("0.01"), Decimal("0.000001")


def computed_value(spec: IndicatorSpec, numerator: Decimal, denominator: Decimal) -> Decimal:
    """24.530 / 27.656 → 88,69 (a percentage with two decimals) for percent indicators.

    Cut, not rounded: 79,996 % must not show as 80,00 % and meet a "≥ 80 %" target."""
    ratio = numerator / denominator
    if spec.value_type == PERCENT:
        return (ratio * _HUNDRED).quantize(_CENT, rounding=ROUND_DOWN)
    return ratio.quantize(_MILLIONTH, rounding=ROUND_DOWN)


def reference_level(history: list[Decimal]) -> Decimal | None:
    """The unit's usual level: the median of its recent non-zero values."""
    usable = [abs(v) for v in history[-HISTORY_LENGTH:] if v]
    if len(usable) < 2:
        return usable[0] if usable else None
    usable.sort()
    middle = len(usable) // 2
    return usable[middle] if len(usable) % 2 else (usable[middle - 1] + usable[middle]) / 2


def _beyond(value: Decimal, reference: Decimal | None, factor: Decimal | None) -> bool:
    if reference is None or factor is None or factor <= 1:
        return False
    size = abs(value)
    return size > reference * factor or size * factor < reference


def is_outlier(value: Decimal, history: list[Decimal], factor: Decimal) -> bool:
    """True when ``value`` is more than ``factor`` times above or below the unit's usual level
    (the min–max idea of DHIS2, with bounds taken from the unit's own history)."""
    return _beyond(value, reference_level(history), factor)


def _range_problem(spec: IndicatorSpec, value: Decimal, part: str) -> Problem | None:
    name, kind = spec.name, spec.value_type
    if kind == PERCENT and not _ZERO <= value <= _HUNDRED:
        return Problem(part, _("Giá trị của “{name}” là tỷ lệ phần trăm, phải từ 0 đến 100 (đã nhập {value}).").format(name=name, value=fmt(value)))
    if kind == COUNT and (value < 0 or not _is_integer(value)):
        return Problem(part, _("Giá trị của “{name}” là số đếm, phải là số nguyên không âm (đã nhập {value}).").format(name=name, value=fmt(value)))
    if kind == RANK and (value < 1 or not _is_integer(value)):
        return Problem(part, _("Giá trị của “{name}” là thứ hạng, phải là số nguyên từ 1 trở lên (đã nhập {value}).").format(name=name, value=fmt(value)))
    if kind == MONEY and value < 0:
        return Problem(part, _("Giá trị của “{name}” là số tiền, không được âm (đã nhập {value}).").format(name=name, value=fmt(value)))
    return None


def _fraction(spec: IndicatorSpec, entry: Entry, problems: list[Problem]) -> Decimal | None:
    name, num, den = spec.name, entry.numerator, entry.denominator
    if entry.value is not None and num is None and den is None:
        problems.append(Problem(NUMERATOR, _("“{name}” được tính từ tử số và mẫu số: hãy nhập tử số và mẫu số thay cho giá trị.").format(name=name)))
        return None
    if num is None and den is None:
        return None
    if num is None:
        problems.append(Problem(NUMERATOR, _("Cần nhập tử số của “{name}” (đã có mẫu số).").format(name=name)))
    elif num < 0 or (spec.value_type == PERCENT and not _is_integer(num)):
        problems.append(Problem(NUMERATOR, _("Tử số của “{name}” phải là số nguyên không âm (đã nhập {value}).").format(name=name, value=fmt(num))))
    if den is None:
        problems.append(Problem(DENOMINATOR, _("Cần nhập mẫu số của “{name}” (đã có tử số).").format(name=name)))
    elif den <= 0:
        problems.append(Problem(DENOMINATOR, _("Mẫu số của “{name}” phải lớn hơn 0.").format(name=name)))
    elif spec.value_type == PERCENT and not _is_integer(den):
        problems.append(Problem(DENOMINATOR, _("Mẫu số của “{name}” phải là số nguyên (đã nhập {value}).").format(name=name, value=fmt(den))))
    if problems:
        return None
    if spec.value_type == PERCENT and num > den:
        problems.append(Problem(NUMERATOR, _("Tử số của “{name}” ({num}) không được lớn hơn mẫu số ({den}).").format(name=name, num=fmt(num), den=fmt(den))))
        return None
    return computed_value(spec, num, den)


def check_entry(spec: IndicatorSpec, entry: Entry, history: list[Decimal] = ()) -> Checked:
    """Check one entry against its indicator and the unit's own history (oldest first)."""
    problems: list[Problem] = []
    if spec.needs_fraction:
        value = _fraction(spec, entry, problems)
    else:
        if entry.numerator is not None or entry.denominator is not None:
            problems.append(Problem(VALUE, _("“{name}” nhập trực tiếp giá trị, không nhập tử số và mẫu số.").format(name=spec.name)))
        value = entry.value
        if value is not None and (problem := _range_problem(spec, value, VALUE)):
            problems.append(problem)
    if len(entry.note) > MAX_NOTE:
        problems.append(Problem(NOTE, _("Ghi chú của “{name}” dài quá {limit} ký tự.").format(name=spec.name, limit=fmt(MAX_NOTE))))
    checked = Checked(entry, value, problems)
    # every problem so far is an error; an outlier is only looked for in a valid value
    if value is not None and not problems and history and _beyond(value, reference := reference_level(history), spec.outlier_factor):
        checked.outlier = True
        part = NUMERATOR if spec.needs_fraction else VALUE
        if not entry.confirm_outlier:
            problems.append(Problem(part, _(
                "“{name}” = {value} khác thường: chênh hơn {factor} lần so với mức thường thấy của đơn vị "
                "({reference}). Hãy kiểm tra lại, hoặc xác nhận và ghi chú lý do."
            ).format(name=spec.name, value=fmt(value), factor=fmt(spec.outlier_factor), reference=fmt(reference)), warning=True))
        elif not entry.note.strip():
            problems.append(Problem(NOTE, _("Cần ghi chú lý do khi xác nhận giá trị khác thường của “{name}”.").format(name=spec.name)))
    return checked


def missing_message(spec: IndicatorSpec) -> str:
    return _("Chưa nhập số liệu “{name}”.").format(name=spec.name)
