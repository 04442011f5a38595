"""The dashboard pages show the scenario's numbers readably (see test_dashboard_service)."""

import json
import re

import pytest
from django.urls import reverse

from giamsat.evaluation.tests.conftest import TODAY


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


@pytest.fixture
def page(client, scenario, province_leader):
    client.force_login(province_leader)
    response = client.get(reverse("evaluation:unit", args=[scenario["units"]["province"].pk]))
    assert response.status_code == 200
    return response.content.decode()


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_counts_by_status_carry_a_symbol_and_a_word(page):
    assert re.search(r'status-at_risk"><span class="symbol" aria-hidden="true">▲</span><strong>1</strong><span>có nguy cơ</span>', page)
    assert re.search(r'status-on_track"><span class="symbol" aria-hidden="true">●</span><strong>3</strong><span>đúng tiến độ</span>', page)


def test_tiles_show_latest_value_target_and_reason(page):
    plain = text(page)
    assert "46,7 %" in plain and "Chỉ tiêu ≥ 80% (2030)" in plain
    assert "Chỉ tiêu ≥ 120 sáng kiến mỗi năm (2030)" in plain
    assert "Đạt 25 Mbps (30/06/2026), chậm 2,4 Mbps so với lộ trình (27,4 Mbps), trong ngưỡng 3 Mbps." in plain
    assert "dự báo không đạt" in plain
    assert '<svg class="spark"' in page  # the sparkline with its trajectory
    assert 'class="spark-trajectory"' in page


def test_side_lists_show_warnings_overdue_tasks_and_narratives(page):
    plain = text(page)
    assert "Theo xu hướng 6 kỳ gần nhất, đến 31/12/2027 chỉ đạt khoảng 25 Mbps, thấp hơn chỉ tiêu 50 Mbps." in plain
    assert "Xã Hòa Lạc · Tỷ lệ người dân" not in plain  # the units below come with their ranking
    assert "2 nhiệm vụ quá hạn" in plain
    assert "Xây dựng cơ sở dữ liệu dân cư của xã" in plain
    assert "Khó khăn: Thiếu kinh phí nâng cấp đường truyền." in plain


def test_the_page_lists_the_units_below_and_loads_their_ranking(page, scenario):
    province = scenario["units"]["province"]
    assert reverse("evaluation:unit", args=[scenario["units"]["commune"].pk]) in page  # drill-down at once
    assert f'hx-get="{reverse("evaluation:ranking", args=[province.pk])}' in page and 'hx-trigger="load"' in page


def test_the_ranking_part_judges_and_ranks_the_units_below(client, scenario, province_leader):
    client.force_login(province_leader)
    url = reverse("evaluation:ranking", args=[scenario["units"]["province"].pk])
    plain = text(client.get(url, HTTP_HX_REQUEST="true").content.decode())
    assert re.search(r"1 Xã An Bình 100 % \(3/3\)", plain)
    assert re.search(r"2 Xã Hòa Lạc 33,3 % \(1/3\)", plain)
    assert re.search(r"– Xã Tân Lập chưa có số liệu", plain)
    assert "Đơn vị trực thuộc chậm tiến độ, không đạt" in plain
    assert "Xã Hòa Lạc · Tỷ lệ người dân có tài khoản định danh điện tử Đạt 20 % (30/06/2026)" in plain
    full = client.get(url).content.decode()  # without JavaScript: the whole page with the ranking in it
    assert "<html" in full and re.search(r"1 Xã An Bình 100 %", text(full))


def test_only_the_worst_tiles_are_shown_until_asked(client, scenario, province_leader, monkeypatch):
    from giamsat.evaluation import services

    monkeypatch.setattr(services, "TILES_SHOWN", 2)
    client.force_login(province_leader)
    url = reverse("evaluation:unit", args=[scenario["units"]["province"].pk])
    html = client.get(url).content.decode()
    assert html.count('<li class="tile ') == 2
    assert "Đang hiện 2 chỉ tiêu chậm nhất; xem cả 4 chỉ tiêu" in text(html)
    assert client.get(url, {"all": "1"}).content.decode().count('<li class="tile ') == 4


def test_drilling_down_shows_the_same_view_for_a_commune(client, scenario, province_leader):
    client.force_login(province_leader)
    html = client.get(reverse("evaluation:unit", args=[scenario["units"]["commune"].pk])).content.decode()
    plain = text(html)
    assert "Bảng điều hành – Xã An Bình" in plain
    assert "đánh giá theo chỉ tiêu của Tỉnh Thử Nghiệm" in plain
    assert "Tỉnh Thử Nghiệm ›" in plain  # breadcrumbs back up


def test_htmx_requests_get_the_board_alone(client, scenario, province_leader):
    client.force_login(province_leader)
    html = client.get(reverse("evaluation:unit", args=[scenario["units"]["province"].pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and "Bảng điều hành – Tỉnh Thử Nghiệm" in html


def test_a_tile_opens_its_chart_with_trajectory_forecast_and_target(client, scenario, province_leader):
    client.force_login(province_leader)
    url = reverse("evaluation:tile", args=[scenario["units"]["province"].pk, scenario["targets"]["speed"].pk])
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    data = json.loads(re.search(r'<script id="kpi-chart-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert data["values"]["y"] == [25.0] * 6
    assert data["trajectory"] == {"x": ["2025-12-31", "2027-12-31"], "y": [20.0, 50.0]}
    assert data["forecast"]["y"] == [25.0, 25.0] and data["target"] == {"x": ["2027-12-31"], "y": [50.0]}
    assert "Dự báo không đạt." in html
    full = client.get(url).content.decode()  # without HTMX: a page of its own
    assert "<html" in full and 'id="kpi-chart-data"' in full


def test_ranking_part_switches_indicator(client, scenario, province_leader):
    client.force_login(province_leader)
    url = reverse("evaluation:ranking", args=[scenario["units"]["province"].pk])
    html = client.get(url, {"indicator": scenario["catalog"]["late"].pk}, HTTP_HX_REQUEST="true").content.decode()
    plain = text(html)
    assert "Càng thấp càng tốt." in plain
    assert re.search(r"1 Xã Hòa Lạc 6 % ● đúng tiến độ", plain)
    assert re.search(r"2 Xã An Bình 10 % ● đúng tiến độ", plain)


def test_a_bad_filter_is_a_clear_message_not_a_crash(client, scenario, province_leader):
    client.force_login(province_leader)
    response = client.get(reverse("evaluation:unit", args=[scenario["units"]["province"].pk]), {"year": "abc"})
    assert response.status_code == 400
    assert "Giá trị “abc” của bộ lọc không hợp lệ." in response.content.decode()
    response = client.get(reverse("evaluation:unit", args=[scenario["units"]["province"].pk]), {"period": "999999"})
    assert response.status_code == 400 and "Không có kỳ báo cáo này." in response.content.decode()


def test_plotly_is_served_from_the_package_with_a_long_cache(client, db):
    response = client.get(reverse("evaluation:plotly"))
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=31536000", "immutable"}
    assert b"plotly.js" in b"".join(response.streaming_content)[:2000]


def test_a_target_without_any_value_shows_a_dash_not_an_error(client, scenario, province_leader, catalog):
    """A tile with no reported value at all (an agency's new target) has no latest
    value: the page shows "–" and "chưa có số liệu" instead of failing."""
    from giamsat.evaluation.tests.conftest import indicator
    from giamsat.kpi.models import Target

    fresh = indicator("MOI-01", "Tỷ lệ chưa ai báo cáo")
    province = scenario["units"]["province"]
    Target.objects.create(plan=scenario["plan"], unit=province, indicator=fresh, indicator_text=fresh.name,
                          year=2030, comparator=">=", value=50)
    client.force_login(province_leader)
    response = client.get(reverse("evaluation:unit", args=[province.pk]), {"all": "1"})
    assert response.status_code == 200
    tile = text(response.content.decode()).split("Tỷ lệ chưa ai báo cáo", 1)[1][:200]
    assert tile.split()[0] == "–" and "Chưa có số liệu" in tile
