"""The indicator catalog: a searchable list, and one indicator with its targets across plans."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from giamsat.kpi import services
from giamsat.kpi.forms import IndicatorFilterForm
from giamsat.plans import rules as plan_rules
from giamsat.plans import services as plan_services

PAGE_SIZE = 100


@login_required
def indicator_list(request):
    form = IndicatorFilterForm(request.GET or None, categories=services.categories())
    filters = form.cleaned_data if form.is_valid() else {}
    indicators = services.search_indicators(
        request.user, q=filters.get("q", ""), category=filters.get("category", ""),
        value_type=filters.get("value_type", ""),
    )
    page = Paginator(indicators, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "kpi/indicator_list.html", {"form": form, "page": page})


@login_required
def indicator_detail(request, code: str):
    indicator = services.get_indicator(request.user, code)
    targets = plan_services.targets_for_indicator(request.user, indicator)
    return render(request, "kpi/indicator_detail.html", {
        "indicator": indicator, "targets_by_year": plan_rules.group_by_year(targets),
    })
