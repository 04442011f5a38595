"""Template filters of the reporting pages: numbers the Vietnamese way, labels, messages."""

from decimal import Decimal

from django import template

from giamsat.reporting import validation
from giamsat.reporting.models import SubmissionStatus

register = template.Library()


@register.filter
def vn_number(value):
    """Decimal('24530.000000') → '24.530'; text a user typed is shown as typed."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | int | float):
        return validation.fmt(Decimal(repr(value)) if isinstance(value, float) else value)
    return value


@register.filter
def status_label(status: str) -> str:
    try:
        return SubmissionStatus(status).label
    except ValueError:
        return status


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def target_text(target) -> str:
    if target is None:
        return ""
    value = validation.fmt(target.value)
    if target.value_max is not None:
        value = f"{value}–{validation.fmt(target.value_max)}"
    symbol = {">=": "≥", "<=": "≤", "between": ""}.get(target.comparator, target.comparator)
    text = f"{symbol} {value} {target.unit_text}".strip()
    return f"{text} ({target.year})" if target.year else text


@register.simple_tag
def fname(kind: str, ident, part: str) -> str:
    """The input name of an indicator's (``v``) or a task's (``t``) part: v-12-numerator."""
    return f"{kind}-{ident}-{part}"


@register.simple_tag
def fvalue(values: dict, kind: str, ident, part: str):
    return values.get(f"{kind}-{ident}-{part}")


@register.simple_tag
def row_messages(grouped: dict, kind: str, ident) -> list:
    return (grouped or {}).get(f"{kind}-{ident}", [])
