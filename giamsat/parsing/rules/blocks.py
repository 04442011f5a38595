"""From lines to logical blocks: headings, bullets, paragraphs and footnotes.

Extracted text breaks a sentence over many lines, puts blank lines between them,
and drops page numbers, running headers ("ĐẢNG CỘNG SẢN VIỆT NAM") and footnotes
into the middle of a paragraph. A :class:`Block` is one logical item again: its
lines joined by single spaces, in ``text`` (the source words, unaltered) and
``folded`` (for matching, same positions), while every position can still be
traced to the line it came from.

Rules, in order, for each line:

- blank lines, page numbers, running headers and lines of stray symbols are
  transparent: they neither start nor end a block;
- a separator ("-----") or a table row ends the block;
- a footnote (a small number, a space, a capital, after a blank line: "1 Chỉ tiêu
  số 2 ...") runs to the line that ends a sentence, and becomes a block of its own
  while the paragraph around it goes on;
- a heading, a bullet ("-", "•", "+", "■", ...) or a line in capitals starts a new
  block; a dash before a lower-case word after an unfinished line is the hyphen of
  a wrapped "kinh tế - xã hội", not a bullet;
- any other line continues the block when it starts in lower case, when the line
  before ends without closing punctuation, or ends with a comma or a word that
  cannot end a sentence ("của", "và", ...). After a heading, only the first two
  apply: a heading has no closing punctuation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from giamsat.parsing.rules.fold import fold, fold_with_map
from giamsat.parsing.rules.sections import (
    ARABIC,
    PLAIN,
    Heading,
    is_zone_title_line,
    match_heading,
)

BLANK, NOISE, SEPARATOR, FOOTNOTE, TABLE, CONTENT = (
    "blank",
    "noise",
    "separator",
    "footnote",
    "table",
    "content",
)
FOOTNOTE_MORE = "footnote_more"
HEADING, BULLET, PARAGRAPH, FOOTNOTE_BLOCK = "heading", "bullet", "paragraph", "footnote"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SEPARATOR = re.compile(r"^[-_=*~.·•]{3,}$")
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?-?\s*[0-9]{1,3}\s*(?:/\s*[0-9]{1,3})?\s*-?$")
_RUNNING_HEADER = re.compile(
    r"^(?:dang cong san viet nam|cong hoa xa hoi chu nghia viet nam"
    r"|doc lap\W+tu do\W+hanh phuc)\W*$"
)
_ALPHANUMERIC = re.compile(r"[^\W_]")
_FOOTNOTE_START = re.compile(r"^([0-9]{1,2})\s+(?=[A-ZĐÀ-Ỹ])")
_PLACE_DATE = re.compile(r"^\W*[^\W\d][^,]{1,40},\s*ngay\b[\s.]*[0-9]*[\s.]*thang\b")
_OPENER = re.compile(r"(?:can cu|thuc hien|tren co so|theo de nghi|de |nham )")
_BULLET = re.compile(r"^(?:[-–—+•●▪◦∙■□➢➤►✓*](?!\*)\s*)+")
_TERMINAL = ".;:!?…"
# Folded words that cannot end a sentence; kept to those no other syllable folds to.
_OPEN_WORDS = frozenset(
    [
        "va",
        "cua",
        "cac",
        "voi",
        "trong",
        "cho",
        "de",
        "theo",
        "hoac",
        "la",
        "nhung",
        "duoc",
        "giua",
        "nham",
        "khi",
        "ma",
        "tung",
        "mot",
        "den",
    ]
)
_BREAKS = (NOISE, FOOTNOTE, FOOTNOTE_MORE)
_LAST_WORD = re.compile(r"([a-z]+)\W*$")
_FOOTNOTE_MAX_LINES = 4
# A numbered item longer than this is a paragraph with a number, not a title.
_SHORT_HEADING = 14
_WRAPPED_MEDIAN = 110


@dataclass(slots=True)
class Line:
    number: int  # 1-based
    raw: str
    folded: str
    index: list[int] | None  # folded position -> raw position, when they differ
    start: int  # first non-space column (raw)
    end: int  # after the last non-space column (raw)
    kind: str = CONTENT

    @property
    def stripped(self) -> str:
        return self.raw[self.start : self.end]

    def folded_col(self, raw_col: int) -> int:
        if self.index is None:
            return raw_col
        return bisect.bisect_left(self.index, raw_col)

    def raw_col(self, folded_col: int) -> int:
        if self.index is None:
            return folded_col
        return self.index[min(folded_col, len(self.index) - 1)]


def _split_newlines(text: str) -> list[str]:
    return text.split("\n")


def split_lines(text: str) -> list[Line]:
    """The text's lines, numbered from 1, each folded once."""
    split = _LINE_BREAK.split if "\r" in text else _split_newlines
    raws = split(text)
    folded_text = fold(text)
    if len(folded_text) == len(text):  # no combining marks: fold once, split alike
        pairs = zip(raws, split(folded_text), strict=True)
        folded_lines = [(raw, folded, None) for raw, folded in pairs]
    else:
        folded_lines = [(raw, *fold_with_map(raw)) for raw in raws]
    lines = []
    for number, (raw, folded, index) in enumerate(folded_lines, start=1):
        start = len(raw) - len(raw.lstrip())
        end = len(raw.rstrip())
        lines.append(Line(number, raw, folded, index, start, max(start, end)))
    return lines


@dataclass(slots=True)
class Segment:
    line: Line
    start: int  # raw columns of the line
    end: int
    text_start: int  # position in Block.text
    folded_start: int  # position in Block.folded


class Block:
    """One logical item; ``text`` and ``folded`` are its lines joined by single spaces."""

    __slots__ = (
        "kind",
        "heading",
        "segments",
        "closed",
        "words",
        "_text_parts",
        "_folded_parts",
        "_text_length",
        "_folded_length",
        "_aligned",
        "_text",
        "_folded",
        "_starts",
    )

    def __init__(self, kind: str, heading: Heading | None = None) -> None:
        self.kind = kind
        self.heading = heading
        self.segments: list[Segment] = []
        self.closed = False  # the next line cannot continue it
        self._text_parts: list[str] = []
        self._folded_parts: list[str] = []
        self._text_length = 0
        self._folded_length = 0
        self.words = 0
        self._aligned = True  # folded positions are text positions
        self._text: str | None = None
        self._folded: str | None = None
        self._starts: list[int] = []

    def __repr__(self) -> str:
        return f"Block({self.kind!r}, line={self.line}, text={self.text[:40]!r})"

    @property
    def line(self) -> int:
        return self.segments[0].line.number if self.segments else 0

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(self._text_parts)
        return self._text

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = " ".join(self._folded_parts)
        return self._folded

    def finish(self) -> None:
        """Join the lines once and let their parts go: the block is complete."""
        self._text, self._folded = self.text, self.folded
        self._text_parts, self._folded_parts = [], []

    @property
    def tail(self) -> str:
        """The last line's text in the block."""
        return self._text_parts[-1] if self._text_parts else ""

    @property
    def folded_tail(self) -> str:
        return self._folded_parts[-1] if self._folded_parts else ""

    def add(self, line: Line, start: int, end: int) -> None:
        if self.segments:
            self._text_length += 1
            self._folded_length += 1
        raw = line.raw[start:end]
        if line.index is None:
            folded = line.folded[start:end]
        else:
            folded = line.folded[line.folded_col(start) : line.folded_col(end)]
            self._aligned = False
        self.segments.append(Segment(line, start, end, self._text_length, self._folded_length))
        self._starts.append(self._folded_length)
        self._text_parts.append(raw)
        self._folded_parts.append(folded)
        self._text_length += len(raw)
        self._folded_length += len(folded)
        self.words += raw.count(" ") + 1
        self._text = self._folded = None

    @property
    def aligned_text(self) -> str:
        """``text`` when its positions are ``folded``'s (the usual case), else ``folded``."""
        return self.text if self._aligned else self.folded

    def _segment_at(self, folded_pos: int) -> Segment:
        return self.segments[max(0, bisect.bisect_right(self._starts, folded_pos) - 1)]

    def line_at(self, folded_pos: int) -> int:
        """The line number on which the folded position stands."""
        return self._segment_at(folded_pos).line.number

    def text_pos(self, folded_pos: int) -> int:
        """The position in ``text`` of a position in ``folded``."""
        if self._aligned:
            return folded_pos
        segment = self._segment_at(folded_pos)
        local = folded_pos - segment.folded_start
        line = segment.line
        if line.index is None:
            return segment.text_start + local
        base = line.folded_col(segment.start)
        return segment.text_start + line.raw_col(base + local) - segment.start

    def source(self, folded_start: int, folded_end: int) -> str:
        """The source text behind a folded span, exactly as written."""
        if self._aligned:
            return self.text[folded_start:folded_end]
        return self.text[self.text_pos(folded_start) : self.text_pos(folded_end)]


def classify(lines: list[Line], table_lines: set[int]) -> None:
    """Set each line's kind: blank, noise, separator, footnote, table or content."""
    previous = BLANK  # kind of the last line that was not blank
    after_blank = True
    footnote_open = False  # the footnote's sentence goes on to the next line
    footnote_lines = 0
    next_footnote = 1
    for line in lines:
        stripped = line.stripped
        if line.number in table_lines:
            kind = TABLE
        elif not stripped:
            line.kind = BLANK
            after_blank = True
            continue
        elif _SEPARATOR.match(stripped):
            kind = SEPARATOR
        elif _is_noise(line, stripped):
            kind = NOISE
        elif _is_footnote_start(stripped, next_footnote, after_blank or previous in _BREAKS):
            kind = FOOTNOTE
            footnote_lines = 0
            next_footnote = int(stripped.split(None, 1)[0]) + 1
        elif (
            previous in (FOOTNOTE, FOOTNOTE_MORE)
            and footnote_open
            and footnote_lines < _FOOTNOTE_MAX_LINES
            and not _BULLET.match(stripped)
            and not match_heading(stripped)
        ):
            kind = FOOTNOTE_MORE
        else:
            kind = CONTENT
        if kind in (FOOTNOTE, FOOTNOTE_MORE):
            footnote_lines += 1
            footnote_open = stripped[-1] not in ".!?"
        line.kind = kind
        previous = kind
        after_blank = False


def _is_footnote_start(stripped: str, expected: int, after_break: bool) -> bool:
    """ "1 Chỉ tiêu số 2, ..." at a page's foot, or the next footnote in a list of them.

    Text from a PDF puts a footnote after a blank line or another footnote; a Word
    file's footnotes follow the body one per line, numbered 1, 2, 3 ...
    """
    match = _FOOTNOTE_START.match(stripped)
    return bool(match) and (after_break or int(match.group(1)) == expected)


def _is_noise(line: Line, stripped: str) -> bool:
    """A page number, a running header, a stray symbol or two: nothing to read."""
    if len(stripped) > 60:
        return False  # the usual line, decided first: too long for a page number or header
    if len(stripped) <= 2 and not (stripped[0].isupper() and stripped[-1].isalpha()):
        return True  # "7", "ló" (an OCR'd page number); but "Hà" of "Hà Nội" is a word
    if not _ALPHANUMERIC.search(stripped):
        return True
    folded = line.folded[line.folded_col(line.start) : line.folded_col(line.end)]
    return bool(_PAGE_NUMBER.match(folded) or _RUNNING_HEADER.match(folded))


def build_blocks(lines: list[Line]) -> list[Block]:
    """Join classified lines into blocks, in reading order (footnotes where they start)."""
    blocks: list[Block] = []
    current: Block | None = None
    footnote: Block | None = None
    next_top = 1  # the number the next top-level Arabic heading should carry
    wrap_width = _wrap_width(lines)
    for line in lines:
        kind = line.kind
        if kind in (BLANK, NOISE):
            continue
        if kind in (SEPARATOR, TABLE):
            if current:
                current.closed = True
            continue
        if kind == FOOTNOTE:
            match = _FOOTNOTE_START.match(line.stripped)
            footnote = Block(FOOTNOTE_BLOCK)
            footnote.add(line, line.start + (match.end() if match else 0), line.end)
            blocks.append(footnote)
            continue
        if kind == FOOTNOTE_MORE and footnote is not None:
            footnote.add(line, line.start, line.end)
            continue
        start, end = _content_span(line)
        if start >= end:
            continue
        stripped = line.raw[start:end]
        heading = match_heading(stripped, next_top)
        capitals = _is_capitals(stripped)
        appendix = line.folded.startswith("phu luc", line.folded_col(start))
        if heading is None and (capitals or appendix) and is_zone_title_line(stripped):
            heading = Heading("", PLAIN, 0)
        bullet = None if heading else _BULLET.match(stripped)
        if current is not None and not current.closed:
            if bullet and _is_hyphen(stripped, bullet.end(), current):
                bullet = None
            previous = current.segments[-1]
            full_line = wrap_width > 0 and previous.end - previous.start >= wrap_width
            if not heading and not bullet and _continues(current, stripped, capitals, full_line):
                current.add(line, start, end)
                continue
        if heading:
            current = Block(HEADING, heading)
            current.add(line, start + heading.body_start, end)
            if heading.kind == ARABIC and "." not in heading.number and heading.number.isdigit():
                next_top = int(heading.number) + 1
        elif bullet:
            current = Block(BULLET)
            current.add(line, start + bullet.end(), end)
        else:
            current = Block(PARAGRAPH)
            current.add(line, start, end)
        current.closed = (capitals and current.kind != HEADING) or (
            "ngay" in line.folded and bool(_PLACE_DATE.search(line.folded))
        )
        blocks.append(current)
    for block in blocks:
        block.finish()
    return [block for block in blocks if block.text.strip()]


def _wrap_width(lines: list[Line]) -> int:
    """How long a full line is, when the text was wrapped at a page width; else 0.

    Text from a PDF or a scan breaks paragraphs at the page's width, so most of
    its lines are about as long; text from a word processor has one paragraph
    per line, mostly much longer.
    """
    lengths = sorted(line.end - line.start for line in lines if line.kind == CONTENT)
    if len(lengths) < 20:
        return 0
    median = lengths[len(lengths) // 2]
    if median > _WRAPPED_MEDIAN:
        return 0
    return int(lengths[(len(lengths) * 3) // 4] * 0.85)


def _content_span(line: Line) -> tuple[int, int]:
    """The line without Markdown bold markers around it."""
    start, end = line.start, line.end
    raw = line.raw
    if raw[start] not in "*_" and raw[end - 1] not in "*_":
        return start, end
    while raw.startswith(("**", "__"), start):
        start += 2
    while end - 2 >= start and raw[end - 2 : end] in ("**", "__"):
        end -= 2
    while start < end and raw[start] == " ":
        start += 1
    while end > start and raw[end - 1] == " ":
        end -= 1
    return start, end


def _is_capitals(text: str) -> bool:
    # isupper: every cased character is a capital, and there is one
    return text.isupper() and sum(1 for char in text if char.isalpha()) >= 4


def _is_hyphen(stripped: str, body: int, current: Block) -> bool:
    """ "- xã hội" after "kinh tế" at a line's end: a wrapped hyphen, not a bullet."""
    rest = stripped[body:]
    return (
        stripped.startswith(("-", "–", "—"))
        and bool(rest)
        and rest[0].islower()
        and _is_open(current)
    )


def _is_open(block: Block) -> bool:
    """The block's last line stops mid-sentence: no closing punctuation."""
    text = block.tail[-8:].rstrip(" *_")
    return bool(text) and text[-1] not in _TERMINAL


def _ends_mid_phrase(block: Block) -> bool:
    """The block's last line ends with a comma or a word that cannot end a sentence."""
    text = block.folded_tail[-24:].rstrip(" *_")
    if not text:
        return False
    if text[-1] in ",-":
        return True
    match = _LAST_WORD.search(text)
    return bool(match) and match.group(1) in _OPEN_WORDS and text[-1].isalpha()


def _continues(current: Block, stripped: str, capitals: bool, full_line: bool) -> bool:
    first = stripped[0]
    if current.tail[-8:].rstrip(" *_").endswith(";"):
        # After ";" a capital starts a new paragraph, unless the line before was cut
        # by the page width (a wrapped document's full line).
        return not capitals and (not first.isupper() or full_line)
    if capitals:
        if current.kind == HEADING:
            return _is_capitals(current.tail) and _is_open(current)
        return " " not in stripped and _is_open(current)  # "LGSP." ending a sentence
    if first.islower():
        return True
    if _OPENER.match(fold(stripped[:16])):
        return False  # "Căn cứ …", "Thực hiện …": a preamble paragraph starts
    if _ends_mid_phrase(current):
        return True
    if current.kind == HEADING:
        # A long numbered item cut at the page's width goes on like a paragraph.
        return full_line and current.words > _SHORT_HEADING and _is_open(current)
    return _is_open(current)
