"""Use cases of importing a plan from its document: start, read once, review, confirm or cancel.

Every use case checks access through ``orgs.access`` (entering data for the issuing
unit), writes in one transaction and records an audit event. The draft lives in
:class:`~giamsat.documents.models.PlanImport` only: the catalog, the unit tree and
the plans are written by :func:`confirm_import`, all or nothing.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable

from django.core.files import File
from django.db import transaction
from django.db.models import F, ProtectedError
from django.utils.translation import gettext as _

from giamsat.audit.services import record
from giamsat.documents import draft as drafts
from giamsat.documents.catalog import catalog_entries, new_indicator_fields
from giamsat.documents.errors import ImportChanged, ImportNotFound, PlanImportError
from giamsat.documents.matching import Matcher
from giamsat.documents.models import DuplicateChoice, ImportStatus, PlanImport
from giamsat.documents.unit_matching import UnitEntry
from giamsat.kpi import services as kpi_services
from giamsat.kpi.models import Indicator
from giamsat.orgs import access
from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level, Unit
from giamsat.parsing import read_source
from giamsat.parsing.errors import ParseError
from giamsat.parsing.schema import ParseResult
from giamsat.plans import services as plan_services
from giamsat.plans.models import Plan, PlanStatus

log = logging.getLogger("giamsat.documents")


# --- reading ---------------------------------------------------------------------

def get_import(user, pk: int) -> PlanImport:
    """The import ``pk`` if ``user`` may enter data for its issuing unit."""
    imp = PlanImport.objects.select_related("issuing_unit", "duplicate_of").filter(pk=pk).first()
    if imp is None:
        raise ImportNotFound()
    if user is not None:
        access.require(user, access.Action.EDIT, imp.issuing_unit)
    return imp


def imports_for(user):
    """The imports not yet confirmed of the units ``user`` may enter data for."""
    return PlanImport.objects.filter(issuing_unit__in=access.units_for(user, access.Action.EDIT)).select_related(
        "issuing_unit"
    )


def issuing_units_for(user):
    return access.units_for(user, access.Action.EDIT).order_by("path")


def parent_plans_for(user):
    """The confirmed plans ``user`` may choose as the ones an import implements: those
    it may read, and those of the units above the units it enters data for (a commune
    implements its province's plan and 57-NQ/TW)."""
    above: set[int] = set()
    for path in access.units_for(user, access.Action.EDIT).values_list("path", flat=True):
        above.update(int(part) for part in path.split(".") if part)
    plans = plan_services.plans_for(user) | Plan.objects.filter(issuing_unit__in=above)
    return plans.filter(status=PlanStatus.CONFIRMED).select_related("issuing_unit").distinct()


def province_of(unit: Unit) -> Unit:
    """The province the unit lies in (itself for a province, the root for the nation)."""
    if unit.level in (Level.PROVINCE, Level.NATIONAL):
        return unit
    province = org_services.ancestors(unit).filter(level=Level.PROVINCE).last()
    return province or unit


def unit_entries(issuer: Unit) -> list[UnitEntry]:
    """The units a plan of ``issuer`` may name: those under its province."""
    units = org_services.subtree(province_of(issuer), include_predecessors=False).filter(valid_to__isnull=True)
    return [UnitEntry(u.pk, u.name, u.short_name, u.path) for u in units.only("pk", "name", "short_name", "path")]


def _entry(unit: Unit) -> UnitEntry:
    return UnitEntry(unit.pk, unit.name, unit.short_name, unit.path)


# --- starting and reading the document ----------------------------------------------

@transaction.atomic
def start_import(user, *, file, file_name: str, issuing_unit: Unit, implements: Iterable[Plan] = (),
                 via: str = "web") -> PlanImport:
    """Keep the uploaded file for reading; nothing is parsed yet (see :func:`read_import`)."""
    if user is not None:
        access.require(user, access.Action.EDIT, issuing_unit)
    parents = list(implements)
    if user is not None:
        visible = set(parent_plans_for(user).filter(pk__in=[p.pk for p in parents]).values_list("pk", flat=True))
        for parent in parents:
            if parent.pk not in visible:
                raise PlanImportError(_("Bạn không xem được kế hoạch “{plan}”.").format(plan=parent))
    imp = PlanImport(issuing_unit=issuing_unit, file_name=file_name[:255], created_by=user if user else None)
    imp.file.save(file_name, file, save=False)
    imp.save()
    imp.implements.set(parents)
    record(actor=user, action="create", obj=imp, after={"file": file_name, "issuing_unit": issuing_unit.pk,
                                                        "implements": [p.pk for p in parents]}, via=via)
    return imp


def parse_document(path: str, progress: Callable[[int, int], None] | None = None) -> tuple[str, ParseResult]:
    """The text of the file and its parse (``giamsat.parsing.parse_file`` does the same
    but does not return the text, which the review page shows)."""
    source = read_source(path, progress)
    from giamsat.parsing import parse_text  # loads the parser's rules only when needed

    result = parse_text(source.text, source.tables)
    result.document.warnings.extend(source.warnings)
    return source.text, result


def read_import(pk: int, *, progress: Callable[[int, int], None] | None = None) -> PlanImport:
    """Read and parse the import's file once; claim it first, so a second call does nothing.

    Runs outside any transaction (OCR takes a while); progress is written to the
    import as it goes, for the upload page to poll.
    """
    claimed = PlanImport.objects.filter(pk=pk, status=ImportStatus.QUEUED).update(status=ImportStatus.READING)
    imp = PlanImport.objects.select_related("issuing_unit").get(pk=pk)
    if not claimed:
        return imp

    def report(done: int, total: int) -> None:
        PlanImport.objects.filter(pk=pk).update(progress_done=done, progress_total=total)
        if progress:
            progress(done, total)

    try:
        text, result = parse_document(imp.file.path, report)
    except ParseError as exc:
        PlanImport.objects.filter(pk=pk).update(status=ImportStatus.FAILED, error=str(exc))
        imp.refresh_from_db()
        return imp
    except Exception:
        log.exception("Reading import %s failed", pk)
        PlanImport.objects.filter(pk=pk).update(
            status=ImportStatus.FAILED, error=_("Xin lỗi, đã có lỗi ngoài dự kiến khi đọc văn bản. Lỗi đã được ghi lại.")
        )
        imp.refresh_from_db()
        return imp
    draft = drafts.build(result.to_dict(), Matcher(catalog_entries()), unit_entries(imp.issuing_unit),
                         _entry(imp.issuing_unit))
    duplicate = plan_services.find_plan_by_text(text)
    PlanImport.objects.filter(pk=pk).update(
        status=ImportStatus.REVIEW, source_text=text, draft=draft,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), duplicate_of=duplicate,
        progress_done=F("progress_total"),
    )
    imp.refresh_from_db()
    return imp


# --- editing the draft -----------------------------------------------------------------

def _edit(user, pk: int, version: int | None, change: Callable[[PlanImport, dict], str], via: str) -> PlanImport:
    """Apply ``change`` to the draft under a row lock; it returns a description for the audit."""
    with transaction.atomic():
        imp = get_import(user, pk)
        imp = PlanImport.objects.select_for_update(of=("self",)).select_related("issuing_unit").get(pk=imp.pk)
        if imp.status != ImportStatus.REVIEW:
            raise PlanImportError(_("Văn bản chưa đọc xong hoặc không đọc được; chưa sửa được bản nháp."))
        if version is not None and version != imp.version:
            raise ImportChanged()
        draft = imp.draft
        what = change(imp, draft)
        rows = PlanImport.objects.filter(pk=imp.pk, version=imp.version).update(draft=draft, version=F("version") + 1)
        if rows != 1:
            raise ImportChanged()
        record(actor=user, action="update", obj=imp, after={"draft": what}, via=via)
    imp.refresh_from_db()
    return imp


def edit_target(user, pk: int, key: str, data: dict, *, version: int | None = None, via: str = "web") -> PlanImport:
    def change(imp, draft):
        drafts.edit_target(drafts.find(draft, "targets", key), data)
        return f"target {key}: {sorted(data)}"
    return _edit(user, pk, version, change, via)


def choose_indicator(user, pk: int, key: str, choice: str, *, version: int | None = None, via: str = "web") -> PlanImport:
    def change(imp, draft):
        ids = {e.id for e in catalog_entries()}
        drafts.choose_indicator(drafts.find(draft, "targets", key), choice, ids)
        return f"target {key}: indicator {choice or '-'}"
    return _edit(user, pk, version, change, via)


def indicator_id_for_code(code: str) -> str:
    """The catalog id of ``code`` as a choice for :func:`choose_indicator`."""
    for entry in catalog_entries():
        if entry.code.casefold() == code.casefold():
            return str(entry.id)
    raise PlanImportError(_("Không có chỉ tiêu mã “{code}” trong danh mục.").format(code=code), location="code")


def edit_task(user, pk: int, key: str, data: dict, *, version: int | None = None, via: str = "web") -> PlanImport:
    def change(imp, draft):
        drafts.edit_task(drafts.find(draft, "tasks", key), data)
        return f"task {key}: {sorted(data)}"
    return _edit(user, pk, version, change, via)


def edit_meta(user, pk: int, data: dict, *, version: int | None = None, via: str = "web") -> PlanImport:
    def change(imp, draft):
        drafts.edit_meta(draft["document"], data)
        return f"document: {sorted(data)}"
    return _edit(user, pk, version, change, via)


def choose_body(user, pk: int, key: str, choice: str, unit_id=None, *, version: int | None = None,
                via: str = "web") -> PlanImport:
    def change(imp, draft):
        allowed = {u.id for u in unit_entries(imp.issuing_unit)}
        drafts.choose_body(drafts.find(draft, "bodies", key), choice, unit_id, allowed)
        return f"body {key}: {choice} {unit_id or ''}".strip()
    return _edit(user, pk, version, change, via)


def delete_item(user, pk: int, collection: str, key: str, *, version: int | None = None, via: str = "web") -> PlanImport:
    if collection not in ("targets", "tasks", "units"):
        raise PlanImportError(_("Không xóa được mục này."))

    def change(imp, draft):
        item = drafts.delete(draft, collection, key)
        return f"delete {collection} {key} (line {item.get('line')})"
    return _edit(user, pk, version, change, via)


def add_item(user, pk: int, collection: str, line: int, data: dict, *, version: int | None = None,
             via: str = "web") -> PlanImport:
    """Add a target or a task taken from ``line`` of the document."""
    def change(imp, draft):
        if collection == "targets":
            item = drafts.add_target(draft, imp.source_text, line, data, Matcher(catalog_entries()))
        elif collection == "tasks":
            item = drafts.add_task(draft, imp.source_text, line, data)
        else:
            raise PlanImportError(_("Chỉ thêm được chỉ tiêu hoặc nhiệm vụ."))
        return f"add {collection} {item['key']} (line {line})"
    return _edit(user, pk, version, change, via)


@transaction.atomic
def set_parents(user, pk: int, parents: Iterable[Plan], *, via: str = "web") -> PlanImport:
    imp = get_import(user, pk)
    parents = list(parents)
    visible = set(parent_plans_for(user).filter(pk__in=[p.pk for p in parents]).values_list("pk", flat=True)) \
        if user is not None else {p.pk for p in parents}
    if any(p.pk not in visible for p in parents):
        raise PlanImportError(_("Có kế hoạch cấp trên bạn không xem được."))
    before = sorted(imp.implements.values_list("pk", flat=True))
    imp.implements.set(parents)
    record(actor=user, action="update", obj=imp, before={"implements": before},
           after={"implements": sorted(p.pk for p in parents)}, via=via)
    return imp


@transaction.atomic
def decide_duplicate(user, pk: int, choice: str, *, via: str = "web") -> PlanImport:
    imp = get_import(user, pk)
    if choice not in (DuplicateChoice.REPLACE, DuplicateChoice.KEEP):
        raise PlanImportError(_("Hãy chọn thay thế kế hoạch đã có hoặc giữ kế hoạch đã có."))
    imp.on_duplicate = choice
    imp.save(update_fields=["on_duplicate"])
    record(actor=user, action="update", obj=imp, after={"on_duplicate": choice}, via=via)
    return imp


# --- cancelling and confirming ----------------------------------------------------------

def _drop(imp: PlanImport) -> None:
    """Delete the import and, once committed, its file."""
    storage, name = imp.file.storage, imp.file.name
    imp.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def cancel_import(user, pk: int, *, via: str = "web") -> None:
    imp = get_import(user, pk)
    record(actor=user, action="delete", obj=imp, before={"file": imp.file_name, "status": imp.status}, via=via)
    _drop(imp)


def _indicators(user, imp: PlanImport, draft: dict, via: str) -> dict[int, Indicator]:
    """Each target's catalog indicator, creating those the reviewer asked for."""
    chosen_ids = {t["indicator_id"] for t in draft["targets"] if t.get("indicator_id")}
    existing = {i.pk: i for i in Indicator.objects.filter(pk__in=chosen_ids)}
    mapping: dict[int, Indicator] = {}
    for index, target in enumerate(draft["targets"]):
        if target.get("new_indicator"):
            fields = new_indicator_fields(target, imp.issuing_unit)
            mapping[index] = kpi_services.create_indicator(actor=user, via=via, **fields)
        elif target.get("indicator_id"):
            indicator = existing.get(target["indicator_id"])
            if indicator is None:
                raise PlanImportError(
                    _("Chỉ tiêu đã chọn cho “{name}” không còn trong danh mục; hãy chọn lại.").format(
                        name=target["indicator"]
                    ), location=_("dòng {line}").format(line=target.get("line")),
                )
            mapping[index] = indicator
    return mapping


def _units(user, imp: PlanImport, draft: dict, via: str) -> dict[str, Unit]:
    """Each body's unit, creating the new children of the issuing unit asked for."""
    chosen_ids = {b["unit_id"] for b in draft.get("bodies", []) if b["choice"] == "unit"}
    existing = {u.pk: u for u in Unit.objects.filter(pk__in=chosen_ids)}
    issuer = imp.issuing_unit
    mapping: dict[str, Unit] = {}
    taken_codes = set(Unit.objects.filter(code__startswith=f"{issuer.code}-").values_list("code", flat=True))
    number = 0
    for body in draft.get("bodies", []):
        if body["choice"] == "unit" and body["unit_id"] in existing:
            mapping[body["name"]] = existing[body["unit_id"]]
        elif body["choice"] == "new":
            number += 1
            while f"{issuer.code}-{number:02d}" in taken_codes:
                number += 1
            mapping[body["name"]] = org_services.create_unit(
                actor=user, via=via, parent=issuer, code=f"{issuer.code}-{number:02d}",
                name=body["name"][:255], kind=body.get("kind") or "other", level=issuer.level,
            )
    return mapping


def _replace(user, old: Plan, new: Plan, via: str) -> None:
    """Move the cascade from ``old`` to ``new`` and delete ``old``."""
    for child in list(old.implemented_by.all()):
        child.implements.add(new)
    record(actor=user, action="delete", obj=old, before={"number": old.number, "title": old.title,
                                                         "replaced_by": new.pk}, via=via)
    try:
        with transaction.atomic():
            old.delete()
    except ProtectedError:
        raise PlanImportError(
            _("Không thay thế được kế hoạch “{plan}”: đã có báo cáo gắn với nhiệm vụ của nó. "
              "Hãy chọn giữ kế hoạch đã có.").format(plan=old)
        ) from None


def confirm_import(user, pk: int, *, version: int | None = None, via: str = "web") -> Plan:
    """Create the plan from the reviewed draft, all or nothing, and delete the import.

    With a duplicate and "keep", nothing is created: the import is dropped and the
    plan already there is returned.
    """
    with transaction.atomic():
        imp = get_import(user, pk)
        imp = PlanImport.objects.select_for_update(of=("self",)).select_related("issuing_unit", "duplicate_of").get(pk=imp.pk)
        if imp.status != ImportStatus.REVIEW:
            raise PlanImportError(_("Văn bản chưa đọc xong hoặc không đọc được; chưa xác nhận được."))
        if version is not None and version != imp.version:
            raise ImportChanged()
        duplicate = imp.duplicate_of
        if duplicate is not None and not imp.on_duplicate:
            raise PlanImportError(
                _("Văn bản này đã được nhập thành kế hoạch “{plan}”. Hãy chọn thay thế hoặc giữ kế hoạch đã có.").format(
                    plan=duplicate
                )
            )
        if duplicate is not None and imp.on_duplicate == DuplicateChoice.KEEP:
            record(actor=user, action="delete", obj=imp, before={"file": imp.file_name}, reason="duplicate kept", via=via)
            _drop(imp)
            return duplicate
        draft = imp.draft
        if not draft["targets"] and not draft["tasks"]:
            raise PlanImportError(_(
                "Văn bản không có chỉ tiêu hay nhiệm vụ nào. Hãy thêm chỉ tiêu hoặc nhiệm vụ từ văn bản, "
                "hoặc hủy lần nhập nếu đây không phải là một kế hoạch."
            ))
        indicators = _indicators(user, imp, draft, via)
        units = _units(user, imp, draft, via)
        with imp.file.open("rb") as handle:
            plan = plan_services.create_plan_from_parse(
                drafts.to_result(draft), issuing_unit=imp.issuing_unit, implements=list(imp.implements.all()),
                actor=user, source_text=imp.source_text, source_file=File(handle, name=imp.file_name),
                indicators=indicators, units=units, via=via,
            )
        if duplicate is not None and imp.on_duplicate == DuplicateChoice.REPLACE:
            _replace(user, duplicate, plan, via)
        record(actor=user, action="confirm", obj=imp, after={"plan": plan.pk}, via=via)
        _drop(imp)
    return plan
