"""Parse the text of an implementation plan into a :class:`ParseResult`.

``parse_text`` runs the rules in ``giamsat.parsing.rules`` over the text once:

1. lines are split, folded and classified; lines that belong to tables are set
   aside (``rules.blocks``, ``rules.tables``);
2. lines are joined into blocks: headings, bullets, paragraphs, footnotes;
3. headings give each block its place: the part of the plan it sits in
   (objectives, tasks, implementation ...), the milestone year above it, its
   sub-heading and its section number (``rules.sections``);
4. each block gives its items: actuals anywhere, targets in the objectives (and
   percentages elsewhere), tasks in the tasks part, bodies and their duties in
   the implementation part;
5. the document's metadata and references come from its head and its citations
   (``rules.meta``), tables add tasks and targets, and the warnings are collected
   (``rules.checks``).

It never raises on text: every rule is written to be total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from giamsat.parsing.rules import blocks as block_rules
from giamsat.parsing.rules import checks, meta, sections, tasks, units
from giamsat.parsing.rules import tables as table_rules
from giamsat.parsing.rules.actuals import extract_actuals
from giamsat.parsing.rules.blocks import BULLET, FOOTNOTE_BLOCK, HEADING, PARAGRAPH, Block
from giamsat.parsing.rules.sections import (
    ARABIC,
    IMPLEMENTATION,
    LETTER,
    OBJECTIVES,
    OTHER,
    PLAIN,
    ROMAN,
    TASKS,
    Heading,
)
from giamsat.parsing.rules.targets import ALL, PERCENT_ONLY, TargetContext, extract_targets
from giamsat.parsing.schema import ParseResult, Section, Table

PREAMBLE, END = "preamble", "end"
_TARGET_POLICY = {OBJECTIVES: ALL, TASKS: PERCENT_ONLY, OTHER: PERCENT_ONLY}
_MAX_TITLE = 240
_NESTED_ZONES = (OBJECTIVES, TASKS, IMPLEMENTATION)
_BEFORE_HEADINGS = 1_000  # deeper than any heading
_ZONE_WORDS = 10
_MILESTONE_WORDS = 14
_MILESTONE_PARAGRAPH = re.compile(
    r"^\W*(?:muc tieu|chi tieu|den|toi|tam nhin|giai doan|nam)\b.*\b(?:19|20)[0-9]{2}\W*$"
)
# A paragraph that introduces the tasks rather than being one.
_INTRODUCTION = re.compile(r"\b(?:sau day|nhu sau)\W*$|\b(?:tai|theo) (?:cac )?phu luc\b")
_APPENDIX = re.compile(r"^\W*phu luc\b")
_END_OF_PLAN = re.compile(r"^\W*(?:noi nhan|t/?m\.?\s+ban|k/?t\.?\s)")


@dataclass
class _Frame:
    level: int
    number: str
    title: str
    year: int | None
    names_part: bool  # the title names a part of the plan ("Mục tiêu cụ thể")
    line: int


@dataclass
class _Place:
    """Where a block stands: what the headings above it say."""

    zone: str
    year: int | None = None
    category: str = ""
    section: str = ""
    level: int = 0  # a heading's depth; 0 for other blocks
    depth_below_zone: int = 0  # headings between the block and its part's heading
    has_children: bool = False


def parse_text(text: str, tables: Sequence[Table] = ()) -> ParseResult:
    """Read a plan's text, and the tables found beside it, into a :class:`ParseResult`."""
    result = ParseResult()
    lines = block_rules.split_lines(text)
    all_tables = list(tables) + table_rules.find_text_tables(lines, tables)
    block_rules.classify(lines, table_rules.table_line_numbers(all_tables))
    blocks = block_rules.build_blocks(lines)
    places, section_keys = _place_blocks(blocks, result.sections)
    result.document, signed = meta.read_meta(lines, blocks)
    ocr_ge = "≥" not in text and "≤" not in text
    used_ocr_ge = False
    for block, place in zip(blocks, places, strict=True):
        if place.zone == END and block.kind != FOOTNOTE_BLOCK:
            continue  # after the signature: the recipients, the signer; but footnotes count
        taken: set[int] = set()
        for actual, positions in extract_actuals(block):
            result.actuals.append(actual)
            taken.update(positions)
        if block.kind == FOOTNOTE_BLOCK:
            continue
        policy = _TARGET_POLICY.get(place.zone)
        if policy is not None:
            context = TargetContext(
                place.year, place.category, place.section, policy, ocr_ge, skip=taken
            )
            result.targets.extend(extract_targets(block, context))
            used_ocr_ge = used_ocr_ge or context.used_ocr_ge
        described = tasks.attribute(block) if place.zone == TASKS else None
        if described is not None:
            if result.tasks:
                tasks.apply_attribute(result.tasks[-1], block, *described)
        elif place.zone == TASKS and _is_task(block, place):
            result.tasks.append(tasks.task_from_block(block, place.section))
        elif place.zone == IMPLEMENTATION:
            task = tasks.task_with_deadline(block, place.section)
            if task is not None:
                result.tasks.append(task)
    result.units = units.collect_units(
        [
            units.Item(block, place.level, place.has_children)
            for block, place in zip(blocks, places, strict=True)
            if place.zone == IMPLEMENTATION
            and block.kind != FOOTNOTE_BLOCK
            and not (block.kind == HEADING and place.depth_below_zone == 0)  # the part's title
        ]
    )
    for table in all_tables:
        table_tasks, table_targets = table_rules.read_table(table)
        result.tasks.extend(table_tasks)
        result.targets.extend(table_targets)
    warnings = result.document.warnings
    warnings.extend(checks.collect(result, used_ocr_ge=used_ocr_ge, year=signed))
    warnings.extend(checks.duplicate_sections(result.sections, section_keys))
    return result


def _is_task(block: Block, place: _Place) -> bool:
    if block.kind == BULLET:
        return True
    if block.kind == HEADING:
        return place.depth_below_zone > 0 and not place.has_children
    if block.kind == PARAGRAPH:
        return not block.text.rstrip().endswith(":") and not _INTRODUCTION.search(block.folded)
    return False


def _level(heading: Heading, frames: list[_Frame]) -> int:
    if heading.kind == ROMAN:
        return 10
    if heading.kind == ARABIC:
        return 20 + 10 * heading.number.count(".")
    if heading.kind == LETTER:
        for frame in reversed(frames):
            if not (frame.number.isalpha() and frame.number.islower()):
                return frame.level + 5
        return 25
    return 10  # an unnumbered heading naming a part of the plan ("MỤC TIÊU")


def _place_blocks(
    blocks: list[Block], found: list[Section]
) -> tuple[list[_Place], list[tuple[str, ...]]]:
    """Walk the headings once: each block's part, milestone year, sub-heading and number.

    Also fills ``found`` with the sections, and returns for each the key under which
    a repeated number is a duplicate: the heading of its top part for a dotted number
    ("2.1.3" twice in "II"), all the headings above it otherwise ("a" under "2.1" and
    "a" under "2.2" differ, and so do the "1." of two parts both numbered "III").
    """
    frames: list[_Frame] = []
    zone, zone_level = PREAMBLE, 0
    paragraph_year: int | None = None  # from a line such as "ĐẾN NĂM 2030" ...
    paragraph_level = 0  # ... which holds under the heading it stands under
    category, path = "", ""
    year, depth, last_state, headings_seen = None, 0, None, 0
    places: list[_Place] = []
    keys: list[tuple[str, ...]] = []
    for block in blocks:
        folded = block.folded
        if zone != END and _END_OF_PLAN.match(folded):
            zone = END
        heading = block.heading if block.kind == HEADING else None
        if zone == END and heading is not None and _reopens(block):
            zone, zone_level, frames = PREAMBLE, 0, []  # an appendix, or the next plan
        if (
            heading is not None
            and zone != END
            and (heading.kind != PLAIN or sections.zone_of(block.text))
        ):
            level = _level(heading, frames)
            while frames and frames[-1].level >= level:
                frames.pop()
            title = _title(block.text)
            year = sections.milestone_year(folded) if block.words <= _MILESTONE_WORDS else None
            if heading.number:
                parent = next((frame.number for frame in reversed(frames) if frame.number), None)
                found.append(Section(heading.number, title, block.line, parent))
                above = tuple(str(frame.line) for frame in frames if frame.number)
                keys.append((above[:1] if "." in heading.number else above) + (heading.number,))
            new_zone = sections.zone_of(block.text)
            frames.append(
                _Frame(level, heading.number, title, year, new_zone is not None, block.line)
            )
            if level <= paragraph_level:
                paragraph_year = None
            # A heading opens a part at its own depth or above the current part's; a
            # short one that names another part ("5. Tổ chức thực hiện") opens it at any depth.
            nested = new_zone in _NESTED_ZONES and new_zone != zone and block.words <= _ZONE_WORDS
            if new_zone is not None and (zone == PREAMBLE or level <= zone_level or nested):
                zone, zone_level = new_zone, level
            elif level <= zone_level and zone != PREAMBLE:
                zone, zone_level = OTHER, level
            category, path = _category(frames, zone_level), _section_path(frames)
            headings_seen += 1
        else:
            level = 0
            # "Mục tiêu đến năm 2030:", "ĐẾN NĂM 2030", "- Đến năm 2025:" over sub-bullets
            line_like = block.kind == PARAGRAPH or folded.rstrip().endswith(":")
            if line_like and block.words <= _MILESTONE_WORDS and _MILESTONE_PARAGRAPH.match(folded):
                paragraph_year = sections.milestone_year(folded) or paragraph_year
                # Before any heading, the first heading ends it.
                paragraph_level = frames[-1].level if frames else _BEFORE_HEADINGS
        state = (headings_seen, zone_level, paragraph_year, paragraph_level)
        if state != last_state:  # the headings or the milestone line changed
            year = _year(frames, paragraph_year, paragraph_level)
            depth = sum(1 for frame in frames if frame.level > zone_level)
            last_state = state
        places.append(_Place(zone, year, category, path, level, depth))
    _mark_children(blocks, places)
    return places, keys


def _year(frames: list[_Frame], paragraph_year: int | None, paragraph_level: int) -> int | None:
    """The milestone in force: a heading's below the milestone line, else the line's, else
    the nearest heading's."""
    for frame in reversed(frames):
        if frame.year and frame.level > paragraph_level:
            return frame.year
    if paragraph_year is not None:
        return paragraph_year
    return next((frame.year for frame in reversed(frames) if frame.year), None)


def _reopens(block: Block) -> bool:
    """After the signature, a heading that opens a part of a plan or an appendix."""
    if block.heading is None or block.heading.kind not in (ROMAN, PLAIN):
        return False
    return sections.zone_of(block.text) is not None or _APPENDIX.match(block.folded) is not None


def _mark_children(blocks: list[Block], places: list[_Place]) -> None:
    """A heading has children when the next block (footnotes aside) sits under it."""
    for index, place in enumerate(places):
        if not place.level:
            continue
        for following in range(index + 1, len(blocks)):
            if blocks[following].kind == FOOTNOTE_BLOCK or tasks.attribute(blocks[following]):
                continue  # footnotes and "Cơ quan chủ trì: …" lines are no sub-items
            later = places[following]
            place.has_children = not later.level or later.level > place.level
            break


def _title(text: str) -> str:
    title = " ".join(text.split()).strip(" *#:")
    if len(title) > _MAX_TITLE:
        title = title[:_MAX_TITLE].rsplit(" ", 1)[0]
    return title


def _category(frames: list[_Frame], zone_level: int) -> str:
    """The nearest sub-heading that is neither a milestone nor a part's title."""
    for frame in reversed(frames):
        if frame.level <= zone_level:
            break
        if frame.year is None and not frame.names_part:
            return frame.title
    return ""


def _section_path(frames: list[_Frame]) -> str:
    """ "III.2.1.a": the numbers above a block; of Arabic numbers in a row, the last one."""
    numbers = [frame.number for frame in frames if frame.number]
    kept = []
    for number, following in zip(numbers, [*numbers[1:], ""], strict=False):
        if not (number[:1].isdigit() and following[:1].isdigit()):
            kept.append(number)
    return ".".join(kept)
