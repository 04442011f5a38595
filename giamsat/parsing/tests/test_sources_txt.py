"""Text files in every encoding a Vietnamese office still produces."""

import codecs
import unicodedata
from pathlib import Path

import pytest

from giamsat.parsing import legacy
from giamsat.parsing.sources import read_source

SENTENCE = (
    "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá "
    "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)
# The same sentence as typed in .VnTime (TCVN3) and VNI-Times, read byte for byte as Latin-1.
SENTENCE_TCVN3 = (
    "KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 57-NQ/TW ngµy 22/12/2024 cña Bé ChÝnh trÞ vÒ ®ét ph¸ "
    "ph¸t triÓn khoa häc, c«ng nghÖ, ®æi míi s¸ng t¹o vµ chuyÓn ®æi sè quèc gia"
)
SENTENCE_VNI = (
    "Keá hoaïch thöïc hieän Nghò quyeát soá 57-NQ/TW ngaøy 22/12/2024 cuûa Boä Chính trò veà "
    "ñoät phaù phaùt trieån khoa hoïc, coâng ngheä, ñoåi môùi saùng taïo vaø chuyeån ñoåi soá "
    "quoác gia"
)
TARGET = "Đến năm 2030, tỷ lệ người dân có tài khoản định danh điện tử đạt trên 80%, ưu tiên"
TARGET_TCVN3 = "§Õn n¨m 2030, tû lÖ ng­êi d©n cã tµi kho¶n ®Þnh danh ®iÖn tö ®¹t trªn 80%, ­u tiªn"
TARGET_VNI = (
    "Ñeán naêm 2030, tyû leä ngöôøi daân coù taøi khoaûn ñònh danh ñieän töû ñaït treân 80%, "
    "öu tieân"
)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letter, then a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = next(mark for mark in decomposed if mark in TONE_MARKS)
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def write(tmp_path: Path, data: bytes, name: str = "ke-hoach.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


TEXT = SENTENCE + "\n" + TARGET + "\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-32"),
        unicodedata.normalize("NFD", TEXT).encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be", "utf16le", "utf32", "utf8-nfd", "crlf"],
)
def test_unicode_files_read_as_nfc_without_warnings(tmp_path, data):
    source = read_source(write(tmp_path, data))

    assert source.text == TEXT
    assert source.warnings == []
    assert (source.kind, source.ocr, source.tables) == ("txt", False, [])


def test_a_few_broken_bytes_in_utf8_are_marked_not_fatal(tmp_path):
    data = TEXT.encode("utf-8").replace(b"2030", b"20\xff30")

    source = read_source(write(tmp_path, data))

    assert source.text == TEXT.replace("2030", "20\ufffd30")
    assert source.warnings == [
        "Tệp có 1 byte không đúng mã UTF-8; đã thay bằng dấu “\ufffd”, hãy soát lại chỗ đó."
    ]


def test_windows_1258_is_composed_to_nfc(tmp_path):
    data = cp1258(TEXT)
    assert b"\xec" in data  # the combining acute accent of Windows-1258 is there

    source = read_source(write(tmp_path, data))

    assert source.text == TEXT
    assert source.warnings == []


@pytest.mark.parametrize(
    ("legacy_text", "name"),
    [
        (SENTENCE_TCVN3 + "\n" + TARGET_TCVN3 + "\n", "TCVN3"),
        (SENTENCE_VNI + "\n" + TARGET_VNI + "\n", "VNI"),
    ],
)
def test_legacy_font_encodings_are_converted_with_a_warning(tmp_path, legacy_text, name):
    source = read_source(write(tmp_path, legacy_text.encode("latin-1")))

    assert source.text == TEXT
    assert len(source.warnings) == 1
    assert source.warnings[0].startswith(f"Tệp được gõ bằng bảng mã cũ {name}")
    assert "đã chuyển sang Unicode" in source.warnings[0]


def test_legacy_text_already_saved_as_utf8_is_converted(tmp_path):
    # Text copied out of a .VnTime document into a UTF-8 editor keeps the wrong letters.
    source = read_source(write(tmp_path, SENTENCE_TCVN3.encode("utf-8")))

    assert source.text == SENTENCE
    assert source.warnings[0].startswith("Tệp được gõ bằng bảng mã cũ TCVN3")


def test_only_the_legacy_lines_of_a_mixed_file_are_converted(tmp_path):
    unicode_line = "Tô Lâm, Hà Nội: chỉ tiêu đạt 100% vào năm 2025"
    data = "\n".join([unicode_line, SENTENCE_VNI, "Café"]).encode("utf-8")

    source = read_source(write(tmp_path, data))

    assert source.text.split("\n") == [unicode_line, SENTENCE, "Café"]


def test_uppercase_vni_heading_keeps_its_case():
    assert legacy.to_unicode("KEÁ HOAÏCH THÖÏC HIEÄN, ÑAÛNG UÛY XAÕ", legacy.VNI) == (
        "KẾ HOẠCH THỰC HIỆN, ĐẢNG ỦY XÃ"
    )


def test_every_tcvn3_letter_converts():
    # TCVN 5712:1993 (VN3), bytes 0xA1-0xFE in code order, the letters they stand for.
    codes = bytes(
        [*range(0xA1, 0xAF), *range(0xB5, 0xBA), 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, *range(0xC7, 0xCD),
         *range(0xCE, 0xD9), 0xDC, 0xDD, 0xDE, 0xDF, *range(0xE1, 0xF0), *range(0xF1, 0xFF)]
    )  # fmt: skip
    letters = (
        "ĂÂÊÔƠƯĐăâêôơưđ" "àảãáạ" "ằẳẵắặ" "ầẩẫấậ" "è" "ẻẽéẹ" "ềểễếệ" "ìỉ" "ĩíị" "ò"
        "ỏõóọ" "ồổỗốộ" "ờởỡớợ" "ùủũúụ" "ừửữứự" "ỳỷỹýỵ"
    )  # fmt: skip

    assert legacy.to_unicode(codes.decode("latin-1"), legacy.TCVN3) == letters


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "Tô Lâm, Hà Nội",
        "Café crème brûlée, señor, Größe",
        "Chỉ tiêu: ≥ 80% – đạt ¼ kế hoạch ©2025 «trích»",
    ],
)
def test_unicode_text_is_not_taken_for_a_legacy_encoding(text):
    assert legacy.convert(text) == (text, None)


def test_seed_plans_read_unchanged(seed_paths):
    for path in seed_paths:
        source = read_source(path)

        assert source.text == path.read_text(encoding="utf-8").replace("\r\n", "\n"), path.name
        assert source.warnings == [], path.name


@pytest.fixture
def seed_paths() -> list[Path]:
    here = Path(__file__).parent / "data" / "seeds"
    paths = sorted(here.glob("*.txt")) or sorted(
        (Path(__file__).parents[3].parent / "shared" / "seeds").glob("*.txt")
    )
    assert paths, "no seed plans found"
    return paths
