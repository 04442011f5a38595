"""Moving a report along: submit, approve, return, re-open; and the late reports page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from giamsat.reporting import forms, rules, schedule, services
from giamsat.reporting.errors import ReportInvalidError, VersionConflictError
from giamsat.reporting.reading import load_report
from giamsat.reporting.views_forms import _page, _target, save_posted

ACTIONS = {"duyet": rules.APPROVE, "tra-lai": rules.RETURN, "mo-lai": rules.REOPEN}
DONE = {
    rules.SUBMIT: _("Đã gửi báo cáo lên cấp trên."), rules.APPROVE: _("Đã duyệt báo cáo."),
    rules.RETURN: _("Đã trả lại báo cáo kèm ý kiến."), rules.REOPEN: _("Đã mở lại báo cáo để điều chỉnh."),
}


@login_required
@require_POST
def submit(request, unit_id: int, period: str):
    """Save what the form holds, then submit it."""
    unit, period_obj = _target(unit_id, period)
    try:
        _report, result = save_posted(request, unit, period_obj)
        services.act(request.user, unit, period_obj, rules.SUBMIT, expected_version=result.submission.version, via="web")
    except (ReportInvalidError, VersionConflictError) as exc:
        report = load_report(request.user, unit, period_obj)
        conflict = exc if isinstance(exc, VersionConflictError) else None
        return _page(request, report, post=request.POST, errors=getattr(exc, "errors", []), conflict=conflict, status=exc.status)
    messages.success(request, DONE[rules.SUBMIT])
    return redirect("reporting:report", unit_id=unit.pk, period=period_obj.code)


@login_required
@require_POST
def decide(request, unit_id: int, period: str, action: str):
    if action not in ACTIONS:
        raise Http404
    unit, period_obj = _target(unit_id, period)
    form = forms.ReasonForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    services.act(request.user, unit, period_obj, ACTIONS[action], expected_version=data.get("version"),
                 reason=data.get("reason", ""), via="web")
    messages.success(request, DONE[ACTIONS[action]])
    return redirect("reporting:report", unit_id=unit.pk, period=period_obj.code)


@login_required
@require_GET
def late(request):
    today = timezone.localdate()
    items = schedule.late_reports(request.user, today)
    return render(request, "reporting/late.html", {
        "late": [i for i in items if i.state == "late"], "due_soon": [i for i in items if i.state == "due_soon"], "today": today,
    })
