"""What the parser returns: plain dataclasses, no Django.

``ParseResult.to_dict()`` gives the JSON object documented in docs/parsing.md and
issue "Read plan documents". Every extracted item keeps ``line`` (1-based, in the
extracted text) and ``text`` (the source sentence exactly as it stands).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Comparator = Literal[">=", ">", "<=", "<", "=", "~", "between"]
Level = Literal["national", "ministry", "province", "district", "commune", "other"]


@dataclass
class Reference:
    number: str
    date: str | None = None  # ISO yyyy-mm-dd
    issuer: str = ""
    line: int = 0


@dataclass
class DocumentMeta:
    title: str = ""
    number: str = ""
    date: str | None = None  # ISO yyyy-mm-dd
    place: str = ""
    issuer: str = ""
    level: Level = "other"
    references: list[Reference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Target:
    indicator: str
    comparator: Comparator
    value: float
    value_max: float | None = None
    unit: str = ""
    year: int | None = None
    per_year: bool = False
    category: str = ""
    section: str = ""
    line: int = 0
    text: str = ""


@dataclass
class Actual:
    indicator: str
    value: float
    unit: str = ""
    numerator: float | None = None
    denominator: float | None = None
    as_of: str | None = None  # ISO date when the text says one
    line: int = 0
    text: str = ""


@dataclass
class Task:
    title: str
    section: str = ""
    lead: str = ""
    coordinating: list[str] = field(default_factory=list)
    deadline: str | None = None  # ISO date (last day of the month/quarter/year named)
    recurring: bool = False
    product: str = ""
    line: int = 0
    text: str = ""


@dataclass
class UnitDuty:
    name: str
    duties: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class Section:
    number: str
    title: str
    line: int
    parent: str | None = None


@dataclass
class ParseResult:
    document: DocumentMeta = field(default_factory=DocumentMeta)
    targets: list[Target] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    units: list[UnitDuty] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Table:
    """A table found in the source (a .docx table, say), as rows of cell texts.

    ``line`` is the 1-based line of the extracted text where the table's first row
    stands: readers write each row into the text as one line, cells joined by
    " | ", so every item taken from a table can still point at a line.
    """

    rows: list[list[str]]
    line: int
