"""A unit's own history, what outlier warnings measure against: which earlier values count."""

from decimal import Decimal

import pytest

from giamsat.reporting import rules
from giamsat.reporting.history import histories_for, previous_values
from giamsat.reporting.models import Submission, Value


@pytest.fixture
def months(make_period):
    return {n: make_period(rules.MONTH, 2025, n) for n in range(1, 10)}


def _deliver(unit, period, indicator, value, status="approved"):
    sub, _created = Submission.objects.get_or_create(unit=unit, period=period, defaults={"status": status})
    Value.objects.create(submission=sub, indicator=indicator, value=value)


def test_histories_hold_the_last_six_delivered_periods_of_the_same_kind_oldest_first(units, catalog, months, periods):
    kh, cq = catalog["initiatives"], catalog["online"]
    for n in range(1, 9):  # January to August; September is the report being written
        _deliver(units["commune"], months[n], kh, n * 10, status="draft" if n == 5 else "submitted")
    _deliver(units["commune"], months[8], cq, 70)
    _deliver(units["commune"], months[9], kh, 999, status="draft")  # the report itself
    _deliver(units["commune"], periods[1], kh, 555)  # a quarter: another kind
    _deliver(units["sibling"], months[3], kh, 7)
    histories = histories_for([units["commune"], units["sibling"], units["province"]], months[9])
    assert histories == {
        # the six months before September are March to August; May is still a draft
        units["commune"].pk: {kh.pk: [Decimal(30), Decimal(40), Decimal(60), Decimal(70), Decimal(80)], cq.pk: [Decimal(70)]},
        units["sibling"].pk: {kh.pk: [Decimal(7)]},
        units["province"].pk: {},
    }


def test_previous_values_are_the_last_periods_delivered_values(units, catalog, months):
    _deliver(units["commune"], months[1], catalog["initiatives"], 12)
    _deliver(units["commune"], months[2], catalog["initiatives"], 15)
    assert previous_values(units["commune"], months[3]) == (months[2], {catalog["initiatives"].pk: Decimal(15)})
    assert previous_values(units["commune"], months[1]) == (None, {})
