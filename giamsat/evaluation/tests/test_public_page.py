"""The public page: public indicators by unit and over time, for anyone — and nothing else."""

import re

import pytest
from django.urls import reverse

from giamsat.evaluation.tests.conftest import TODAY

# Everything the scenario holds that is not public: other indicators (names and codes),
# targets, statuses, reports' texts, tasks.
SECRETS = [
    "Số sáng kiến được công nhận", "KH-02", "Tỷ lệ thủ tục hành chính trực tuyến toàn trình", "CQ-03",
    "Dân số", "DS-01", "Tốc độ Internet cáp quang thấp nhất", "HT-04", "Tỷ lệ hồ sơ giải quyết trễ hạn", "CQ-05",
    "≥ 80", "đúng tiến độ", "có nguy cơ", "chậm tiến độ", "lộ trình", "Thiếu kinh phí", "Đề nghị tỉnh hỗ trợ",
    "Xây dựng cơ sở dữ liệu dân cư", "15/KH-UBND",
]


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def test_public_page_needs_no_login_and_shows_public_indicators_by_unit(client, scenario):
    province = scenario["units"]["province"]
    response = client.get(reverse("evaluation:public_unit", args=[province.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Số liệu công khai – Tỉnh Thử Nghiệm" in plain
    assert "46,7 %" in plain  # June: 700 / 1,500
    assert re.search(r"Xã An Bình 60 %", plain) and re.search(r"Xã Hòa Lạc 20 %", plain)
    assert re.search(r"Xã Tân Lập chưa có số liệu", plain)
    assert 'id="public-chart-data"' in html


def test_public_page_opens_at_the_root_and_leads_down(client, scenario):
    html = client.get(reverse("evaluation:public")).content.decode()
    assert "Số liệu công khai – Trung ương" in html
    assert reverse("evaluation:public_unit", args=[scenario["units"]["province"].pk]) in html


@pytest.mark.parametrize("unit_key", ["nation", "province", "commune", "third"])
def test_nothing_non_public_leaks_into_the_page_or_the_api(client, scenario, unit_key):
    unit = scenario["units"][unit_key]
    html = client.get(reverse("evaluation:public_unit", args=[unit.pk])).content.decode()
    body = client.get(f"/api/evaluation/public/units/{unit.pk}").content.decode("unicode_escape")
    for secret in SECRETS:
        assert secret not in html, secret
        assert secret not in body, secret
    assert "DT-01" in body  # the public one is there


def test_public_api_gives_the_series(client, scenario):
    data = client.get(f"/api/evaluation/public/units/{scenario['units']['commune'].pk}").json()
    (series,) = data["indicators"]
    assert series["indicator_code"] == "DT-01"
    assert [round(p["value"], 3) for p in series["points"]] == [(450 + 25 * m) / 10 for m in range(1, 7)]


def test_asking_for_a_non_public_indicator_is_refused(client, scenario):
    response = client.get(reverse("evaluation:public"), {"indicator": "KH-02"})
    assert response.status_code == 400
    assert "Không có chỉ tiêu công khai mã “KH-02”." in response.content.decode()
    assert client.get(reverse("evaluation:public_unit", args=[99999])).status_code == 404
