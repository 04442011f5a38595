"""Evaluation fixtures: a small catalog, monthly periods, and a helper that files reports.

Reports are written straight into reporting's tables (``report``) because these tests
are about what evaluation makes of approved values, not about how they were entered;
``decide`` mimics reporting's workflow writes (status change with a version bump).
"""

import calendar
import datetime
from decimal import Decimal

import pytest
from django.db.models import F

from giamsat.kpi.models import Aggregation, Comparator, Direction, Indicator, Temporality, ValueType
from giamsat.reporting.models import ReportingPeriod, Submission, Value


def month(year, number):
    last = calendar.monthrange(year, number)[1]
    return ReportingPeriod.objects.get_or_create(
        kind="month", year=year, number=number,
        defaults={"start": datetime.date(year, number, 1), "end": datetime.date(year, number, last),
                  "due": datetime.date(year, number, min(20, last))},
    )[0]


@pytest.fixture
def months(db):
    """Every month of 2025 and 2026, keyed (year, month)."""
    return {(y, m): month(y, m) for y in (2025, 2026) for m in range(1, 13)}


def indicator(code, name, **kw):
    defaults = {"unit_of_measure": "%", "value_type": ValueType.PERCENT, "aggregation": Aggregation.RATIO,
                "temporality": Temporality.STOCK, "direction": Direction.HIGHER}
    defaults.update(kw)
    return Indicator.objects.create(code=code, name=name, **defaults)


@pytest.fixture
def catalog(db):
    population = indicator("DS-01", "Dân số", unit_of_measure="người", value_type=ValueType.COUNT,
                           aggregation=Aggregation.SUM)
    return {
        "eid": indicator("DT-01", "Tỷ lệ người dân có tài khoản định danh điện tử", is_public=True,
                         category="Chuyển đổi số"),
        "initiatives": indicator("KH-02", "Số sáng kiến được công nhận", unit_of_measure="sáng kiến",
                                 value_type=ValueType.COUNT, aggregation=Aggregation.SUM,
                                 temporality=Temporality.FLOW, category="Khoa học, công nghệ"),
        "online": indicator("CQ-03", "Tỷ lệ thủ tục hành chính trực tuyến toàn trình",
                            aggregation=Aggregation.WEIGHTED_MEAN, weight_indicator=population,
                            category="Chuyển đổi số"),
        "population": population,
        "speed": indicator("HT-04", "Tốc độ Internet cáp quang thấp nhất", unit_of_measure="Mbps",
                           value_type=ValueType.INDEX, aggregation=Aggregation.MIN),
        "late": indicator("CQ-05", "Tỷ lệ hồ sơ giải quyết trễ hạn", aggregation=Aggregation.RATIO,
                          direction=Direction.LOWER, category="Chuyển đổi số"),
    }


def report(unit, period, values, *, status="approved", difficulties="", recommendations=""):
    """File ``unit``'s report for ``period``: values maps an indicator to a number or a
    (numerator, denominator) pair (the percentage is computed)."""
    submission = Submission.objects.create(unit=unit, period=period, status=status,
                                           difficulties=difficulties, recommendations=recommendations)
    rows = []
    for ind, given in values.items():
        if isinstance(given, tuple):
            num, den = (Decimal(str(x)) for x in given)
            rows.append(Value(submission=submission, indicator=ind, value=(num / den * 100).quantize(Decimal("0.000001")),
                              numerator=num, denominator=den))
        else:
            rows.append(Value(submission=submission, indicator=ind, value=None if given is None else Decimal(str(given))))
    Value.objects.bulk_create(rows)
    return submission


def decide(submission, status):
    """A workflow write as reporting makes it: the status changes and the version goes up."""
    Submission.objects.filter(pk=submission.pk).update(status=status, version=F("version") + 1)
    submission.refresh_from_db()
    return submission


COMPARATORS = Comparator


def assert_same_rollups(got: dict, expected: dict) -> None:
    """Two roll-up results hold the same cells, up to the rounding of float sums."""
    from dataclasses import astuple

    assert got.keys() == expected.keys()
    for key in got:
        assert astuple(got[key]) == pytest.approx(astuple(expected[key]), rel=1e-9, abs=1e-6), key


TODAY = datetime.date(2026, 7, 10)  # June 2026 (due 20/06) is the latest period due


@pytest.fixture
def scenario(units, catalog, months):
    """A province plan judged in June 2026, hand-computed (see test_dashboard_service):

    province targets: e-ID ≥ 80 % by 2030 (from 40 % on 31/12/2025), initiatives ≥ 120
    a year, late files ≤ 5 % by 2030 (from 12 %), slowest line ≥ 50 Mbps by 2027 (from 20);
    communes: An Bình (commune) reports well, Hòa Lạc (sibling) lags, Tân Lập (third)
    missed its June report.
    """
    from giamsat.kpi.models import Target
    from giamsat.orgs import services as org_services
    from giamsat.orgs.models import Level
    from giamsat.plans.models import Plan, Task
    from giamsat.reporting.models import TaskUpdate

    province, nation = units["province"], units["nation"]
    third = org_services.create_unit(code="X03", name="Xã Tân Lập", level=Level.COMMUNE, parent=province)
    plan = Plan.objects.create(number="15/KH-UBND", title="Kế hoạch thực hiện Nghị quyết 57", issuing_unit=province,
                               issued_on=datetime.date(2025, 12, 1), status="confirmed")
    national = Plan.objects.create(number="57-NQ/TW", title="Nghị quyết 57", issuing_unit=nation, status="confirmed")
    start = datetime.date(2025, 12, 31)

    def target(plan, unit, ind, value, year, **kw):
        return Target.objects.create(plan=plan, unit=unit, indicator=ind, indicator_text=ind.name, year=year,
                                     value=Decimal(value), unit_text=ind.unit_of_measure, **kw)

    targets = {
        "eid": target(plan, province, catalog["eid"], 80, 2030, baseline_value=Decimal(40), baseline_date=start),
        "initiatives": target(plan, province, catalog["initiatives"], 120, 2030, per_year=True),
        "late": target(plan, province, catalog["late"], 5, 2030, comparator="<=", baseline_value=Decimal(12),
                       baseline_date=start),
        "speed": target(plan, province, catalog["speed"], 50, 2027, baseline_value=Decimal(20), baseline_date=start),
        "national_eid": target(national, nation, catalog["eid"], 80, 2030, baseline_value=Decimal(40), baseline_date=start),
    }
    reports = {}
    for m in range(1, 7):
        period = months[(2026, m)]
        reports[("commune", m)] = report(units["commune"], period, {
            catalog["eid"]: (450 + 25 * m, 1000), catalog["initiatives"]: 6, catalog["late"]: (100, 1000),
            catalog["speed"]: 100,
        }, difficulties="Thiếu kinh phí nâng cấp đường truyền." if m == 6 else "",
            recommendations="Đề nghị tỉnh hỗ trợ kinh phí." if m == 6 else "")
        reports[("sibling", m)] = report(units["sibling"], period, {
            catalog["eid"]: (100, 500), catalog["initiatives"]: 4, catalog["late"]: (30, 500), catalog["speed"]: 25,
        })
        if m < 6:
            reports[("third", m)] = report(third, period, {catalog["eid"]: (300, 600), catalog["initiatives"]: 2})
    lead = {"commune": units["commune"], "sibling": units["sibling"], "third": third}
    tasks = {
        "database": Task.objects.create(plan=plan, section="II.1", title="Xây dựng cơ sở dữ liệu dân cư của xã",
                                        lead_unit=lead["commune"], deadline=datetime.date(2026, 3, 31)),
        "portal": Task.objects.create(plan=plan, section="II.2", title="Đưa cổng thông tin xã vào vận hành",
                                      lead_unit=lead["sibling"], deadline=datetime.date(2026, 12, 31)),
        "report": Task.objects.create(plan=plan, section="II.3", title="Báo cáo tình hình thực hiện hằng quý",
                                      lead_unit=lead["commune"], recurrence="quarter"),
        "training": Task.objects.create(plan=plan, section="II.4", title="Tập huấn kỹ năng số cho cán bộ xã",
                                        lead_unit=lead["third"], deadline=datetime.date(2026, 5, 31)),
    }
    for m, progress in ((1, 30), (2, 60), (3, 90)):
        TaskUpdate.objects.create(submission=reports[("commune", m)], task=tasks["database"], status="in_progress", progress=progress)
    TaskUpdate.objects.create(submission=reports[("sibling", 5)], task=tasks["portal"], status="done", progress=100,
                              completed_on=datetime.date(2026, 5, 15))
    TaskUpdate.objects.create(submission=reports[("commune", 3)], task=tasks["report"], status="done", progress=100,
                              completed_on=datetime.date(2026, 3, 25))
    TaskUpdate.objects.create(submission=reports[("commune", 6)], task=tasks["report"], status="in_progress", progress=50)
    return {"units": {**units, "third": third}, "catalog": catalog, "months": months, "plan": plan,
            "targets": targets, "tasks": tasks, "reports": reports}
