"""What the plan pages show: targets by year in Vietnamese figures, tasks, units, filters."""

import re

import pytest
from django.urls import reverse

from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level
from giamsat.parsing.schema import Target
from giamsat.plans.services import create_plan_from_parse
from giamsat.plans.tests.conftest import parsed
from giamsat.web.tests.html import text_of


@pytest.fixture
def detail(client, province_leader, commune_plan):
    client.force_login(province_leader)
    return text_of(client.get(reverse("plans:detail", args=[commune_plan.pk])).content.decode())


def test_targets_are_grouped_by_year_with_vietnamese_figures(detail):
    assert "Đến năm 2025 Chỉ tiêu Mức phấn đấu Mỗi năm Chỉ tiêu trong danh mục Dòng " \
           "Tỷ lệ dịch vụ công trực tuyến ≥ 1.234,5 hồ sơ không chưa gắn 2" in detail
    assert "Đến năm 2030" in detail
    assert "Tổ chức khoa học và công nghệ từ 40 đến 50 tổ chức không chưa gắn 3" in detail
    assert "Chi ngân sách cho khoa học ≥ 3% có chưa gắn 3" in detail
    assert detail.index("Đến năm 2025") < detail.index("Đến năm 2030")


def test_tasks_show_lead_partners_and_deadline(detail):
    assert "III.1 Quán triệt Nghị quyết Ủy ban nhân dân xã Mặt trận 30/04/2025 5" in detail
    assert "Tuyên truyền thường xuyên – – Thường xuyên 6" in detail


def test_units_with_duties_and_the_plans_above_and_below(detail):
    assert "Ủy ban nhân dân xã dòng 7 Bố trí kinh phí" in detail
    assert "Thực hiện văn bản 12-KH/TU (Tỉnh Thử Nghiệm)" in detail


def test_source_lines_link_to_the_numberedtext_of(client, province_leader, commune_plan):
    client.force_login(province_leader)
    html = client.get(reverse("plans:detail", args=[commune_plan.pk])).content.decode()
    assert f'href="{reverse("plans:source", args=[commune_plan.pk])}#dong-7"' in html
    source = client.get(reverse("plans:source", args=[commune_plan.pk])).content.decode()
    assert '<li id="dong-7"><span class="ln" aria-hidden="true">7</span><span class="tx">l7</span></li>' in source


def test_line_numbers_and_years_are_not_grouped_like_amounts(client, province_leader, units):
    lines = "\n".join(f"dòng {n}" for n in range(1, 1300))
    result = parsed("1-KH", "Kế hoạch dài", targets=[Target("Chỉ tiêu xa", ">=", 5, year=2045, line=1234)])
    plan = create_plan_from_parse(result, issuing_unit=units["commune"], actor=None, source_text=lines)
    client.force_login(province_leader)
    html = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Đến năm 2045" in html
    assert "#dong-1234" in html and ">1234</a>" in html
    assert "1.234" not in html


def test_the_list_filters_by_unit_subtree_level_and_words(client, province_leader, units, province_plan, commune_plan, sibling_plan):
    client.force_login(province_leader)
    listed = lambda **q: sorted(re.findall(r"\d\d-KH/(?:TU|ĐU)", client.get(reverse("plans:list"), q).content.decode()))  # noqa: E731
    assert listed() == ["05-KH/ĐU", "07-KH/ĐU", "12-KH/TU"]
    assert listed(unit="X01") == ["05-KH/ĐU"]
    assert listed(level="province") == ["12-KH/TU"]
    assert listed(q="hòa lạc") == ["07-KH/ĐU"]
    assert listed(status="draft") == []


def test_a_dissolved_units_plans_are_found_from_its_successor(client, units, province_leader, django_user_model):
    old = org_services.create_unit(code="H-CU", name="Huyện Cũ", level=Level.DISTRICT, parent=units["nation"])
    plan = create_plan_from_parse(parsed("3-KH/HU", "Kế hoạch của huyện cũ"), issuing_unit=old, actor=None)
    org_services.set_successors(old, [units["commune"]])
    client.force_login(province_leader)
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 200
    assert "3-KH/HU" in client.get(reverse("plans:list"), {"unit": "X01"}).content.decode()


def test_a_plan_implementing_another_links_to_its_alignment(client, province_leader, commune_plan, province_plan):
    client.force_login(province_leader)
    html = client.get(reverse("plans:detail", args=[commune_plan.pk])).content.decode()
    assert f'href="{reverse("documents:alignment", args=[commune_plan.pk])}"' in html
    html = client.get(reverse("plans:detail", args=[province_plan.pk])).content.decode()
    assert reverse("documents:alignment", args=[province_plan.pk]) not in html  # it implements nothing


def test_the_unit_filter_offers_units_with_plans_and_localities_above_communes(province_leader, units, commune_plan):
    from giamsat.plans.services import filter_units

    org_services.create_unit(code="X03", name="Xã Không Kế Hoạch", level=Level.COMMUNE, kind="area", parent=units["province"])
    assert [u.code for u in filter_units(province_leader)] == ["T01", "X01"]
