"""Fold text for keyword matching: lower-case ASCII, no diacritics, đ → d.

Folding is one character for one character, so a position found in the folded
text is the same position in the original and the parser can quote the original
exactly. The only exception is a combining mark (text typed in decomposed form),
which folds to nothing; :func:`fold_with_map` then says where each folded
character came from.

OCR damage is mostly wrong diacritics ("chuyến đối số", "Ke hoạch", "tô chức",
"Mồi năm"); without diacritics these read right. Dashes, quotes and odd spaces
fold to their plain ASCII forms. "≥" and "≤" are kept: they carry meaning.
"""

from __future__ import annotations

import unicodedata

_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _build_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {}
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha():
            table[code] = ord(base.lower())
    for char in "đĐðÐ":
        table[ord(char)] = ord("d")
    for code in range(0x0300, 0x0370):  # combining diacritical marks
        table[code] = None
    for char in _SPACES:
        table[ord(char)] = ord(" ")
    for char in _DASHES:
        table[ord(char)] = ord("-")
    for char in "\u2018\u2019\u201a\u201b\u00b4`":
        table[ord(char)] = ord("'")
    for char in "\u201c\u201d\u201e\u201f\u00ab\u00bb":
        table[ord(char)] = ord('"')
    table[0x2026] = ord(".")  # … (one character, so one dot)
    return table


_TABLE = _build_table()
# str.translate looks a list up faster than a dict; characters past its end stay as
# they are (the IndexError is a LookupError, which translate takes as "no change").
_LIST_TABLE: list[int | None] = list(range(max(_TABLE) + 1))
for _code, _target in _TABLE.items():
    _LIST_TABLE[_code] = _target


def fold(text: str) -> str:
    """``"Tỷ lệ PHỦ SÓNG 5G"`` → ``"ty le phu song 5g"``."""
    return text.translate(_LIST_TABLE)


def fold_with_map(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` and, when lengths differ, map each folded index to its source index.

    The map has one entry more than the folded text (its end maps to ``len(text)``).
    ``None`` means the fold kept every position.
    """
    folded = text.translate(_LIST_TABLE)
    if len(folded) == len(text):
        return folded, None
    index: list[int] = []
    for position, char in enumerate(text):
        if _TABLE.get(ord(char), 0) is not None:
            index.append(position)
    index.append(len(text))
    return folded, index


def words(*phrases: str) -> str:
    """A regex alternation of phrases that each start at a word boundary in folded text.

    ``\\b`` in front of an alternation keeps Python's regex engine from skipping
    ahead to the possible first letters, which made the parser's hot patterns
    several times slower; here each phrase starts with its literal first letter and
    checks the boundary just after it: ``m(?<![a-z0-9]m)oi`` for "moi". Phrases
    are regex text; each must start with a plain letter or digit.
    """
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        first, rest = phrase[0], phrase[1:]
        parts.append(f"{first}(?<![a-z0-9]{first}){rest}")
    return "(?:" + "|".join(parts) + ")"
