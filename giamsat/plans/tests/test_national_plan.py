"""The national plan of Resolution 57-NQ/TW with the targets of the reference table."""

import datetime
from decimal import Decimal

import pytest

from giamsat.kpi.models import Indicator
from giamsat.plans.models import Plan
from giamsat.plans.services import create_national_plan


@pytest.mark.django_db
def test_the_national_plan_carries_the_measurable_national_targets():
    plan = create_national_plan()
    assert (plan.number, plan.kind, plan.issued_on, plan.issuing_unit.name, plan.issuing_unit.code) == (
        "57-NQ/TW", "resolution", datetime.date(2024, 12, 22), "Bộ Chính trị", "VN-BCT",
    )
    assert plan.issuing_unit.parent.code == "VN"  # the root the provinces hang under
    targets = plan.targets.select_related("indicator")
    assert targets.count() == 54
    assert targets.filter(year=2045).count() == 6
    assert not targets.filter(indicator__isnull=True).exists()
    rd = targets.get(indicator__code="NQ57-19")
    assert (rd.comparator, rd.value, rd.value_max, rd.unit_text, rd.year) == ("between", Decimal("40"), Decimal("50"), "tổ chức", 2030)
    economy = targets.filter(indicator__code="NQ57-10").order_by("year")
    assert [(t.year, t.value) for t in economy] == [(2030, Decimal("30")), (2045, Decimal("50"))]
    assert set(targets.filter(per_year=True).values_list("indicator__code", flat=True)) == {"NQ57-17", "NQ57-20", "NQ57-21"}


@pytest.mark.django_db
def test_each_target_points_at_its_line_of_the_plan_text():
    plan = create_national_plan()
    lines = plan.source_text.splitlines()
    target = plan.targets.get(indicator__code="NQ57-11.1")
    assert lines[target.source_line - 1] == target.source_text
    assert target.source_text == "11.1. Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp (2030): >= 80 %"


@pytest.mark.django_db
def test_creating_it_again_returns_the_same_plan():
    first = create_national_plan()
    again = create_national_plan()
    assert again == first
    assert Plan.objects.count() == 1
    assert Indicator.objects.count() == 51
