"""Figures a plan reports as already reached, footnotes included.

"Số liệu Công an xã cung cấp, hiện nay có 24.530/27.656 người dân có tài khoản
định danh điện tử, đạt 88,69%" is one actual: 88.69 %, numerator 24 530,
denominator 27 656.

A number is an actual when, in its sentence, the nearest cue before it says
"now" ("hiện nay", "hiện có", "đến nay", "tính đến", "số liệu", "đã đạt được",
"thực trạng") rather than "to reach" ("phấn đấu", "đến năm", "mục tiêu"). A
fraction "a/b" gives the numerator and denominator of the percentage after it.
The date of the figure ("tính đến ngày 30/6/2025") is ``as_of``.
"""

from __future__ import annotations

import re

from giamsat.parsing.rules.blocks import Block
from giamsat.parsing.rules.dates import find_dates
from giamsat.parsing.rules.fold import words
from giamsat.parsing.rules.numbers import NUMBER_RE, parse_number
from giamsat.parsing.rules.targets import COUNTED_NOUNS, sentence_spans
from giamsat.parsing.schema import Actual

_CUE = re.compile(
    r"(?P<now>"
    + words(
        "hien nay",
        "hien co",
        "hien tai",
        "den nay",
        "tinh den",
        "so lieu",
        "thuc trang",
        "da dat duoc",
        "dat duoc",
        "ket qua dat",
    )
    + r")\b|(?P<goal>"
    + words("phan dau", "den nam", "den het nam", "muc tieu", "chi tieu")
    + r")\b"
)
_FRACTION = re.compile(
    r"(?<![0-9.,/])(" + NUMBER_RE.pattern + r")\s?/\s?(" + NUMBER_RE.pattern + r")(?![0-9/])"
)
_PERCENT = re.compile(r"(?<![0-9.,/])(" + NUMBER_RE.pattern + r")\s?%")
_COUNT = re.compile(
    r"(?<![0-9.,/\w])("
    + NUMBER_RE.pattern
    + r")\s+("
    + "|".join(sorted((re.escape(k) for k in COUNTED_NOUNS), key=len, reverse=True))
    + r")\b"
)
_AS_OF_CUE = re.compile(r"\b(?:tinh den|den|nam|ngay|thang|quy)\s*$")
_STOP = re.compile(r"[;.]\s|,\s*dat\b|\bdat\b")


def extract_actuals(block: Block) -> list[tuple[Actual, set[int]]]:
    """Each actual in the block, with the positions of the numbers it used."""
    folded = block.folded
    if not _CUE.search(folded):
        return []
    found: list[tuple[Actual, set[int]]] = []
    for start, end in sentence_spans(block):
        cues = [(m.start(), m.lastgroup) for m in _CUE.finditer(folded, start, end)]
        if not any(kind == "now" for _, kind in cues):
            continue
        found.extend(_sentence_actuals(block, start, end, cues))
    return found


def _is_now(cues: list[tuple[int, str | None]], position: int) -> bool:
    kind = None
    for cue_start, cue_kind in cues:
        if cue_start < position:
            kind = cue_kind
    return kind == "now"


def _sentence_actuals(
    block: Block, start: int, end: int, cues: list[tuple[int, str | None]]
) -> list[tuple[Actual, set[int]]]:
    folded = block.folded
    dates = find_dates(folded[start:end])
    as_of = None
    for span in dates:
        if _AS_OF_CUE.search(folded[start : start + span.start]) or span.precision == "day":
            as_of = span.iso
            break
    in_dates = [(start + span.start, start + span.end) for span in dates]
    text = block.source(start, end).strip()
    used: set[int] = set()
    results: list[tuple[Actual, set[int]]] = []

    def free(position: int) -> bool:
        return position not in used and not any(a <= position < b for a, b in in_dates)

    for fraction in _FRACTION.finditer(folded, start, end):
        if not _is_now(cues, fraction.start()) or not free(fraction.start(1)):
            continue
        numerator, denominator = parse_number(fraction.group(1)), parse_number(fraction.group(2))
        if numerator is None or not denominator or numerator > denominator:
            continue
        percent = _PERCENT.search(folded, fraction.end(), end)
        positions = {fraction.start(1), fraction.start(2)}
        if percent and free(percent.start(1)):
            value = parse_number(percent.group(1)) or 0.0
            unit = "%"
            positions.add(percent.start(1))
            line = block.line_at(percent.start(1))
        else:
            value = round(numerator / denominator * 100, 2)
            unit = "%"
            line = block.line_at(fraction.start(1))
        used.update(positions)
        indicator = _indicator(block, fraction.end(), end)
        results.append(
            (Actual(indicator, value, unit, numerator, denominator, as_of, line, text), positions)
        )
    for percent in _PERCENT.finditer(folded, start, end):
        position = percent.start(1)
        if not free(position) or not _is_now(cues, position):
            continue
        used.add(position)
        value = parse_number(percent.group(1))
        if value is None:
            continue
        indicator = _indicator(block, percent.end(), end)
        results.append(
            (
                Actual(indicator, value, "%", None, None, as_of, block.line_at(position), text),
                {position},
            )
        )
    for count in _COUNT.finditer(folded, start, end):
        position = count.start(1)
        if not free(position) or not _is_now(cues, position):
            continue
        used.add(position)
        value = parse_number(count.group(1))
        if value is None:
            continue
        unit = COUNTED_NOUNS[count.group(2)]
        indicator = _indicator(block, count.start(2), end)
        results.append(
            (
                Actual(indicator, value, unit, None, None, as_of, block.line_at(position), text),
                {position},
            )
        )
    results.sort(key=lambda item: min(item[1]))
    return results


def _indicator(block: Block, start: int, end: int) -> str:
    stop = _STOP.search(block.folded, start, end)
    if stop:
        end = stop.start()
    return " ".join(block.source(start, end).split()).strip(" ,;:")
