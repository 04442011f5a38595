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
def demo(db):
    return build(io.StringIO(), today=datetime.date(2025, 12, 1))


def test_running_it_again_adds_nothing(demo):
    counts = [m.objects.count() for m in (Unit, Plan, Target, Indicator, Membership, AuditEvent)]
    build(io.StringIO())
    assert [m.objects.count() for m in (Unit, Plan, Target, Indicator, Membership, AuditEvent)] == counts


def test_units_carry_official_codes_and_the_2025_reorganisation(demo):
    units = demo.units
    assert (units["82"].name, units["82"].admin_code, units["82"].valid_from) == ("Tỉnh ủy Đồng Tháp", "82", datetime.date(2025, 7, 1))
    assert units["31"].name == "Thành ủy Hải Phòng"
    assert (units["23677"].name, units["23677"].parent.code) == ("Đảng ủy xã Đak Đoa", "52")
    assert units["10804"].parent.code == "31"
    tien_giang = units["TINH-TIEN-GIANG"]
    assert tien_giang.valid_to == datetime.date(2025, 6, 30)
    assert [u.code for u in tien_giang.successors.all()] == ["82"]
    assert sorted(u.name for u in units["HUYEN-VINH-THUAN"].successors.all()) == [
        "Đảng ủy xã Vĩnh Bình", "Đảng ủy xã Vĩnh Phong", "Đảng ủy xã Vĩnh Thuận",
    ]
    assert {u.parent.code for u in units["HUYEN-VINH-THUAN"].successors.all()} == {"91"}
    assert units["HUYEN-VINH-THUAN"].parent.code == "TINH-KIEN-GIANG"
    assert units["HUYEN-TAM-DUONG"].successors.count() == 4
    assert Unit.objects.get(code="VN").name == "Bộ Chính trị"


def test_the_bodies_named_in_each_plan_sit_under_its_issuer(demo):
    assert Unit.objects.get(code="TINH-TIEN-GIANG-UBND").parent.code == "TINH-TIEN-GIANG"
    assert Unit.objects.get(code="10804-MTTQ").kind == "fatherland_front"
    assert Unit.objects.filter(parent__code="10804-MTTQ", kind="mass_organisation").count() == 4
    assert Unit.objects.get(code="HUYEN-VINH-THUAN-HDND").valid_to == datetime.date(2025, 6, 30)


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
    assert plans["seed-003"].issuing_unit.code == "TINH-TIEN-GIANG"
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
    for suffix, code in [("trunguong", "VN"), ("dongthap", "82"), ("tamduong", "HUYEN-TAM-DUONG"), ("dakdoa", "23677")]:
        for prefix, role in [("quantri", "admin"), ("lanhdao", "leader"), ("chuyenvien", "officer"), ("xem", "viewer")]:
            assert (f"{prefix}.{suffix}", code, role) in roles
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
    assert access.can(demo.users["chuyenvien.tamduong"], "view", demo.units["HUYEN-TAM-DUONG-UBND"])


def test_the_reporting_step_gets_the_context(db, monkeypatch):
    seen = []
    monkeypatch.setattr(reporting, "load", lambda context: seen.append(context))
    context = build(io.StringIO())
    assert seen == [context]
    assert {"VN", "82", "23677"} <= set(context.units)
    assert "lanhdao.dongthap" in context.users and "seed-003" in context.plans


def test_the_command_prints_the_logins(db):
    out = io.StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert f"mật khẩu chung cho mọi tài khoản: {PASSWORD}" in text
    assert "  lanhdao.dongthap      Lãnh đạo     Tỉnh ủy Đồng Tháp" in text
    assert "Đơn vị: " in text and "Người dùng: 19 (19 mới)" in text


def test_the_fallback_quotes_the_seed_lines_it_cites():
    data = json.loads(FALLBACK_FILE.read_text(encoding="utf-8"))
    assert sorted(data) == sorted(seed.file for seed in SEEDS)
    for name, seed in data.items():
        lines = (SEEDS_DIR / name).read_text(encoding="utf-8").splitlines()
        for item in seed["targets"] + seed["tasks"]:
            assert lines[item["line"] - 1].strip() == item["text"], (name, item["line"])
