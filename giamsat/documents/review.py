"""What the review page shows of a draft: the text with its highlighted lines, and the items."""

from dataclasses import dataclass
from types import SimpleNamespace

from giamsat.documents import draft as drafts
from giamsat.documents.catalog import catalog_entries
from giamsat.documents.models import PlanImport

COLLECTION_CLASS = {"t": "target", "k": "task", "u": "unit"}


@dataclass
class Line:
    number: int
    text: str
    keys: list[str]

    @property
    def kinds(self) -> str:
        return " ".join(sorted({COLLECTION_CLASS.get(k[0], "") for k in self.keys}))


def lines(imp: PlanImport) -> list[Line]:
    marks = drafts.highlights(imp.draft)
    return [Line(n, text, marks.get(n, [])) for n, text in enumerate(imp.source_text.splitlines(), start=1)]


def panel(imp: PlanImport, parents) -> dict:
    """The right side of the review page: metadata, targets by year, tasks, bodies, warnings."""
    draft = imp.draft
    catalog = catalog_entries()
    labels = {e.id: f"{e.code} {e.name[:70]}" for e in catalog}

    def target(t: dict) -> SimpleNamespace:
        return SimpleNamespace(**t, candidate_ids={c["id"] for c in t["candidates"]},
                               chosen_label=labels.get(t.get("indicator_id"), ""))

    targets = [target(t) for t in draft["targets"]]
    return {
        "imp": imp,
        "document": draft["document"],
        "targets_by_year": [
            (year, [target(t) for t in items]) for year, items in drafts.group_by_year(draft["targets"])
        ],
        "target_count": len(targets),
        "mapped_count": sum(1 for t in targets if t.indicator_id or t.new_indicator),
        "tasks": [SimpleNamespace(**t) for t in draft["tasks"]],
        "units": draft["units"],
        "bodies": draft.get("bodies", []),
        "warnings": draft["document"].get("warnings", []),
        "catalog": catalog,
        "parents": parents,
        "chosen_parents": set(imp.implements.values_list("pk", flat=True)),
    }
