"""Template filters of the reporting pages: numbers the Vietnamese way, labels, messages."""

from decimal import Decimal

from django import template

from giamsat.reporting.models import SubmissionStatus
from giamsat.web.templatetags.giamsat_format import vn_number

register = template.Library()


@register.filter
def input_number(value):
    """What a number input shows: a stored number the Vietnamese way (24.530), text a user
    typed exactly as typed, nothing for no value."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | int | float):
        return vn_number(value)
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
