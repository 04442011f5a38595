"""Approving or re-opening a report updates the roll-up cache in the same transaction."""

from giamsat.evaluation.models import RollupSource
from giamsat.reporting import services
from giamsat.reporting.models import Submission
from giamsat.reporting.tests.test_workflow import report  # noqa: F401 - the fixture


def test_an_approval_is_counted_at_once_and_a_reopening_uncounts_it(report, province_leader, units, q2):  # noqa: F811
    report("submitted")
    sub = services.act(province_leader, units["commune"], q2, "approve")
    counted = RollupSource.objects.get(submission_id=sub.pk)
    assert (counted.unit_id, counted.period_id, counted.version) == (units["commune"].pk, q2.pk, Submission.objects.get(pk=sub.pk).version)
    services.act(province_leader, units["commune"], q2, "reopen", reason="Sai số liệu quý")
    assert not RollupSource.objects.filter(submission_id=sub.pk).exists()
