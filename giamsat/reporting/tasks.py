"""The progress of the tasks a unit leads, as part of its report for a period."""

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from giamsat.reporting.errors import FieldError
from giamsat.reporting.models import TaskStatus, TaskUpdate
from giamsat.reporting.requirements import led_tasks
from giamsat.reporting.validation import NumberError, fmt, parse_int

MAX_RESULT = 5000
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".zip"}
TASK_FIELDS = ("status", "progress", "completed_on", "result")

STATUS_BY_TEXT = {s.value: s.value for s in TaskStatus} | {str(s.label).lower(): s.value for s in TaskStatus}


def _where(part: str) -> str:
    return part


@dataclass
class RawTask:
    task: int
    status: str | None = None
    progress: object = None
    completed_on: object = None
    result: str = ""
    evidence: object = None  # an uploaded file, or None to keep what is stored
    where: Callable[[str], str] = _where


@dataclass
class TaskRow:
    task_id: int
    status: str
    progress: int
    completed_on: datetime.date | None
    result: str
    evidence: object = None
    evidence_name: str = ""


def parse_date(raw) -> datetime.date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    try:
        return datetime.datetime.strptime(str(raw).strip(), "%d/%m/%Y").date()
    except ValueError:
        raise NumberError(_("“{raw}” không phải ngày theo dạng ngày/tháng/năm (ví dụ 30/06/2025).").format(raw=raw)) from None


def _check_one(raw: RawTask, title: str, errors: list[FieldError]) -> TaskRow | None:
    count = len(errors)
    status = STATUS_BY_TEXT.get(str(raw.status or "").strip().lower())
    if status is None:
        choices = ", ".join(str(s.label) for s in TaskStatus)
        errors.append(FieldError(raw.where("status"), _("Tình trạng của nhiệm vụ “{task}” phải là một trong: {choices}.").format(task=title, choices=choices)))
    progress = None
    try:
        progress = parse_int(raw.progress)
    except NumberError as exc:
        errors.append(FieldError(raw.where("progress"), _("Tiến độ của nhiệm vụ “{task}”: {problem}").format(task=title, problem=exc)))
    if progress is not None and not 0 <= progress <= 100:
        errors.append(FieldError(raw.where("progress"), _("Tiến độ của nhiệm vụ “{task}” phải từ 0 đến 100 % (đã nhập {value}).").format(task=title, value=fmt(progress))))
    elif status == TaskStatus.DONE:
        progress = 100 if progress is None else progress
        if progress != 100:
            errors.append(FieldError(raw.where("progress"), _("Nhiệm vụ “{task}” đã hoàn thành thì tiến độ phải là 100 %.").format(task=title)))
    elif status == TaskStatus.NOT_STARTED and progress:
        errors.append(FieldError(raw.where("progress"), _("Nhiệm vụ “{task}” chưa triển khai thì tiến độ phải là 0 %.").format(task=title)))
    try:
        completed_on = parse_date(raw.completed_on)
    except NumberError as exc:
        errors.append(FieldError(raw.where("completed_on"), str(exc)))
        completed_on = None
    result = (raw.result or "").strip()
    if len(result) > MAX_RESULT:
        errors.append(FieldError(raw.where("result"), _("Kết quả của nhiệm vụ “{task}” dài quá {limit} ký tự.").format(task=title, limit=fmt(MAX_RESULT))))
    evidence = raw.evidence
    if evidence is not None:
        ext = os.path.splitext(evidence.name or "")[1].lower()
        if ext not in EVIDENCE_EXTENSIONS:
            errors.append(FieldError(raw.where("evidence"), _("Tệp minh chứng “{name}” phải là PDF, Word, Excel, ảnh hoặc ZIP.").format(name=evidence.name)))
        elif evidence.size > MAX_EVIDENCE_BYTES:
            errors.append(FieldError(raw.where("evidence"), _("Tệp minh chứng “{name}” lớn quá 10 MB.").format(name=evidence.name)))
    if len(errors) > count:
        return None
    return TaskRow(raw.task, status, progress or 0, completed_on, result, evidence)


def check_tasks(raws: list[RawTask], unit, period) -> tuple[list[FieldError], list[TaskRow]]:
    errors: list[FieldError] = []
    if not raws:
        return errors, []
    tasks = {t.pk: t for t in led_tasks(unit, period)}
    rows = []
    for raw in raws:
        task = tasks.get(raw.task)
        if task is None:
            errors.append(FieldError(raw.where("task"), _("Nhiệm vụ số {task} không do “{unit}” chủ trì.").format(task=raw.task, unit=unit.name)))
            continue
        row = _check_one(raw, str(task), errors)
        if row is not None:
            rows.append(row)
    return errors, rows


def store_evidence(rows: list[TaskRow]) -> list[str]:
    """Write uploaded evidence files before the database transaction (file work stays outside it)."""
    names = []
    for row in rows:
        if row.evidence is not None:
            row.evidence_name = default_storage.save(f"evidence/{datetime.date.today():%Y}/{os.path.basename(row.evidence.name)}", row.evidence)
            names.append(row.evidence_name)
    return names


def discard_evidence(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _snap(update: TaskUpdate | TaskRow | None) -> dict | None:
    if update is None:
        return None
    data = {name: getattr(update, name) for name in TASK_FIELDS}
    data["completed_on"] = data["completed_on"].isoformat() if data["completed_on"] else None
    return data


def write_task_updates(submission, rows: list[TaskRow]) -> tuple[dict, dict]:
    """Create or change the task updates; returns (before, after) keyed by task id."""
    if not rows:
        return {}, {}
    existing = {u.task_id: u for u in TaskUpdate.objects.filter(submission=submission)}
    before, after = {}, {}
    for row in rows:
        old = existing.get(row.task_id)
        old_snap, new_snap = _snap(old), _snap(row)
        if old is not None and old_snap == new_snap and not row.evidence_name:
            continue
        if row.evidence_name:
            new_snap["evidence"] = row.evidence_name
        key = str(row.task_id)
        before[key], after[key] = old_snap, new_snap
        if old is None:
            TaskUpdate.objects.create(
                submission=submission, task_id=row.task_id, status=row.status, progress=row.progress,
                completed_on=row.completed_on, result=row.result, evidence=row.evidence_name,
            )
        else:
            for name in TASK_FIELDS:
                setattr(old, name, getattr(row, name))
            fields = list(TASK_FIELDS)
            if row.evidence_name:
                old.evidence = row.evidence_name
                fields.append("evidence")
            old.save(update_fields=fields)
    return before, after
