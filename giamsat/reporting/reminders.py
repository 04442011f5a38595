"""Reminders of reports due soon or late: one unit and period per pass, claimed by an insert."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from giamsat.orgs.models import Membership, Role
from giamsat.reporting import schedule
from giamsat.reporting.models import Reminder


def _recipients(deadline: schedule.Deadline) -> list[str]:
    """The unit's officers and leaders; for a late report also the parent's leaders."""
    q = Membership.objects.filter(unit=deadline.unit, role__in=[Role.OFFICER, Role.LEADER])
    if deadline.state == "late" and deadline.unit.parent_id:
        q = q | Membership.objects.filter(unit_id=deadline.unit.parent_id, role=Role.LEADER)
    users = get_user_model().objects.filter(pk__in=q.values("user_id"), is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _message(deadline: schedule.Deadline) -> tuple[str, str]:
    period, unit, due = deadline.period, deadline.unit, deadline.period.due.strftime("%d/%m/%Y")
    if deadline.state == "late":
        subject = _("[giamsat] Báo cáo {period} của {unit} đã quá hạn").format(period=period.label, unit=unit.name)
        body = _("Báo cáo {period} của {unit} phải nộp trước ngày {due}, đến nay đã chậm {days} ngày.").format(
            period=period.label, unit=unit.name, due=due, days=deadline.days_late)
    else:
        subject = _("[giamsat] Báo cáo {period} của {unit} sắp đến hạn").format(period=period.label, unit=unit.name)
        body = _("Báo cáo {period} của {unit} cần nộp trước ngày {due}.").format(period=period.label, unit=unit.name, due=due)
    return subject, body


def pending(today: datetime.date) -> list[schedule.Deadline]:
    """Deadlines that have no reminder of their kind yet."""
    sent = set(Reminder.objects.values_list("unit_id", "period_id", "kind"))
    return [d for d in schedule.deadlines(today) if (d.unit.pk, d.period.pk, d.state) not in sent]


def run_once(now: datetime.datetime) -> bool:
    """Send one reminder; False when there is nothing left to remind today."""
    for deadline in pending(now.date()):
        recipients = _recipients(deadline)
        try:
            with transaction.atomic():
                Reminder.objects.create(unit=deadline.unit, period=deadline.period, kind=deadline.state, sent_at=now, recipients=recipients)
        except IntegrityError:
            continue  # another worker claimed it
        if recipients:
            subject, body = _message(deadline)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
        return True
    return False
