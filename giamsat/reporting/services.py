"""Use cases of periodic reporting: read a report, save its values, move it through the workflow.

Every path (web form, Excel upload, bulk API) ends in :func:`save_report` or
:func:`act`. Both check access through ``orgs.access``, validate everything before
writing, write in one transaction with a conditional UPDATE on the submission's
``version``, and record one audit event for the whole change.

The write path is built for a national monthly round (3,400 units × 150 values): per
call one query loads the existing values, set-wise statements write the new, changed
and removed ones and one audit event per report lists them (see
docs/performance-reporting.md).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from giamsat.audit.services import record
from giamsat.orgs import access
from giamsat.orgs.models import Unit
from giamsat.reporting import rules, validation, writes
from giamsat.reporting.checks import (  # noqa: F401 - RawEntry is part of this module's API
    NARRATIVE_FIELDS,
    RawEntry,
    _default_where,
    check_entries,
    check_narrative,
)
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
from giamsat.reporting.history import histories_for, history_for
from giamsat.reporting.models import (
    Correction,
    ReportingPeriod,
    Submission,
    SubmissionStatus,
    Value,
)
from giamsat.reporting.requirements import required_indicators, requirements_for
from giamsat.reporting.tasks import (
    RawTask,
    check_tasks,
    discard_evidence,
    store_evidence,
    write_task_updates,
)


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


def find_units(codes: list[str]) -> dict[str, Unit]:
    """Code → unit for many codes in one query; the first unknown code is an error."""
    found = {u.code: u for u in Unit.objects.filter(code__in=set(codes))}
    for code in codes:
        if code not in found:
            raise UnitNotFoundError(code)
    return found


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


def _require_open(period: ReportingPeriod) -> None:
    if period.locked:
        raise PeriodLockedError(period.label)


def _conflict(submission: Submission) -> VersionConflictError:
    who = str(submission.updated_by) if submission.updated_by_id else ""
    when = date_format(timezone.localtime(submission.updated_at), "d/m/Y H:i:s") if submission.updated_at else ""
    return VersionConflictError(who, when, submission.version)


def require_version(submission: Submission | None, expected: int | None) -> None:
    """Raise the conflict error unless the report is still at ``expected`` (0: not yet
    created; ``None``: no check). A check before the work; the save checks again under lock."""
    if expected is None:
        return
    if submission is None:
        if expected != 0:
            raise VersionConflictError(version=0)
    elif submission.version != expected:
        raise _conflict(submission)


@dataclass
class ValueSet:
    """What one save brings for one unit and period."""

    unit: Unit
    period: ReportingPeriod
    entries: list[RawEntry] = field(default_factory=list)
    expected_version: int | None = None  # the version the form was built from; 0 = new; None = unknown
    tasks: list[RawTask] = field(default_factory=list)
    narrative: dict | None = None
    replace: bool = False  # delete stored values this save does not mention (an Excel re-upload)
    where: Callable[[str], str] = _default_where
    # save even if the report moved past ``expected_version`` (the Excel upload's explicit
    # overwrite); the audit event then names the version overwritten
    overwrite: bool = False


@dataclass
class _Checked:
    value_set: ValueSet
    requirements: dict
    checked: dict
    warnings: list
    task_rows: list
    changes: dict
    overwritten: int | None = None  # the version an overwrite replaced, set under the lock


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


def _bump_all(submissions: list[Submission], actor, now) -> None:
    """One conditional UPDATE on (id, version) for many submissions; all or a conflict."""
    if len(submissions) <= 1:
        for sub in submissions:
            _bump(sub, actor, now)
        return
    by_version: dict[int, list[int]] = {}
    for sub in submissions:
        by_version.setdefault(sub.version, []).append(sub.pk)
    updated = 0
    for version, pks in by_version.items():  # one UPDATE per version read, usually one in all
        updated += Submission.objects.filter(pk__in=pks, version=version).update(
            version=F("version") + 1, updated_at=now, updated_by=actor if actor and actor.pk else None,
        )
    if updated != len(submissions):
        current = dict(Submission.objects.filter(pk__in=[s.pk for s in submissions]).values_list("pk", "version"))
        stale = next(s for s in submissions if current.get(s.pk) != s.version + 1)
        stale.refresh_from_db()
        raise _conflict(stale)
    for sub in submissions:
        sub.version += 1
        sub.updated_at = now


def _diff(submission_id: int, existing: dict, item: _Checked) -> tuple[dict, dict, list, list, list]:
    """(before, after) by indicator code, rows to insert, rows to update and value ids to delete."""
    before, after, inserts, updates, delete_ids = {}, {}, [], [], []
    requirements, audit = item.requirements, writes.as_dict
    for ind_id, result in item.checked.items():
        entry, stored = result.entry, existing.get(ind_id)
        if entry.is_blank:
            if stored is not None:
                code = requirements[ind_id].spec.code
                before[code], after[code] = audit(stored[1]), None
                delete_ids.append(stored[0])
            continue
        new = (result.value, entry.numerator, entry.denominator, entry.note, result.outlier and entry.confirm_outlier)
        if stored is None:
            code = requirements[ind_id].spec.code
            before[code], after[code] = None, audit(new)
            inserts.append((submission_id, ind_id, *new))
        elif stored[1] != new:  # Decimal('12') == Decimal('12.000000'): unchanged values are not written
            code = requirements[ind_id].spec.code
            before[code], after[code] = audit(stored[1]), audit(new)
            updates.append((stored[0], *new))
    if item.value_set.replace:
        for ind_id, (pk, old) in existing.items():
            if ind_id not in item.checked:
                code = requirements[ind_id].spec.code if ind_id in requirements else str(ind_id)
                before[code], after[code] = audit(old), None
                delete_ids.append(pk)
    return before, after, inserts, updates, delete_ids


def _check_all(actor, sets: list[ValueSet]) -> list[_Checked]:
    """Access, periods and every field of every set, before anything is written."""
    units = {s.unit.pk: s.unit for s in sets}
    allowed = set(access.units_for(actor, access.Action.EDIT).filter(pk__in=list(units)).values_list("pk", flat=True))
    for unit in units.values():
        if unit.pk not in allowed:
            access.require(actor, access.Action.EDIT, unit)  # raises with the standard message
    seen = set()
    for s in sets:
        _require_open(s.period)
        if (s.unit.pk, s.period.pk) in seen:
            raise ReportInvalidError([FieldError(s.where("unit"), _("“{unit}” kỳ {period} có hai lần trong cùng một lần gửi.").format(unit=s.unit.name, period=s.period.label))])
        seen.add((s.unit.pk, s.period.pk))
    requirements, histories = {}, {}
    for period in {s.period.pk: s.period for s in sets}.values():
        group = [s.unit for s in sets if s.period.pk == period.pk]
        requirements[period.pk] = requirements_for(group, period, with_targets=False)
        histories[period.pk] = histories_for(group, period)
    items, errors = [], []
    for s in sets:
        reqs = requirements[s.period.pk][s.unit.pk]
        checked, entry_errors, warnings = check_entries(list(s.entries), reqs, histories[s.period.pk][s.unit.pk], s.unit, s.period)
        task_errors, task_rows = check_tasks(list(s.tasks), s.unit, s.period)
        errors += entry_errors + task_errors + check_narrative(s.narrative, s.where)
        changes = {k: v for k, v in (s.narrative or {}).items() if v is not None}
        items.append(_Checked(s, reqs, checked, warnings, task_rows, changes))
    if errors:
        raise ReportInvalidError(errors)
    return items


def _lock_all(items: list[_Checked], actor) -> tuple[dict, set]:
    """The submissions of every set, locked for this transaction; missing ones created."""
    by_period: dict[int, list[int]] = {}
    for item in items:
        by_period.setdefault(item.value_set.period.pk, []).append(item.value_set.unit.pk)
    found = {}
    for period_id in sorted(by_period):  # one query per period, rows locked in id order
        for sub in Submission.objects.select_for_update().filter(period_id=period_id, unit_id__in=by_period[period_id]).order_by("pk"):
            found[(sub.unit_id, sub.period_id)] = sub
    missing = [i.value_set for i in items if (i.value_set.unit.pk, i.value_set.period.pk) not in found]
    for vs in missing:
        if vs.expected_version not in (None, 0) and not vs.overwrite:
            raise VersionConflictError(version=0)
    if missing:
        try:
            # no savepoint: a conflict aborts the whole save anyway
            with transaction.atomic(savepoint=False):
                created = Submission.objects.bulk_create([
                    Submission(unit=vs.unit, period=vs.period, updated_by=actor if actor and actor.pk else None) for vs in missing
                ])
        except IntegrityError:
            raise VersionConflictError() from None
        for sub in created:
            found[(sub.unit_id, sub.period_id)] = sub
    created = {(vs.unit.pk, vs.period.pk) for vs in missing}
    for item in items:
        vs = item.value_set
        sub = found[(vs.unit.pk, vs.period.pk)]
        sub.unit, sub.period = vs.unit, vs.period  # already loaded: the audit's text of the report needs them
        new = (vs.unit.pk, vs.period.pk) in created
        stale = (vs.expected_version is not None and vs.expected_version != 0 and sub.version != vs.expected_version) or (
            vs.expected_version == 0 and not new)
        if vs.overwrite and not new and (stale or vs.expected_version is None):
            item.overwritten = sub.version
        elif stale:
            raise _conflict(sub)
        if rules.transition_for(sub.status, rules.SAVE) is None:
            raise WorkflowError(rules.refusal_message(sub.status, rules.SAVE), location=vs.where("status"))
    return found, created


def save_sets(
    actor, sets: list[ValueSet], *, via: str = "web", now: datetime.datetime | None = None,
    in_transaction: Callable[[list[SaveResult]], None] | None = None,
) -> list[SaveResult]:
    """Save several units' values (the bulk API's batches) in one transaction; all or nothing.

    Everything is checked before the transaction starts, so it stays short (on SQLite it
    holds the database's write lock). ``in_transaction`` runs last inside it, with the
    results: what must be stored with the values or not at all (the API's idempotency key).

    Set-based: a fixed number of queries for the whole batch (lookups, one read of the
    stored values, one insert — COPY on PostgreSQL —, one update, one version UPDATE),
    plus one audit event per report."""
    now = now or timezone.now()
    items = _check_all(actor, sets)
    stored_files = []
    try:
        for item in items:
            stored_files += store_evidence(item.task_rows)
        return _write_all(actor, items, via, now, in_transaction)
    except BaseException:
        discard_evidence(stored_files)
        raise


def _write_all(actor, items: list[_Checked], via: str, now, in_transaction=None) -> list[SaveResult]:
    with transaction.atomic():
        subs, created = _lock_all(items, actor)
        # a report created just now has no values yet: read only the others'
        existing = writes.load_many([s.pk for key, s in subs.items() if key not in created])
        results, inserts, updates, delete_ids, to_bump, events = [], [], [], [], [], []
        for item in items:
            vs = item.value_set
            sub = subs[(vs.unit.pk, vs.period.pk)]
            before, after, new_rows, changed_rows, deletes = _diff(sub.pk, existing.get(sub.pk, {}), item)
            inserts += new_rows
            updates += changed_rows
            delete_ids += deletes
            task_before, task_after = write_task_updates(sub, item.task_rows)
            changes = {k: v for k, v in item.changes.items() if getattr(sub, k) != v}
            if before or task_before or task_after or changes or (vs.unit.pk, vs.period.pk) in created:
                old_text = {k: getattr(sub, k) for k in changes}
                if changes:
                    _bump(sub, actor, now, **changes)
                else:
                    to_bump.append(sub)
                events.append((sub, item, {"values": before, "tasks": task_before, **old_text}, {"values": after, "tasks": task_after, **changes}))
            results.append(SaveResult(sub, len(after) + len(task_after) + len(changes), item.warnings, item.checked))
        # a row written or removed behind the submissions' locks (the admin does not take
        # them) is a conflict, never a silent overwrite or a lost value
        try:
            writes.insert(inserts)
        except IntegrityError:
            raise VersionConflictError() from None
        if writes.update(updates) != len(updates):
            raise VersionConflictError()
        writes.delete(delete_ids)
        _bump_all(to_bump, actor, now)
        for sub, item, before, after in events:
            reason = ""
            if item.overwritten is not None:
                before["version"] = item.overwritten
                reason = _overwrite_reason(item.overwritten, item.value_set.expected_version)
            record(actor=actor, action="save_values", obj=sub, via=via, at=now, reason=reason, before=before, after={**after, "version": sub.version})
        if in_transaction is not None:
            in_transaction(results)
    return results


def _overwrite_reason(overwritten: int, base: int | None) -> str:
    if base is None:
        return _("Ghi đè phiên bản {overwritten}; dữ liệu gửi lên không ghi phiên bản gốc.").format(overwritten=overwritten)
    return _("Ghi đè phiên bản {overwritten}; dữ liệu gửi lên được lập từ phiên bản {base}.").format(overwritten=overwritten, base=base)


def save_report(
    actor, unit: Unit, period: ReportingPeriod, *, entries: list[RawEntry] = (), tasks: list[RawTask] = (),
    narrative: dict | None = None, expected_version: int | None = None, replace: bool = False,
    overwrite: bool = False, via: str = "web", where: Callable[[str], str] = _default_where,
    now: datetime.datetime | None = None,
) -> SaveResult:
    """Save a draft's values, task progress and narrative; all of it or nothing.

    ``expected_version`` is the version the user's form was built from (0 for a report not
    yet created; ``None`` when the caller has none, as the bulk API). ``replace`` deletes
    stored values the call does not mention (an Excel re-upload replaces the draft).
    ``overwrite`` saves even when the report has moved past ``expected_version`` (the user
    chose to); the audit event then records the version overwritten.
    """
    value_set = ValueSet(unit, period, list(entries), expected_version, list(tasks), narrative, replace, where, overwrite)
    return save_sets(actor, [value_set], via=via, now=now)[0]


# --- Workflow ----------------------------------------------------------------------------


def completeness_errors(submission: Submission) -> list[FieldError]:
    """What a report still lacks before it can be submitted."""
    unit, period = submission.unit, submission.period
    requirements = required_indicators(unit, period, with_targets=False)
    values = {v.indicator_id: v for v in Value.objects.filter(submission=submission)}
    history = history_for(unit, period)
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
        if old_status == SubmissionStatus.APPROVED or step.to == SubmissionStatus.APPROVED:
            # what the roll-ups count changes in the same transaction (an explicit call, no signal)
            from giamsat.evaluation.rollup import submission_changed

            submission_changed(submission.pk)
    return submission


def status_label(status: str) -> str:
    return SubmissionStatus(status).label
