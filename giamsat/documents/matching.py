"""Indicator mapping: the catalog indicators a plan's target most likely measures.

Pure functions on plain values. A target ("tỷ lệ phủ sóng 5G trên địa bàn ≥ 60 %")
is compared with each catalog indicator on three things, each scored 0..1:

- the **name**, folded (no diacritics, case or punctuation) and stripped of words
  that say nothing about what is measured ("tỷ lệ", "có", "trên địa bàn", ...): the
  mean of (a) the overlap of their words and word pairs, each weighted by how rare it
  is in the catalog, and (b) rapidfuzz's token-set and token-sort ratios, which
  forgive OCR damage. Tokens that carry a digit ("5g", "6g", "4g") name different
  things: when both names have some and none are shared, the name score is halved;
- the **unit of measure**: same family (percent, share of GDP/GRDP, rank, index,
  per-head ratio, or a count of the same noun) 1, two kinds of percent 0.5, else 0;
- the **category** (the group heading the target stood under against the catalog
  group), as a token-set ratio.

The score is ``0.8 name + 0.15 unit + 0.05 category``; the best three are offered
and the first is preselected when it reaches :data:`PRESELECT_AT`.
docs/decisions/0005-indicator-mapping.md says why these weights.
"""

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from giamsat.documents.folding import fold

PRESELECT_AT = 0.58
SHOWN = 3
WEIGHTS = {"name": 0.8, "unit": 0.15, "category": 0.05}

# Folded phrases removed before comparing names: they frame a figure, they do not
# say what it measures. Longest first, so "tren dia ban tinh" goes before "tren".
_NOISE = sorted(
    [
        "ty le", "ti trong", "ty trong", "so luong", "phan dau", "dat muc", "dat", "co tu", "tro len", "toi thieu", "it nhat", "khoang", "tren dia ban tinh", "tren dia ban huyen",
        "tren dia ban xa", "tren dia ban", "toan tinh", "toan huyen", "toan xa", "cua tinh",
        "cua huyen", "cua xa", "dia phuong", "cap tinh", "cap huyen", "cap xa", "hang nam", "moi nam",
        "nam", "duoc", "cac", "cua", "va", "la", "trong", "tong so", "tren tong so",
    ],
    key=len,
    reverse=True,
)


_GENERATION = re.compile(r"\b(\d) g\b")  # OCR's "6 G" is "6G"


@dataclass(frozen=True)
class CatalogEntry:
    """One catalog indicator as the matcher sees it."""

    id: int
    code: str
    name: str
    unit: str = ""
    category: str = ""


@dataclass(frozen=True)
class Candidate:
    id: int
    code: str
    name: str
    score: float

    def as_dict(self) -> dict:
        return {"id": self.id, "code": self.code, "name": self.name, "score": self.score}


def core_words(name: str) -> str:
    """The folded name without framing words: what the indicator measures."""
    text = " " + _GENERATION.sub(r"\1g", fold(name)) + " "
    for phrase in _NOISE:
        text = text.replace(f" {phrase} ", " ")
        text = text.replace(f" {phrase} ", " ")  # overlapping occurrences
    return " ".join(text.split())


def _digit_tokens(words: str) -> set[str]:
    return {w for w in words.split() if any(c.isdigit() for c in w) and any(c.isalpha() for c in w)}


def grams(name: str) -> set[str]:
    """The words of a name's core and its word pairs ("chu_ky"), the units of overlap."""
    words = core_words(name).split()
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}


class Matcher:
    """Ranks catalog indicators for targets. Built once per catalog: word weights
    (inverse document frequency over the catalog's names) make a shared rare word
    ("5g", "chu_ky") count for more than a shared common one ("doanh", "nghiep")."""

    def __init__(self, catalog: list[CatalogEntry]):
        self.catalog = list(catalog)
        self._grams = {e.id: grams(e.name) for e in self.catalog}
        counts: dict[str, int] = {}
        for entry_grams in self._grams.values():
            for g in entry_grams:
                counts[g] = counts.get(g, 0) + 1
        self._counts = counts
        self._size = len(self.catalog)

    def _weight(self, gram: str) -> float:
        return (math.log((self._size + 1) / (self._counts.get(gram, 0) + 1)) + 1) ** 2

    def _overlap(self, left: set[str], right: set[str]) -> float:
        if not left or not right:
            return 0.0
        shared = sum(self._weight(g) for g in left & right)
        return shared / math.sqrt(sum(map(self._weight, left)) * sum(map(self._weight, right)))

    def name_score(self, indicator: str, entry: CatalogEntry) -> float:
        """Similarity 0..1 of a target's indicator text and a catalog name."""
        left, right = core_words(indicator), core_words(entry.name)
        if not left or not right:
            return 0.0
        overlap = self._overlap(grams(indicator), self._grams.get(entry.id) or grams(entry.name))
        fuzzy = (fuzz.token_set_ratio(left, right) + fuzz.token_sort_ratio(left, right)) / 200
        result = (overlap + fuzzy) / 2
        digits_left, digits_right = _digit_tokens(left), _digit_tokens(right)
        if digits_left and digits_right and not digits_left & digits_right:
            result /= 2
        return result

    def score(self, indicator: str, unit: str, category: str, entry: CatalogEntry) -> float:
        total = (
            WEIGHTS["name"] * self.name_score(indicator, entry)
            + WEIGHTS["unit"] * unit_score(unit, entry.unit)
            + WEIGHTS["category"] * category_score(category, entry.category)
        )
        return round(total, 3)

    def rank(self, indicator: str, unit: str = "", category: str = "", limit: int = SHOWN) -> list[Candidate]:
        """The ``limit`` best catalog indicators for a target, best first (ties by code)."""
        scored = [Candidate(e.id, e.code, e.name, self.score(indicator, unit, category, e)) for e in self.catalog]
        scored.sort(key=lambda c: (-c.score, c.code))
        return scored[:limit]


def unit_family(unit: str) -> str:
    """``"% GRDP"`` → ``"%gdp"``, ``"% dân số"`` → ``"%"``, ``"thứ hạng"`` → ``"rank"``,
    ``""`` → ``"index"``, ``"người/vạn dân"`` → ``"per:nguoi/van dan"``, ``"doanh nghiệp"`` →
    ``"count:doanh nghiep"``."""
    raw = (unit or "").strip()
    folded = fold(raw)
    if "%" in raw:
        if "gdp" in folded or "grdp" in folded:
            return "%gdp"
        if "/nam" in raw.replace(" ", "").replace("năm", "nam"):
            return "%/year"
        return "%"
    if not folded or folded == "chi so":
        return "index"
    if "hang" in folded.split() or folded == "thu bac":
        return "rank"
    if "/" in raw:
        return "per:" + "/".join(fold(part) for part in raw.split("/"))
    return "count:" + folded


def unit_score(a: str, b: str) -> float:
    fa, fb = unit_family(a), unit_family(b)
    if fa == fb:
        return 1.0
    if fa.startswith("%") and fb.startswith("%"):
        return 0.5
    if fa.startswith("count:") and fb.startswith("count:"):
        return 0.3
    return 0.0


def category_score(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(fold(a), fold(b)) / 100


def preselect(candidates: list[Candidate], threshold: float = PRESELECT_AT) -> Candidate | None:
    """The candidate to preselect: the best, when it reaches the threshold."""
    if candidates and candidates[0].score >= threshold:
        return candidates[0]
    return None
