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
