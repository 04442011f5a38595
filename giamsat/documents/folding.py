"""Names folded for comparison: no diacritics, no case, no punctuation.

Shared by indicator mapping, unit matching and alignment. OCR damage in the seed
plans mostly hits diacritics ("sổ" for "số", "tô chức" for "tổ chức"), so a name
folded to plain letters survives it; "tỉ lệ" and "tỷ lệ" are the same word.
"""

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^0-9a-z%]+")
_SPELLINGS = {"ti": "ty"}  # tỉ lệ / tỷ lệ


def fold(text: str) -> str:
    """``"Tỷ lệ Hồ sơ (VNeID)"`` → ``"ty le ho so vneid"``."""
    text = unicodedata.normalize("NFD", (text or "").replace("Đ", "d").replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").casefold()
    words = _PUNCTUATION.sub(" ", text).split()
    return " ".join(_SPELLINGS.get(w, w) for w in words)


def fold_words(text: str) -> list[str]:
    return fold(text).split()
