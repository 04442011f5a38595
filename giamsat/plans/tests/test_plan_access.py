"""Who may read which plan, through every page and endpoint of the plans app."""

import pytest
from django.urls import reverse

from giamsat.conftest import PASSWORD

# (actor fixture, plan fixture, may read)
CASES = [
    ("commune_officer", "commune_plan", True),
    ("commune_officer", "sibling_plan", False),
    ("commune_officer", "province_plan", True),  # the plan above is the one its unit implements
    ("sibling_officer", "commune_plan", False),
    ("province_leader", "commune_plan", True),
    ("province_leader", "sibling_plan", True),
    ("province_viewer", "province_plan", True),
]
PAGES = ["plans:detail", "plans:source"]


@pytest.mark.parametrize(("actor", "plan", "allowed"), CASES)
@pytest.mark.parametrize("page", PAGES)
def test_plan_pages(client, request, actor, plan, allowed, page):
    user, plan = request.getfixturevalue(actor), request.getfixturevalue(plan)
    client.force_login(user)
    response = client.get(reverse(page, args=[plan.pk]))
    if allowed:
        assert response.status_code == 200
        assert plan.title in response.content.decode()
    else:
        assert response.status_code == 403
        assert f"Bạn không có quyền xem dữ liệu của “{plan.issuing_unit.name}”." in response.content.decode()


@pytest.mark.parametrize(("actor", "plan", "allowed"), CASES)
def test_plan_api_detail(client, request, actor, plan, allowed):
    user, plan = request.getfixturevalue(actor), request.getfixturevalue(plan)
    client.force_login(user)
    response = client.get(f"/api/plans/{plan.pk}")
    if allowed:
        assert response.status_code == 200
        assert response.json()["number"] == plan.number
    else:  # as if it did not exist: the API does not tell what lies outside one's scope
        assert response.status_code == 404
        assert response.json() == {"error": "not_found", "message": "Không có kế hoạch này."}


@pytest.mark.parametrize(
    ("actor", "numbers"),
    [
        ("commune_officer", ["12-KH/TU", "05-KH/ĐU"]),
        ("sibling_officer", ["12-KH/TU", "07-KH/ĐU"]),
        ("province_leader", ["12-KH/TU", "05-KH/ĐU", "07-KH/ĐU"]),
    ],
)
def test_lists_hold_only_readable_plans(client, request, actor, numbers, commune_plan, sibling_plan):
    client.force_login(request.getfixturevalue(actor))
    api = [p["number"] for p in client.get("/api/plans/").json()["items"]]
    assert sorted(api) == sorted(numbers)
    page = client.get(reverse("plans:list")).content.decode()
    for number in ["12-KH/TU", "05-KH/ĐU", "07-KH/ĐU"]:
        assert (number in page) == (number in numbers)


def test_filtering_by_a_unit_outside_ones_scope_is_refused(client, commune_officer, units, sibling_plan):
    client.force_login(commune_officer)
    response = client.get("/api/plans/", {"unit": "X02"})
    assert (response.status_code, response.json()["message"]) == (404, "Không có đơn vị mã “X02”.")
    page = client.get(reverse("plans:list"), {"unit": "X02"})
    assert page.status_code == 200  # not among the choices: the filter says so and is ignored
    html = page.content.decode()
    assert "Hãy chọn một lựa chọn hợp lệ. X02 không phải là một trong các lựa chọn khả thi." in html
    assert "07-KH/ĐU" not in html


def test_the_plan_above_is_linked_but_a_siblings_plan_below_it_is_not(client, commune_officer, commune_plan, province_plan, sibling_plan):
    client.force_login(commune_officer)
    page = client.get(reverse("plans:detail", args=[commune_plan.pk])).content.decode()
    assert reverse("plans:detail", args=[province_plan.pk]) in page
    above = client.get(reverse("plans:detail", args=[province_plan.pk])).content.decode()
    assert "05-KH/ĐU" in above
    assert "07-KH/ĐU" not in above
    assert [p["number"] for p in client.get(f"/api/plans/{province_plan.pk}").json()["implemented_by"]] == ["05-KH/ĐU"]


def test_an_implementing_plan_the_user_cannot_read_is_left_out_of_the_api(client, commune_officer, province_plan, commune_plan, sibling_plan, province_leader):
    client.force_login(province_leader)
    assert [p["number"] for p in client.get(f"/api/plans/{province_plan.pk}").json()["implemented_by"]] == ["05-KH/ĐU", "07-KH/ĐU"]


def test_the_api_list_is_paginated_and_takes_a_token(client, province_leader, commune_plan, sibling_plan):
    from giamsat.orgs import tokens

    _token, key = tokens.create_token(province_leader, name="test")
    response = client.get("/api/plans/", {"limit": 2, "offset": 0}, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.json()["count"] == 3
    assert len(response.json()["items"]) == 2


def test_anonymous_users_are_sent_to_the_login_page(client, commune_plan):
    for page in [reverse("plans:list"), *(reverse(p, args=[commune_plan.pk]) for p in PAGES)]:
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("web:login"))
    assert client.get("/api/plans/").status_code == 401
    assert client.get(f"/api/plans/{commune_plan.pk}").status_code == 401


def test_an_unknown_plan_is_a_clear_404(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get(reverse("plans:detail", args=[999999]))
    assert response.status_code == 404
    assert "Không có kế hoạch này." in response.content.decode()
    assert client.get("/api/plans/999999").json() == {"error": "not_found", "message": "Không có kế hoạch này."}


def test_logging_in_with_the_form_works_for_plan_pages(client, commune_officer, commune_plan):
    assert client.login(username="cv_xa", password=PASSWORD)
    assert client.get(reverse("plans:detail", args=[commune_plan.pk])).status_code == 200


def test_a_plan_of_a_unit_merged_into_an_ancestor_is_read_from_below(client, units, commune_officer, sibling_officer):
    from giamsat.orgs import services as org_services
    from giamsat.orgs.models import Level
    from giamsat.plans.services import create_plan_from_parse
    from giamsat.plans.tests.conftest import parsed

    old = org_services.create_unit(code="T-OLD", name="Tỉnh Cũ", level=Level.PROVINCE, parent=units["nation"])
    org_services.set_successors(old, [units["province"]])
    plan = create_plan_from_parse(parsed("82-NQ/TU", "Nghị quyết của tỉnh cũ"), issuing_unit=old, actor=None)
    client.force_login(commune_officer)
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 200
    old_commune = org_services.create_unit(code="X-OLD", name="Xã Cũ", level=Level.COMMUNE, parent=old)
    below = create_plan_from_parse(parsed("3-KH/ĐU", "Kế hoạch của xã cũ"), issuing_unit=old_commune, actor=None)
    assert client.get(reverse("plans:detail", args=[below.pk])).status_code == 403  # not above the officer
