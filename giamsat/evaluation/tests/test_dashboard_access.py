"""Who may open which dashboard: every page and API endpoint asks orgs.access.

The table: each actor against each unit of the scenario, for each view and endpoint.
"""

import pytest
from django.urls import reverse

from giamsat.evaluation.tests.conftest import TODAY

UNITS = ("nation", "province", "commune", "sibling")
# what each actor may view (its unit and the units below)
VIEWABLE = {
    "commune_officer": {"commune"},
    "commune_leader": {"commune"},
    "sibling_officer": {"sibling"},
    "province_leader": {"province", "commune", "sibling"},
    "province_viewer": {"province", "commune", "sibling"},
}


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def pages(scenario, unit):
    eid = scenario["targets"]["eid"]
    return [
        reverse("evaluation:unit", args=[unit.pk]),
        reverse("evaluation:tile", args=[unit.pk, eid.pk]),
        reverse("evaluation:ranking", args=[unit.pk]),
    ]


def endpoints(unit):
    return [
        f"/api/evaluation/units/{unit.pk}/dashboard",
        f"/api/evaluation/units/{unit.pk}/rollup?indicator=DT-01",
        f"/api/evaluation/units/{unit.pk}/series?indicator=DT-01",
        f"/api/evaluation/units/{unit.pk}/ranking",
    ]


@pytest.mark.parametrize("actor", sorted(VIEWABLE))
@pytest.mark.parametrize("unit_key", UNITS)
def test_pages_follow_the_hierarchy(client, scenario, request, actor, unit_key):
    client.force_login(request.getfixturevalue(actor))
    unit = scenario["units"][unit_key]
    expected = 200 if unit_key in VIEWABLE[actor] else 403
    for url in pages(scenario, unit):
        response = client.get(url, HTTP_HX_REQUEST="true")
        # a unit's tile exists only where the target is tracked; the nation tracks its own
        wanted = 400 if expected == 200 and "chi-tieu" in url and unit_key == "nation" else expected
        assert response.status_code == wanted, url
        if wanted == 403:
            assert "Bạn không có quyền xem dữ liệu của" in response.content.decode()


@pytest.mark.parametrize("actor", sorted(VIEWABLE))
@pytest.mark.parametrize("unit_key", UNITS)
def test_api_follows_the_hierarchy(client, scenario, request, actor, unit_key):
    client.force_login(request.getfixturevalue(actor))
    unit = scenario["units"][unit_key]
    expected = 200 if unit_key in VIEWABLE[actor] else 403
    for url in endpoints(unit):
        response = client.get(url)
        assert response.status_code == expected, url
        if expected == 403:
            assert response.json()["error"] == "forbidden"


def test_anonymous_visitors_are_sent_to_log_in(client, scenario):
    unit = scenario["units"]["province"]
    for url in pages(scenario, unit):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("web:login"))
    for url in endpoints(unit):
        assert client.get(url).status_code == 401


def test_my_dashboard_opens_at_my_highest_unit(client, scenario, province_leader):
    client.force_login(province_leader)
    response = client.get(reverse("evaluation:dashboard"))
    assert response["Location"] == reverse("evaluation:unit", args=[scenario["units"]["province"].pk])


def test_a_user_without_unit_is_told_so(client, django_user_model, db):
    user = django_user_model.objects.create_user(username="khong_don_vi", password="mat-khau-dai-du-2025")  # noqa: S106
    client.force_login(user)
    response = client.get(reverse("evaluation:dashboard"))
    assert response.status_code == 200
    assert "Tài khoản của bạn chưa thuộc đơn vị nào" in response.content.decode()


def test_an_unknown_unit_is_404(client, scenario, province_leader):
    client.force_login(province_leader)
    assert client.get(reverse("evaluation:unit", args=[99999])).status_code == 404
    assert client.get("/api/evaluation/units/99999/dashboard").status_code == 404
