"""When the cache sees an approval made without telling it: recent periods at once,
older ones at the periodic check of every period."""

import datetime

import pytest
from django.utils import timezone

from giamsat.evaluation import rollup
from giamsat.evaluation.models import RollupState
from giamsat.evaluation.tests.conftest import decide, month, report


@pytest.fixture
def today(monkeypatch):
    day = datetime.date(2026, 7, 10)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)
    return day


def total(units, ind, period):
    c = rollup.components([units["province"]], [ind.pk], [period.pk]).get((units["province"].pk, ind.pk, period.pk))
    return c.total if c else None


def test_an_approval_in_a_recent_period_is_seen_at_the_next_read(units, catalog, today, settings):
    settings.GIAMSAT_ROLLUP_FULL_CHECK_SECONDS = 3600
    june = month(2026, 6)
    ind = catalog["initiatives"]
    assert total(units, ind, june) is None  # the first read checks every period
    submission = report(units["commune"], june, {ind: 5}, status="submitted")
    decide(submission, "approved")  # by a path that does not call submission_changed
    assert total(units, ind, june) == 5.0


def test_an_old_period_waits_for_the_periodic_check(units, catalog, today, settings):
    settings.GIAMSAT_ROLLUP_FULL_CHECK_SECONDS = 3600
    old = month(2025, 1)
    ind = catalog["initiatives"]
    assert total(units, ind, old) is None
    report(units["commune"], old, {ind: 5})
    assert total(units, ind, old) is None  # not yet: an old correction waits for the periodic check
    RollupState.objects.update(checked_at=timezone.now() - datetime.timedelta(hours=2))
    assert total(units, ind, old) == 5.0


def test_submission_changed_makes_an_old_period_exact_at_once(units, catalog, today, settings):
    settings.GIAMSAT_ROLLUP_FULL_CHECK_SECONDS = 3600
    old = month(2025, 1)
    ind = catalog["initiatives"]
    rollup.refresh()
    submission = report(units["commune"], old, {ind: 5})
    rollup.submission_changed(submission.pk)  # what reporting's workflow calls
    assert total(units, ind, old) == 5.0


def test_only_one_read_claims_the_periodic_check(units, catalog, today, settings):
    settings.GIAMSAT_ROLLUP_FULL_CHECK_SECONDS = 3600
    rollup.refresh()
    assert rollup._claim_full_check() is False  # just done by the refresh above
    RollupState.objects.update(checked_at=None)
    assert rollup._claim_full_check() is True
    assert rollup._claim_full_check() is False
