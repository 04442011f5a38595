"""The evaluation API returns the dashboard's numbers (scenario of test_dashboard_service)."""

import pytest

from giamsat.evaluation.tests.conftest import TODAY


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


@pytest.fixture
def api(client, province_leader):
    client.force_login(province_leader)
    return client


def test_dashboard_json(api, scenario):
    data = api.get(f"/api/evaluation/units/{scenario['units']['province'].pk}/dashboard").json()
    assert data["period"]["label"] == "Tháng 6/2026"
    assert data["counts"] == {"missed": 0, "behind": 0, "at_risk": 1, "no_data": 0, "on_track": 3, "met": 0}
    speed = next(t for t in data["targets"] if t["indicator_code"] == "HT-04")
    assert (speed["status"], speed["status_label"], speed["latest"]) == ("at_risk", "có nguy cơ", 25.0)
    assert speed["forecast"]["misses"] is True and speed["forecast"]["on"] == "2027-12-31"
    assert [(c["unit"]["name"], c["rank"], c["targets_without_data"]) for c in data["children"]] == [
        ("Xã An Bình", 1, 0), ("Xã Hòa Lạc", 2, 0), ("Xã Tân Lập", None, 3)]
    assert [t["title"] for t in data["overdue_tasks"]] == ["Xây dựng cơ sở dữ liệu dân cư của xã",
                                                          "Tập huấn kỹ năng số cho cán bộ xã"]
    assert data["task_counts"]["overdue"] == 1


def test_rollup_is_summed_numerators_over_summed_denominators(api, scenario):
    url = f"/api/evaluation/units/{scenario['units']['province'].pk}/rollup"
    data = api.get(url, {"indicator": "DT-01"}).json()
    assert data["value"] == pytest.approx(700 / 1500 * 100)  # not (60 + 20) / 2
    assert data["units_reporting"] == 2
    assert (data["components"]["numerator"], data["components"]["denominator"]) == (700.0, 1500.0)
    may = scenario["months"][(2026, 5)]
    data = api.get(url, {"indicator": "DT-01", "period": may.pk}).json()
    assert data["value"] == pytest.approx((575 + 100 + 300) / 2100 * 100)


def test_series_lists_each_period(api, scenario):
    data = api.get(f"/api/evaluation/units/{scenario['units']['commune'].pk}/series", {"indicator": "DT-01"}).json()
    assert [(p["period"]["label"], round(p["value"], 3)) for p in data] == [
        (f"Tháng {m}/2026", (450 + 25 * m) / 10) for m in range(1, 7)]


def test_ranking_json(api, scenario):
    data = api.get(f"/api/evaluation/units/{scenario['units']['province'].pk}/ranking",
                   {"indicator": scenario["catalog"]["eid"].pk}).json()
    assert [(r["unit"]["name"], r["rank"], r["status"]) for r in data] == [
        ("Xã An Bình", 1, "on_track"), ("Xã Hòa Lạc", 2, "behind"), ("Xã Tân Lập", None, "no_data")]


def test_bad_parameters_are_400_with_the_field(api, scenario):
    url = f"/api/evaluation/units/{scenario['units']['province'].pk}/rollup"
    response = api.get(url, {"indicator": "KHONG-CO"})
    assert response.status_code == 400
    assert response.json() == {"error": "filter", "message": "Không có chỉ tiêu mã “KHONG-CO”.", "location": "indicator"}
    response = api.get(f"/api/evaluation/units/{scenario['units']['province'].pk}/dashboard", {"year": "x"})
    assert response.status_code == 400 and response.json()["location"] == "year"
