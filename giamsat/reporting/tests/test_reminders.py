"""Periods, deadlines and the reminder worker (one pass at a time)."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from giamsat.audit.models import AuditEvent
from giamsat.errors import GiamsatError
from giamsat.reporting import reminders, schedule, services
from giamsat.reporting.models import Reminder, ReportingPeriod
from giamsat.reporting.services import RawEntry

NOW = datetime.datetime(2025, 7, 10, 8, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()


def test_periods_command_creates_a_year_idempotently(db):
    out = StringIO()
    call_command("periods", "--years", "2025", "--due-day", "15", stdout=out)
    assert out.getvalue().strip() == "Đã tạo 19 kỳ báo cáo, 0 kỳ đã có từ trước."
    assert ReportingPeriod.objects.get(kind="quarter", number=2).due == datetime.date(2025, 6, 15)
    assert AuditEvent.objects.filter(object_type="reporting.reportingperiod", action="create").count() == 19
    out = StringIO()
    call_command("periods", "--years", "2025", stdout=out)
    assert out.getvalue().strip() == "Đã tạo 0 kỳ báo cáo, 19 kỳ đã có từ trước."


def test_locking_a_period_is_logged(q2):
    call_command("periods", "--lock", "2025Q2", stdout=StringIO())
    q2.refresh_from_db()
    assert q2.locked
    assert AuditEvent.objects.get(action="lock").after == {"locked": True}


def test_deadlines_list_late_and_due_soon_reports(commune_officer, units, q2, periods):
    services.save_report(commune_officer, units["commune"], q2, entries=[
        RawEntry("DT-01", numerator="1", denominator="2"), RawEntry("KH-02", value="1"), RawEntry("CQ-03", value="1")],
        narrative={"results": "Xong"})
    services.act(commune_officer, units["commune"], q2, "submit")
    found = [(d.unit.code, d.period.code, d.state, d.days_late) for d in schedule.deadlines(TODAY)]
    # Q2 was due 20/06: the province and the sibling commune are late, the commune delivered;
    # nobody delivered Q1 (due 20/03)
    assert found == [
        ("T01", "2025Q2", "late", 20), ("X02", "2025Q2", "late", 20),
        ("T01", "2025Q1", "late", 112), ("X01", "2025Q1", "late", 112), ("X02", "2025Q1", "late", 112),
    ]
    soon = [(d.unit.code, d.state) for d in schedule.deadlines(datetime.date(2025, 9, 17))]
    assert ("X01", "due_soon") in soon  # Q3 is due 20/09


def _close_q1(periods):
    periods[1].locked = True  # a locked period's books are closed: no more reminders
    periods[1].save(update_fields=["locked"])


def test_the_late_page_is_scoped_to_what_the_user_sees(sibling_officer, province_leader, units, q2, periods):
    _close_q1(periods)
    assert [d.unit.code for d in schedule.late_reports(province_leader, TODAY)] == ["T01", "X01", "X02"]
    assert [d.unit.code for d in schedule.late_reports(sibling_officer, TODAY)] == ["X02"]


def test_one_pass_sends_one_reminder_and_a_second_run_does_not_repeat_it(commune_officer, province_leader, sibling_officer, units, q2, periods):
    _close_q1(periods)
    for user, email in ((commune_officer, "cv@xa.vn"), (province_leader, "ld@tinh.vn"), (sibling_officer, "cv@xaben.vn")):
        user.email = email
        user.save(update_fields=["email"])
    assert reminders.run_once(NOW)  # the province's own Q2 report is late: its leader is told
    assert (mail.outbox[-1].subject, mail.outbox[-1].to) == ("[giamsat] Báo cáo Quý 2/2025 của Tỉnh Thử Nghiệm đã quá hạn", ["ld@tinh.vn"])
    assert reminders.run_once(NOW)
    assert mail.outbox[-1].subject == "[giamsat] Báo cáo Quý 2/2025 của Xã An Bình đã quá hạn"
    assert mail.outbox[-1].to == ["cv@xa.vn", "ld@tinh.vn"]
    assert mail.outbox[-1].body == "Báo cáo Quý 2/2025 của Xã An Bình phải nộp trước ngày 20/06/2025, đến nay đã chậm 20 ngày."
    assert reminders.run_once(NOW)
    assert not reminders.run_once(NOW)  # nothing left
    assert Reminder.objects.count() == 3
    assert len(mail.outbox) == 3


def test_remind_list_prints_without_sending(units, q2, periods, monkeypatch):
    _close_q1(periods)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: TODAY)
    out = StringIO()
    call_command("remind", "--list", stdout=out)
    assert out.getvalue().splitlines()[1] == "Quý 2/2025\tX01\tXã An Bình\t20/06/2025\tquá hạn 20 ngày"
    assert not Reminder.objects.exists()


@pytest.mark.parametrize("day", [40, 0])
def test_a_wrong_due_day_is_refused_with_a_message(db, day):
    with pytest.raises(GiamsatError) as exc:
        call_command("periods", "--years", "2025", "--due-day", str(day), stdout=StringIO())
    assert exc.value.message == f"Ngày hạn nộp phải từ 1 đến 31, không phải {day}."
