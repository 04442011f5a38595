"""Vietnamese display of numbers, comparators and targets: 1.234,5 · ≥ 80% · từ 40 đến 50.

Numbers go through Django's l10n with the active language's formats
(``giamsat/formats/vi``), so the separators are never written by hand.
Load with ``{% load giamsat_format %}``.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

register = template.Library()

COMPARATOR_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈", "between": ""}
EMPTY = "–"


def _as_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


@register.filter
def vn_number(value, decimals=None):
    """1234.5 -> "1.234,5"; Decimal("80.000000") -> "80"; None -> "–".

    Without ``decimals`` the number keeps its significant decimals; with it, it is
    rounded to that many places.
    """
    number = _as_decimal(value)
    if number is None:
        return EMPTY
    if decimals is None or decimals == "":
        number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()
        places = max(0, -number.as_tuple().exponent)
    else:
        places = int(decimals)
        number = number.quantize(Decimal(1).scaleb(-places))
    return formats.number_format(number, places, use_l10n=True, force_grouping=True)


@register.filter
def comparator_symbol(comparator) -> str:
    """">=" -> "≥", "~" -> "≈"; a range ("between") has no symbol of its own."""
    return COMPARATOR_SYMBOLS.get(comparator, comparator or "")


def _with_unit(number: str, unit: str) -> str:
    if not unit:
        return number
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"


@register.filter
def target_value(target) -> str:
    """A target's figure as Vietnamese text: "≥ 80%", "từ 40 đến 50 tổ chức", "≈ 3 doanh nghiệp".

    Works on anything with ``comparator``, ``value``, ``value_max`` and ``unit_text``
    (a kpi Target) or ``unit`` (a parsed target).
    """
    unit = getattr(target, "unit_text", None)
    if unit is None:
        unit = getattr(target, "unit", "") or ""
    value = vn_number(target.value)
    if target.comparator == "between":
        return _("từ {low} đến {high}").format(low=value, high=_with_unit(vn_number(target.value_max), unit))
    symbol = comparator_symbol(target.comparator)
    figure = _with_unit(value, unit)
    return f"{symbol} {figure}" if symbol else figure
