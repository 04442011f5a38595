"""The draft of an import: the parser's result as JSON, with proposals, as the reviewer edits it.

Pure functions on plain data (no ORM). A draft is the dict of
:meth:`ParseResult.to_dict` where every target, task and unit also has a ``key``
(stable while items are added and deleted) and:

- each target: ``candidates`` (the three best catalog indicators with their score),
  ``indicator_id`` (the one chosen, preselected above the threshold) and
  ``new_indicator`` (create a catalog indicator from this target on confirmation);
- ``bodies``: every body the plan names (implementation section, task leads and
  partners), each with ``candidates`` (units), ``choice`` ("unit", "new" or "none"),
  ``unit_id`` and ``kind`` (for a new unit).
"""

from dataclasses import fields
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from giamsat.documents import matching, unit_matching
from giamsat.documents.errors import DraftEditError
from giamsat.parsing import schema
from giamsat.plans.rules import COMPARATORS, parse_iso_date, target_problem

TARGET_FIELDS = ("indicator", "comparator", "value", "value_max", "unit", "year", "per_year", "category")
TASK_FIELDS = ("title", "lead", "deadline", "recurring", "product")
META_FIELDS = ("title", "number", "date", "place")
CHOICES = ("unit", "new", "none")


def build(result: dict, matcher: matching.Matcher, units: list[unit_matching.UnitEntry],
          issuer: unit_matching.UnitEntry) -> dict:
    """The first draft of a parse: keys, indicator candidates and unit proposals."""
    draft = dict(result)
    counter = 0
    for prefix, items in (("t", draft["targets"]), ("k", draft["tasks"]), ("u", draft["units"])):
        for item in items:
            counter += 1
            item["key"] = f"{prefix}{counter}"
    draft["next_key"] = counter + 1
    for target in draft["targets"]:
        propose_indicator(target, matcher)
    draft["bodies"] = []
    for name in body_names(draft):
        draft["bodies"].append(propose_unit(draft, name, units, issuer))
    return draft


def propose_indicator(target: dict, matcher: matching.Matcher) -> None:
    candidates = matcher.rank(target.get("indicator") or target.get("text", ""), target.get("unit", ""),
                              target.get("category", ""))
    chosen = matching.preselect(candidates)
    target["candidates"] = [c.as_dict() for c in candidates]
    target["indicator_id"] = chosen.id if chosen else None
    target["new_indicator"] = False


def body_names(draft: dict) -> list[str]:
    """Distinct names of bodies: the implementation section's, then leads and partners."""
    names: list[str] = []
    for unit in draft["units"]:
        names.append(unit["name"])
    for task in draft["tasks"]:
        names.append(task.get("lead") or "")
        names.extend(task.get("coordinating") or [])
    seen, result = set(), []
    for name in names:
        name = " ".join((name or "").split())
        if name and name not in seen:
            seen.add(name)
            result.append(name)
    return result


def propose_unit(draft: dict, name: str, units, issuer) -> dict:
    candidates = unit_matching.match(name, units, issuer)
    best = unit_matching.best_match(candidates)
    key = f"b{draft['next_key']}"
    draft["next_key"] += 1
    return {
        "key": key, "name": name, "candidates": [c.as_dict() for c in candidates],
        "choice": "unit" if best else "new", "unit_id": best.id if best else None,
        "kind": unit_matching.guess_kind(name),
    }


# --- finding and editing items ------------------------------------------------------

def find(draft: dict, collection: str, key: str) -> dict:
    for item in draft.get(collection, []):
        if item.get("key") == key:
            return item
    raise DraftEditError(_("Không còn mục này trong bản nháp; hãy tải lại trang."), location=key)


def _number(text, field: str, key: str) -> float | None:
    text = ("" if text is None else str(text)).strip().replace(" ", "")
    if not text:
        return None
    if "," in text:  # Vietnamese: 1.234,5
        text = text.replace(".", "").replace(",", ".")
    try:
        return float(Decimal(text))
    except InvalidOperation:
        raise DraftEditError(
            _("“{text}” không phải là số.").format(text=text), location=f"{key}.{field}"
        ) from None


def _year(text, key: str) -> int | None:
    text = ("" if text is None else str(text)).strip()
    if not text:
        return None
    if not text.isdigit():
        raise DraftEditError(_("Mốc năm “{text}” không phải là năm.").format(text=text), location=f"{key}.year")
    return int(text)


def edit_target(target: dict, data: dict) -> None:
    """Apply the fields of ``data`` that are given; raise DraftEditError on bad input."""
    key = target["key"]
    new = dict(target)
    if "indicator" in data:
        new["indicator"] = " ".join(str(data["indicator"]).split())
        if not new["indicator"]:
            raise DraftEditError(_("Tên chỉ tiêu không được để trống."), location=f"{key}.indicator")
    if "comparator" in data:
        if data["comparator"] not in COMPARATORS:
            raise DraftEditError(_("Phép so sánh không hợp lệ."), location=f"{key}.comparator")
        new["comparator"] = data["comparator"]
    for name in ("value", "value_max"):
        if name in data:
            new[name] = _number(data[name], name, key)
    if "year" in data:
        new["year"] = _year(data["year"], key)
    if "unit" in data:
        new["unit"] = str(data["unit"]).strip()
    if "category" in data:
        new["category"] = str(data["category"]).strip()
    if "per_year" in data:
        new["per_year"] = bool(data["per_year"]) and data["per_year"] not in ("0", "false", "off")
    if new["comparator"] != "between":
        new["value_max"] = None
    problem = target_problem(new["comparator"], new["value"], new["value_max"], new["year"])
    if problem:
        raise DraftEditError(problem[:1].upper() + problem[1:] + ".", location=key)
    target.update(new)


def choose_indicator(target: dict, choice: str, catalog_ids: set[int]) -> None:
    """``choice``: a catalog indicator id, "new" (create from the target) or "" (none)."""
    if choice == "new":
        target["indicator_id"], target["new_indicator"] = None, True
    elif not choice:
        target["indicator_id"], target["new_indicator"] = None, False
    else:
        try:
            indicator_id = int(choice)
        except ValueError:
            indicator_id = None
        if indicator_id not in catalog_ids:
            raise DraftEditError(_("Không có chỉ tiêu này trong danh mục."), location=f"{target['key']}.indicator_id")
        target["indicator_id"], target["new_indicator"] = indicator_id, False


def edit_task(task: dict, data: dict) -> None:
    key = task["key"]
    new = dict(task)
    if "title" in data:
        new["title"] = " ".join(str(data["title"]).split())
        if not new["title"]:
            raise DraftEditError(_("Nội dung nhiệm vụ không được để trống."), location=f"{key}.title")
    for name in ("lead", "product"):
        if name in data:
            new[name] = " ".join(str(data[name]).split())
    if "deadline" in data:
        text = str(data["deadline"] or "").strip() or None
        try:
            parse_iso_date(text)
        except ValueError as exc:
            raise DraftEditError(str(exc), location=f"{key}.deadline") from None
        new["deadline"] = text
    if "recurring" in data:
        new["recurring"] = bool(data["recurring"]) and data["recurring"] not in ("0", "false", "off")
    task.update(new)


def edit_meta(document: dict, data: dict) -> None:
    new = dict(document)
    for name in ("title", "number", "place"):
        if name in data:
            new[name] = " ".join(str(data[name]).split())
    if "date" in data:
        text = str(data["date"] or "").strip() or None
        try:
            parse_iso_date(text)
        except ValueError as exc:
            raise DraftEditError(str(exc), location="date") from None
        new["date"] = text
    if not new.get("title"):
        raise DraftEditError(_("Trích yếu không được để trống."), location="title")
    document.update(new)


def choose_body(body: dict, choice: str, unit_id, allowed_unit_ids: set[int]) -> None:
    if choice not in CHOICES:
        raise DraftEditError(_("Lựa chọn không hợp lệ."), location=f"{body['key']}.choice")
    if choice == "unit":
        try:
            unit_id = int(unit_id)
        except (TypeError, ValueError):
            unit_id = None
        if unit_id not in allowed_unit_ids:
            raise DraftEditError(_("Không có đơn vị này trong phạm vi của tỉnh."), location=f"{body['key']}.unit_id")
        body["unit_id"] = unit_id
    else:
        body["unit_id"] = None
    body["choice"] = choice


def delete(draft: dict, collection: str, key: str) -> dict:
    item = find(draft, collection, key)
    draft[collection] = [i for i in draft[collection] if i is not item]
    return item


def new_key(draft: dict, prefix: str) -> str:
    key = f"{prefix}{draft['next_key']}"
    draft["next_key"] += 1
    return key


def line_text(source_text: str, line: int) -> str:
    lines = source_text.splitlines()
    if not 1 <= line <= len(lines):
        raise DraftEditError(_("Văn bản không có dòng {line}.").format(line=line), location="line")
    return lines[line - 1].strip()


def add_target(draft: dict, source_text: str, line: int, data: dict, matcher: matching.Matcher) -> dict:
    text = line_text(source_text, line)
    target = {
        "key": new_key(draft, "t"), "indicator": "", "comparator": ">=", "value": None, "value_max": None,
        "unit": "", "year": None, "per_year": False, "category": "", "section": "", "line": line, "text": text,
    }
    edit_target(target, {"indicator": data.get("indicator") or text, **{k: v for k, v in data.items() if k != "indicator"}})
    propose_indicator(target, matcher)
    draft["targets"].append(target)
    draft["targets"].sort(key=lambda t: (t.get("line") or 0))
    return target


def add_task(draft: dict, source_text: str, line: int, data: dict) -> dict:
    text = line_text(source_text, line)
    task = {
        "key": new_key(draft, "k"), "title": text, "section": "", "lead": "", "coordinating": [],
        "deadline": None, "recurring": False, "product": "", "line": line, "text": text,
    }
    edit_task(task, data)
    draft["tasks"].append(task)
    draft["tasks"].sort(key=lambda t: (t.get("line") or 0))
    return task


# --- back to a ParseResult -------------------------------------------------------------

def _only(cls, data: dict) -> dict:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def to_result(draft: dict) -> schema.ParseResult:
    doc = dict(draft["document"])
    doc["references"] = [schema.Reference(**_only(schema.Reference, r)) for r in doc.get("references", [])]
    return schema.ParseResult(
        document=schema.DocumentMeta(**_only(schema.DocumentMeta, doc)),
        targets=[schema.Target(**_only(schema.Target, t)) for t in draft["targets"]],
        actuals=[schema.Actual(**_only(schema.Actual, a)) for a in draft.get("actuals", [])],
        tasks=[schema.Task(**_only(schema.Task, t)) for t in draft["tasks"]],
        units=[schema.UnitDuty(**_only(schema.UnitDuty, u)) for u in draft["units"]],
        sections=[schema.Section(**_only(schema.Section, s)) for s in draft.get("sections", [])],
    )


def group_by_year(targets: list[dict]) -> list[tuple[int | None, list[dict]]]:
    """Targets grouped by milestone year, years ascending, targets without a year last."""
    groups: dict[int | None, list[dict]] = {}
    for t in targets:
        groups.setdefault(t.get("year"), []).append(t)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or 0))


def highlights(draft: dict) -> dict[int, list[str]]:
    """For each line of the text, the keys of the items taken from it."""
    lines: dict[int, list[str]] = {}
    for collection in ("targets", "tasks", "units"):
        for item in draft.get(collection, []):
            if item.get("line"):
                lines.setdefault(item["line"], []).append(item["key"])
    return lines
