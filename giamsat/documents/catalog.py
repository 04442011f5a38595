"""The indicator catalog as the import sees it: entries to match, fields of a new indicator."""

from giamsat.documents.matching import CatalogEntry
from giamsat.kpi.models import Direction, Indicator
from giamsat.kpi.rules import classify


def catalog_entries() -> list[CatalogEntry]:
    """Every catalog indicator. The catalog is shared by all units (``kpi.services``
    reads it for any logged-in user); the import also runs as the system, from the
    command line, so it reads the table itself."""
    rows = Indicator.objects.order_by("code").values_list("pk", "code", "name", "unit_of_measure", "category")
    return [CatalogEntry(*row) for row in rows]


def next_code(prefix: str) -> str:
    taken = set(Indicator.objects.filter(code__startswith=prefix).values_list("code", flat=True))
    number = 1
    while f"{prefix}{number:03d}" in taken:
        number += 1
    return f"{prefix}{number:03d}"


def new_indicator_fields(target: dict, issuer) -> dict:
    """The fields of a catalog indicator created from a draft target of ``issuer``'s plan:
    its code is the issuer's code and a number ("HU-TD-001"), its kind follows its unit."""
    name = target["indicator"][:500]
    unit = (target.get("unit") or "")[:64]
    kind = classify(unit, name)
    direction = kind.direction
    if target.get("comparator") in ("<=", "<"):
        direction = Direction.LOWER
    return {
        "code": next_code(f"{issuer.code}-"), "name": name, "unit_of_measure": unit,
        "value_type": kind.value_type, "direction": direction, "aggregation": kind.aggregation,
        "temporality": "flow" if target.get("per_year") else kind.temporality,
        "category": (target.get("category") or "")[:100],
    }
