"""Plain text files: Unicode in any of its forms, Windows-1258, TCVN3 and VNI."""

from __future__ import annotations

import codecs
import re
import unicodedata
from gettext import gettext as _

from giamsat.parsing import legacy
from giamsat.parsing.errors import CorruptFile, LegacyEncoding
from giamsat.parsing.schema import Table
from giamsat.parsing.sources import TEXT, Source

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_C0 = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")  # line breaks are tidied


def tidy(text: str) -> str:
    """NFC, one kind of line break ("\\n"), no byte-order mark."""
    text = text.lstrip("\ufeff")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if any(char in text for char in _BREAK_CHARS):  # much faster than the regex's search
        text = _LINE_BREAKS.sub("\n", text)
    return text


def read_text(data: bytes, name: str) -> Source:
    """Decode the bytes of a text file."""
    warnings: list[str] = []
    text = _decode_unicode(data)
    if text is None:
        text = _mostly_utf8(data, warnings)
    if text is None:
        _refuse_binary(data[:100_000].decode("latin-1"), _C0, name)
        text, label = _decode_8bit(data, name)
        if label:
            warnings.append(label)
    text = tidy(text)
    _refuse_binary(text[:100_000], _CONTROL, name)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    text, encoding = legacy.convert(text)
    if encoding:
        warnings.append(legacy_warning(encoding))
    _refuse_unreadable(text, name)
    return Source(text, [], TEXT, warnings)


def _refuse_binary(sample: str, controls: re.Pattern[str], name: str) -> None:
    """Refuse a file in which more than one character in 200 is a control code."""
    if len(controls.findall(sample)) > max(2, len(sample) // 200):
        raise CorruptFile(
            _("nội dung tệp không phải là văn bản (có thể là tệp nhị phân mang đuôi .txt)"),
            location=name,
        )


def convert_legacy(text: str, tables: list[Table], warnings: list[str]) -> str:
    """Convert legacy-font text and table cells to Unicode, noting it in ``warnings``."""
    text, encoding = legacy.convert(text)
    if encoding:
        warnings.append(legacy_warning(encoding))
        for table in tables:
            table.rows = [
                [legacy.convert_line(cell, encoding) for cell in row] for row in table.rows
            ]
    return text


def legacy_warning(encoding: str) -> str:
    message = _(
        "Tệp được gõ bằng bảng mã cũ {encoding}; đã chuyển sang Unicode, hãy soát lại dấu "
        "tiếng Việt."
    ).format(encoding=legacy.NAMES[encoding])
    if encoding == legacy.TCVN3:
        message += " " + _("Chữ hoa có dấu (phông .VnTimeH) có thể thành chữ thường.")
    return message


def _decode_unicode(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:4096] and len(data) % 2 == 0:
        head = data[:4096]
        even, odd = head[0::2].count(0), head[1::2].count(0)
        codec = "utf-16-le" if odd > 3 * even else "utf-16-be" if even > 3 * odd else None
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes, warnings: list[str]) -> str | None:
    """UTF-8 with a few broken bytes (a bad copy, a cut file): keep it, mark the bytes."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    if broken > max(2, len(text) // 2000) or text.replace("\ufffd", "").isascii():
        return None
    warnings.append(
        _(
            "Tệp có {count} byte không đúng mã UTF-8; đã thay bằng dấu “\ufffd”, hãy soát lại "
            "chỗ đó."
        ).format(count=broken)
    )
    return text


def _decode_8bit(data: bytes, name: str) -> tuple[str, str]:
    """Windows-1258, or a legacy font encoding (left to legacy.convert), or a guess."""
    latin = data.decode("latin-1")
    candidates: list[tuple[int, str, str]] = []
    if legacy.detect(latin):
        candidates.append((legacy.vietnamese_score(legacy.convert(latin)[0]), latin, ""))
    try:
        cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
        candidates.append((legacy.vietnamese_score(cp1258), cp1258, ""))
    except UnicodeDecodeError:
        pass
    if candidates:
        score, text, label = max(candidates, key=lambda candidate: candidate[0])
        if score > 0:
            return text, label
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise CorruptFile(
            _("không nhận ra bảng mã của tệp; hãy lưu lại tệp dưới dạng UTF-8"), location=name
        )
    return str(best), _(
        "Không chắc bảng mã của tệp; đã đoán là {encoding}, hãy soát lại chữ có dấu."
    ).format(encoding=best.encoding)


def _refuse_unreadable(text: str, name: str) -> None:
    """Refuse text whose accented words read as no Vietnamese at all (VISCII, VPS, ...)."""
    sample = text[:100_000]
    if legacy.has_unicode_letters(sample):
        return
    words = [word for word in re.findall(r"\S+", sample) if not word.isascii()]
    if len(words) < 20:
        return
    if legacy.vietnamese_score(sample) < -len(words) // 2:
        raise LegacyEncoding(
            _(
                "chữ có dấu trong tệp không đọc được thành tiếng Việt: tệp có thể dùng một bảng "
                "mã cũ khác TCVN3 và VNI (VISCII, VPS, …); hãy chuyển sang Unicode (ví dụ bằng "
                "công cụ chuyển mã của Unikey) rồi tải lên lại"
            ),
            location=name,
        )
