"""A save killed midway leaves nothing half-written."""

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.reporting import services, writes
from giamsat.reporting.models import Submission, TaskUpdate, Value
from giamsat.reporting.services import RawEntry
from giamsat.reporting.tasks import RawTask

ENTRIES = [RawEntry("DT-01", numerator="100", denominator="200"), RawEntry("KH-02", value="3"), RawEntry("CQ-03", value="50")]


class Killed(Exception):
    pass


def _kill_after(monkeypatch, rows: int):
    """Let ``rows`` value rows reach the database (inserted or updated), then kill the save."""
    done = []

    def partial(real):
        def write(batch):
            room = max(0, rows - len(done))
            written = real(batch[:room])
            done.extend(batch[:room])
            if len(batch) > room:
                raise Killed("process killed")
            return written
        return write

    monkeypatch.setattr(writes, "insert", partial(writes.insert))
    monkeypatch.setattr(writes, "update", partial(writes.update))
    return done


def test_a_save_killed_after_half_the_rows_stores_nothing(monkeypatch, commune_officer, units, q2, task):
    written = _kill_after(monkeypatch, 2)
    with pytest.raises(Killed):
        services.save_report(commune_officer, units["commune"], q2, entries=ENTRIES,
                             tasks=[RawTask(task.pk, status="in_progress", progress="10")])
    assert len(written) == 2  # two rows went to the database before the kill…
    assert Value.objects.count() == 0  # …and were rolled back with everything else
    assert Submission.objects.count() == 0
    assert TaskUpdate.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="reporting.submission").exists()


def test_a_re_upload_killed_midway_keeps_the_previous_draft_whole(monkeypatch, commune_officer, units, q2):
    services.save_report(commune_officer, units["commune"], q2, entries=ENTRIES)
    before = sorted(Value.objects.values_list("indicator__code", "value"))
    _kill_after(monkeypatch, 1)
    with pytest.raises(Killed):
        services.save_report(commune_officer, units["commune"], q2, replace=True, entries=[
            RawEntry("DT-01", numerator="150", denominator="200"), RawEntry("KH-02", value="4"), RawEntry("CQ-03", value="60")])
    assert sorted(Value.objects.values_list("indicator__code", "value")) == before
    assert Submission.objects.get().version == 2


def test_a_failing_audit_write_rolls_back_the_values(monkeypatch, commune_officer, units, q2):
    def broken_record(**kwargs):
        raise Killed("audit table unavailable")

    monkeypatch.setattr(services, "record", broken_record)
    with pytest.raises(Killed):
        services.save_report(commune_officer, units["commune"], q2, entries=ENTRIES)
    assert Value.objects.count() == 0
    assert Submission.objects.count() == 0
