"""The unit tree and a unit's page: only units one may view, reorganisation shown."""

import datetime

import pytest
from django.urls import reverse

from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level
from giamsat.web.tests.html import text_of
from giamsat.web.units import unit_tree


@pytest.fixture
def old_district(units):
    old = org_services.create_unit(code="H-CU", name="Huyện Cũ", level=Level.DISTRICT, parent=units["nation"],
                                   valid_to=datetime.date(2025, 6, 30))
    org_services.set_successors(old, [units["commune"], units["sibling"]])
    return old


def test_the_tree_holds_only_visible_units(client, commune_officer, province_leader):
    client.force_login(commune_officer)
    page = text_of(client.get(reverse("web:unit_tree")))
    assert "Xã An Bình" in page and "Xã Hòa Lạc" not in page and "Tỉnh Thử Nghiệm" not in page
    client.force_login(province_leader)
    page = text_of(client.get(reverse("web:unit_tree")))
    assert "Tỉnh Thử Nghiệm" in page and "Xã An Bình" in page and "Xã Hòa Lạc" in page
    assert "Trung ương" not in page


def test_a_dissolved_unit_is_marked_with_its_successors(client, province_leader, old_district):
    client.force_login(province_leader)
    page = text_of(client.get(reverse("web:unit_tree")))
    assert "Huyện Cũ Huyện (cũ) · Khác · H-CU Hết hiệu lực từ 30/06/2025 → kế thừa: Xã An Bình, Xã Hòa Lạc" in page


def test_the_tree_costs_the_same_queries_however_many_units(province_leader, old_district, units, django_assert_num_queries):
    # memberships; succession edges (one round per link of the chain: a predecessor
    # found, then none further); the units; their successors
    user = type(province_leader).objects.get(pk=province_leader.pk)
    with django_assert_num_queries(5):
        assert len(unit_tree(user)) == 4
    for n in range(20):
        org_services.create_unit(code=f"X01-{n}", name=f"Thôn {n}", level=Level.COMMUNE, parent=units["commune"])
    user = type(province_leader).objects.get(pk=province_leader.pk)
    with django_assert_num_queries(5):
        assert len(unit_tree(user)) == 24


def test_a_unit_page_shows_plans_children_and_successors(client, province_leader, units, commune_plan, old_district):
    client.force_login(province_leader)
    page = text_of(client.get(reverse("web:unit_detail", args=[units["province"].pk])))
    assert "Kế hoạch do đơn vị ban hành" in page and "12-KH/TU" in page
    assert "Xem 2 kế hoạch của đơn vị và cấp dưới" in page
    assert "Đơn vị trực thuộc Xã An Bình" in page
    page = text_of(client.get(reverse("web:unit_detail", args=[old_district.pk])))
    assert "Đơn vị kế thừa Xã An Bình, Xã Hòa Lạc" in page
    assert "đến 30/06/2025" in page


def test_members_are_listed_only_for_those_who_configure(client, province_leader, province_admin, commune_officer, units):
    url = reverse("web:unit_detail", args=[units["commune"].pk])
    client.force_login(province_leader)
    assert "Thành viên" not in text_of(client.get(url))
    client.force_login(province_admin)
    assert "Thành viên Tên đăng nhập Họ tên Vai trò cv_xa – Chuyên viên" in text_of(client.get(url))


def test_a_sibling_units_page_is_refused(client, commune_officer, units):
    client.force_login(commune_officer)
    response = client.get(reverse("web:unit_detail", args=[units["sibling"].pk]))
    assert response.status_code == 403
    assert "Bạn không có quyền xem dữ liệu của “Xã Hòa Lạc”." in response.content.decode()
    assert client.get(reverse("web:unit_detail", args=[999999])).status_code == 404


def test_ancestors_outside_the_scope_are_named_without_links(client, commune_officer, units):
    client.force_login(commune_officer)
    html = client.get(reverse("web:unit_detail", args=[units["commune"].pk])).content.decode()
    assert "Tỉnh Thử Nghiệm" in html
    assert reverse("web:unit_detail", args=[units["province"].pk]) not in html


def test_anonymous_users_must_log_in(client, units):
    for url in [reverse("web:home"), reverse("web:unit_tree"), reverse("web:unit_detail", args=[units["commune"].pk])]:
        assert client.get(url)["Location"].startswith(reverse("web:login"))
