"""Word's automatic numbering, written out as the reader sees it.

A heading typed as "I. MỤC TIÊU" may be stored as "MỤC TIÊU" with a numbering
definition that prints "I.", and a bullet as text with a "-" drawn by Word. The
parser needs those numbers and bullets to find sections and items, so each
numbered paragraph gets its label back: counters per list and level, restarted
below a level that advances, formatted as the level says (decimal, Roman,
letters, bullets).
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLETS = "-+•–*o"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


def _letters(number: int) -> str:
    # Word: a..z, then aa..zz, then aaa..
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _format(number: int, style: str) -> str:
    if style == "upperRoman":
        return _roman(number)
    if style == "lowerRoman":
        return _roman(number).lower()
    if style == "upperLetter":
        return _letters(number).upper()
    if style == "lowerLetter":
        return _letters(number)
    if style == "decimalZero":
        return f"{number:02d}"
    if style == "none":
        return ""
    return str(number)


def _val(element, tag: str, default: str = "") -> str:
    child = element.find(f"{_W}{tag}") if element is not None else None
    return child.get(f"{_W}val", default) if child is not None else default


class Numbering:
    """Labels for the numbered paragraphs of one document, in document order."""

    def __init__(self, document):
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {node.get(f"{_W}abstractNumId"): node for node in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            definition = abstract.get(_val(num, "abstractNumId"))
            if definition is None:
                continue
            levels = {}
            for level in definition.iter(f"{_W}lvl"):
                start = _val(level, "start", "1")
                levels[int(level.get(f"{_W}ilvl", "0"))] = (
                    _val(level, "numFmt", "decimal"),
                    _val(level, "lvlText"),
                    int(start) if start.isdigit() else 1,
                )
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = _val(override, "startOverride")
                if ilvl in levels and start.isdigit():
                    style, text, _ = levels[ilvl]
                    levels[ilvl] = (style, text, int(start))
            self._levels[num.get(f"{_W}numId", "")] = levels

    def label(self, paragraph) -> str:
        """The number or bullet Word prints before ``paragraph``, or ""."""
        num_id, ilvl = _number_properties(paragraph)
        levels = self._levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * 10)
        style, text, start = levels[ilvl]
        if style == "bullet":
            return text if text in _BULLETS else "-"
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        for level, (level_style, _, level_start) in levels.items():
            placeholder = f"%{level + 1}"
            if placeholder in text:
                value = counters[level] or level_start
                text = text.replace(placeholder, _format(value, level_style))
        return text.strip()


def _number_properties(paragraph) -> tuple[str | None, int]:
    """numId and level from the paragraph, or else from its style."""
    for holder in (paragraph._p, _style_element(paragraph)):
        properties = holder.find(f"{_W}pPr") if holder is not None else None
        number = properties.find(f"{_W}numPr") if properties is not None else None
        if number is not None:
            num_id = _val(number, "numId") or None
            level = _val(number, "ilvl", "0")
            if num_id == "0":
                return None, 0  # numbering switched off for this paragraph
            return num_id, int(level) if level.isdigit() else 0
    return None, 0


def _style_element(paragraph):
    try:
        return paragraph.style.element
    except (AttributeError, KeyError):
        return None
