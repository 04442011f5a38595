"""The five seed plans: where their text is, who issued them, what they implement.

Each seed is parsed with ``giamsat.parsing.parse_text``. Until the parser can read
one, ``data/seed-fallback.json`` stands in: a few targets, tasks and the implementing
bodies of each seed, written by hand from the text (their line numbers are the seed
file's). The demo says which one it used.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from giamsat.parsing.schema import DocumentMeta, ParseResult, Reference, Target, Task, UnitDuty

SEEDS_DIR = Path(__file__).resolve().parents[1] / "parsing" / "tests" / "data" / "seeds"
FALLBACK_FILE = Path(__file__).resolve().parent / "data" / "seed-fallback.json"


@dataclass(frozen=True)
class Seed:
    key: str  # plan key in the demo context
    file: str
    issuing_unit: str  # unit code: the locality's code and the body's suffix
    implements: tuple[str, ...]  # plan keys

    @property
    def locality(self) -> str:
        """The code of the area whose bodies the plan's implementation section names."""
        return self.issuing_unit.rsplit("-", 1)[0]


SEEDS = [
    Seed("seed-003", "003_db305e15dcccf103.txt", "TINH-TIEN-GIANG-TU", ("57-NQ/TW",)),
    Seed("seed-000", "000_c48632b75c548174.txt", "HUYEN-VINH-THUAN-HU", ("82-NQ/TU",)),
    Seed("seed-001", "001_10e0a61cdfbb69b3.txt", "HUYEN-TAM-DUONG-HU", ("57-NQ/TW", "63-CTr/TU")),
    Seed("seed-002", "002_f43bb776ec76a141.txt", "VN-52-23677-DU", ("57-NQ/TW",)),
    Seed("seed-004", "004_19392b43ca0e2795.txt", "VN-31-10804-MTTQ", ("13-KH/ĐU",)),
]


def seed_text(seed: Seed) -> str:
    return (SEEDS_DIR / seed.file).read_text(encoding="utf-8")


def parser():
    """``giamsat.parsing.parse_text`` if the parser is there, else None."""
    try:
        from giamsat.parsing import parse_text
    except ImportError:
        return None
    return parse_text


def fallback_result(seed: Seed) -> ParseResult:
    data = json.loads(FALLBACK_FILE.read_text(encoding="utf-8"))[seed.file]
    doc = dict(data["document"])
    references = [Reference(**r) for r in doc.pop("references", [])]
    return ParseResult(
        document=DocumentMeta(**doc, references=references),
        targets=[Target(**t) for t in data["targets"]],
        tasks=[Task(**t) for t in data["tasks"]],
        units=[UnitDuty(**u) for u in data["units"]],
    )
