"""The alignment page and its JSON, and who may read them."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from giamsat.conftest import PASSWORD
from giamsat.documents.tests.test_import_command import SEED_FILES
from giamsat.plans.models import Plan


@pytest.fixture
def vinh_thuan(units, national_plan, media):
    call_command("import", str(SEED_FILES[0]), "--unit", "X01", "--implements", "57-NQ/TW",
                 stdout=io.StringIO(), stderr=io.StringIO())
    return Plan.objects.get(issuing_unit=units["commune"])


def test_page_shows_both_texts_of_the_weaker_target(client, province_leader, vinh_thuan):
    client.login(username=province_leader.username, password=PASSWORD)
    page = client.get(reverse("documents:alignment", args=[vinh_thuan.pk])).content.decode()
    assert ("Chỉ tiêu “Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo” năm 2030: kế hoạch đặt &gt; 20%, "
            "thấp hơn văn bản cấp trên (≥ 40%).") in page
    assert "<q>Phấn đấu tiếp cận nhanh các thành tựu của khoa học, công nghệ" in page  # the plan's line 45
    assert "<q>13. Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo (2030): &gt;= 40 %" in page  # 57-NQ/TW
    assert f'href="/ke-hoach/{vinh_thuan.pk}/van-ban/#dong-45"' in page


def test_json_lists_findings_with_lines(client, commune_officer, vinh_thuan, national_plan):
    client.login(username=commune_officer.username, password=PASSWORD)
    body = client.get(f"/api/documents/plans/{vinh_thuan.pk}/alignment").json()
    assert body["parents"][0]["plan"]["number"] == "57-NQ/TW"
    weaker = [f for f in body["parents"][0]["findings"] if f["kind"] == "weaker"]
    assert [(f["child"]["line"], f["parent"]["plan_id"], f["good_news"]) for f in weaker] == [
        (45, national_plan.pk, False)]


@pytest.mark.parametrize("where", ["page", "api"])
def test_a_sibling_commune_cannot_read_it(client, sibling_officer, vinh_thuan, where):
    client.login(username=sibling_officer.username, password=PASSWORD)
    if where == "page":
        response = client.get(reverse("documents:alignment", args=[vinh_thuan.pk]))
    else:
        response = client.get(f"/api/documents/plans/{vinh_thuan.pk}/alignment")
    assert response.status_code == 403


def test_the_api_needs_a_login(client, vinh_thuan):
    assert client.get(f"/api/documents/plans/{vinh_thuan.pk}/alignment").status_code == 401
