"""The upload, reading, review and confirm pages, and who may open them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from giamsat.conftest import PASSWORD
from giamsat.documents.models import PlanImport
from giamsat.documents.tests.conftest import PLAN_TEXT
from giamsat.plans.models import Plan

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def officer_client(client, commune_officer):
    client.login(username=commune_officer.username, password=PASSWORD)
    return client


def test_upload_read_review_edit_confirm(officer_client, units, national_plan, fake_parser, media):
    response = officer_client.post(reverse("documents:import"), {
        "file": SimpleUploadedFile("ke-hoach.txt", PLAN_TEXT.encode()),
        "issuing_unit": units["commune"].pk, "implements": [national_plan.pk],
    })
    imp = PlanImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:draft", args=[imp.pk])
    page = officer_client.get(response["Location"]).content.decode()
    assert 'id="read-progress"' in page

    response = officer_client.post(reverse("documents:read", args=[imp.pk]), **HX)
    assert response["HX-Redirect"] == reverse("documents:draft", args=[imp.pk])
    page = officer_client.get(reverse("documents:draft", args=[imp.pk])).content.decode()
    assert '<li id="dong-5" class="target" data-keys="t1">' in page
    assert "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp" in page
    assert "≥ 85%" in page

    imp.refresh_from_db()
    response = officer_client.post(reverse("documents:edit_target", args=[imp.pk, "t1"]),
                                   {"value": "90", "comparator": ">=", "year": "2030", "version": imp.version}, **HX)
    assert response.status_code == 200
    assert "≥ 90%" in response.content.decode()

    imp.refresh_from_db()
    response = officer_client.post(reverse("documents:confirm", args=[imp.pk]), {"version": imp.version}, **HX)
    plan = Plan.objects.get(issuing_unit=units["commune"])
    assert response["HX-Redirect"] == reverse("plans:detail", args=[plan.pk])
    assert plan.targets.get(source_line=5).value == 90


def test_a_bad_edit_shows_the_message(officer_client, read_draft):
    imp = read_draft()
    response = officer_client.post(reverse("documents:edit_target", args=[imp.pk, "t1"]),
                                   {"value": "abc", "version": imp.version}, **HX)
    assert response.status_code == 400
    assert "“abc” không phải là số." in response.content.decode()


def test_an_unknown_file_kind_is_refused_on_upload(officer_client, units, media):
    response = officer_client.post(reverse("documents:import"), {
        "file": SimpleUploadedFile("ke-hoach.exe", b"MZ"), "issuing_unit": units["commune"].pk,
    })
    assert response.status_code == 200
    assert "Không đọc được loại tệp này." in response.content.decode()
    assert not PlanImport.objects.exists()


@pytest.mark.parametrize("actor", ["sibling_officer", "province_viewer"])
@pytest.mark.parametrize("name", ["draft", "progress", "read", "edit_meta", "confirm", "cancel", "add_item"])
def test_who_cannot_enter_data_for_the_unit_gets_403(client, request, read_draft, actor, name):
    imp = read_draft()
    user = request.getfixturevalue(actor)
    client.login(username=user.username, password=PASSWORD)
    url = reverse(f"documents:{name}", args=[imp.pk])
    response = client.post(url, {"title": "x"}, **HX) if name not in ("draft", "progress") else client.get(url)
    assert response.status_code == 403
    assert PlanImport.objects.get(pk=imp.pk).version == imp.version


def test_anonymous_is_sent_to_login(client, read_draft):
    imp = read_draft()
    response = client.get(reverse("documents:draft", args=[imp.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))
