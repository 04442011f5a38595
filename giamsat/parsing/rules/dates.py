"""Dates as Vietnamese plans write them, read to ISO ``yyyy-mm-dd``.

- a day: "ngày 22/12/2024", "22-12-2024", "22.12.2024", "ngày 22 tháng 12 năm 2024";
- a month: "tháng 4/2025", "tháng 4 năm 2025" → the month's last day;
- a quarter: "quý II/2025", "quý 2 năm 2025" → the quarter's last day;
- a year: "năm 2025" → 31 December.

All functions take folded text (``rules.fold``) so OCR-broken diacritics do not
matter. An impossible date ("31/02/2025") is no date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from giamsat.parsing.rules.fold import words

_YEAR = r"((?:19|20)[0-9]{2})"
_DAY_NUMERIC = re.compile(
    r"(?<![0-9/.-])([0-3]?[0-9])\s?([/.-])\s?([01]?[0-9])\s?\2\s?" + _YEAR + r"(?![0-9])"
)
_DAY_WORDS = re.compile(
    words("ngay")
    + r"\s+([0-3]?[0-9])\s*(?:,\s*)?thang\s+([01]?[0-9])\s*(?:,\s*)?nam\s+"
    + _YEAR
    + r"(?![0-9])"
)
_MONTH = re.compile(words("thang") + r"\s+([01]?[0-9])\s*(?:/|-|\bnam\b)\s*" + _YEAR + r"(?![0-9])")
_QUARTER = re.compile(
    words("quy") + r"\s+(iv|i{1,3}|[1-4])\s*(?:/|-|\bnam\b)\s*" + _YEAR + r"(?![0-9])"
)
_YEAR_ONLY = re.compile(words("nam") + r"\s+" + _YEAR + r"(?![0-9])")
_ANY_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# Words that make a date a deadline rather than a citation ("Nghị quyết ... ngày 22/12/2024").
_DEADLINE_CUE = re.compile(
    r"(?:"
    + words(
        "hoan thanh",
        "xong",
        "truoc",
        "cham nhat",
        "han",
        "den",
        "trong",
        "vao",
        "cuoi",
        "het",
        "thoi gian",
    )
    + r"(?:\s+(?:ngay|thang|quy|nam|truoc|trong|vao|cuoi|het|dau))*\s*[:(]?|\()\s*$"
)


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    iso: str
    precision: str  # "day", "month", "quarter" or "year"


def make_date(year: int, month: int, day: int | None = None) -> str | None:
    """ISO date, or ``None`` when it does not exist; no day means the month's last."""
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        day = last
    if not 1 <= day <= last:
        return None
    return datetime.date(year, month, day).isoformat()


def end_of_quarter(year: int, quarter: int) -> str | None:
    if not 1 <= quarter <= 4:
        return None
    return make_date(year, quarter * 3)


def find_dates(folded: str) -> list[DateSpan]:
    """Every date in ``folded``, most precise reading first where they overlap."""
    spans: list[DateSpan] = []
    if not _ANY_YEAR.search(folded):
        return spans

    def add(start: int, end: int, iso: str | None, precision: str) -> None:
        if iso is None:
            return
        for other in spans:
            if start < other.end and other.start < end:
                return
        spans.append(DateSpan(start, end, iso, precision))

    for match in _DAY_WORDS.finditer(folded):
        day, month, year = (int(g) for g in match.groups())
        add(match.start(), match.end(), make_date(year, month, day), "day")
    for match in _DAY_NUMERIC.finditer(folded):
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        add(match.start(), match.end(), make_date(year, month, day), "day")
    for match in _MONTH.finditer(folded):
        add(
            match.start(), match.end(), make_date(int(match.group(2)), int(match.group(1))), "month"
        )
    for match in _QUARTER.finditer(folded):
        raw = match.group(1)
        quarter = _ROMAN_QUARTERS.get(raw) or int(raw)
        add(match.start(), match.end(), end_of_quarter(int(match.group(2)), quarter), "quarter")
    for match in _YEAR_ONLY.finditer(folded):
        add(match.start(), match.end(), make_date(int(match.group(1)), 12), "year")
    spans.sort(key=lambda span: span.start)
    return spans


def parse_date(folded: str) -> str | None:
    """The first date in ``folded`` as ISO, whatever its precision."""
    spans = find_dates(folded)
    return spans[0].iso if spans else None


def find_deadline(folded: str) -> DateSpan | None:
    """The date a task is due, from "hoàn thành trong tháng 4/2025", "trước ngày 30/6/2025" ...

    A month or a quarter counts wherever it stands; a day or a year only after a
    deadline word, so the dates of cited documents are not taken for deadlines.
    """
    for span in find_dates(folded):
        if span.precision in ("month", "quarter"):
            return span
        if span.precision == "year" and _is_period(folded, span):
            continue
        if _DEADLINE_CUE.search(folded, max(0, span.start - 40), span.start):
            return span
    return None


_PERIOD_AFTER = re.compile(r"\s*(?:-|den|toi)\s*(?:nam\s*)?(?:19|20)[0-9]{2}")
_PERIOD_BEFORE = re.compile(r"(?:19|20)[0-9]{2}\s*(?:-|den|toi)\s*$|giai doan\W*$")


def _is_period(folded: str, span: DateSpan) -> bool:
    """ "năm 2025 đến năm 2030", "giai đoạn năm 2025": a period, not a deadline."""
    return bool(
        _PERIOD_AFTER.match(folded, span.end)
        or _PERIOD_BEFORE.search(folded, max(0, span.start - 16), span.start)
    )


def parse_cell_date(folded: str) -> str | None:
    """A date in a table cell, where a bare year ("2025") is a deadline too."""
    spans = find_dates(folded)
    if spans:
        return spans[0].iso
    match = re.search(r"(?<![0-9])" + _YEAR + r"(?![0-9])", folded)
    if match:
        return make_date(int(match.group(1)), 12)
    return None
