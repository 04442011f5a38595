"""Vietnamese text typed in the legacy font encodings TCVN3 (ABC) and VNI.

Before Unicode, Vietnamese documents were typed in 8-bit fonts (``.VnTime`` for
TCVN3, ``VNI-Times`` for VNI). Read as Windows-1252 or Latin-1, their bytes come
out as "KÕ ho¹ch" (TCVN3) or "Keá hoaïch" (VNI) for "Kế hoạch". This module
recognises such text and converts it to Unicode NFC; docs/decisions/0002 says why
the tables are ours rather than a package's.

TCVN3 is one byte per letter, so it converts with ``str.translate``. VNI writes
a toned vowel as a base letter followed by one mark character, so it converts
with one regular expression, longest sequence first.

Detection never trusts a single character: it scores how many words read as
Vietnamese syllables before and after a trial conversion, and converts only
when the conversion clearly helps. A document mixing Unicode and legacy
paragraphs is converted line by line, and a line already holding letters that
only Unicode can write (ế, ư, đ, ...) is never touched.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "tcvn3"
VNI = "vni"
NAMES = {TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI (phông VNI-Times)"}

# --- TCVN3 (TCVN 5712:1993, VN3): surface character (byte read as Latin-1) -> letter.
# VN3 has no toned capitals: a heading set in .VnTimeH is typed with the lowercase
# bytes, so it comes back lowercase.
_TCVN3_PAIRS = (
    "\u00a1Ă \u00a2Â \u00a3Ê \u00a4Ô \u00a5Ơ \u00a6Ư \u00a7Đ "
    "\u00a8ă \u00a9â \u00aaê \u00abô \u00acơ \u00adư \u00aeđ "
    "\u00b5à \u00b6ả \u00b7ã \u00b8á \u00b9ạ "
    "\u00bbằ \u00bcẳ \u00bdẵ \u00beắ \u00c6ặ "
    "\u00c7ầ \u00c8ẩ \u00c9ẫ \u00caấ \u00cbậ "
    "\u00ccè \u00ceẻ \u00cfẽ \u00d0é \u00d1ẹ "
    "\u00d2ề \u00d3ể \u00d4ễ \u00d5ế \u00d6ệ "
    "\u00d7ì \u00d8ỉ \u00dcĩ \u00ddí \u00deị "
    "\u00dfò \u00e1ỏ \u00e2õ \u00e3ó \u00e4ọ "
    "\u00e5ồ \u00e6ổ \u00e7ỗ \u00e8ố \u00e9ộ "
    "\u00eaờ \u00ebở \u00ecỡ \u00edớ \u00eeợ "
    "\u00efù \u00f1ủ \u00f2ũ \u00f3ú \u00f4ụ "
    "\u00f5ừ \u00f6ử \u00f7ữ \u00f8ứ \u00f9ự "
    "\u00faỳ \u00fbỷ \u00fcỹ \u00fdý \u00feỵ"
)
TCVN3_TABLE: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}
_TCVN3_TRANSLATE = str.maketrans(TCVN3_TABLE)
# A PDF text layer in .VnTime gives U+2212 MINUS SIGN for the byte of "ư" (0xAD).
_TCVN3_PDF_MINUS = re.compile(r"(?<=[^\W\d_])\u2212|\u2212(?=[^\W\d_])")

# --- VNI (VNI-Windows): a base letter followed by a mark character.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
# lowercase mark character -> combining marks it stands for
_VNI_MARKS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRCUMFLEX, "á": _CIRCUMFLEX + _ACUTE, "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK, "ã": _CIRCUMFLEX + _TILDE, "ä": _CIRCUMFLEX + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE,
    "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}  # fmt: skip
_TONES = "ùøûõï"
# surface base letter -> (Unicode base letter, mark characters it takes)
_VNI_BASES = {
    "a": ("a", "ùøûõïâáàåãäêéèúüë"),
    "e": ("e", _TONES + "âáàåãä"),
    "o": ("o", _TONES + "âáàåãä"),
    "ô": ("ơ", _TONES),
    "u": ("u", _TONES),
    "ö": ("ư", _TONES),
    "y": ("y", _TONES),
    "i": ("i", "ùø"),
}
# letters VNI writes as one character of their own
_VNI_SINGLE = {"ñ": "đ", "ô": "ơ", "ö": "ư", "ò": "ị", "æ": "ỉ", "ó": "ĩ", "î": "ỵ"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower, upper in ((str.lower, False), (str.upper, True)):
        for surface, (letter, marks) in _VNI_BASES.items():
            for mark in marks:
                composed = unicodedata.normalize("NFC", letter + _VNI_MARKS[mark])
                table[lower(surface + mark)] = composed.upper() if upper else composed
        for surface, letter in _VNI_SINGLE.items():
            table[lower(surface)] = letter.upper() if upper else letter
    return table


VNI_TABLE = _vni_table()
_VNI_PATTERN = re.compile(
    "|".join(re.escape(key) for key in sorted(VNI_TABLE, key=len, reverse=True))
)


def to_unicode(text: str, encoding: str) -> str:
    """Convert ``text`` read as Latin-1/Windows-1252 from ``encoding`` to Unicode NFC."""
    if encoding == TCVN3:
        text = _TCVN3_PDF_MINUS.sub("\u00ad", text).translate(_TCVN3_TRANSLATE)
    elif encoding == VNI:
        text = _VNI_PATTERN.sub(lambda match: VNI_TABLE[match.group()], text)
    else:
        raise ValueError(encoding)
    return unicodedata.normalize("NFC", text)


# --- Scoring: how much of a text reads as Vietnamese syllables.

_TONE_MARKS = frozenset((_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT))
# A word, roughly: a run of anything but spaces, digits and ASCII punctuation.
_WORD = re.compile(r"[^\s0-9!-/:-@\[-`{-~\u2010-\u2027]+")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_VIETNAMESE_ONLY = re.compile(r"[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
_LATIN1_UPPER = re.compile(r"[\u00a0-\u00ff]")


def is_syllable(word: str) -> bool:
    """Whether ``word`` (NFC) is spelled like one Vietnamese syllable."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for char in decomposed if char in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if char not in _TONE_MARKS)
    )
    return _SYLLABLE.fullmatch(bare) is not None


def has_unicode_letters(text: str) -> bool:
    """Whether ``text`` holds a Vietnamese letter no 8-bit encoding writes as Latin-1."""
    return _VIETNAMESE_ONLY.search(text) is not None


def vietnamese_score(text: str) -> int:
    """Words with a non-ASCII character that read as a syllable, minus those that do not."""
    score = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        score += 1 if is_syllable(word) else -1
    return score


# --- Detection.

_SAMPLE_CHARS = 200_000


def _legacy_lines(text: str) -> list[str]:
    """Lines that could be legacy text: Latin-1 letters, nothing only Unicode can write."""
    return [
        line
        for line in text.splitlines()
        if _LATIN1_UPPER.search(line) and not _VIETNAMESE_ONLY.search(line)
    ]


def detect(text: str) -> str | None:
    """Name the legacy encoding ``text`` (read as Latin-1/Windows-1252) is in, or None."""
    sample = "\n".join(_legacy_lines(text[:_SAMPLE_CHARS]))
    if not sample:
        return None
    base = vietnamese_score(sample)
    scores = {name: vietnamese_score(to_unicode(sample, name)) for name in (TCVN3, VNI)}
    best = max(scores, key=lambda name: scores[name])
    words = sum(1 for match in _WORD.finditer(sample) if not match.group().isascii())
    if scores[best] - base < max(2, words // 5):
        return None
    return best


def convert(text: str) -> tuple[str, str | None]:
    """Return ``text`` with its legacy-encoded lines converted, and the encoding found.

    Only lines that the conversion improves are converted, so Unicode paragraphs
    mixed into a legacy document stay as they are.
    """
    encoding = detect(text)
    if encoding is None:
        return text, None
    lines = [convert_line(line, encoding) for line in text.split("\n")]
    return "\n".join(lines), encoding


def convert_line(line: str, encoding: str) -> str:
    """Convert one line (or table cell) if that makes more of it read as Vietnamese."""
    if not _LATIN1_UPPER.search(line) or _VIETNAMESE_ONLY.search(line):
        return line
    converted = to_unicode(line, encoding)
    return converted if vietnamese_score(converted) > vietnamese_score(line) else line
