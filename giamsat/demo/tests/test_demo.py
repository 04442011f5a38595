"""``giamsat demo``: the units, plans and users it builds, and that it can run again."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from giamsat.audit.models import AuditEvent
from giamsat.demo import reporting
from giamsat.demo.builder import build
from giamsat.demo.context import PASSWORD
from giamsat.demo.seeds import FALLBACK_FILE, SEEDS, SEEDS_DIR
from giamsat.kpi.models import Indicator, Target
from giamsat.orgs import access
from giamsat.orgs.models import Membership, Unit
from giamsat.plans.models import Plan
from giamsat.plans.services import plans_for


@pytest.fixture
def demo(db, monkeypatch):
    """The demo without its reporting step (tested with the reporting app), for speed."""
    monkeypatch.setattr(reporting, "load", lambda context: None)
    return build(io.StringIO(), today=datetime.date(2025, 12, 1))


def test_running_it_again_adds_nothing(db):
    build(io.StringIO())
    counts = [m.objects.count() for m in (Unit, Plan, Target, Indicator, Membership, AuditEvent)]
    build(io.StringIO())
    assert [m.objects.count() for m in (Unit, Plan, Target, Indicator, Membership, AuditEvent)] == counts


def test_current_localities_are_those_units_load_vn_loads(demo):
    units = demo.units
    assert (units["VN-82"].name, units["VN-82"].kind, units["VN-82"].admin_code) == ("Tỉnh Đồng Tháp", "area", "82")
    assert units["VN-31"].name == "Thành phố Hải Phòng"
    assert (units["VN-52-23677"].name, units["VN-52-23677"].parent.code) == ("Xã Đak Đoa", "VN-52")
    assert Unit.objects.filter(parent__code="VN-52", kind="area").count() == 135  # all of Gia Lai's communes
    assert Unit.objects.get(code="VN-BCT").parent.code == "VN"


def test_old_localities_are_reached_through_their_successors(demo):
    units = demo.units
    tien_giang = units["TINH-TIEN-GIANG"]
    assert (tien_giang.name, tien_giang.valid_to) == ("Tỉnh Tiền Giang", datetime.date(2025, 6, 30))
    assert [u.code for u in tien_giang.successors.all()] == ["VN-82"]
    assert sorted(u.name for u in units["HUYEN-VINH-THUAN"].successors.all()) == ["Xã Vĩnh Bình", "Xã Vĩnh Phong", "Xã Vĩnh Thuận"]
    assert {u.parent.code for u in units["HUYEN-VINH-THUAN"].successors.all()} == {"VN-91"}
    assert units["HUYEN-VINH-THUAN"].parent.code == "TINH-KIEN-GIANG"
    assert units["HUYEN-TAM-DUONG"].successors.count() == 4
    assert units["HUYEN-TAM-DUONG"].parent.code == "VN-12"  # Lai Châu was not merged


def test_the_bodies_named_in_each_plan_sit_in_its_locality(demo):
    body = {code: (u.name, u.kind, u.parent.code) for code, u in demo.units.items() if "-" in code and u.parent_id}
    assert body["TINH-TIEN-GIANG-TU"] == ("Tỉnh ủy Tiền Giang", "party_committee", "TINH-TIEN-GIANG")
    assert body["TINH-TIEN-GIANG-BTC"] == ("Ban Tổ chức Tỉnh ủy Tiền Giang", "agency", "TINH-TIEN-GIANG-TU")
    assert body["TINH-TIEN-GIANG-UBND"] == ("Ủy ban nhân dân tỉnh Tiền Giang", "peoples_committee", "TINH-TIEN-GIANG")
    assert body["VN-31-10804-HND"] == ("Hội Nông dân xã Kim Thành", "mass_organisation", "VN-31-10804-MTTQ")
    assert Unit.objects.get(code="HUYEN-VINH-THUAN-HDND").valid_to == datetime.date(2025, 6, 30)


def test_matched_bodies_are_linked_to_the_plan(demo):
    assigned = {a.name: a.unit.code for a in demo.plans["seed-003"].assigned_units.all() if a.unit}
    assert assigned["Ban Tổ chức Tỉnh ủy"] == "TINH-TIEN-GIANG-BTC"


def test_the_plans_form_the_cascade_of_the_seeds(demo):
    plans = demo.plans
    implements = {key: sorted(p.number or p.issuing_unit.code for p in plan.implements.all()) for key, plan in plans.items()}
    assert implements == {
        "57-NQ/TW": [],
        "82-NQ/TU": ["57-NQ/TW"], "63-CTr/TU": ["57-NQ/TW"], "13-KH/ĐU": ["57-NQ/TW"],
        "seed-003": ["57-NQ/TW"], "seed-000": ["82-NQ/TU"], "seed-001": ["57-NQ/TW", "63-CTr/TU"],
        "seed-002": ["57-NQ/TW"], "seed-004": ["13-KH/ĐU"],
    }
    assert plans["seed-004"].number == "43/KH-MTTQ-BTT"
    assert plans["seed-003"].issuing_unit.code == "TINH-TIEN-GIANG-TU"
    assert plans["57-NQ/TW"].targets.count() == 54
    for seed in SEEDS:
        plan = plans[seed.key]
        assert plan.targets.exists(), seed.file
        assert plan.source_text == (SEEDS_DIR / seed.file).read_text(encoding="utf-8")


def test_seed_targets_on_national_indicators_are_mapped(demo):
    mapped = Target.objects.filter(plan=demo.plans["seed-001"], indicator__code="NQ57-11.1")
    assert [(t.comparator, t.value, t.year) for t in mapped] == [(">", 80, 2030)]
    assert Target.objects.filter(plan=demo.plans["seed-002"], indicator__code="NQ57-23.4").count() >= 2


def test_users_hold_each_role_at_each_level(demo):
    roles = set(Membership.objects.values_list("user__username", "unit__code", "role"))
    for suffix, area, body in [("trunguong", "VN", "VN-BCT"), ("dongthap", "VN-82", "VN-82-TU"),
                               ("tamduong", "HUYEN-TAM-DUONG", "HUYEN-TAM-DUONG-HU"), ("dakdoa", "VN-52-23677", "VN-52-23677-DU")]:
        for prefix, role in [("quantri", "admin"), ("lanhdao", "leader"), ("xem", "viewer")]:
            assert (f"{prefix}.{suffix}", area, role) in roles
        assert (f"chuyenvien.{suffix}", body, "officer") in roles
    admin = demo.users["admin"]
    assert admin.is_superuser and admin.check_password(PASSWORD)
    assert demo.users["chuyenvien.dakdoa"].check_password(PASSWORD)
    assert not demo.users["quantri.dongthap"].is_staff
    assert demo.users["quantri.trunguong"].is_staff


def test_what_each_demo_user_sees_follows_the_hierarchy(demo):
    visible = {name: set(plans_for(demo.users[name]).values_list("pk", flat=True)) for name in demo.users}
    plans = demo.plans
    assert plans["seed-003"].pk in visible["lanhdao.dongthap"]  # Đồng Tháp took over Tiền Giang
    assert plans["seed-002"].pk not in visible["lanhdao.dongthap"]
    assert plans["seed-002"].pk in visible["chuyenvien.dakdoa"]
    assert plans["seed-004"].pk not in visible["chuyenvien.dakdoa"]
    assert plans["seed-004"].pk in visible["chuyenvien.kimthanh"]  # the Front is below the commune
    assert visible["lanhdao.trunguong"] == set(Plan.objects.values_list("pk", flat=True))
    # the officer enters data for the body whose plan it follows; its leader approves
    officer, leader = demo.users["chuyenvien.dakdoa"], demo.users["lanhdao.dakdoa"]
    assert access.can(officer, "edit", plans["seed-002"].issuing_unit)
    assert access.can(leader, "approve", plans["seed-002"].issuing_unit)
    assert not access.can(officer, "view", demo.units["VN-52-23677-UBND"])
    assert access.can(leader, "view", demo.units["VN-52-23677-UBND"])


def test_the_reporting_step_gets_the_context(db, monkeypatch):
    seen = []
    monkeypatch.setattr(reporting, "load", lambda context: seen.append(context))
    context = build(io.StringIO())
    assert seen == [context]
    assert {"VN", "VN-82", "VN-52-23677-DU"} <= set(context.units)
    assert "lanhdao.dongthap" in context.users and "seed-003" in context.plans


def test_the_command_prints_the_logins(db):
    out = io.StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert f"mật khẩu chung cho mọi tài khoản: {PASSWORD}" in text
    assert "  lanhdao.dongthap      Lãnh đạo     Tỉnh Đồng Tháp" in text
    assert "Đơn vị: " in text and "Người dùng: 19 (19 mới)" in text


def test_the_fallback_quotes_the_seed_lines_it_cites():
    data = json.loads(FALLBACK_FILE.read_text(encoding="utf-8"))
    assert sorted(data) == sorted(seed.file for seed in SEEDS)
    for name, seed in data.items():
        lines = (SEEDS_DIR / name).read_text(encoding="utf-8").splitlines()
        for item in seed["targets"] + seed["tasks"]:
            assert lines[item["line"] - 1].strip() == item["text"], (name, item["line"])
