"""A district dissolved on 1 July 2025 keeps its plan, reachable from its successors.

Huyện Vĩnh Thuận (Kiên Giang) issued one of the seed plans. On 1 July 2025 the
district level ended, Kiên Giang joined An Giang, and the district's communes were
merged into four communes of An Giang. The plan stays attached to the district and
is found, with its targets, from each successor's subtree and the province's.
"""

import datetime

import pytest

from giamsat.kpi.models import Target
from giamsat.orgs import access, services
from giamsat.orgs.models import Level, Membership, Role, Unit, UnitKind
from giamsat.orgs.vietnam import load_vietnam, national_root
from giamsat.plans.models import Plan

END_OF_DISTRICTS = datetime.date(2025, 6, 30)
SUCCESSORS = ["Xã Vĩnh Thuận", "Xã Vĩnh Bình", "Xã Vĩnh Phong", "Xã Vĩnh Hòa"]


@pytest.fixture
def an_giang(db):
    load_vietnam(province="91")
    province = Unit.objects.get(kind=UnitKind.ADMINISTRATIVE_AREA, level=Level.PROVINCE, admin_code="91")
    communes = {u.name: u for u in Unit.objects.filter(parent=province)}
    return province, communes


@pytest.fixture
def district(an_giang):
    province, communes = an_giang
    kien_giang = services.create_unit(
        code="KG", name="Tỉnh Kiên Giang", level=Level.PROVINCE, kind=UnitKind.ADMINISTRATIVE_AREA,
        parent=national_root(), valid_to=END_OF_DISTRICTS,
    )
    vinh_thuan = services.create_unit(
        code="KG-VT", name="Huyện Vĩnh Thuận", level=Level.DISTRICT, kind=UnitKind.PARTY_COMMITTEE,
        parent=kien_giang, valid_to=END_OF_DISTRICTS,
    )
    services.set_successors(kien_giang, [province])
    services.set_successors(vinh_thuan, [communes[name] for name in SUCCESSORS])
    return vinh_thuan


@pytest.fixture
def plan(district):
    plan = Plan.objects.create(
        number="KH-VT", title="Kế hoạch thực hiện Nghị quyết 57-NQ/TW", issuing_unit=district,
        issued_on=datetime.date(2025, 3, 10),
    )
    Target.objects.create(plan=plan, unit=district, indicator_text="Tỷ lệ hộ gia đình có cáp quang",
                          year=2030, value=100, unit_text="%")
    return plan


def _plans_under(unit):
    return Plan.objects.filter(issuing_unit__in=services.subtree(unit))


def test_the_districts_plan_is_found_from_each_successor(an_giang, plan):
    _province, communes = an_giang
    for name in SUCCESSORS:
        assert list(_plans_under(communes[name])) == [plan]


def test_the_districts_plan_is_found_from_the_province(an_giang, plan):
    province, _communes = an_giang
    assert list(_plans_under(province)) == [plan]
    targets = Target.objects.filter(services.paths_q(services.scope_paths([province]), "unit__path"))
    assert [t.indicator_text for t in targets] == ["Tỷ lệ hộ gia đình có cáp quang"]


def test_a_commune_that_did_not_take_over_the_district_does_not_see_its_plan(an_giang, plan):
    _province, communes = an_giang
    assert not _plans_under(communes["Phường Vĩnh Tế"]).exists()


def test_without_successors_the_plan_is_out_of_reach(an_giang, plan):
    _province, communes = an_giang
    assert not Plan.objects.filter(
        issuing_unit__in=services.subtree(communes["Xã Vĩnh Bình"], include_predecessors=False)
    ).exists()


def test_an_officer_of_a_successor_commune_views_the_districts_plan(an_giang, plan, django_user_model):
    _province, communes = an_giang
    officer = django_user_model.objects.create_user(username="cv_vinh_binh")
    Membership.objects.create(user=officer, unit=communes["Xã Vĩnh Bình"], role=Role.OFFICER)
    outsider = django_user_model.objects.create_user(username="cv_vinh_te")
    Membership.objects.create(user=outsider, unit=communes["Phường Vĩnh Tế"], role=Role.OFFICER)

    assert access.can(officer, "view", plan.issuing_unit) is True
    assert list(Plan.objects.filter(issuing_unit__in=access.units_for(officer, "view"))) == [plan]
    # the district's data is read-only for the successor's officer
    assert access.can(officer, "edit", plan.issuing_unit) is False
    assert access.can(outsider, "view", plan.issuing_unit) is False


def test_a_province_leader_approves_for_the_dissolved_district(an_giang, plan, django_user_model):
    province, _communes = an_giang
    leader = django_user_model.objects.create_user(username="ld_an_giang")
    Membership.objects.create(user=leader, unit=province, role=Role.LEADER)
    assert access.can(leader, "view", plan.issuing_unit) is True
    assert access.can(leader, "approve", plan.issuing_unit) is True
