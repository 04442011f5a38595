"""The demo's year of reports (giamsat/demo/reporting.py, owned by the reporting app)."""

import datetime
import io
from collections import Counter

from giamsat.audit.models import AuditEvent
from giamsat.demo.builder import build
from giamsat.reporting.models import ReportingPeriod, Submission, Value


def test_the_demo_tells_the_story_of_2025_and_can_run_again(db):
    build(io.StringIO(), today=datetime.date(2025, 12, 1))
    assert ReportingPeriod.objects.filter(year=2025).count() == 19
    assert ReportingPeriod.objects.filter(year=2026).count() == 19
    statuses = Counter(Submission.objects.values_list("period__number", "status"))
    assert {status for (number, status) in statuses if number < 4} == {"approved"}
    assert {status for (number, status) in statuses if number == 4} == {"approved", "submitted", "returned", "draft"}
    returned = Submission.objects.filter(status="returned").first()
    assert returned.return_comment == "Đề nghị rà soát lại mẫu số dân số theo số liệu của công an xã."
    assert Value.objects.filter(note="Chậm so với lộ trình").exists()  # lagging on purpose
    approvals = AuditEvent.objects.filter(object_type="reporting.submission", action="approve", via="demo")
    assert approvals.count() == statuses[(1, "approved")] + statuses[(2, "approved")] + statuses[(3, "approved")] + statuses[(4, "approved")]
    counts = (Submission.objects.count(), Value.objects.count(), AuditEvent.objects.count())
    build(io.StringIO(), today=datetime.date(2026, 11, 1))
    assert (Submission.objects.count(), Value.objects.count(), AuditEvent.objects.count()) == counts
