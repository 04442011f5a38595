"""PDF files: the text layer page by page, and OCR for pages that have none.

A page whose text layer holds fewer than :data:`MIN_PAGE_CHARS` readable
characters (a scan, or glyphs without a Unicode map that come out as
"(cid:123)") is rendered at :data:`OCR_DPI` and read by Tesseract. Progress is
reported per page. A ruled table (a task list in an appendix, say) becomes one
line per row, cells joined by " | ", and a :class:`Table`, as in Word files.
"""

from __future__ import annotations

import re
from gettext import gettext as _
from io import BytesIO

from giamsat.parsing.errors import (
    CorruptFile,
    EmptyDocument,
    EncryptedPdf,
    OcrUnavailable,
    ParseError,
)
from giamsat.parsing.schema import Table
from giamsat.parsing.sources import CELL_SEPARATOR, PDF, Progress, Source
from giamsat.parsing.sources.ocr import check_ocr, ocr_image, ocr_warning
from giamsat.parsing.sources.text import convert_legacy, tidy

MIN_PAGE_CHARS = 20
OCR_DPI = 300
_UNMAPPED = re.compile(r"\(cid:\d+\)|\s")


def read_pdf(data: bytes, name: str, progress: Progress | None = None) -> Source:
    _refuse_locked(data, name)
    import pdfplumber

    lines: list[str] = []
    tables: list[Table] = []
    ocr = _Ocr(name)
    try:
        with pdfplumber.open(BytesIO(data), password="") as pdf:
            total = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                text = tidy(page.extract_text() or "")
                if len(_UNMAPPED.sub("", text)) < MIN_PAGE_CHARS and (page.images or page.curves):
                    lines.extend((ocr.page(page, number) or text).split("\n"))
                else:
                    _read_page(page, text, lines, tables)
                page.close()
                if progress:
                    progress(number, total)
    except ParseError:
        raise
    except Exception as exc:  # pdfminer and pypdfium2 raise many kinds on a broken file
        raise CorruptFile(_("tệp PDF bị hỏng, không đọc được"), location=name) from exc

    warnings: list[str] = []
    text = convert_legacy("\n".join(lines), tables, warnings)
    if ocr.done:
        warnings.append(ocr_warning(len(ocr.done)))
    if ocr.skipped:
        if not text.strip():
            raise ocr.unavailable
        warnings.append(
            _(
                "Trang {pages} là ảnh quét nhưng máy chưa cài được OCR nên bị bỏ qua: {reason}"
            ).format(pages=", ".join(map(str, ocr.skipped)), reason=ocr.unavailable.message)
        )
    if not text.strip():
        raise EmptyDocument(name, _("tệp PDF không có chữ nào, kể cả khi nhận dạng OCR"))
    return Source(text, tables, PDF, warnings, ocr=bool(ocr.done))


def _read_page(page, text: str, lines: list[str], tables: list[Table]) -> None:
    """Add a page's lines; ruled tables become one line per row, in their place."""
    found = [
        table
        for table in page.find_tables()
        if len(table.rows) >= 2 and len(table.columns) >= 2  # a framed paragraph is text
    ]
    if not found:
        lines.extend(text.split("\n"))
        return
    boxes = [table.bbox for table in found]

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    blocks: list[tuple[float, list[str], list[list[str]] | None]] = [
        (line["top"], tidy(line["text"]).split("\n"), None)
        for line in page.filter(outside).extract_text_lines(return_chars=False)
    ]
    for table in found:
        rows = [[" ".join(tidy(cell or "").split()) for cell in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        blocks.append((table.bbox[1], [CELL_SEPARATOR.join(row) for row in rows], rows))
    for _top, block_lines, rows in sorted(blocks, key=lambda block: block[0]):
        if rows:
            tables.append(Table(rows=rows, line=len(lines) + 1))
        lines.extend(block_lines)


class _Ocr:
    """OCR of the pages without a text layer, checking for Tesseract once."""

    def __init__(self, name: str):
        self.name = name
        self.done: list[int] = []
        self.skipped: list[int] = []
        self.unavailable: OcrUnavailable | None = None
        self._checked = False

    def page(self, page, number: int) -> str:
        if not self._checked:
            self._checked = True
            try:
                check_ocr(self.name)
            except OcrUnavailable as exc:
                self.unavailable = exc
        if self.unavailable:
            self.skipped.append(number)
            return ""
        image = page.to_image(resolution=OCR_DPI).original
        text = ocr_image(image, _("{name}, trang {number}").format(name=self.name, number=number))
        if text.strip():
            self.done.append(number)
        return text


def _refuse_locked(data: bytes, name: str) -> None:
    """Raise EncryptedPdf if the PDF needs a password to open (an owner password is fine)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedPdf(name)
    except EncryptedPdf:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorruptFile(_("tệp PDF bị hỏng, không đọc được"), location=name) from exc
