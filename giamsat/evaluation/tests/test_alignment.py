"""The alignment rules on small synthetic plans: no database."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from giamsat.evaluation.alignment import (
    Kind,
    PlanFacts,
    ReferenceFact,
    TargetFact,
    TaskFact,
    align,
    compare,
)

pytestmark = pytest.mark.usefixtures("vietnamese")


@pytest.fixture
def vietnamese():
    with translation.override("vi"):
        yield


def target(indicator_id=1, year=2030, comparator=">=", value="80", value_max=None, unit="%", direction="higher",
           per_year=False, line=10, name="Tỷ lệ dịch vụ công trực tuyến"):
    return TargetFact(
        indicator_id=indicator_id, indicator_name=name, year=year, comparator=comparator, value=Decimal(value),
        value_max=Decimal(value_max) if value_max else None, unit=unit, per_year=per_year, direction=direction,
        line=line, text=f"{name} {comparator} {value}{unit}",
    )


def plan(pid, targets=(), tasks=(), references=(), number="", issued_on=None):
    return PlanFacts(
        id=pid, number=number or f"{pid}-KH/HU", title=f"Kế hoạch {pid}", issued_on=issued_on,
        targets=list(targets), tasks=list(tasks), references=list(references),
    )


def kinds(findings):
    return [f.kind for f in findings]


# --- compare: comparators and directions ---------------------------------------

@pytest.mark.parametrize(
    ("child", "parent", "expected"),
    [
        # higher is better
        (target(value="20", comparator=">"), target(value="40", comparator=">"), -1),
        (target(value="50"), target(value="40"), 1),
        (target(value="80"), target(value="80"), 0),
        (target(value="80", comparator=">="), target(value="80", comparator=">"), -1),
        (target(value="80", comparator=">"), target(value="80", comparator=">="), 1),
        (target(value="80", comparator="~"), target(value="80"), 0),
        (target(comparator="between", value="80", value_max="90"), target(value="85"), -1),
        (target(comparator="<=", value="90"), target(value="80"), -1),  # a ceiling is no floor
        # lower is better (a rank): 3rd is better than 10th
        (target(comparator="<=", value="10", direction="lower"), target(comparator="<=", value="3", direction="lower"), -1),
        (target(comparator="<=", value="3", direction="lower"), target(comparator="<=", value="10", direction="lower"), 1),
        (target(comparator="<", value="10", direction="lower"), target(comparator="<=", value="10", direction="lower"), 1),
        (target(comparator="<=", value="10", direction="lower"), target(comparator="<", value="10", direction="lower"), -1),
        (target(comparator=">=", value="1", direction="lower"), target(comparator="<=", value="10", direction="lower"), -1),
        (target(comparator="between", value="2", value_max="5", direction="lower"),
         target(comparator="<=", value="5", direction="lower"), 0),
        # not comparable
        (target(unit="doanh nghiệp"), target(unit="%"), None),
        (target(per_year=True), target(), None),
        (target(unit="% GRDP"), target(unit="%"), None),
    ],
)
def test_compare_respects_comparator_and_direction(child, parent, expected):
    assert compare(child, parent) == expected


def test_shares_of_gdp_and_grdp_compare():
    assert compare(target(value="15", unit="% GRDP"), target(value="30", unit="% GDP")) == -1


# --- the findings ----------------------------------------------------------------

def test_weaker_target_is_reported_with_both_texts():
    parent = plan(1, [target(value="40", comparator=">", line=5, name="Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo")], number="57-NQ/TW")
    child = plan(2, [target(value="20", comparator=">", line=45)])
    [finding] = align(child, parent)
    assert finding.kind == Kind.WEAKER
    assert finding.message == (
        "Chỉ tiêu “Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo” năm 2030: "
        "kế hoạch đặt > 20%, thấp hơn văn bản cấp trên (> 40%)."
    )
    assert (finding.child.line, finding.child.text) == (45, "Tỷ lệ dịch vụ công trực tuyến > 20%")
    assert (finding.parent.plan_number, finding.parent.line) == ("57-NQ/TW", 5)
    assert not finding.good_news


def test_stronger_target_is_good_news():
    [finding] = align(plan(2, [target(value="85")]), plan(1, [target(value="80")]))
    assert finding.kind == Kind.STRONGER
    assert finding.good_news
    assert "cao hơn văn bản cấp trên (≥ 80%)" in finding.message


def test_equal_target_gives_no_finding():
    assert align(plan(2, [target(value="80")]), plan(1, [target(value="80")])) == []


def test_lower_is_better_weaker_and_stronger():
    parent = plan(1, [target(comparator="<=", value="3", unit="thứ hạng", direction="lower")])
    weaker = plan(2, [target(comparator="<=", value="5", unit="thứ hạng", direction="lower")])
    stronger = plan(3, [target(comparator="<=", value="2", unit="thứ hạng", direction="lower")])
    assert kinds(align(weaker, parent)) == [Kind.WEAKER]
    assert kinds(align(stronger, parent)) == [Kind.STRONGER]


def test_earlier_milestone_below_parent_is_a_step_not_a_finding():
    parent = plan(1, [target(year=2030, value="100")])
    child = plan(2, [target(year=2025, value="60"), target(year=2030, value="100")])
    assert align(child, parent) == []


def test_earlier_milestone_that_already_meets_parent_is_good_news():
    parent = plan(1, [target(year=2030, value="80")])
    child = plan(2, [target(year=2025, value="80", line=7), target(year=2030, value="100", line=9)])
    findings = align(child, parent)
    assert kinds(findings) == [Kind.STRONGER, Kind.ALREADY_MET]
    assert findings[1].child.line == 7
    assert findings[1].message == (
        "Chỉ tiêu “Tỷ lệ dịch vụ công trực tuyến”: ngay năm 2025 kế hoạch đã đặt ≥ 80%, "
        "đạt mức văn bản cấp trên đặt cho năm 2030 (≥ 80%)."
    )


def test_only_later_milestone_is_late():
    parent = plan(1, [target(year=2030, value="80")])
    child = plan(2, [target(year=2035, value="90", line=12)])
    [finding] = align(child, parent)
    assert finding.kind == Kind.LATE
    assert finding.message == (
        "Chỉ tiêu “Tỷ lệ dịch vụ công trực tuyến”: văn bản cấp trên đặt mốc năm 2030, kế hoạch chỉ đặt mốc năm 2035."
    )


def test_indicator_not_taken_up_is_missing_once():
    parent = plan(1, [target(indicator_id=7, year=2030, value="30", name="Quy mô kinh tế số", unit="% GDP"),
                      target(indicator_id=7, year=2045, value="50", name="Quy mô kinh tế số", unit="% GDP")])
    [finding] = align(plan(2, [target(indicator_id=1)]), parent)
    assert finding.kind == Kind.MISSING
    assert finding.child is None
    assert finding.message == (
        "Kế hoạch không có chỉ tiêu “Quy mô kinh tế số” mà văn bản cấp trên đặt ra (≥ 30% GDP đến năm 2030)."
    )


def test_unmapped_targets_are_skipped():
    assert align(plan(2, [target(indicator_id=None, value="1")]), plan(1, [target(indicator_id=None)])) == []


def test_late_task_deadline():
    parent = plan(1, tasks=[TaskFact("Xây dựng kế hoạch thực hiện Nghị quyết số 57-NQ/TW", date(2025, 3, 31), 20)])
    child = plan(2, tasks=[
        TaskFact("Xây dựng kế hoạch cụ thể thực hiện Nghị quyết số 57-NQ/TW", date(2025, 4, 30), 55),
        TaskFact("Tổ chức hội nghị quán triệt", date(2025, 12, 31), 60),
    ])
    [finding] = align(child, parent)
    assert finding.kind == Kind.LATE
    assert finding.message == (
        "Nhiệm vụ “Xây dựng kế hoạch cụ thể thực hiện Nghị quyết số 57-NQ/TW” hạn 30/04/2025, "
        "muộn hơn hạn của văn bản cấp trên (31/03/2025)."
    )
    assert (finding.child.line, finding.parent.line) == (55, 20)


def test_task_due_on_time_is_fine():
    parent = plan(1, tasks=[TaskFact("Xây dựng kế hoạch thực hiện", date(2025, 4, 30))])
    child = plan(2, tasks=[TaskFact("Xây dựng kế hoạch thực hiện", date(2025, 4, 30))])
    assert align(child, parent) == []


def test_reference_with_wrong_date_is_reported_once_with_its_lines():
    parent = plan(1, number="57-NQ/TW", issued_on=date(2024, 12, 22))
    child = plan(2, references=[
        ReferenceFact("57-NQ/TW", date(2024, 12, 22), 3),
        ReferenceFact("57-NQ/TW", date(2023, 12, 22), 17, "Nghị quyết số 57-NQ/TW, ngày 22-12-2023"),
        ReferenceFact("57-NQ/TW", date(2023, 12, 22), 27),
    ])
    [finding] = align(child, parent)
    assert finding.kind == Kind.WRONG_REFERENCE
    assert finding.message == "Văn bản 57-NQ/TW được dẫn với ngày 22/12/2023, đúng là 22/12/2024 (dòng 17, 27)."
    assert finding.child.text == "Nghị quyết số 57-NQ/TW, ngày 22-12-2023"


@pytest.mark.parametrize("cited", ["57-NQ/TU", "75-NQ/TW"])
def test_reference_with_wrong_number_is_reported(cited):
    parent = plan(1, number="57-NQ/TW", issued_on=date(2024, 12, 22))
    child = plan(2, references=[ReferenceFact(cited, date(2024, 12, 22), 4)])
    [finding] = align(child, parent)
    assert finding.message == f"Văn bản cấp trên được dẫn với số hiệu {cited}, đúng là 57-NQ/TW (dòng 4)."


def test_other_documents_and_spacing_are_not_wrong_references():
    parent = plan(1, number="57-NQ/TW", issued_on=date(2024, 12, 22))
    child = plan(2, references=[
        ReferenceFact("57- NQ/TW", date(2024, 12, 22), 4),
        ReferenceFact("82-NQ/TU", date(2025, 2, 27), 5),
        ReferenceFact("204-QĐ/TW", date(2024, 11, 29), 6),
    ])
    assert align(child, parent) == []
