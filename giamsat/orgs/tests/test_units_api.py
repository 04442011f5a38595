"""GET /api/units and /api/units/{code} show only the units the caller may view;
a unit out of reach is a 404, exactly like one that does not exist."""

import pytest

from giamsat.orgs import services
from giamsat.orgs.models import Level, Unit


def _codes(response):
    assert response.status_code == 200
    return [u["code"] for u in response.json()["items"]]


def _as(client, user):
    client.force_login(user)
    return client


def test_a_commune_officer_lists_only_its_commune(client, commune_officer):
    assert _codes(_as(client, commune_officer).get("/api/units")) == ["X01"]


def test_a_province_leader_lists_its_subtree_in_tree_order(client, province_leader):
    response = _as(client, province_leader).get("/api/units")
    assert _codes(response) == ["T01", "X01", "X02"]
    assert response.json()["count"] == 3
    first = response.json()["items"][0]
    assert first == {"code": "T01", "name": "Tỉnh Thử Nghiệm", "short_name": "", "kind": "party_committee",
                     "level": "province", "parent": "VN", "depth": 1, "admin_code": "",
                     "valid_from": None, "valid_to": None}


def test_the_list_filters_by_parent_and_level(client, province_leader):
    client = _as(client, province_leader)
    assert _codes(client.get("/api/units?parent=T01")) == ["X01", "X02"]
    assert _codes(client.get("/api/units?level=province")) == ["T01"]
    assert _codes(client.get("/api/units?parent=T01&level=province")) == []


def test_a_parent_out_of_reach_is_not_found(client, commune_officer):
    response = _as(client, commune_officer).get("/api/units?parent=T01")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": "Không có đơn vị mã “T01”.", "location": "code"}


def test_an_unknown_level_is_refused(client, province_leader):
    response = _as(client, province_leader).get("/api/units?level=hamlet")
    assert response.status_code == 422
    assert response.json()["message"] == "Dữ liệu gửi lên không hợp lệ."


def test_the_list_pages(client, province_leader):
    response = _as(client, province_leader).get("/api/units?limit=2&offset=1")
    assert _codes(response) == ["X01", "X02"]
    assert response.json()["count"] == 3


def test_the_list_costs_the_same_queries_for_many_units(client, province_leader, units, django_assert_num_queries):
    client = _as(client, province_leader)
    client.get("/api/units")  # warm the session
    for i in range(20):
        services.create_unit(code=f"X1{i:02d}", name=f"Xã {i}", level=Level.COMMUNE, parent=units["province"])
    # session, user, memberships, succession edges, count, page
    with django_assert_num_queries(6):
        assert len(_codes(client.get("/api/units?limit=100"))) == 23


def test_a_commune_officer_reads_its_commune(client, commune_officer):
    response = _as(client, commune_officer).get("/api/units/X01")
    assert response.status_code == 200
    assert response.json()["name"] == "Xã An Bình"
    assert response.json()["parent"] == "T01"


@pytest.mark.parametrize("code", ["X02", "T01", "VN", "KHONG-CO"])
def test_a_unit_out_of_reach_is_the_same_404_as_a_missing_one(client, commune_officer, code):
    response = _as(client, commune_officer).get(f"/api/units/{code}")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": f"Không có đơn vị mã “{code}”.", "location": "code"}


def test_a_province_leader_reads_each_unit_of_its_subtree(client, province_leader):
    client = _as(client, province_leader)
    for code in ["T01", "X01", "X02"]:
        assert client.get(f"/api/units/{code}").status_code == 200
    assert client.get("/api/units/VN").status_code == 404


def test_successors_and_predecessors_are_listed_where_visible(client, units, commune_officer, province_leader):
    old = services.create_unit(code="H-CU", name="Huyện Cũ", level=Level.DISTRICT, parent=units["nation"])
    services.set_successors(old, [units["commune"], units["sibling"]])
    officer_view = _as(client, commune_officer).get("/api/units/H-CU").json()
    assert officer_view["successors"] == ["X01"]  # the sibling commune is out of the officer's reach
    assert _as(client, province_leader).get("/api/units/H-CU").json()["successors"] == ["X01", "X02"]
    assert _as(client, province_leader).get("/api/units/X01").json()["predecessors"] == ["H-CU"]


def test_anonymous_callers_are_refused_on_each_endpoint(client, units):
    for url in ["/api/units", "/api/units/X01"]:
        assert client.get(url).status_code == 401


def test_a_superuser_lists_every_unit(client, units, django_user_model):
    root = django_user_model.objects.create_superuser(username="root")
    assert _codes(_as(client, root).get("/api/units")) == ["VN", "T01", "X01", "X02"]


def test_a_page_is_at_most_a_thousand_units(client, units, django_user_model):
    province = units["province"]
    Unit.objects.bulk_create([
        Unit(code=f"N{i:04d}", name=f"Xã {i}", level=Level.COMMUNE, parent=province, depth=2)
        for i in range(1000)
    ])
    Unit.objects.filter(path="").update(path=services.own_path_sql(province))
    root = django_user_model.objects.create_superuser(username="root")
    client = _as(client, root)
    response = client.get("/api/units?limit=1000")
    assert response.json()["count"] == 1004
    assert len(response.json()["items"]) == 1000
    too_many = client.get("/api/units?limit=1001")
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["location"] == "query.limit"
