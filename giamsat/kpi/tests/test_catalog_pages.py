"""The catalog pages and endpoints: open to every logged-in user, targets only from readable plans."""

import pytest
from django.urls import reverse

from giamsat.kpi.models import Indicator
from giamsat.kpi.services import load_national_catalog
from giamsat.parsing.schema import Target
from giamsat.plans.services import create_plan_from_parse
from giamsat.plans.tests.conftest import parsed


@pytest.fixture
def catalog(db):
    return load_national_catalog()


@pytest.fixture
def targets_on_dvc(units, catalog):
    """The commune and its sibling each set a target on NQ57-11.1."""
    dvc = catalog["11.1"]
    for unit, number, value in [(units["commune"], "1-KH/ĐU", 85), (units["sibling"], "2-KH/ĐU", 90)]:
        create_plan_from_parse(parsed(number, f"Kế hoạch {number}", targets=[Target("DVC", ">=", value, unit="%", year=2030)]),
                               issuing_unit=unit, actor=None, indicators={0: dvc})
    return dvc


def test_the_list_searches_and_filters(client, commune_officer, catalog):
    client.force_login(commune_officer)
    page = client.get(reverse("kpi:list"), {"q": "5G"}).content.decode()
    assert "NQ57-23.4" in page and "NQ57-11.1" not in page
    page = client.get(reverse("kpi:list"), {"value_type": "rank"}).content.decode()
    assert "7 chỉ tiêu" in page
    page = client.get(reverse("kpi:list"), {"category": "Kinh tế số"}).content.decode()
    assert "NQ57-12" in page and "NQ57-13" not in page


def test_the_detail_shows_only_targets_of_readable_plans(client, commune_officer, province_leader, targets_on_dvc):
    url = reverse("kpi:detail", args=["NQ57-11.1"])
    client.force_login(commune_officer)
    page = client.get(url).content.decode()
    assert "1-KH/ĐU" in page and "≥ 85%" in page
    assert "2-KH/ĐU" not in page and "≥ 90%" not in page
    client.force_login(province_leader)
    page = client.get(url).content.decode()
    assert "1-KH/ĐU" in page and "2-KH/ĐU" in page


def test_the_api_detail_is_scoped_the_same_way(client, commune_officer, targets_on_dvc):
    client.force_login(commune_officer)
    data = client.get("/api/indicators/NQ57-11.1").json()
    assert (data["code"], data["aggregation"], data["resolutions"]) == ("NQ57-11.1", "ratio", ["57-NQ/TW"])
    assert [(t["plan_number"], t["unit_code"], t["value"], t["year"]) for t in data["targets"]] == [
        ("1-KH/ĐU", "X01", "85.000000", 2030),
    ]


def test_the_api_list_filters(client, commune_officer, catalog):
    client.force_login(commune_officer)
    codes = [i["code"] for i in client.get("/api/indicators/", {"q": "xếp hạng", "resolution": "57-NQ/TW"}).json()["items"]]
    # every word must appear: the research organisations "được xếp hạng" (19) count too
    assert codes == ["NQ57-19", "NQ57-33", "NQ57-37", "NQ57-4a", "NQ57-4b", "NQ57-5a", "NQ57-5b", "NQ57-6"]
    assert client.get("/api/indicators/").json()["count"] == Indicator.objects.count() == 51


def test_an_unknown_code_is_a_clear_404(client, commune_officer, catalog):
    client.force_login(commune_officer)
    response = client.get(reverse("kpi:detail", args=["NQ57-99"]))
    assert response.status_code == 404
    assert "Không có chỉ tiêu mã “NQ57-99” trong danh mục." in response.content.decode()
    assert client.get("/api/indicators/NQ57-99").json() == {
        "error": "not_found", "message": "Không có chỉ tiêu mã “NQ57-99” trong danh mục.",
    }


def test_anonymous_users_must_log_in(client, catalog):
    assert client.get(reverse("kpi:list"))["Location"].startswith(reverse("web:login"))
    assert client.get(reverse("kpi:detail", args=["NQ57-11.1"]))["Location"].startswith(reverse("web:login"))
    assert client.get("/api/indicators/").status_code == 401
    assert client.get("/api/indicators/NQ57-11.1").status_code == 401
