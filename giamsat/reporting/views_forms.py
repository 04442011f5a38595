"""Pages where officers fill reports: the list, the form with its autosave, the Excel round trip."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from giamsat.orgs.models import Unit
from giamsat.reporting import excel, forms, schedule, services
from giamsat.reporting.errors import (
    ReportInvalidError,
    UploadError,
    VersionConflictError,
    WorkbookOutdatedError,
)
from giamsat.reporting.reading import load_report


def _target(unit_id: int, period_code: str):
    return get_object_or_404(Unit, pk=unit_id), services.find_period(period_code)


def _page(request, report, *, post=None, errors=(), warnings=(), conflict=None, upload=None, status=200):
    return render(request, "reporting/report.html", {
        "report": report, "values": forms.field_values(report, post),
        "errors": forms.messages_by_field(errors), "warnings": forms.messages_by_field(warnings),
        "error_list": list(errors), "conflict": conflict, "upload": upload or {"form": forms.UploadForm()},
        "reason_form": forms.ReasonForm(initial={"version": report.version}),
    }, status=status)


@login_required
@require_GET
def index(request):
    today = timezone.localdate()
    return render(request, "reporting/index.html", {
        "mine": schedule.my_reports(request.user, today), "waiting": schedule.awaiting_approval(request.user),
    })


@login_required
@require_GET
def report(request, unit_id: int, period: str):
    unit, period_obj = _target(unit_id, period)
    return _page(request, load_report(request.user, unit, period_obj))


def save_posted(request, unit, period):
    """Save what the form posted; returns (report, result) or raises the domain error."""
    report = load_report(request.user, unit, period)
    result = services.save_report(
        request.user, unit, period, entries=forms.entries_from(request.POST, report),
        tasks=forms.tasks_from(request.POST, request.FILES, report), narrative=forms.narrative_from(request.POST),
        expected_version=forms.version_from(request.POST), via="web",
    )
    return report, result


@login_required
@require_POST
def save(request, unit_id: int, period: str):
    """Autosave (HTMX: answers with a fragment) or the save button (answers with the page)."""
    unit, period_obj = _target(unit_id, period)
    htmx = request.headers.get("HX-Request") == "true"
    try:
        report, result = save_posted(request, unit, period_obj)
    except (ReportInvalidError, VersionConflictError) as exc:
        report = load_report(request.user, unit, period_obj)
        errors = getattr(exc, "errors", [])
        conflict = exc if isinstance(exc, VersionConflictError) else None
        if htmx:
            return render(request, "reporting/_saved.html", {
                "report": report, "errors": forms.messages_by_field(errors), "error_list": errors,
                "conflict": conflict, "saved": None, "version": forms.version_from(request.POST),
            }, status=exc.status)
        return _page(request, report, post=request.POST, errors=errors, conflict=conflict, status=exc.status)
    if htmx:
        return render(request, "reporting/_saved.html", {
            "report": report, "saved": result, "version": result.submission.version,
            "warnings": forms.messages_by_field(result.warnings), "errors": {},
            "computed": {i: c.value for i, c in result.checked.items()},
        })
    messages.success(request, _("Đã lưu bản nháp."))
    return redirect("reporting:report", unit_id=unit.pk, period=period_obj.code)


@login_required
@require_GET
def excel_download(request, unit_id: int, period: str):
    unit, period_obj = _target(unit_id, period)
    report = load_report(request.user, unit, period_obj)
    response = HttpResponse(excel.build_template(report), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{excel.template_name(report)}"'
    return response


@login_required
@require_POST
def excel_upload(request, unit_id: int, period: str):
    """Replace the draft with a filled template. HTMX answers in the upload card, so the chosen
    file stays chosen when the upload is refused (as older than the report: tick overwrite)."""
    unit, period_obj = _target(unit_id, period)
    htmx = request.headers.get("HX-Request") == "true"
    form = forms.UploadForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise UploadError(_("Hãy chọn tệp Excel đã điền."), location="file")
        upload = form.cleaned_data["file"]
        excel.upload_workbook(request.user, unit, period_obj, upload.read(), upload.name, overwrite=form.cleaned_data["overwrite"])
    except (ReportInvalidError, UploadError, WorkbookOutdatedError) as exc:
        errors = getattr(exc, "errors", None) or [exc]
        card = {"form": form, "outdated": isinstance(exc, WorkbookOutdatedError), "errors": errors if htmx else []}
        if htmx:
            return render(request, "reporting/_upload_status.html", {"upload": card}, status=exc.status)
        return _page(request, load_report(request.user, unit, period_obj), errors=errors, upload=card, status=exc.status)
    messages.success(request, _("Đã nhận tệp “{name}”: số liệu trong tệp đã thay cho bản nháp.").format(name=upload.name))
    url = reverse("reporting:report", kwargs={"unit_id": unit.pk, "period": period_obj.code})
    return HttpResponse(status=204, headers={"HX-Redirect": url}) if htmx else redirect(url)
