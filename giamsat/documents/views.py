"""Upload a plan document, watch it being read, review the draft, confirm or cancel.

Thin views: each parses its input, calls one service and renders. Edits come from
HTMX and get the review panel back; errors are rendered by the web middleware and,
through the page's htmx-config, shown above the panel.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from giamsat.documents import alignment_service, review, services
from giamsat.documents.forms import UploadForm
from giamsat.documents.models import ImportStatus


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _panel(request, imp):
    return render(request, "documents/_panel.html", review.panel(imp, services.parent_plans_for(request.user)))


def _go(url: str) -> HttpResponse:
    return HttpResponse(status=204, headers={"HX-Redirect": url})


@login_required
def import_start(request):
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        imp = services.start_import(
            request.user, file=upload, file_name=upload.name, issuing_unit=form.cleaned_data["issuing_unit"],
            implements=form.cleaned_data["implements"],
        )
        return redirect("documents:draft", pk=imp.pk)
    return render(request, "documents/import.html", {"form": form, "imports": services.imports_for(request.user)})


@login_required
def draft(request, pk: int):
    imp = services.get_import(request.user, pk)
    if imp.status in (ImportStatus.QUEUED, ImportStatus.READING):
        return render(request, "documents/reading.html", {"imp": imp})
    if imp.status == ImportStatus.FAILED:
        return render(request, "documents/failed.html", {"imp": imp})
    context = review.panel(imp, services.parent_plans_for(request.user))
    context["lines"] = review.lines(imp)
    return render(request, "documents/review.html", context)


@login_required
@require_POST
def read(request, pk: int):
    services.get_import(request.user, pk)
    services.read_import(pk)
    return _go(reverse("documents:draft", args=[pk]))


@login_required
def progress(request, pk: int):
    """The progress bar, polled while the document is read; 286 stops the polling
    once reading is over (the read request itself then moves the page on)."""
    imp = services.get_import(request.user, pk)
    reading = imp.status in (ImportStatus.QUEUED, ImportStatus.READING)
    return render(request, "documents/_progress.html", {"imp": imp}, status=200 if reading else 286)


@login_required
@require_POST
def edit_meta(request, pk: int):
    imp = services.edit_meta(request.user, pk, request.POST.dict(), version=_version(request))
    return _panel(request, imp)


@login_required
@require_POST
def set_parents(request, pk: int):
    chosen = services.parent_plans_for(request.user).filter(pk__in=request.POST.getlist("implements"))
    return _panel(request, services.set_parents(request.user, pk, list(chosen)))


@login_required
@require_POST
def decide_duplicate(request, pk: int):
    return _panel(request, services.decide_duplicate(request.user, pk, request.POST.get("choice", "")))


@login_required
@require_POST
def edit_target(request, pk: int, key: str):
    data = {k: v for k, v in request.POST.items() if k in ("indicator", "comparator", "value", "value_max", "unit",
                                                             "year", "category")}
    data["per_year"] = request.POST.get("per_year", "")
    return _panel(request, services.edit_target(request.user, pk, key, data, version=_version(request)))


@login_required
@require_POST
def choose_indicator(request, pk: int, key: str):
    code = request.POST.get("code", "").strip()
    choice = services.indicator_id_for_code(code) if code else request.POST.get("indicator", "")
    imp = services.choose_indicator(request.user, pk, key, choice, version=_version(request))
    return _panel(request, imp)


@login_required
@require_POST
def edit_task(request, pk: int, key: str):
    data = {k: v for k, v in request.POST.items() if k in ("title", "lead", "deadline", "product")}
    data["recurring"] = request.POST.get("recurring", "")
    return _panel(request, services.edit_task(request.user, pk, key, data, version=_version(request)))


@login_required
@require_POST
def choose_body(request, pk: int, key: str):
    choice, _sep, unit_id = request.POST.get("choice", "").partition(":")
    imp = services.choose_body(request.user, pk, key, choice, unit_id or None, version=_version(request))
    return _panel(request, imp)


@login_required
@require_POST
def delete_item(request, pk: int, collection: str, key: str):
    services.delete_item(request.user, pk, collection, key, version=_version(request))
    return HttpResponse(headers={"HX-Refresh": "true"})


@login_required
def add_item(request, pk: int):
    imp = services.get_import(request.user, pk)
    if request.method == "GET":
        line = int(request.GET.get("dong", "0") or 0)
        text = imp.source_text.splitlines()[line - 1] if 0 < line <= len(imp.source_text.splitlines()) else ""
        return render(request, "documents/_add_form.html", {"imp": imp, "line": line, "text": text})
    line = request.POST.get("line", "")
    services.add_item(request.user, pk, request.POST.get("collection", ""), int(line) if line.isdigit() else 0,
                      {k: v for k, v in request.POST.items() if k in ("indicator", "comparator", "value",
                                                                      "value_max", "unit", "year", "title")},
                      version=_version(request))
    return HttpResponse(headers={"HX-Refresh": "true"})


@login_required
@require_POST
def confirm(request, pk: int):
    plan = services.confirm_import(request.user, pk, version=_version(request))
    return _go(reverse("plans:detail", args=[plan.pk]))


@login_required
@require_POST
def cancel(request, pk: int):
    services.cancel_import(request.user, pk)
    return _go(reverse("documents:import"))


@login_required
def alignment(request, pk: int):
    report = alignment_service.plan_alignment(request.user, pk)
    return render(request, "documents/alignment.html", {"report": report})
