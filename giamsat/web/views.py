from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from giamsat.web.home import home_for
from giamsat.web.units import unit_page, unit_tree


@login_required
def home(request):
    return render(request, "web/home.html", {"home": home_for(request.user)})


@login_required
def units(request):
    return render(request, "web/unit_tree.html", {"rows": unit_tree(request.user)})


@login_required
def unit_detail(request, pk: int):
    return render(request, "web/unit_detail.html", {"page": unit_page(request.user, pk)})
