"""Plan list, plan detail and the plan's source text, each for the plans a user may read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from giamsat.plans import services
from giamsat.plans.forms import PlanFilterForm

PAGE_SIZE = 50


@login_required
def plan_list(request):
    form = PlanFilterForm(request.GET or None, units=services.filter_units(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    unit = services.visible_unit(request.user, filters["unit"]) if filters.get("unit") else None
    plans = services.search_plans(
        request.user, unit=unit, level=filters.get("level", ""),
        status=filters.get("status", ""), q=filters.get("q", ""),
    )
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "plans/plan_list.html", {"form": form, "page": page})


@login_required
def plan_detail(request, pk: int):
    return render(request, "plans/plan_detail.html", {"d": services.plan_detail(request.user, pk)})


@login_required
def plan_source(request, pk: int):
    plan = services.get_plan(request.user, pk)
    lines = plan.source_text.splitlines()
    return render(request, "plans/plan_source.html", {"plan": plan, "lines": lines})
