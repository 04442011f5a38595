"""Pure rules on plans: their kind, the checks a target must pass, grouping by year.

No ORM and no clock; tests need no database.
"""

import datetime
import math
import re
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from giamsat.plans.models import PlanKind

COMPARATORS = {">=", ">", "<=", "<", "=", "~", "between"}
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_VALUE = 10**17  # fits Target.value (24 digits, 6 decimals)

_KIND_BY_NUMBER = [
    (re.compile(r"-?CTr\b|/CTr-", re.IGNORECASE), PlanKind.PROGRAMME),
    (re.compile(r"(^|[-/])NQ([-/]|$)"), PlanKind.RESOLUTION),
    (re.compile(r"(^|[-/])QĐ([-/]|$)"), PlanKind.DECISION),
    (re.compile(r"(^|[-/])KH([-/]|$)"), PlanKind.PLAN),
]
_KIND_BY_TITLE = [
    ("chương trình hành động", PlanKind.PROGRAMME),
    ("nghị quyết", PlanKind.RESOLUTION),
    ("quyết định", PlanKind.DECISION),
    ("kế hoạch", PlanKind.PLAN),
]


def plan_kind(number: str, title: str) -> str:
    """The kind a document's number ("63-CTr/TU") or, failing that, its title says it is."""
    for pattern, kind in _KIND_BY_NUMBER:
        if number and pattern.search(number):
            return kind
    head = (title or "").strip().casefold()
    for word, kind in _KIND_BY_TITLE:
        if head.startswith(word):
            return kind
    return PlanKind.PLAN


def parse_iso_date(text: str | None) -> datetime.date | None:
    """A yyyy-mm-dd date from the parser, or None; ValueError names the bad text."""
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("ngày “{text}” không đúng dạng năm-tháng-ngày").format(text=text)) from None


def target_problem(comparator: str, value: Any, value_max: Any, year: int | None) -> str | None:
    """Why a target cannot be stored, in words, or None when it can."""
    if comparator not in COMPARATORS:
        return _("phép so sánh “{c}” không hợp lệ").format(c=comparator)
    for name, number in (("giá trị", value), ("giá trị tối đa", value_max)):
        if number is None:
            continue
        try:
            number = float(number)
        except (TypeError, ValueError):
            return _("{name} “{v}” không phải là số").format(name=name, v=number)
        if not math.isfinite(number) or abs(number) >= MAX_VALUE:
            return _("{name} “{v}” nằm ngoài khoảng cho phép").format(name=name, v=number)
    if value is None:
        return _("thiếu giá trị")
    if comparator == "between":
        if value_max is None:
            return _("khoảng giá trị “từ … đến …” thiếu giá trị tối đa")
        if float(value_max) < float(value):
            return _("giá trị tối đa nhỏ hơn giá trị tối thiểu")
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return _("mốc năm {year} nằm ngoài {lo}–{hi}").format(year=year, lo=MIN_YEAR, hi=MAX_YEAR)
    return None


def group_by_year(items: Iterable[Any], year=lambda item: item.year) -> list[tuple[int | None, list]]:
    """Items grouped by milestone year, earliest first, items without a year last."""
    groups: dict[int | None, list] = {}
    for item in items:
        groups.setdefault(year(item), []).append(item)
    return sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
