"""Use cases of periodic reporting: read a report, save its values, move it through the workflow.

Every path (web form, Excel upload, bulk API) ends in :func:`save_report` or
:func:`act`. Both check access through ``orgs.access``, validate everything before
writing, write in one transaction with a conditional UPDATE on the submission's
``version``, and record one audit event for the whole change.

The write path is built for a national monthly round (3,400 units × 150 values): per
call one query loads the existing values, one upsert writes the changed ones and one
audit event lists them (see docs/performance-reporting.md).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from giamsat.audit.services import record
from giamsat.orgs import access
from giamsat.orgs.models import Unit
from giamsat.reporting import rules, validation
from giamsat.reporting.errors import (
    FieldError,
    PeriodLockedError,
    PeriodNotFoundError,
    ReasonRequiredError,
    ReportInvalidError,
    SubmissionNotFoundError,
    UnitNotFoundError,
    VersionConflictError,
    WorkflowError,
)
from giamsat.reporting.history import history_for
from giamsat.reporting.models import (
    Correction,
    ReportingPeriod,
    Submission,
    SubmissionStatus,
    Value,
)
from giamsat.reporting.requirements import Requirement, required_indicators
from giamsat.reporting.tasks import (
    RawTask,
    check_tasks,
    discard_evidence,
    store_evidence,
    write_task_updates,
)

NARRATIVE_FIELDS = ("results", "difficulties", "recommendations", "next_plans")
MAX_NARRATIVE = 20000
UPSERT_CHUNK = 500
VALUE_FIELDS = ("value", "numerator", "denominator", "note", "outlier_confirmed")


def _default_where(part: str) -> str:
    return part


@dataclass
class RawEntry:
    """One value as a path received it: numbers may still be text typed the Vietnamese way."""

    indicator: int | str  # catalog id (web form) or code (Excel, API)
    value: object = None
    numerator: object = None
    denominator: object = None
    note: str = ""
    confirm_outlier: bool = False
    where: Callable[[str], str] = _default_where


@dataclass
class SaveResult:
    submission: Submission
    changed: int
    warnings: list[FieldError] = field(default_factory=list)
    checked: dict[int, validation.Checked] = field(default_factory=dict)


# --- Lookups ---------------------------------------------------------------------------


def find_unit(code: str, location: str = "unit") -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise UnitNotFoundError(code, location)
    return unit


def find_period(code: str, location: str = "period") -> ReportingPeriod:
    parsed = rules.parse_period_code(code)
    period = ReportingPeriod.objects.filter(kind=parsed[0], year=parsed[1], number=parsed[2]).first() if parsed else None
    if period is None:
        raise PeriodNotFoundError(code, location)
    return period


def submission_of(unit: Unit, period: ReportingPeriod) -> Submission | None:
    return Submission.objects.filter(unit=unit, period=period).first()


def permissions_on(user, unit: Unit) -> set[str]:
    return {a for a in (access.Action.EDIT, access.Action.APPROVE) if access.can(user, a, unit)}


def allowed_actions(user, submission: Submission | None, period: ReportingPeriod, unit: Unit) -> list[str]:
    state = submission.status if submission else rules.DRAFT
    return rules.actions_allowed(state, permissions_on(user, unit), period.locked)


# --- Saving values -----------------------------------------------------------------------


def _resolve(raw: RawEntry, requirements: dict[int, Requirement], by_code: dict[str, Requirement], unit: Unit, period) -> Requirement | FieldError:
    req = by_code.get(raw.indicator) if isinstance(raw.indicator, str) else requirements.get(raw.indicator)
    if req is not None:
        return req
    return FieldError(raw.where(validation.INDICATOR), _(
        "Chỉ tiêu “{indicator}” không nằm trong danh sách “{unit}” phải báo cáo kỳ {period}."
    ).format(indicator=raw.indicator, unit=unit.name, period=period.label))


def _parse(raw: RawEntry, spec, errors: list[FieldError]) -> validation.Entry | None:
    entry = validation.Entry(spec.id, note=(raw.note or "").strip(), confirm_outlier=bool(raw.confirm_outlier))
    ok = True
    for part in (validation.VALUE, validation.NUMERATOR, validation.DENOMINATOR):
        try:
            setattr(entry, part, validation.parse_number(getattr(raw, part)))
        except validation.NumberError as exc:
            labels = {validation.VALUE: _("Giá trị"), validation.NUMERATOR: _("Tử số"), validation.DENOMINATOR: _("Mẫu số")}
            errors.append(FieldError(raw.where(part), _("{label} của “{name}”: {problem}").format(label=labels[part], name=spec.name, problem=exc)))
            ok = False
    return entry if ok else None


def check_entries(raws: list[RawEntry], requirements: dict[int, Requirement], history: dict[int, list[Decimal]], unit: Unit, period) -> tuple[dict[int, validation.Checked], list[FieldError], list[FieldError]]:
    """Parse and check every entry; returns checked values by indicator id, errors, warnings."""
    by_code = {r.spec.code: r for r in requirements.values()}
    checked: dict[int, validation.Checked] = {}
    seen: dict[int, RawEntry] = {}
    errors: list[FieldError] = []
    warnings: list[FieldError] = []
    for raw in raws:
        req = _resolve(raw, requirements, by_code, unit, period)
        if isinstance(req, FieldError):
            errors.append(req)
            continue
        spec = req.spec
        if spec.id in seen:
            errors.append(FieldError(raw.where(validation.INDICATOR), _("Chỉ tiêu “{name}” xuất hiện hai lần (đã có ở {first}).").format(name=spec.name, first=seen[spec.id].where(validation.INDICATOR))))
            continue
        seen[spec.id] = raw
        entry = _parse(raw, spec, errors)
        if entry is None:
            continue
        result = validation.check_entry(spec, entry, history.get(spec.id, []))
        checked[spec.id] = result
        for problem in result.problems:
            (warnings if problem.warning else errors).append(FieldError(raw.where(problem.part), problem.message))
    return checked, errors, warnings


def _check_narrative(narrative: dict | None, where: Callable[[str], str]) -> list[FieldError]:
    errors = []
    for name, text in (narrative or {}).items():
        if name not in NARRATIVE_FIELDS:
            errors.append(FieldError(where(name), _("Không có phần thuyết minh “{name}”.").format(name=name)))
        elif text is not None and len(text) > MAX_NARRATIVE:
            errors.append(FieldError(where(name), _("Phần “{label}” dài quá {limit} ký tự.").format(label=Submission._meta.get_field(name).verbose_name, limit=validation.fmt(MAX_NARRATIVE))))
    return errors


def _require_open(period: ReportingPeriod) -> None:
    if period.locked:
        raise PeriodLockedError(period.label)


def _conflict(submission: Submission) -> VersionConflictError:
    who = str(submission.updated_by) if submission.updated_by_id else ""
    when = date_format(timezone.localtime(submission.updated_at), "d/m/Y H:i:s") if submission.updated_at else ""
    return VersionConflictError(who, when)


def _lock_submission(unit: Unit, period: ReportingPeriod, expected_version: int | None, actor, now) -> tuple[Submission, bool]:
    """The submission row, locked for this transaction; created when missing (version 0 = new)."""
    submission = Submission.objects.select_for_update().filter(unit=unit, period=period).first()
    if submission is None:
        if expected_version not in (None, 0):
            raise VersionConflictError()
        try:
            with transaction.atomic():
                submission = Submission.objects.create(unit=unit, period=period, updated_by=actor if actor and actor.pk else None)
        except IntegrityError:
            raise VersionConflictError() from None
        return submission, True
    if expected_version is not None and submission.version != expected_version:
        raise _conflict(submission)
    return submission, False


def _bump(submission: Submission, actor, now, **fields) -> None:
    """The conditional UPDATE on (id, version) that every write ends with."""
    updated = Submission.objects.filter(pk=submission.pk, version=submission.version).update(
        version=F("version") + 1, updated_at=now, updated_by=actor if actor and actor.pk else None, **fields,
    )
    if updated != 1:
        submission.refresh_from_db()
        raise _conflict(submission)
    submission.version += 1
    submission.updated_at = now
    for name, value in fields.items():
        setattr(submission, name, value)


def _plain(x):
    if isinstance(x, Decimal):
        x = x.normalize()
        return str(x.quantize(Decimal(1)) if x == x.to_integral() else x)
    return x


def _stored(value: Value) -> dict:
    return {name: _plain(getattr(value, name)) for name in VALUE_FIELDS}


def _upsert(rows: list[Value]) -> None:
    Value.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["submission", "indicator"], update_fields=list(VALUE_FIELDS),
    )


def _write_values(submission: Submission, checked: dict[int, validation.Checked], requirements, replace: bool) -> tuple[dict, dict]:
    """Upsert changed values, delete cleared ones; returns (before, after) keyed by indicator code."""
    existing = {v.indicator_id: v for v in Value.objects.filter(submission=submission)}
    before, after, rows, delete_ids = {}, {}, [], []
    for ind_id, result in checked.items():
        entry, code = result.entry, requirements[ind_id].spec.code
        old = existing.get(ind_id)
        if entry.is_blank:
            if old is not None:
                before[code], after[code] = _stored(old), None
                delete_ids.append(old.pk)
            continue
        new = Value(
            submission=submission, indicator_id=ind_id, value=result.value, numerator=entry.numerator,
            denominator=entry.denominator, note=entry.note, outlier_confirmed=result.outlier and entry.confirm_outlier,
        )
        new_data = _stored(new)
        if old is not None and _stored(old) == new_data:
            continue
        before[code] = _stored(old) if old is not None else None
        after[code] = new_data
        rows.append(new)
    if replace:
        for ind_id, old in existing.items():
            if ind_id not in checked:
                code = requirements[ind_id].spec.code if ind_id in requirements else str(ind_id)
                before[code], after[code] = _stored(old), None
                delete_ids.append(old.pk)
    for start in range(0, len(rows), UPSERT_CHUNK):
        _upsert(rows[start:start + UPSERT_CHUNK])
    if delete_ids:
        Value.objects.filter(pk__in=delete_ids).delete()
    return before, after


def save_report(
    actor, unit: Unit, period: ReportingPeriod, *, entries: list[RawEntry] = (), tasks: list[RawTask] = (),
    narrative: dict | None = None, expected_version: int | None = None, replace: bool = False,
    via: str = "web", where: Callable[[str], str] = _default_where, now: datetime.datetime | None = None,
) -> SaveResult:
    """Save a draft's values, task progress and narrative; all of it or nothing.

    ``expected_version`` is the version the user's form was built from (0 for a report not
    yet created; ``None`` when the caller has none, as the bulk API). ``replace`` deletes
    stored values the call does not mention (an Excel re-upload replaces the draft).
    """
    access.require(actor, access.Action.EDIT, unit)
    _require_open(period)
    now = now or timezone.now()
    requirements = required_indicators(unit, period)
    history = history_for(unit, period, list(requirements))
    checked, errors, warnings = check_entries(list(entries), requirements, history, unit, period)
    task_errors, task_rows = check_tasks(list(tasks), unit, period)
    errors += task_errors + _check_narrative(narrative, where)
    if errors:
        raise ReportInvalidError(errors)
    changes = {k: v for k, v in (narrative or {}).items() if v is not None}
    stored_files = store_evidence(task_rows)
    try:
        return _save(actor, unit, period, checked, requirements, task_rows, changes, expected_version, replace, via, now, warnings)
    except BaseException:
        discard_evidence(stored_files)
        raise


def _save(actor, unit, period, checked, requirements, task_rows, changes, expected_version, replace, via, now, warnings) -> SaveResult:
    with transaction.atomic():
        submission, created = _lock_submission(unit, period, expected_version, actor, now)
        step = rules.transition_for(submission.status, rules.SAVE)
        if step is None:
            raise WorkflowError(rules.refusal_message(submission.status, rules.SAVE), location="status")
        before, after = _write_values(submission, checked, requirements, replace)
        task_before, task_after = write_task_updates(submission, task_rows)
        changes = {k: v for k, v in changes.items() if getattr(submission, k) != v}
        if before or after or task_after or task_before or changes or created:
            old_text = {k: getattr(submission, k) for k in changes}
            _bump(submission, actor, now, **changes)
            record(
                actor=actor, action="save_values", obj=submission, via=via, at=now,
                before={"values": before, "tasks": task_before, **old_text},
                after={"values": after, "tasks": task_after, **changes, "version": submission.version},
            )
    return SaveResult(submission, len(after) + len(task_after) + len(changes), warnings, checked)


# --- Workflow ----------------------------------------------------------------------------


def completeness_errors(submission: Submission) -> list[FieldError]:
    """What a report still lacks before it can be submitted."""
    unit, period = submission.unit, submission.period
    requirements = required_indicators(unit, period)
    values = {v.indicator_id: v for v in Value.objects.filter(submission=submission)}
    history = history_for(unit, period, list(requirements))
    errors = []
    for ind_id, req in requirements.items():
        stored = values.get(ind_id)
        location = f"indicator:{req.spec.code}"
        if stored is None or stored.value is None:
            errors.append(FieldError(location, validation.missing_message(req.spec)))
        elif not stored.outlier_confirmed and validation.is_outlier(stored.value, history.get(ind_id, []), req.spec.outlier_factor):
            errors.append(FieldError(location, _("Giá trị “{name}” = {value} khác thường và chưa được xác nhận kèm ghi chú.").format(name=req.spec.name, value=validation.fmt(stored.value))))
    if not submission.results.strip():
        errors.append(FieldError("results", _("Chưa viết phần “Kết quả đạt được”.")))
    return errors


def act(
    actor, unit: Unit, period: ReportingPeriod, action: str, *, expected_version: int | None = None,
    reason: str = "", via: str = "web", now: datetime.datetime | None = None,
) -> Submission:
    """Submit, approve, return or re-open a report, as the transition table in rules allows."""
    access.require(actor, access.Action.VIEW, unit)
    _require_open(period)
    now = now or timezone.now()
    reason = (reason or "").strip()
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(unit=unit, period=period).first()
        if submission is None:
            raise SubmissionNotFoundError(unit.name, period.label)
        if expected_version is not None and submission.version != expected_version:
            raise _conflict(submission)
        step = rules.transition_for(submission.status, action)
        if step is None:
            raise WorkflowError(rules.refusal_message(submission.status, action), location="status")
        access.require(actor, step.permission, unit)
        if step.needs_reason and not reason:
            raise ReasonRequiredError()
        if action == rules.SUBMIT and (errors := completeness_errors(submission)):
            raise ReportInvalidError(errors, _("Báo cáo còn thiếu {count} mục, chưa gửi được.").format(count=len(errors)))
        old_status = submission.status
        fields = {"status": step.to}
        if action == rules.SUBMIT:
            fields.update(submitted_by=actor, submitted_at=now, return_comment="")
        elif action in (rules.APPROVE, rules.RETURN):
            fields.update(decided_by=actor, decided_at=now, return_comment=reason if action == rules.RETURN else "")
        elif action == rules.REOPEN:
            Correction.objects.create(submission=submission, requested_by=actor, requested_at=now, from_status=old_status, reason=reason)
        _bump(submission, actor, now, **fields)
        record(
            actor=actor, action=action, obj=submission, via=via, at=now, reason=reason,
            before={"status": old_status}, after={"status": step.to, "version": submission.version},
        )
    return submission


def status_label(status: str) -> str:
    return SubmissionStatus(status).label
