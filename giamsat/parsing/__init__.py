"""Read implementation plans: files in, :class:`~giamsat.parsing.schema.ParseResult` out.

Plain Python: nothing here imports Django (``tests/test_no_django.py`` checks).

- :func:`parse_file` reads a ``.txt``, ``.docx``, ``.pdf`` or image file
  (``sources``) and parses its text (``core``).
- :func:`parse_text` parses text already in hand.

Errors are :class:`~giamsat.parsing.errors.ParseError` with a Vietnamese message.
docs/parsing.md describes the rules, docs/parsing-inputs.md the inputs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from giamsat.parsing.errors import ParseError
from giamsat.parsing.sources import Progress, Source, read_source

if TYPE_CHECKING:
    from giamsat.parsing.schema import ParseResult

__all__ = ["ParseError", "Source", "parse_file", "parse_text", "read_source"]


def parse_file(path: str | Path, progress: Progress | None = None) -> ParseResult:
    """Read and parse the plan at ``path``; the reader's warnings join the document's."""
    source = read_source(path, progress)
    from giamsat.parsing.core import parse_text

    result = parse_text(source.text, source.tables)
    result.document.warnings.extend(source.warnings)
    return result


def __getattr__(name: str) -> Any:
    # parse_text lives in core, which loads the rules; import it only when asked for.
    if name == "parse_text":
        from giamsat.parsing.core import parse_text

        return parse_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
