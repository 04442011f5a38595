"""Headings: what numbers them, how deep they sit, and what their titles mean.

A heading is a line that starts with a section number:

- a Roman numeral with "-", "." or ")": "I- MỤC ĐÍCH", "II. MỤC TIÊU", "IV- TỔ CHỨC";
- Arabic numbers with a dot or a bracket: "1.", "2.1.", "2.1.1.", "1)"; several parts
  need no final dot ("2.5 Đến hết năm 2045");
- a letter with a bracket, or a dot before a capital: "a)", "đ)", "b. Phát triển";

wrapped, or not, in Markdown ("## II- MỤC TIÊU", "### **1. Mục tiêu tổng quát**").
An unnumbered Markdown heading or an all-capital line that names a part of a plan
("MỤC TIÊU", "TỔ CHỨC THỰC HIỆN") is a heading too.

Titles are read folded: :func:`zone_of` says which part of the plan a heading opens
(purpose, objectives, tasks, implementation) and :func:`milestone_year` which year
its targets are due ("2.1. Đến hết năm 2025", OCR "Đen hết năm 2025", "a) Đến năm
2030", "Tầm nhìn đến năm 2045", "Mục tiêu cụ thể đến năm 2030").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from giamsat.parsing.rules.fold import fold

ROMAN, ARABIC, LETTER, PLAIN = "roman", "arabic", "letter", "plain"

PURPOSE, OBJECTIVES, TASKS, IMPLEMENTATION, OTHER = (
    "purpose",
    "objectives",
    "tasks",
    "implementation",
    "other",
)

_MARKUP = re.compile(r"^(?:#{1,6}\s*)?(?:\*\*|__)?\s*")
_ROMAN_HEADING = re.compile(r"(?P<num>[IVXL]{1,5})\s*[-.)–—:]\s*(?=\S)")
_ARABIC_HEADING = re.compile(
    r"(?P<num>[0-9]{1,2}(?:\.[0-9]{1,2}){1,3})\.?\s+(?=\S)"  # 2.1. / 2.1.3. / 2.5
    r"|(?P<single>[0-9]{1,2})\s*[.)]\s*(?=[^\W\d_]|[\"“*(])"  # 1. / 1)
)
_OCR_ARABIC = re.compile(r"(?P<num>[0-9IlỈỉiOo|]{1,2})\.\s+(?=[^\W\d_])")
_LETTER_HEADING = re.compile(r"(?P<num>[a-zđ])\)\s*(?=\S)|(?P<dot>[a-zđ])\.\s+(?=[A-ZĐÀ-Ỹ])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}

_ZONE_TITLES = (
    (OBJECTIVES, re.compile(r"^(?:quan diem\W+)?(?:cac\s+)?(?:muc tieu|chi tieu)\b")),
    (
        TASKS,
        re.compile(
            r"^(?:cac\s+)?(?:nhiem vu|giai phap|noi dung (?:nhiem vu|chu yeu|trong tam)"
            r"|chuong trinh hanh dong)\b"
        ),
    ),
    (
        IMPLEMENTATION,
        re.compile(
            r"^(?:to chuc thuc hien|phan cong (?:thuc hien|nhiem vu|trach nhiem)"
            r"|trach nhiem thuc hien|dieu khoan thi hanh)\b"
        ),
    ),
    (PURPOSE, re.compile(r"^(?:muc dich|yeu cau|quan diem|can cu|thuc trang)\b")),
)
_APPENDIX = re.compile(r"^phu luc(?:\s+(?:so\s+)?[ivxlc0-9]+)?\b\W*")
_LIST_OF = re.compile(r"^(?:danh muc|bang)\s+(?:cac\s+)?")
_MILESTONE = re.compile(
    r"\b(?:den|toi|trong|vao)\s+(?:het\s+|cuoi\s+)?(?:nam\s+)?((?:19|20)[0-9]{2})\b"
    r"|\btam nhin\s+(?:den\s+|toi\s+)?(?:nam\s+)?((?:19|20)[0-9]{2})\b"
    r"|\bgiai doan\s+(?:19|20)[0-9]{2}\s*-\s*((?:19|20)[0-9]{2})\b"
    r"|^(?:nam\s+)((?:19|20)[0-9]{2})\b"
)


@dataclass(frozen=True)
class Heading:
    number: str  # as normalised: "II", "2.1", "a", "" for an unnumbered heading
    kind: str  # ROMAN, ARABIC, LETTER or PLAIN
    body_start: int  # where the title starts in the line


def roman_value(numeral: str) -> int | None:
    """``"IV"`` → 4; ``None`` for anything that is not a well-formed numeral up to 89."""
    total = 0
    previous = 0
    for char in reversed(numeral):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    return total if _to_roman(total) == numeral else None


def _to_roman(value: int) -> str:
    out = []
    for amount, symbol in (
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= amount:
            out.append(symbol)
            value -= amount
    return "".join(out)


def match_heading(line: str, expected_next: int | None = None) -> Heading | None:
    """The section number a line starts with, if any.

    ``expected_next`` is the number the next top-level Arabic heading should carry;
    with it, OCR-damaged numbers such as "ỈO." are read as 10 when 10 is due.
    """
    markup = _MARKUP.match(line) if line[:1] in _MARKUP_FIRST else None
    start = markup.end() if markup else 0
    first = line[start : start + 1]
    if not (
        first.isdigit()
        or first in _HEADING_FIRST
        or (first.islower() and line[start + 1 : start + 2] in (")", "."))
        or line.startswith("#")
    ):
        return None  # no number can start here: the common case, decided fast
    match = _ROMAN_HEADING.match(line, start)
    if match and roman_value(match.group("num")) and _capital_follows(line, match.end()):
        return Heading(match.group("num"), ROMAN, match.end())
    match = _ARABIC_HEADING.match(line, start)
    if match:
        number = match.group("num") or match.group("single")
        return Heading(number, ARABIC, match.end())
    match = _LETTER_HEADING.match(line, start)
    if match:
        return Heading(match.group("num") or match.group("dot"), LETTER, match.end())
    if expected_next is not None:
        match = _OCR_ARABIC.match(line, start)
        if match and not match.group("num").isdigit():
            digits = match.group("num").translate(_OCR_DIGITS)
            if digits.isdigit() and int(digits) == expected_next:
                return Heading(str(expected_next), ARABIC, match.end())
    if markup and line[: markup.end()].lstrip().startswith("#"):
        return Heading("", PLAIN, start)
    return None


_MARKUP_FIRST = frozenset("#*_")
_OCR_DIGITS = str.maketrans("IlỈỉi|Oo", "11111100")
_HEADING_FIRST = frozenset("IVXL") | frozenset("IlỈỉi|Oo")


def _capital_follows(line: str, position: int) -> bool:
    rest = line[position:].lstrip("*_ ")
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit())


def zone_of(title: str) -> str | None:
    """Which part of a plan a heading titled ``title`` opens, or ``None``.

    An appendix ("PHỤ LỤC", "Phụ lục II: Danh mục nhiệm vụ") opens the part its title
    names, or an "other" part.
    """
    folded = fold(title).strip(" *#:.-")
    appendix = _APPENDIX.match(folded)
    if appendix:
        folded = folded[appendix.end() :]
    folded = _LIST_OF.sub("", folded)
    for zone, pattern in _ZONE_TITLES:
        if pattern.match(folded):
            return zone
    return OTHER if appendix else None


def milestone_year(folded_title: str) -> int | None:
    """The year a milestone heading names: "đến hết năm 2025" → 2025."""
    match = _MILESTONE.search(folded_title)
    if not match:
        return None
    return int(next(group for group in match.groups() if group))


def is_zone_title_line(line: str) -> bool:
    """An unnumbered all-capital line that names a part of the plan ("MỤC TIÊU")."""
    text = line.strip(" *#_:")
    if len(text) > 120 or len(text.split()) > 10:
        return False
    if _APPENDIX.match(fold(text)):
        return True  # "PHỤ LỤC", "Phụ lục II"
    return text.isupper() and zone_of(text) is not None
