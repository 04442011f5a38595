"""Word files: paragraphs and tables in document order, then footnotes.

Each table row becomes one line of text, its cells joined by " | ", and the
table is kept as a :class:`Table` whose ``line`` is the line of its first row,
so a task read from a table row still points at a line of the text. Rows keep
the table's columns: a cell spanning several columns is written in the first
and leaves the others empty; a cell spanning several rows is repeated in each
row, as the reader of the printed table would take it.
Numbers and bullets that Word draws (automatic numbering) are written before
their paragraph, as printed. Footnotes (where plans report figures already
reached) follow the body, one per line, each starting with its number.
"""

from __future__ import annotations

import zipfile
from gettext import gettext as _
from io import BytesIO

from giamsat.parsing.errors import CorruptFile
from giamsat.parsing.schema import Table
from giamsat.parsing.sources import CELL_SEPARATOR, DOCX, Source
from giamsat.parsing.sources.numbering import Numbering
from giamsat.parsing.sources.text import convert_legacy, tidy

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def read_docx(data: bytes, name: str) -> Source:
    import docx
    from docx.table import Table as DocxTable

    try:
        document = docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptFile(_("tệp .docx bị hỏng hoặc không phải tệp Word"), location=name) from exc
    except Exception as exc:  # lxml and python-docx raise many kinds on a broken part
        raise CorruptFile(_("tệp .docx bị hỏng, không đọc được nội dung"), location=name) from exc

    numbering = Numbering(document)
    lines: list[str] = []
    tables: list[Table] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            rows = _rows(block, numbering)
            if rows:
                tables.append(Table(rows=rows, line=len(lines) + 1))
                lines.extend(CELL_SEPARATOR.join(row) for row in rows)
        else:
            lines.extend(_paragraph(block, numbering).split("\n"))
    lines.extend(_footnotes(document))

    warnings: list[str] = []
    text = convert_legacy("\n".join(lines), tables, warnings)
    return Source(text, tables, DOCX, warnings)


def _paragraph(paragraph, numbering: Numbering, in_cell: bool = False) -> str:
    text = tidy(paragraph.text)
    label = numbering.label(paragraph)
    if not label or not (text.strip() or in_cell):
        return text
    return f"{label} {text}".strip()


def _rows(table, numbering: Numbering) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                cells.append("")  # the same cell again: it spans several columns
                continue
            previous = cell._tc
            text = " ".join(
                _paragraph(paragraph, numbering, in_cell=True) for paragraph in cell.paragraphs
            )
            cells.append(" ".join(text.split()))
        if any(cells):
            rows.append(cells)
    return rows


def _footnotes(document) -> list[str]:
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == _FOOTNOTES),
        None,
    )
    if part is None:
        return []
    from lxml import etree

    try:
        root = etree.fromstring(part.blob)  # noqa: S320 - python-docx has already parsed this package
    except etree.XMLSyntaxError:
        return []
    notes = []
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type"):
            continue  # separators and continuation notices
        text = " ".join("".join(node.text or "" for node in note.iter(f"{_W}t")).split())
        if text:
            notes.append(f"{len(notes) + 1} {text}")  # Word numbers footnotes in order
    return notes
