"""The home page each role gets."""

import pytest
from django.urls import reverse

from giamsat.orgs.models import Membership, Role
from giamsat.web.tests.html import text_of


@pytest.fixture
def home(client):
    def get(user):
        client.force_login(user)
        return text_of(client.get(reverse("web:home")))
    return get


def test_an_officer_sees_its_unit_its_plans_and_its_work(home, commune_officer, commune_plan):
    page = home(commune_officer)
    assert "Đơn vị của tôi Xã An Bình Chuyên viên Xã, phường, đặc khu" in page
    assert "Công việc" in page
    assert "Kế hoạch của đơn vị tôi" in page and "05-KH/ĐU" in page
    assert "Theo dõi, chỉ đạo" not in page
    assert "Cấu hình" not in page


def test_a_leader_sees_its_subtree(home, province_leader, commune_plan, sibling_plan):
    page = home(province_leader)
    assert "Theo dõi, chỉ đạo 3 đơn vị 3 kế hoạch" in page
    assert "Kế hoạch mới nhất trong phạm vi theo dõi" in page
    for number in ["12-KH/TU", "05-KH/ĐU", "07-KH/ĐU"]:
        assert number in page
    assert "Công việc" not in page


def test_an_admin_gets_the_configuration_links_when_staff(home, province_admin, client):
    page = home(province_admin)
    assert "Cấu hình Tài khoản chưa có quyền vào trang quản trị" in page
    province_admin.is_staff = True
    province_admin.save(update_fields=["is_staff"])
    client.force_login(province_admin)
    html = client.get(reverse("web:home")).content.decode()
    assert f'href="{reverse("admin:kpi_indicator_changelist")}"' in html


def test_a_user_without_a_unit_is_told_so(home, django_user_model):
    user = django_user_model.objects.create_user(username="moi", password="x-x-x-x-x-x")  # noqa: S106
    assert "Tài khoản của bạn chưa được gán vào đơn vị nào." in home(user)


def test_links_to_sections_that_exist_only_appear_when_they_do(client, commune_officer):
    client.force_login(commune_officer)
    html = client.get(reverse("web:home")).content.decode()
    for name in ["plans:list", "kpi:list", "web:unit_tree"]:
        assert f'href="{reverse(name)}"' in html


def test_someone_holding_two_roles_gets_both_views(home, commune_officer, units):
    Membership.objects.create(user=commune_officer, unit=units["province"], role=Role.VIEWER)
    page = home(commune_officer)
    assert "Công việc" in page and "Theo dõi, chỉ đạo" in page
