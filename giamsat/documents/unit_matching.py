"""Unit matching: which unit of the tree a body named in a plan is.

Pure functions on plain values. Plans name bodies the short way: "UBND huyện",
"HĐND huyện", "Ban Tuyên giáo và Dân vận TU". A name is folded, its abbreviations
spelled out (:data:`ABBREVIATIONS`), and, when it ends on a bare level word ("…
huyện", "… Huyện ủy") that in the plan means *this* district, completed with the
issuing unit's place name ("Ủy ban nhân dân huyện" in Tam Đường's plan is "Ủy ban
nhân dân huyện Tam Đường"). It is then compared with each candidate unit's name and
short name (rapidfuzz's token-sort ratio: word order does not matter, extra words cost). Candidates near the
issuing unit in the tree (itself, its parent, children and siblings) win ties.

The service passes only the units under the issuing unit's province. A name whose
best score is below :data:`MATCH_AT` is proposed as a new child of the issuing unit,
with a kind guessed from its words (:func:`guess_kind`).
"""

from dataclasses import dataclass

from rapidfuzz import fuzz

from giamsat.documents.folding import fold

MATCH_AT = 0.9
NEARBY_BONUS = 0.02

ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "ubmt": "uy ban mat tran",
    "ubkt": "uy ban kiem tra",
    "bch": "ban chap hanh",
    "btv": "ban thuong vu",
    "bcd": "ban chi dao",
    "tu": "tinh uy",
    "hu": "huyen uy",
    "vptu": "van phong tinh uy",
    "vphu": "van phong huyen uy",
    "ct": "chinh tri",
    "xh": "xa hoi",
    "khcn": "khoa hoc va cong nghe",
    "cand": "cong an nhan dan",
    "vn": "viet nam",
    "tnhcm": "thanh nien ho chi minh",
    "tncs": "thanh nien cong san",
}
# Words that end a name and, without a place name after them, mean the issuer's place.
_LEVEL_ENDINGS = ("huyen uy", "tinh uy", "dang uy", "thanh uy", "huyen", "tinh", "xa", "phuong", "thanh pho")
# Words of institutions, not of places: what is left of an issuer's name without
# them is its place name ("Ban Thường vụ Huyện ủy Vĩnh Thuận" → "vinh thuan").
_INSTITUTION_WORDS = frozenset(
    ["ban", "thuong", "vu", "truc", "chap", "hanh", "dang", "bo", "uy", "huyen", "tinh", "xa", "phuong", "thanh", "pho", "thi", "tran", "nhan", "dan", "hoi", "dong", "mat", "to", "quoc", "viet", "nam", "chinh", "tri", "hoi", "quyen", "chi", "cong", "tac"]
)

# The first rule whose words the name starts with, else the first whose words it contains.
_KIND_PREFIXES = [
    ("steering_committee", ("ban chi dao",)),
    ("party_committee", ("ban thuong vu", "ban chap hanh", "thuong truc")),
    ("agency", ("ban ", "van phong", "uy ban kiem tra", "so ", "phong ", "trung tam", "cong an")),
]
_KIND_WORDS = [
    ("peoples_committee", ("uy ban nhan dan",)),
    ("peoples_council", ("hoi dong nhan dan",)),
    ("fatherland_front", ("mat tran",)),
    ("steering_committee", ("ban chi dao",)),
    (
        "mass_organisation",
        ("doan thanh nien", "hoi lien hiep phu nu", "hoi phu nu", "hoi nong dan", "cong doan", "cuu chien binh"),
    ),
    ("party_committee", ("dang uy", "huyen uy", "tinh uy", "thanh uy", "chi bo", "dang bo", "cap uy")),
]


@dataclass(frozen=True)
class UnitEntry:
    """A unit of the tree as the matcher sees it; ``path`` is its materialised path."""

    id: int
    name: str
    short_name: str = ""
    path: str = ""


@dataclass(frozen=True)
class UnitCandidate:
    id: int
    name: str
    score: float

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "score": self.score}


def expand(name: str) -> str:
    """Folded, with abbreviations spelled out: "UBND huyện" → "uy ban nhan dan huyen"."""
    words = fold(name.replace("&", " và ")).split()
    return " ".join(ABBREVIATIONS.get(w, w) for w in words)


def place_of(issuer_name: str) -> str:
    """The place words of an issuing unit's name, folded."""
    return " ".join(w for w in expand(issuer_name).split() if w not in _INSTITUTION_WORDS)


def qualify(name: str, issuer_name: str) -> str:
    """The expanded name, completed with the issuer's place when it ends on a bare
    level word that the issuer's name also has ("huyện" in a district's plan)."""
    expanded = expand(name)
    issuer_words = set(expand(issuer_name).split())
    place = place_of(issuer_name)
    for ending in _LEVEL_ENDINGS:
        if (expanded == ending or expanded.endswith(" " + ending)) and ending.split()[0] in issuer_words:
            return f"{expanded} {place}".strip()
    return expanded


def _similarity(left: str, right: str) -> float:
    if not left or not right:
        return 0.0
    return fuzz.token_sort_ratio(left, right) / 100


def _nearby(candidate: UnitEntry, issuer: UnitEntry) -> bool:
    """The issuer itself, its parent, its children or its siblings."""
    if not candidate.path or not issuer.path:
        return False
    issuer_parent = issuer.path[: issuer.path.rstrip(".").rfind(".") + 1]
    candidate_parent = candidate.path[: candidate.path.rstrip(".").rfind(".") + 1]
    return (
        candidate.path == issuer.path
        or candidate.path == issuer_parent
        or candidate_parent == issuer.path
        or candidate_parent == issuer_parent
    )


def match(name: str, units: list[UnitEntry], issuer: UnitEntry, limit: int = 3) -> list[UnitCandidate]:
    """The ``limit`` units most likely meant by ``name`` in a plan of ``issuer``, best first."""
    wanted = {expand(name), qualify(name, issuer.name)}
    scored = []
    for unit in units:
        names = {expand(unit.name), expand(unit.short_name)} - {""}
        best = max((_similarity(w, n) for w in wanted for n in names), default=0.0)
        if best and _nearby(unit, issuer):
            best = min(1.0, best + NEARBY_BONUS)
        scored.append(UnitCandidate(unit.id, unit.name, round(best, 3)))
    scored.sort(key=lambda c: (-c.score, c.name))
    return scored[:limit]


def best_match(candidates: list[UnitCandidate], threshold: float = MATCH_AT) -> UnitCandidate | None:
    if candidates and candidates[0].score >= threshold:
        return candidates[0]
    return None


def guess_kind(name: str) -> str:
    """A ``UnitKind`` value for a body to be created from its name."""
    expanded = expand(name)
    for kind, prefixes in _KIND_PREFIXES:
        if any(f"{expanded} ".startswith(p) for p in prefixes):
            return kind
    words = f" {expanded} "
    for kind, markers in _KIND_WORDS:
        if any(f" {m.strip()} " in words for m in markers):
            return kind
    return "other"
