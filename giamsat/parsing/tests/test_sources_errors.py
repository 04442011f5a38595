"""Each kind of bad file gets its own error and a message that says what is wrong."""

import pytest

from giamsat.errors import ConfigError
from giamsat.parsing.errors import ParseError, TooLarge
from giamsat.parsing.sources import read_source
from giamsat.parsing.tests import badfiles


@pytest.mark.parametrize(("build", "error", "name", "message"), badfiles.CASES, ids=badfiles.IDS)
def test_bad_file_raises_its_error_with_a_vietnamese_message(tmp_path, build, error, name, message):
    with pytest.raises(error) as raised:
        read_source(build(tmp_path))

    assert raised.value.message == message
    assert raised.value.location == name
    assert str(raised.value) == f"{name}: {message}"
    assert isinstance(raised.value, ParseError)


def test_a_directory_is_not_a_file(tmp_path):
    with pytest.raises(ParseError) as raised:
        read_source(tmp_path)

    assert raised.value.message == "đây không phải là một tệp"


def test_size_limit_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GIAMSAT_PARSE_MAX_BYTES", str(3 * 1024 * 1024))
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(b"Chi tieu 2030\n" * 300_000)  # 4 MB

    with pytest.raises(TooLarge) as raised:
        read_source(path)

    assert raised.value.message.startswith("tệp quá lớn (4 MB), giới hạn là 3 MB;")


def test_a_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(b"Chi tieu 2030\n" * 10)

    assert read_source(path, max_bytes=140).text.count("\n") == 10


def test_a_bad_limit_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("GIAMSAT_PARSE_MAX_BYTES", "20MB")
    path = tmp_path / "ke-hoach.txt"
    path.write_text("Kế hoạch", encoding="utf-8")

    with pytest.raises(ConfigError) as raised:
        read_source(path)

    assert "GIAMSAT_PARSE_MAX_BYTES" in raised.value.message
