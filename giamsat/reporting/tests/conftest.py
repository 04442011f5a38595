"""Reporting fixtures: a small catalog, a province plan asking its communes, and periods.

The province plan sets targets on the province, so both communes (the conftest's
``commune`` and ``sibling``) must report them; one task is led by the commune.
"""

import datetime
from decimal import Decimal

import pytest

from giamsat.kpi.models import Aggregation, Indicator, Target, Temporality, ValueType
from giamsat.plans.models import Plan, Task
from giamsat.reporting import rules
from giamsat.reporting.models import ReportingPeriod

EID = "Tỷ lệ người dân có tài khoản định danh điện tử"


@pytest.fixture
def catalog(db):
    eid = Indicator.objects.create(
        code="DT-01", name=EID, unit_of_measure="%", value_type=ValueType.PERCENT,
        aggregation=Aggregation.RATIO, temporality=Temporality.STOCK, outlier_factor=Decimal(3),
    )
    initiatives = Indicator.objects.create(
        code="KH-02", name="Số sáng kiến được công nhận", unit_of_measure="sáng kiến",
        value_type=ValueType.COUNT, aggregation=Aggregation.SUM, temporality=Temporality.FLOW,
        outlier_factor=Decimal(3),
    )
    online = Indicator.objects.create(
        code="CQ-03", name="Tỷ lệ thủ tục hành chính trực tuyến toàn trình", unit_of_measure="%",
        value_type=ValueType.PERCENT, aggregation=Aggregation.WEIGHTED_MEAN, outlier_factor=Decimal(3),
    )
    unused = Indicator.objects.create(code="ZZ-99", name="Chỉ tiêu không giao", value_type=ValueType.COUNT)
    return {"eid": eid, "initiatives": initiatives, "online": online, "unused": unused}


@pytest.fixture
def plan(units, catalog):
    plan = Plan.objects.create(number="15/KH-UBND", title="Kế hoạch thực hiện Nghị quyết 57", issuing_unit=units["province"])
    for key, value, year in (("eid", 80, 2025), ("eid", 95, 2030), ("initiatives", 10, 2025), ("online", 80, 2025)):
        ind = catalog[key]
        Target.objects.create(plan=plan, indicator=ind, unit=units["province"], indicator_text=ind.name, year=year, value=Decimal(value), unit_text=ind.unit_of_measure)
    return plan


@pytest.fixture
def task(plan, units):
    return Task.objects.create(plan=plan, section="II.1", title="Xây dựng cơ sở dữ liệu dân cư của xã", lead_unit=units["commune"])


def _period(kind, year, number):
    spec = next(s for s in rules.periods_of_year(year, [kind]) if s.number == number)
    return ReportingPeriod.objects.create(kind=kind, year=year, number=number, start=spec.start, end=spec.end, due=spec.due)


@pytest.fixture
def periods(db):
    """Quarters 1–3 of 2025 (the report under test is Q2; Q1 is history)."""
    return {n: _period(rules.QUARTER, 2025, n) for n in (1, 2, 3)}


@pytest.fixture
def q2(periods, plan, task):
    return periods[2]


@pytest.fixture
def make_period():
    return _period


TODAY = datetime.date(2025, 7, 10)
