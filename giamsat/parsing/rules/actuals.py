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

import bisect
import re

from giamsat.parsing.rules.blocks import Block
from giamsat.parsing.rules.dates import find_dates
from giamsat.parsing.rules.fold import words
from giamsat.parsing.rules.numbers import NUMERAL, numeral, parse_number
from giamsat.parsing.rules.targets import COUNTED_NOUNS, NOUN_ALTERNATION, sentence_spans
from giamsat.parsing.schema import Actual

_NOW_WORDS = (
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
_NOW = re.compile(words(*_NOW_WORDS) + r"\b")
_NOW_HINTS = ("hien", "den nay", "tinh den", "so lieu", "thuc trang", "dat duoc", "ket qua")
_CUE = re.compile(
    r"(?P<now>" + words(*_NOW_WORDS) + r")\b"
    r"|(?P<goal>" + words("phan dau", "den nam", "den het nam", "muc tieu", "chi tieu") + r")\b"
)
# Each starts with its first digit, then looks behind it, so the engine can skip ahead.
_FRACTION = re.compile(r"(" + numeral("0-9.,/") + r")\s?/\s?(" + NUMERAL + r")(?![0-9/])")
_PERCENT = re.compile(r"(" + numeral("0-9.,/") + r")\s?%")
_COUNT = re.compile(r"(" + numeral("0-9.,/\\w") + r")\s+(" + NOUN_ALTERNATION + r")\b")
_AS_OF_CUE = re.compile(words("tinh den", "den", "nam", "ngay", "thang", "quy") + r"\s*$")
_CUE_WINDOW = 20  # how far before a date "tính đến", "đến" may stand
_SHARE_WINDOW = 120  # how far after "a/b" its percentage may stand
_NAME_WINDOW = 160  # how long the name of the thing counted may be
# After the cue: fillers, the name, then the verb before the figure.
_NAME_BEFORE = re.compile(
    r"[\s,:]*(?:(?:co|la|thi)\s+)?(?P<name>.*?)\s*(?:\b(?:dat(?: duoc)?|chiem|la|co|o muc)\s*)*$"
)
_STOP = re.compile(r"[;.]\s|,\s*dat\b|" + words("dat") + r"\b")


def extract_actuals(block: Block) -> list[tuple[Actual, set[int]]]:
    """Each actual in the block, with the positions of the numbers it used."""
    folded = block.folded
    if not any(hint in folded for hint in _NOW_HINTS) or not _NOW.search(folded):
        return []  # the substring test is the fast one; most blocks report nothing
    found: list[tuple[Actual, set[int]]] = []
    for start, end in sentence_spans(block):
        sentence = _Sentence(block, start, end)
        if "now" in sentence.kinds:
            found.extend(sentence.actuals())
    return found


class _Sentence:
    """One sentence that reports a figure: its cues, dates and the numbers already used."""

    def __init__(self, block: Block, start: int, end: int) -> None:
        self.block, self.start, self.end = block, start, end
        folded = block.folded
        cues = list(_CUE.finditer(folded, start, end))
        self.cue_starts = [cue.start() for cue in cues]
        self.kinds = [cue.lastgroup for cue in cues]
        self.dates = [
            (start + span.start, start + span.end, span) for span in find_dates(folded[start:end])
        ]
        self.used: set[int] = set()
        self.text = block.source(start, end).strip()
        self.as_of = None
        for date_start, _, span in self.dates:
            if self.is_goal(date_start):
                continue  # "phấn đấu đến năm 2030": the target's year, not the figure's date
            cue_floor = max(start, date_start - _CUE_WINDOW)
            if span.precision == "day" or _AS_OF_CUE.search(folded, cue_floor, date_start):
                self.as_of = span.iso
                break

    def is_now(self, position: int) -> bool:
        """The nearest cue before ``position`` says "now", not "to reach"."""
        index = bisect.bisect_left(self.cue_starts, position) - 1
        return index >= 0 and self.kinds[index] == "now"

    def is_goal(self, position: int) -> bool:
        index = bisect.bisect_left(self.cue_starts, position) - 1
        return index >= 0 and self.kinds[index] == "goal"

    def free(self, position: int) -> bool:
        if position in self.used:
            return False
        index = bisect.bisect_right(self.dates, position, key=lambda date: date[0]) - 1
        return index < 0 or position >= self.dates[index][1]

    def _name_before(self, at: int) -> str:
        """ "hiện nay tỷ lệ thanh toán không dùng tiền mặt đạt 45%": the words after the cue."""
        folded = self.block.folded
        index = bisect.bisect_left(self.cue_starts, at) - 1
        floor = max(self.start, at - _NAME_WINDOW)
        low = max(floor, folded.rfind(",", floor, at) + 1, folded.rfind(";", floor, at) + 1)
        if index >= 0:
            cue = _CUE.match(folded, self.cue_starts[index])
            low = max(low, cue.end() if cue else low)
        words = _NAME_BEFORE.match(folded, low, at)
        if words is None or len(words.group("name").split()) < 2:
            return ""
        return " ".join(self.block.source(words.start("name"), words.end("name")).split())

    def actuals(self) -> list[tuple[Actual, set[int]]]:
        folded, start, end = self.block.folded, self.start, self.end
        results: list[tuple[Actual, set[int]]] = []
        for fraction in _FRACTION.finditer(folded, start, end):
            if not self.is_now(fraction.start()) or not self.free(fraction.start(1)):
                continue
            numerator, denominator = (
                parse_number(fraction.group(1)),
                parse_number(fraction.group(2)),
            )
            if numerator is None or not denominator or numerator > denominator:
                continue
            positions = {fraction.start(1), fraction.start(2)}
            percent = _PERCENT.search(
                folded, fraction.end(), min(end, fraction.end() + _SHARE_WINDOW)
            )
            if percent and self.free(percent.start(1)):
                value = parse_number(percent.group(1)) or 0.0
                positions.add(percent.start(1))
                at = percent.start(1)
            else:
                value = round(numerator / denominator * 100, 2)
                at = fraction.start(1)
            results.append(
                self._actual(at, value, "%", positions, fraction.end(), numerator, denominator)
            )
        for percent in _PERCENT.finditer(folded, start, end):
            value = parse_number(percent.group(1))
            at = percent.start(1)
            if value is not None and self.free(at) and self.is_now(at):
                name = self._name_before(at)
                results.append(self._actual(at, value, "%", {at}, percent.end(), name=name))
        for count in _COUNT.finditer(folded, start, end):
            value = parse_number(count.group(1))
            at = count.start(1)
            if value is not None and self.free(at) and self.is_now(at):
                unit = COUNTED_NOUNS[count.group(2)]
                results.append(self._actual(at, value, unit, {at}, count.start(2)))
        results.sort(key=lambda item: min(item[1]))
        return results

    def _actual(
        self,
        at: int,
        value: float,
        unit: str,
        positions: set[int],
        indicator_start: int,
        numerator: float | None = None,
        denominator: float | None = None,
        name: str = "",
    ) -> tuple[Actual, set[int]]:
        self.used.update(positions)
        indicator = name or _indicator(
            self.block, indicator_start, min(self.end, indicator_start + _NAME_WINDOW)
        )
        actual = Actual(
            indicator,
            value,
            unit,
            numerator,
            denominator,
            self.as_of,
            self.block.line_at(at),
            self.text,
        )
        return actual, positions


def _indicator(block: Block, start: int, end: int) -> str:
    stop = _STOP.search(block.folded, start, end)
    if stop:
        end = stop.start()
    return " ".join(block.source(start, end).split()).strip(" ,;:")
