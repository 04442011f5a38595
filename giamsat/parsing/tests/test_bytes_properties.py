"""Whatever bytes a file holds, reading it ends in a Source or a ParseError."""

import tempfile
import unicodedata
from dataclasses import fields
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giamsat.parsing import legacy, parse_file, schema
from giamsat.parsing.errors import ParseError
from giamsat.parsing.sources import Source, read_source

VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụ"
        "ứừửữựýỳỷỹỵĐƯƠ0123456789 .,;:%-/()\n\t≥≤–"
    ),
    max_size=300,
)
# Bytes as files really come: Vietnamese text in each encoding, or anything at all.
FILE_BYTES = st.one_of(
    st.binary(max_size=3000),
    VIETNAMESE.map(lambda text: text.encode("utf-8")),
    VIETNAMESE.map(lambda text: text.encode("utf-16")),
    VIETNAMESE.map(
        lambda text: unicodedata.normalize("NFD", text).encode("cp1258", errors="replace")
    ),
    st.text(
        alphabet=st.sampled_from(sorted(legacy.TCVN3_TABLE) + list("abc nhg\n")), max_size=300
    ).map(lambda text: text.encode("latin-1")),
    st.tuples(
        st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n"]), st.binary()
    ).map(b"".join),
)
SUFFIXES = st.sampled_from([".txt", ".txt", ".txt", ".md", ".docx", ".pdf", ".png", ".xyz"])
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _write(folder: str, data: bytes, suffix: str) -> Path:
    path = Path(folder) / f"tep{suffix}"
    path.write_bytes(data)
    return path


@PROPERTY
@given(data=FILE_BYTES, suffix=SUFFIXES)
def test_reading_any_bytes_gives_a_source_or_a_parse_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        try:
            source = read_source(_write(folder, data, suffix))
        except ParseError as exc:
            assert exc.message and exc.location == f"tep{suffix}"
            return
    assert isinstance(source, Source)
    assert source.text.strip()
    assert source.text == unicodedata.normalize("NFC", source.text)
    assert "\r" not in source.text


@PROPERTY
@given(data=FILE_BYTES)
def test_parsing_any_text_file_gives_the_schema_or_a_parse_error(data):
    with tempfile.TemporaryDirectory() as folder:
        try:
            result = parse_file(_write(folder, data, ".txt"))
        except ParseError:
            return
    assert isinstance(result, schema.ParseResult)
    data = result.to_dict()
    assert set(data) == {field.name for field in fields(schema.ParseResult)}
    assert set(data["document"]) == {field.name for field in fields(schema.DocumentMeta)}
