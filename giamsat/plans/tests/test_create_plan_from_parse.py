"""Storing a parsed plan: plan, targets, tasks, units and links, all or nothing."""

import datetime
from decimal import Decimal

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.errors import PermissionDeniedError
from giamsat.kpi.models import Indicator, Target
from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level
from giamsat.parsing.schema import Target as ParsedTarget
from giamsat.parsing.schema import Task as ParsedTask
from giamsat.plans.errors import PlanDataError
from giamsat.plans.models import Plan, PlanUnit, Task
from giamsat.plans.services import create_plan_from_parse
from giamsat.plans.tests.conftest import parsed


def test_the_plan_keeps_its_metadata_and_links(commune_plan, province_plan, units):
    plan = Plan.objects.get(pk=commune_plan.pk)
    assert (plan.number, plan.title, plan.kind, plan.status, plan.issued_on) == (
        "05-KH/ĐU", "Kế hoạch của xã An Bình", "plan", "confirmed", datetime.date(2025, 3, 1),
    )
    assert plan.issuing_unit == units["commune"]
    assert list(plan.implements.all()) == [province_plan]
    assert plan.parse_result["targets"][1]["value_max"] == 50
    assert len(plan.content_hash) == 64


def test_targets_apply_to_the_issuing_unit_with_exact_values(commune_plan, units):
    rows = list(Target.objects.filter(plan=commune_plan).order_by("pk").values_list(
        "indicator_text", "unit", "year", "comparator", "value", "value_max", "unit_text", "per_year", "source_line", "source_text",
    ))
    assert rows == [
        ("Tỷ lệ dịch vụ công trực tuyến", units["commune"].pk, 2025, ">=", Decimal("1234.5"), None, "hồ sơ", False, 2, "1.234,5 hồ sơ"),
        ("Tổ chức khoa học và công nghệ", units["commune"].pk, 2030, "between", Decimal("40"), Decimal("50"), "tổ chức", False, 3, "từ 40 đến 50"),
        ("Chi ngân sách cho khoa học", units["commune"].pk, 2030, ">=", Decimal("3"), None, "%", True, 3, "3% mỗi năm"),
    ]


def test_tasks_and_units_keep_what_the_document_says(commune_plan):
    tasks = list(Task.objects.filter(plan=commune_plan).order_by("pk"))
    assert [(t.section, t.title, t.lead_text, t.coordinating_text, t.deadline, t.recurrence, t.source_line) for t in tasks] == [
        ("III.1", "Quán triệt Nghị quyết", "Ủy ban nhân dân xã", "Mặt trận", datetime.date(2025, 4, 30), "", 5),
        ("", "Tuyên truyền thường xuyên", "", "", None, "continuous", 6),
    ]
    assigned = PlanUnit.objects.get(plan=commune_plan)
    assert (assigned.name, assigned.unit, assigned.duties, assigned.source_line) == (
        "Ủy ban nhân dân xã", None, ["Bố trí kinh phí"], 7,
    )


def test_mapped_indicators_and_matched_units_are_linked(units, commune_officer):
    indicator = Indicator.objects.create(code="NQ57-11.1", name="Dịch vụ công trực tuyến")
    people = org_services.create_unit(code="X01-UBND", name="UBND xã An Bình", level=Level.COMMUNE, parent=units["commune"])
    front = org_services.create_unit(code="X01-MTTQ", name="MTTQ xã An Bình", level=Level.COMMUNE, parent=units["commune"])
    result = parsed("09-KH/ĐU", "Kế hoạch", targets=[
        ParsedTarget("Khác", ">=", 1, year=2030), ParsedTarget("Dịch vụ công trực tuyến", ">=", 80, unit="%", year=2030),
    ], tasks=[ParsedTask("Tuyên truyền", lead="UBND xã", coordinating=["MTTQ xã", "Đoàn Thanh niên"])])
    plan = create_plan_from_parse(
        result, issuing_unit=units["commune"], actor=commune_officer, indicators={1: indicator},
        units={"UBND xã": people, "MTTQ xã": front},
    )
    assert [t.indicator for t in plan.targets.order_by("pk")] == [None, indicator]
    task = plan.tasks.get()
    assert (task.lead_unit, list(task.coordinating_units.all()), task.coordinating_text) == (
        people, [front], "MTTQ xã; Đoàn Thanh niên",
    )


def test_creating_leaves_one_audit_event_with_the_counts(commune_plan, province_plan):
    event = AuditEvent.objects.get(object_type="plans.plan", object_id=str(commune_plan.pk))
    assert event.action == "create"
    assert event.after["number"] == "05-KH/ĐU"
    assert (event.after["targets"], event.after["tasks"], event.after["units"]) == (3, 2, 1)
    assert event.after["implements"] == [province_plan.pk]
    assert "source_text" not in event.after


@pytest.mark.parametrize(
    ("change", "message", "location"),
    [
        ({"targets": [ParsedTarget("A", ">=", 1), ParsedTarget("B", "between", 40, line=17)]},
         "khoảng giá trị “từ … đến …” thiếu giá trị tối đa", "chỉ tiêu thứ 2, dòng 17"),
        ({"targets": [ParsedTarget("  ", ">=", 1, line=3)]}, "thiếu tên chỉ tiêu", "chỉ tiêu thứ 1, dòng 3"),
        ({"tasks": [ParsedTask("Việc", deadline="2025-13-01", line=9)]},
         "ngày “2025-13-01” không đúng dạng năm-tháng-ngày", "nhiệm vụ thứ 1, dòng 9"),
        ({"date": "ngày 5"}, "ngày “ngày 5” không đúng dạng năm-tháng-ngày", "ngày ban hành"),
        ({"title": " "}, "văn bản không có trích yếu (tiêu đề)", "trích yếu"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(units, change, message, location):
    kwargs = {"targets": [ParsedTarget("A", ">=", 1)]} | change
    result = parsed(kwargs.pop("number", "1-KH"), kwargs.pop("title", "Kế hoạch"), **kwargs)
    with pytest.raises(PlanDataError) as caught:
        create_plan_from_parse(result, issuing_unit=units["commune"], actor=None)
    assert (caught.value.message, caught.value.location) == (message, location)
    assert not Plan.objects.exists()
    assert not Target.objects.exists()
    assert not AuditEvent.objects.filter(object_type="plans.plan").exists()


def test_an_officer_may_not_create_a_plan_for_a_sibling_commune(units, sibling_officer):
    with pytest.raises(PermissionDeniedError, match="^Bạn không có quyền nhập, sửa dữ liệu của “Xã An Bình”.$"):
        create_plan_from_parse(parsed("1-KH", "Kế hoạch"), issuing_unit=units["commune"], actor=sibling_officer)
    assert not Plan.objects.exists()


def test_a_draft_may_be_stored(units, commune_officer):
    plan = create_plan_from_parse(parsed("1-KH", "Kế hoạch"), issuing_unit=units["commune"],
                                  actor=commune_officer, status="draft", via="web")
    assert plan.status == "draft"
    assert AuditEvent.objects.get(object_type="plans.plan").actor == commune_officer
