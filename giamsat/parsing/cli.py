"""``giamsat parse FILE [--json] [--format table|json] [--strict]``.

Reads one plan and prints what the parser found: by default the document, the
targets grouped by year in a table, and counts; with ``--json`` the whole
:class:`~giamsat.parsing.schema.ParseResult`. This is the one place where the
command line turns errors into a message: one line on stderr, exit status 2,
never a traceback. ``--strict`` exits 1 when the document has warnings.
No Django: ``giamsat.cli`` calls :func:`main` before any setup.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import traceback
from datetime import date
from gettext import gettext as _
from pathlib import Path
from typing import IO

from giamsat.errors import GiamsatError
from giamsat.formats.vi import formats
from giamsat.parsing.schema import ParseResult, Target

PROG = "giamsat parse"
EXIT_WARNINGS = 1
EXIT_ERROR = 2

COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈", "between": "từ–đến"}
LEVELS = {
    "national": _("Trung ương"),
    "ministry": _("Bộ, ngành"),
    "province": _("Tỉnh"),
    "district": _("Huyện"),
    "commune": _("Xã"),
    "other": _("Khác"),
}


USAGE = "giamsat parse FILE [--json] [--format table|json] [--strict]"
# Libraries that log warnings about the files they read; the user gets our message instead.
_QUIET_LOGGERS = ("pypdf", "pdfminer", "pdfplumber", "PIL")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line in Vietnamese, no usage block
        if "FILE" in message:
            raise _UsageError(_("thiếu tên tệp cần đọc; cách dùng: {usage}").format(usage=USAGE))
        raise _UsageError(
            _("tham số không hợp lệ ({detail}); cách dùng: {usage}").format(
                detail=message, usage=USAGE
            )
        )


def _arguments() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=_("Đọc một văn bản kế hoạch: chỉ tiêu, nhiệm vụ, đơn vị thực hiện."),
    )
    parser.add_argument("file", metavar="FILE", help=_("tệp .docx, .pdf, .txt hoặc ảnh"))
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help=_("kiểu kết quả")
    )
    parser.add_argument(
        "--json", dest="format", action="store_const", const="json", help=_("như --format json")
    )
    parser.add_argument("--strict", action="store_true", help=_("trả mã 1 nếu văn bản có cảnh báo"))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _arguments().parse_args(argv)
    except _UsageError as exc:
        return _fail(str(exc))
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        from giamsat.parsing import parse_file

        result = parse_file(args.file, progress=progress_bar())
    except GiamsatError as exc:
        return _fail(_where(exc, args.file) + exc.message)
    except KeyboardInterrupt:
        return _fail(_("đã dừng theo yêu cầu"), 130)
    except Exception:
        return _fail(args.file + ": " + _apology())
    try:
        if args.format == "json":
            print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            print_table(result, sys.stdout)
    except BrokenPipeError:
        return 0
    except Exception:
        return _fail(args.file + ": " + _apology())
    warnings = result.document.warnings
    if args.strict and warnings:
        _fail(
            _("{file}: có {count} cảnh báo (--strict)").format(file=args.file, count=len(warnings))
        )
        return EXIT_WARNINGS
    return 0


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def _where(exc: GiamsatError, file: str) -> str:
    """The file as the user typed it, plus any page the error names."""
    location = exc.location or ""
    name = Path(file).name
    if location.startswith(name):
        location = file + location[len(name) :]
    return f"{location or file}: "


def _apology() -> str:
    """Write the unexpected error's traceback to a log file, and say sorry.

    Never to stderr, even through logging: a console handler would show the
    user a traceback.
    """
    with tempfile.NamedTemporaryFile(
        "w", prefix="giamsat-parse-", suffix=".log", delete=False, encoding="utf-8"
    ) as log:
        traceback.print_exc(file=log)
    return _(
        "xin lỗi, có lỗi không mong đợi khi đọc tệp; chi tiết đã được ghi vào {path}, hãy gửi "
        "tệp đó cho người quản trị"
    ).format(path=log.name)


def progress_bar():
    """A progress bar on stderr for OCR, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    state: dict[str, object] = {}

    def report(done: int, total: int) -> None:
        if "bar" not in state:
            bar = Progress(transient=True, console=_console(sys.stderr))
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task(_("Đang đọc từng trang"), total=total)
        bar, task = state["bar"], state["task"]
        bar.update(task, completed=done)  # type: ignore[attr-defined]
        if done >= total:
            bar.stop()  # type: ignore[attr-defined]

    return report


# --- Table output.


def format_number(value: float | None) -> str:
    """1234.5 -> "1.234,5" with the Vietnamese separators of giamsat.formats.vi."""
    if value is None:
        return ""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return (
        text.replace(",", "\0")
        .replace(".", formats.DECIMAL_SEPARATOR)
        .replace("\0", formats.THOUSAND_SEPARATOR)
    )


def format_date(iso: str | None) -> str:
    """ "2025-05-06" -> "06/05/2025" in the Vietnamese DATE_FORMAT."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    pattern = "".join(f"%{char}" if char in "dmY" else char for char in formats.DATE_FORMAT)
    return day.strftime(pattern)


def _value(target: Target) -> str:
    if target.comparator == "between" and target.value_max is not None:
        return f"{format_number(target.value)}–{format_number(target.value_max)}"
    return format_number(target.value)


def _console(file: IO[str]):
    from rich.console import Console

    return Console(file=file, soft_wrap=False, highlight=False, emoji=False)


def _hanging(mark: str, items: list[str]):
    """Items after a mark, wrapped lines indented under the text."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row(mark, Text(item))
    return grid


def print_table(result: ParseResult, file: IO[str]) -> None:
    from rich.markup import escape
    from rich.table import Table

    console = _console(file)
    document = result.document
    console.print(f"[bold]{escape(document.title or _('(không rõ tên văn bản)'))}[/bold]")
    facts = (
        (_("Số"), document.number),
        (_("Ngày"), format_date(document.date)),
        (_("Nơi ban hành"), document.place),
        (_("Cơ quan ban hành"), document.issuer),
        (_("Cấp"), LEVELS.get(document.level, document.level)),
    )
    for label, value in facts:
        console.print(f"{label}: {escape(value or '—')}")
    if document.references:
        console.print(_("Căn cứ:"))
        references = []
        for reference in document.references:
            parts = [reference.number]
            if reference.date:
                parts.append(_("ngày {date}").format(date=format_date(reference.date)))
            if reference.issuer:
                parts.append(_("của {issuer}").format(issuer=reference.issuer))
            references.append(" ".join(parts))
        console.print(_hanging("•", references))
    if document.warnings:
        console.print(_("Cảnh báo:"))
        console.print(_hanging("!", document.warnings))

    years = sorted({target.year for target in result.targets}, key=lambda y: (y is None, y or 0))
    for year in years:
        title = (
            _("Chỉ tiêu đến năm {year}").format(year=year) if year else _("Chỉ tiêu chưa rõ năm")
        )
        table = Table(title=title, title_justify="left", expand=False)
        table.add_column(_("Chỉ tiêu"), overflow="fold")
        table.add_column(_("So sánh"), justify="center")
        table.add_column(_("Giá trị"), justify="right")
        table.add_column(_("Đơn vị"))
        table.add_column(_("Mỗi năm"), justify="center")
        table.add_column(_("Dòng"), justify="right")
        for target in result.targets:
            if target.year == year:
                table.add_row(
                    escape(target.indicator),
                    COMPARATORS.get(target.comparator, target.comparator),
                    _value(target),
                    escape(target.unit),
                    "✓" if target.per_year else "",
                    str(target.line),
                )
        console.print()
        console.print(table)
    if not result.targets:
        console.print()
        console.print(_("Không tìm thấy chỉ tiêu định lượng nào."))
    console.print()
    console.print(
        _(
            "Chỉ tiêu: {targets} · Nhiệm vụ: {tasks} · Đơn vị thực hiện: {units} · "
            "Số liệu đã đạt: {actuals} · Mục: {sections}"
        ).format(
            targets=len(result.targets),
            tasks=len(result.tasks),
            units=len(result.units),
            actuals=len(result.actuals),
            sections=len(result.sections),
        )
    )
