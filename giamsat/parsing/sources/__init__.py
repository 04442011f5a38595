"""Turn a plan file into text: the input side of the parser.

:func:`read_source` reads a ``.txt``, ``.docx``, ``.pdf`` or an image and returns
a :class:`Source`: the text as lines (tables written one row per line, cells
joined by " | "), the tables themselves, and warnings a reviewer should see.
Every failure is a :class:`~giamsat.parsing.errors.ParseError` with a Vietnamese
message; docs/parsing-inputs.md lists them. No Django here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from gettext import gettext as _
from pathlib import Path

from giamsat.env import env_int
from giamsat.parsing.errors import (
    CorruptFile,
    EmptyDocument,
    FileMissing,
    ParseError,
    TooLarge,
    UnsupportedFormat,
)
from giamsat.parsing.schema import Table

Progress = Callable[[int, int], None]

MAX_BYTES_VARIABLE = "GIAMSAT_PARSE_MAX_BYTES"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT, DOCX, PDF, IMAGE = "txt", "docx", "pdf", "image"
SUFFIXES = {
    ".txt": TEXT, ".md": TEXT,
    ".docx": DOCX,
    ".pdf": PDF,
    ".png": IMAGE, ".jpg": IMAGE, ".jpeg": IMAGE, ".tif": IMAGE, ".tiff": IMAGE,
}  # fmt: skip
KIND_NAMES = {TEXT: _("văn bản thuần"), DOCX: "Word (.docx)", PDF: "PDF", IMAGE: _("ảnh")}
CELL_SEPARATOR = " | "  # between the cells of a table row written as one line
SUPPORTED = ".docx, .pdf, .txt, .md, .png, .jpg, .jpeg, .tif, .tiff"


@dataclass
class Source:
    """What a file says, as text, before any parsing."""

    text: str
    tables: list[Table] = field(default_factory=list)
    kind: str = TEXT
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False


def read_source(
    path: str | Path, progress: Progress | None = None, *, max_bytes: int | None = None
) -> Source:
    """Read the plan file at ``path``; raise a ParseError saying what is wrong with it."""
    path = Path(path)
    name = path.name or str(path)
    data = _read_bytes(path, name, max_bytes)
    kind = _kind(path.suffix.lower(), data, name)
    if kind == TEXT:
        from giamsat.parsing.sources.text import read_text

        source = read_text(data, name)
    elif kind == DOCX:
        from giamsat.parsing.sources.docx import read_docx

        source = read_docx(data, name)
    elif kind == PDF:
        from giamsat.parsing.sources.pdf import read_pdf

        source = read_pdf(data, name, progress)
    else:
        from giamsat.parsing.sources.ocr import read_image

        source = read_image(data, name, progress)
    suffix_kind = SUFFIXES.get(path.suffix.lower())
    if suffix_kind != kind:
        source.warnings.insert(
            0,
            _("Tệp mang đuôi “{suffix}” nhưng nội dung là {kind}; đã đọc theo nội dung.").format(
                suffix=path.suffix or _("(không có)"), kind=KIND_NAMES[kind]
            ),
        )
    if not source.text.strip():
        raise EmptyDocument(name)
    return source


def _read_bytes(path: Path, name: str, max_bytes: int | None) -> bytes:
    limit = max_bytes if max_bytes is not None else env_int(MAX_BYTES_VARIABLE, DEFAULT_MAX_BYTES)
    try:
        if not path.exists():
            raise FileMissing(name)
        if not path.is_file():
            raise ParseError(_("đây không phải là một tệp"), location=name)
        size = path.stat().st_size
        if size > limit:
            raise TooLarge(
                _(
                    "tệp quá lớn ({size} MB), giới hạn là {limit} MB; biến môi trường "
                    "{variable} đặt giới hạn khác"
                ).format(
                    size=_megabytes(size), limit=_megabytes(limit), variable=MAX_BYTES_VARIABLE
                ),
                location=name,
            )
        if size == 0:
            raise EmptyDocument(name, _("tệp rỗng (0 byte)"))
        return path.read_bytes()
    except OSError as exc:
        raise ParseError(
            _("không đọc được tệp: {reason}").format(reason=exc.strerror or exc), location=name
        ) from exc


def _megabytes(size: int) -> str:
    return str(max(1, round(size / (1024 * 1024))))


# --- Which kind of file: by content when it says, else by name.

_MAGIC = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", IMAGE),
    (b"\xff\xd8\xff", IMAGE),
    (b"II*\x00", IMAGE),
    (b"MM\x00*", IMAGE),
)
_UNSUPPORTED_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _("tệp Office cũ (.doc, .xls) chưa được hỗ trợ; hãy mở bằng Word và lưu lại thành .docx hoặc PDF")),
    (b"{\\rtf", _("tệp RTF chưa được hỗ trợ; hãy mở bằng Word và lưu lại thành .docx hoặc PDF")),
)  # fmt: skip


def _kind(suffix: str, data: bytes, name: str) -> str:
    for magic, kind in _MAGIC:
        if data.startswith(magic) or (kind == PDF and magic in data[:1024]):
            return kind
    for magic, message in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(message, location=name)
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or suffix == ".docx":
            return DOCX
        raise UnsupportedFormat(
            _("tệp nén (zip, .xlsx, .odt, …) chưa được hỗ trợ; hãy dùng {supported}").format(
                supported=SUPPORTED
            ),
            location=name,
        )
    kind = SUFFIXES.get(suffix)
    if kind is None:
        raise UnsupportedFormat(
            _("định dạng “{suffix}” chưa được hỗ trợ; hãy dùng {supported}").format(
                suffix=suffix or _("(không có đuôi)"), supported=SUPPORTED
            ),
            location=name,
        )
    if kind == DOCX:
        raise CorruptFile(_("tệp .docx bị hỏng hoặc không phải tệp Word"), location=name)
    if kind == PDF:
        raise CorruptFile(_("tệp .pdf bị hỏng hoặc không phải tệp PDF"), location=name)
    if kind == IMAGE:
        raise CorruptFile(_("ảnh bị hỏng hoặc không phải ảnh PNG, JPEG hay TIFF"), location=name)
    return kind
