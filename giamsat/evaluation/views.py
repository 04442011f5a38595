"""Pages of evaluation: the leader's dashboard (any viewable unit, the same view), its
HTMX parts, the public page, and Plotly's script served from the plotly package."""

from pathlib import Path

import plotly
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from giamsat.evaluation import public as public_services
from giamsat.evaluation import services

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


@login_required
@require_GET
def dashboard(request):
    unit = services.home_unit(request.user)
    if unit is None:
        return render(request, "evaluation/no_unit.html")
    return redirect("evaluation:unit", unit_id=unit.pk)


@login_required
@require_GET
def unit(request, unit_id: int):
    filters = services.Filters.parse(request.GET)
    board = services.dashboard(request.user, unit_id, filters, today=timezone.localdate(), part=services.PAGE)
    template = "evaluation/_board.html" if request.headers.get("HX-Request") else "evaluation/dashboard.html"
    return render(request, template, {"board": board})


@login_required
@require_GET
def tile(request, unit_id: int, target_id: int):
    filters = services.Filters.parse(request.GET)
    unit, tile = services.tile_detail(request.user, unit_id, target_id, filters, today=timezone.localdate())
    template = "evaluation/_kpi_detail.html" if request.headers.get("HX-Request") else "evaluation/kpi.html"
    return render(request, template, {"unit": unit, "tile": tile})


@login_required
@require_GET
def ranking(request, unit_id: int):
    """The units below, judged and ranked: loaded by the page after it shows (HTMX), or
    as a page of its own without JavaScript."""
    filters = services.Filters.parse(request.GET)
    if request.headers.get("HX-Request"):
        board = services.dashboard(request.user, unit_id, filters, today=timezone.localdate(), part=services.RANKING)
        return render(request, "evaluation/_ranking.html", {"board": board})
    board = services.dashboard(request.user, unit_id, filters, today=timezone.localdate(), part=services.ALL)
    return render(request, "evaluation/dashboard.html", {"board": board, "with_ranking": True})


@require_GET
def public(request, unit_id: int | None = None):
    page = public_services.overview(unit_id, request.GET.get("indicator", ""), today=timezone.localdate())
    return render(request, "evaluation/public.html", {"page": page})


@require_GET
@cache_control(public=True, max_age=31536000, immutable=True)
def plotly_js(request):
    """Plotly's bundle from the installed ``plotly`` package: no CDN; the URL carries the
    version, so browsers may keep it for a year."""
    if not PLOTLY_JS.is_file():
        raise Http404("plotly.min.js")
    return FileResponse(PLOTLY_JS.open("rb"), content_type="text/javascript")
