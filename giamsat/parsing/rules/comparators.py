"""How a target compares: the words around its number.

Before the number: "đạt", "từ", "tối thiểu", "ít nhất", "phấn đấu", "≥" → ``>=``;
"trên", "hơn", ">" → ``>``; "không quá", "tối đa", "≤" → ``<=``; "dưới", "<" →
``<``; "khoảng", "gần", "xấp xỉ" → ``~``. The nearest phrase wins: "đạt trên 80%"
is ``>``. After it: "80% trở lên" → ``>=``, "trở xuống" → ``<=``; "80% - 90%",
"8 - 10" and "50 đến 60" are ``between``. No word at all (a bare "100% …") is a
floor: ``>=``.

Scanned plans lose "≥" to ">": :func:`comparator_before` reads ">" as ``>=``
when told the document has no "≥"/"≤" at all (``ocr_ge``); the caller says so
in a warning.

Every function takes folded text (``rules.fold``).
"""

from __future__ import annotations

import re

from giamsat.parsing.rules.fold import words
from giamsat.parsing.rules.numbers import NUMBER_RE, parse_number

GE, GT, LE, LT, EQ, APPROX, BETWEEN = ">=", ">", "<=", "<", "=", "~", "between"

_BEFORE = re.compile(
    r"(?:"
    r"(?P<ge>"
    + words(
        "khong (?:duoi|it hon|thap hon)",
        "tu",
        "toi thieu",
        "it nhat",
        "phan dau(?: dat)?",
        "dat(?: duoc)?(?: muc)?",
        "chiem(?: toi thieu)?",
    )
    + r"\b|≥|>=|=>)"
    r"|(?P<le>"
    + words("khong (?:qua|vuot qua|cao hon|lon hon|nhieu hon)", "toi da")
    + r"\b|≤|<=|=<)"
    r"|(?P<gt>" + words("tren", "hon", "vuot", "cao hon", "lon hon", "nhieu hon") + r"\b|>)"
    r"|(?P<lt>" + words("duoi", "thap hon", "it hon", "nho hon") + r"\b|<)"
    r"|(?P<approx>" + words("khoang", "gan", "xap xi") + r"\b|~|≈)"
    r"|(?P<eq>" + words("bang") + r"\b|=)"
    r")\s*:?\s*$"
)
_GROUP_COMPARATOR = {"ge": GE, "gt": GT, "le": LE, "lt": LT, "approx": APPROX, "eq": EQ}
_AFTER = re.compile(r"\s*(?:tro len|tro xuong)\b")
_RANGE = re.compile(r"\s*(%?)\s*(?:-|den|toi)\s*(" + NUMBER_RE.pattern + r")(?![0-9])\s*(%?)")
_WINDOW = 32  # longer than the longest phrase ("khong vuot qua", "chiem toi thieu")


def comparator_before(
    folded: str, pos: int, lo: int = 0, *, ocr_ge: bool = False
) -> tuple[str | None, int, bool]:
    """The comparator written just before ``pos``, not looking before ``lo``.

    Returns ``(comparator or None, where its phrase starts, whether ">" was read as "≥")``.
    """
    lo = max(lo, pos - _WINDOW)
    match = _BEFORE.search(folded, lo, pos)
    if not match:
        return None, pos, False
    group = match.lastgroup or "ge"
    comparator = _GROUP_COMPARATOR[group]
    ocr = False
    if ocr_ge and match.group(group) == ">":
        comparator, ocr = GE, True
    return comparator, match.start(), ocr


def comparator_after(folded: str, pos: int) -> tuple[str | None, int]:
    """ "trở lên" / "trở xuống" right after ``pos``: ``(comparator, end)``."""
    match = _AFTER.match(folded, pos)
    if not match:
        return None, pos
    return (GE if "len" in match.group() else LE), match.end()


def range_after(folded: str, pos: int) -> tuple[float, int, int] | None:
    """The upper end of "80% - 90%", "8 - 10", "50 đến 60" starting at ``pos``.

    ``pos`` is the end of the first number. Returns ``(value_max, start, end)`` of the
    second number, or ``None``.
    """
    match = _RANGE.match(folded, pos)
    if not match:
        return None
    value = parse_number(match.group(2))
    if value is None:
        return None
    return value, match.start(2), match.end(2)


def combine(before: str | None, after: str | None) -> str:
    """One comparator from the words before and after: "từ 85% trở lên" is ``>=``."""
    if after and before in (None, GE):
        return after
    return before or GE
