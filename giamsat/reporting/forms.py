"""Turn the report form's POST into entries, task updates and narrative (field names ↔ locations).

The form is built from the unit's requirements, so it has no fixed Django Form: each
indicator's inputs are named ``v-<id>-value``, ``v-<id>-numerator``… and each led task's
``t-<id>-status``…; errors come back located with the same names.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from giamsat.reporting.checks import NARRATIVE_FIELDS, RawEntry
from giamsat.reporting.errors import OVERWRITE_LABEL
from giamsat.reporting.reading import Report
from giamsat.reporting.tasks import RawTask


def value_field(indicator_id: int, part: str) -> str:
    return f"v-{indicator_id}-{part}"


def task_field(task_id: int, part: str) -> str:
    return f"t-{task_id}-{part}"


def entries_from(post, report: Report) -> list[RawEntry]:
    entries = []
    for row in report.rows:
        i = row.spec.id
        entries.append(RawEntry(
            i,
            value=None if row.spec.needs_fraction else post.get(value_field(i, "value")),
            numerator=post.get(value_field(i, "numerator")) if row.spec.needs_fraction else None,
            denominator=post.get(value_field(i, "denominator")) if row.spec.needs_fraction else None,
            note=post.get(value_field(i, "note"), ""),
            confirm_outlier=post.get(value_field(i, "confirm")) == "on",
            where=lambda part, i=i: value_field(i, part),
        ))
    return entries


def tasks_from(post, files, report: Report) -> list[RawTask]:
    tasks = []
    for row in report.tasks:
        t = row.task.pk
        if task_field(t, "status") not in post:
            continue
        tasks.append(RawTask(
            t, status=post.get(task_field(t, "status")), progress=post.get(task_field(t, "progress")),
            completed_on=post.get(task_field(t, "completed_on")), result=post.get(task_field(t, "result"), ""),
            evidence=files.get(task_field(t, "evidence")), where=lambda part, t=t: task_field(t, part),
        ))
    return tasks


def narrative_from(post) -> dict:
    return {name: post.get(name) for name in NARRATIVE_FIELDS if name in post}


def version_from(post) -> int | None:
    try:
        return int(post.get("version", ""))
    except ValueError:
        return None


class ReasonForm(forms.Form):
    """The comment of a return or the reason of a correction request."""

    reason = forms.CharField(label=_("Lý do"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel đã điền"))
    # shown once an upload is refused as older than the report (excel.upload_workbook)
    overwrite = forms.BooleanField(label=OVERWRITE_LABEL, required=False)


def field_values(report: Report, post=None) -> dict:
    """What each input shows: what the user just sent, else what is stored (numbers as Decimals,
    formatted by the template filter ``input_number``)."""
    values = {}
    for row in report.rows:
        i, stored = row.spec.id, row.stored
        for part in ("value", "numerator", "denominator", "note"):
            values[value_field(i, part)] = getattr(stored, part) if stored else None
        values[value_field(i, "confirm")] = bool(stored and stored.outlier_confirmed)
    for row in report.tasks:
        shown = row.shown
        for part in ("status", "progress", "completed_on", "result"):
            values[task_field(row.task.pk, part)] = getattr(shown, part) if shown else None
    for name in NARRATIVE_FIELDS:
        values[name] = getattr(report.submission, name) if report.submission else ""
    if post is not None:
        for name in values:
            if name.endswith("-confirm"):
                values[name] = post.get(name) == "on"
            elif name in post:
                values[name] = post.get(name)
    return values


def messages_by_field(problems) -> dict[str, list[str]]:
    """Problems grouped by the row they belong to: ``v-12`` (an indicator), ``t-3`` (a task) or a narrative field."""
    grouped: dict[str, list[str]] = {}
    for p in problems:
        parts = p.location.split("-")
        key = "-".join(parts[:2]) if parts[0] in ("v", "t") and len(parts) >= 3 else p.location
        grouped.setdefault(key, []).append(p.message)
    return grouped
