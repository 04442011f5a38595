"""Vietnamese numerals: "." groups thousands, "," marks decimals.

"1,0" is 1.0, "0,60" is 0.6, "1.000" is 1000, "24.530" is 24530, "01" is 1 and
"1.000,5" is 1000.5. A dot followed by one or two digits ("2.5") can only be a
decimal point. Digits glued after a number's "%" or after a word are footnote
markers or parts of names ("90%1", "VNeID4", "BML10"); :func:`find_numbers`
flags them ``glued`` so callers can skip them.

Only ASCII digits count: ``[0-9]``, never ``\\d``, which would accept any script's
digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Order matters: thousands groups first, then a plain integer with an optional
# decimal comma, then a decimal point that cannot be a thousands separator.
# At most 15 significant digits, so every value is an exact, finite float.
NUMBER_RE = re.compile(
    r"(?<![0-9])(?<![0-9][.,])"
    r"(?:[0-9]{1,3}(?:\.[0-9]{3}){1,4}(?![0-9])(?:,[0-9]{1,3})?"
    r"|[0-9]{1,12},[0-9]{1,3}"
    r"|[0-9]{1,12}\.[0-9]{1,2}(?![0-9.])"
    r"|[0-9]{1,15})"
    r"(?![0-9])(?![.,][0-9])"
)
# A numeral's shape, to embed in other patterns; parse_number then says if it reads.
NUMERAL = r"[0-9](?:[0-9.,]*[0-9])?"


def numeral(not_after: str) -> str:
    """NUMERAL not preceded by any of the characters ``not_after`` (a class's body).

    The check comes after the first digit, not before it: a pattern that opens with a
    digit lets the regex engine skip to digits, one that opens with a look-behind
    makes it try every position.
    """
    return rf"[0-9](?<![{not_after}][0-9])(?:[0-9.,]*[0-9])?"


_DIGIT_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_GLUE_BEFORE = re.compile(r"[^\W_]|[%)\]'’]")


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    value: float
    glued: bool  # stuck to the word or sign before it: a marker, not a quantity


def parse_number(token: str) -> float | None:
    """Read one Vietnamese numeral; ``None`` when ``token`` is not one."""
    token = token.strip()
    match = NUMBER_RE.fullmatch(token)
    if not match:
        return None
    return _value(token)


def _value(token: str) -> float:
    if "," in token:
        whole, _, fraction = token.partition(",")
        return float(whole.replace(".", "") + "." + fraction)
    if "." in token:
        head, _, tail = token.rpartition(".")
        if len(tail) == 3:
            return float(token.replace(".", ""))
        return float(token)
    return float(token)


def find_numbers(text: str) -> list[NumberToken]:
    """Every numeral in ``text`` (folded or not), left to right."""
    tokens = []
    # A plain run of digits is found fast; the full pattern then reads it from its
    # start. No numeral starts inside a run: every position there follows a digit.
    for run in _DIGIT_RUN.finditer(text):
        match = NUMBER_RE.match(text, run.start())
        if match is None:
            continue
        start = match.start()
        glued = start > 0 and bool(_GLUE_BEFORE.match(text, start - 1))
        tokens.append(NumberToken(start, match.end(), _value(match.group()), glued))
    return tokens
