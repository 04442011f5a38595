"""Tables: an appendix of tasks or of targets, read by their header row.

A table is a task table when a header cell names the task ("Nhiệm vụ", "Nội
dung", "Tên nhiệm vụ") and another names who leads it or when it is due
("Cơ quan chủ trì", "Thời gian hoàn thành"); a target table when a header cell
names the indicator ("Chỉ tiêu", "Tên chỉ tiêu") and others hold values ("Giá
trị", "Mục tiêu") or years ("Năm 2025", "Đến năm 2030"). Headers are matched on
folded text, in any column order. Each data row stands on its own line of the
extracted text (``Table.line`` + its index), cells joined by " | ".

Tables also come inside plain text, as rows of cells between "|" (Markdown or a
converter's output); :func:`find_text_tables` finds those that no reader gave.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from giamsat.parsing.rules import comparators
from giamsat.parsing.rules.blocks import Line
from giamsat.parsing.rules.dates import parse_cell_date
from giamsat.parsing.rules.fold import fold
from giamsat.parsing.rules.numbers import find_numbers
from giamsat.parsing.rules.targets import PER_YEAR
from giamsat.parsing.rules.tasks import RECURRING
from giamsat.parsing.rules.units import clean_name, name_spans
from giamsat.parsing.schema import Table, Target, Task

STT, TASK, LEAD, COORDINATING, DEADLINE, PRODUCT, INDICATOR, UNIT, VALUE, YEAR = (
    "stt",
    "task",
    "lead",
    "coordinating",
    "deadline",
    "product",
    "indicator",
    "unit",
    "value",
    "year",
)
_COLUMNS = (
    (STT, re.compile(r"^(?:stt|tt|so tt|so thu tu)\W*$")),
    (UNIT, re.compile(r"\b(?:don vi tinh|dvt|don vi do)\b")),
    (COORDINATING, re.compile(r"\bphoi hop\b")),
    (
        LEAD,
        re.compile(
            r"\b(?:chu tri|co quan thuc hien|don vi thuc hien|don vi chu tri|trach nhiem)\b"
        ),
    ),
    (DEADLINE, re.compile(r"\b(?:thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian)\b")),
    (PRODUCT, re.compile(r"\b(?:san pham|ket qua dau ra)\b")),
    (INDICATOR, re.compile(r"\b(?:ten chi tieu|noi dung chi tieu|chi tieu|chi so)\b")),
    (
        TASK,
        re.compile(r"\b(?:nhiem vu|noi dung|cong viec|giai phap|hoat dong|ten de an|ten du an)\b"),
    ),
    (YEAR, re.compile(r"\b(?:19|20)[0-9]{2}\b")),
    (VALUE, re.compile(r"\b(?:gia tri|muc tieu|ke hoach|so luong)\b")),
)
_HEADER_ROWS = 3
_RULE_ROW = re.compile(r"^\s*\|?\s*:?-{3,}")
_YEAR_IN_HEADER = re.compile(r"\b((?:19|20)[0-9]{2})\b")
_MAX_TITLE = 250


def table_line_numbers(tables: Sequence[Table]) -> set[int]:
    numbers: set[int] = set()
    for table in tables:
        numbers.update(range(table.line, table.line + len(table.rows)))
    return numbers


def find_text_tables(lines: list[Line], given: Sequence[Table]) -> list[Table]:
    """Runs of two or more lines of "|"-separated cells that no reader reported."""
    taken = table_line_numbers(given)
    tables: list[Table] = []
    rows: list[list[str]] = []
    first = 0
    for line in lines:
        if line.number not in taken and line.raw.count("|") >= 2:
            if not rows:
                first = line.number
            if _RULE_ROW.match(line.raw):
                rows.append([])  # keeps row indexes equal to line offsets
            else:
                rows.append([cell.strip() for cell in line.raw.strip().strip("|").split("|")])
            continue
        if len([row for row in rows if row]) >= 2:
            tables.append(Table(rows, first))
        rows = []
    if len([row for row in rows if row]) >= 2:
        tables.append(Table(rows, first))
    return tables


def _header(rows: list[list[str]]) -> tuple[int, dict[str, list[int]]] | None:
    for index, row in enumerate(rows[:_HEADER_ROWS]):
        columns: dict[str, list[int]] = {}
        for position, cell in enumerate(row):
            folded = fold(" ".join(cell.split())).strip()
            for name, pattern in _COLUMNS:
                if pattern.search(folded):
                    columns.setdefault(name, []).append(position)
                    break
        if TASK in columns and (LEAD in columns or DEADLINE in columns):
            return index, columns
        if INDICATOR in columns and (VALUE in columns or YEAR in columns):
            return index, columns
    return None


def read_table(table: Table) -> tuple[list[Task], list[Target]]:
    """The tasks or the targets a table lists; nothing for a table it cannot read."""
    header = _header(table.rows)
    if header is None:
        return [], []
    index, columns = header
    if TASK in columns and (LEAD in columns or DEADLINE in columns):
        return _tasks(table, index, columns), []
    return [], _targets(table, index, columns)


def _cell(row: list[str], columns: dict[str, list[int]], name: str) -> str:
    for position in columns.get(name, []):
        if position < len(row):
            return " ".join(row[position].split())
    return ""


def _row_text(row: list[str]) -> str:
    return " | ".join(" ".join(cell.split()) for cell in row)


def _tasks(table: Table, header: int, columns: dict[str, list[int]]) -> list[Task]:
    tasks = []
    for offset, row in enumerate(table.rows[header + 1 :], start=header + 1):
        title = _cell(row, columns, TASK)
        if not title:
            continue
        lead = _cell(row, columns, LEAD)
        due = _cell(row, columns, DEADLINE)
        if not lead and not due and not _cell(row, columns, COORDINATING) and title.isupper():
            continue  # a group heading inside the table
        folded_due = fold(due)
        deadline = parse_cell_date(folded_due) if due else None
        partners = _cell(row, columns, COORDINATING)
        coordinating = [
            clean_name(partners[start:end])
            for start, end in name_spans(fold(partners), partners, 0, len(partners))
        ]
        if len(title) > _MAX_TITLE:
            title = title[:_MAX_TITLE].rsplit(" ", 1)[0]
        tasks.append(
            Task(
                title=title,
                section=_cell(row, columns, STT),
                lead=lead,
                coordinating=[name for name in coordinating if name],
                deadline=deadline,
                recurring=deadline is None and bool(RECURRING.search(folded_due or fold(title))),
                product=_cell(row, columns, PRODUCT),
                line=table.line + offset,
                text=_row_text(row),
            )
        )
    return tasks


def _targets(table: Table, header: int, columns: dict[str, list[int]]) -> list[Target]:
    header_row = table.rows[header]
    value_columns: list[tuple[int, int | None]] = []  # (column, the year its header names)
    for position in columns.get(YEAR, []) + columns.get(VALUE, []):
        match = _YEAR_IN_HEADER.search(fold(header_row[position]))
        value_columns.append((position, int(match.group(1)) if match else None))
    targets = []
    for offset, row in enumerate(table.rows[header + 1 :], start=header + 1):
        indicator = _cell(row, columns, INDICATOR)
        if not indicator:
            continue
        unit = _cell(row, columns, UNIT)
        for position, year in value_columns:
            if position >= len(row):
                continue
            target = _value_target(row[position], indicator, unit, year)
            if target is None:
                continue
            target.section = _cell(row, columns, STT)
            target.line = table.line + offset
            target.text = _row_text(row)
            targets.append(target)
    return targets


def _value_target(cell: str, indicator: str, unit: str, year: int | None) -> Target | None:
    folded = fold(" ".join(cell.split()))
    numbers = [token for token in find_numbers(folded) if not token.glued]
    if not numbers:
        return None
    first = numbers[0]
    comparator, _, _ = comparators.comparator_before(folded, first.start)
    after, _ = comparators.comparator_after(
        folded, first.end + (1 if folded[first.end : first.end + 1] == "%" else 0)
    )
    limit = comparators.range_after(folded, first.end)
    value_max = limit[0] if limit else None
    if "%" in folded[first.end : first.end + 2] and not unit:
        unit = "%"
    return Target(
        indicator=indicator,
        comparator=comparators.BETWEEN
        if value_max is not None
        else comparators.combine(comparator, after),  # type: ignore[arg-type]
        value=first.value,
        value_max=value_max,
        unit=unit,
        year=year,
        per_year=bool(PER_YEAR.search(fold(indicator) + " " + folded)),
    )
