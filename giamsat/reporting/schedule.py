"""Reporting periods and deadlines: generate periods, lock them, find reports due soon or late."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from giamsat.audit.services import record, snapshot
from giamsat.errors import GiamsatError
from giamsat.orgs import access
from giamsat.orgs.models import Unit
from giamsat.reporting import rules
from giamsat.reporting.history import DELIVERED
from giamsat.reporting.models import ReportingPeriod, Submission
from giamsat.reporting.requirements import expected_units

WINDOW_DAYS = 400  # deadlines older than this are history, not reminders


@transaction.atomic
def generate_periods(years, kinds=rules.KINDS, due_day: int = rules.DEFAULT_DUE_DAY, *, actor=None, via: str = "cli") -> tuple[list[ReportingPeriod], int]:
    """Create the missing periods of ``years``; returns (created, how many existed already)."""
    try:
        specs = [s for year in years for s in rules.periods_of_year(year, kinds, due_day)]
    except ValueError as exc:
        raise GiamsatError(str(exc), location="due_day") from None
    existing = set(ReportingPeriod.objects.values_list("kind", "year", "number"))
    created = []
    for spec in specs:
        if (spec.kind, spec.year, spec.number) in existing:
            continue
        period = ReportingPeriod.objects.create(kind=spec.kind, year=spec.year, number=spec.number, start=spec.start, end=spec.end, due=spec.due)
        record(actor=actor, action="create", obj=period, after=snapshot(period), via=via)
        created.append(period)
    return created, len(specs) - len(created)


@transaction.atomic
def set_locked(period: ReportingPeriod, locked: bool, *, actor=None, via: str = "cli", reason: str = "") -> ReportingPeriod:
    """Close a period's books (no more values or transitions), or open them again."""
    if actor is not None and not getattr(actor, "is_superuser", False):
        roots = Unit.objects.filter(parent__isnull=True)
        if not any(access.can(actor, access.Action.CONFIGURE, root) for root in roots):
            raise access.PermissionDeniedError(_("Chỉ quản trị cấp trung ương mới khóa, mở kỳ báo cáo."))
    if period.locked != locked:
        ReportingPeriod.objects.filter(pk=period.pk).update(locked=locked)
        record(actor=actor, action="lock" if locked else "unlock", obj=period, before={"locked": period.locked},
               after={"locked": locked}, reason=reason, via=via)
        period.locked = locked
    return period


@dataclass
class Deadline:
    unit: Unit
    period: ReportingPeriod
    submission: Submission | None
    state: str  # due_soon or late
    days_late: int

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else rules.DRAFT


def deadlines(today: datetime.date, *, within=None, soon_days: int = rules.DUE_SOON_DAYS, states=("late", "due_soon")) -> list[Deadline]:
    """Reports not yet delivered whose due date is near or past, latest period first."""
    periods = ReportingPeriod.objects.filter(
        locked=False, due__lte=today + datetime.timedelta(days=soon_days), due__gte=today - datetime.timedelta(days=WINDOW_DAYS),
    ).order_by("-due", "kind")
    found = []
    for period in periods:
        units = list(expected_units(period, within))
        if not units:
            continue
        submissions = {s.unit_id: s for s in Submission.objects.filter(period=period, unit__in=units)}
        for unit in units:
            sub = submissions.get(unit.pk)
            state = rules.deadline_state(period.due, today, sub is not None and sub.status in DELIVERED, soon_days)
            if state in states:
                found.append(Deadline(unit, period, sub, state, rules.days_late(period.due, today)))
    return found


def late_reports(user, today: datetime.date) -> list[Deadline]:
    """The late and nearly due reports of the units the user may see."""
    return deadlines(today, within=access.units_for(user, access.Action.VIEW))


def awaiting_approval(user) -> list[Submission]:
    approvable = access.units_for(user, access.Action.APPROVE)
    return list(
        Submission.objects.filter(Q(status=rules.SUBMITTED), unit__in=approvable)
        .select_related("unit", "period", "submitted_by").order_by("period__due", "unit__path")[:200]
    )


@dataclass
class MyReport:
    unit: Unit
    period: ReportingPeriod
    submission: Submission | None
    state: str

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else rules.DRAFT


def my_reports(user, today: datetime.date, *, periods: int = 8, units: int = 20) -> list[MyReport]:
    """The reports the user's own units owe, for the latest periods that have started."""
    mine = access.units_for(user, access.Action.EDIT).order_by("path")[:units]
    scope = Unit.objects.filter(pk__in=[u.pk for u in mine])
    found = []
    for period in ReportingPeriod.objects.filter(start__lte=today).order_by("-end", "kind")[:periods]:
        owing = list(expected_units(period, scope))
        submissions = {s.unit_id: s for s in Submission.objects.filter(period=period, unit__in=owing)}
        for unit in owing:
            sub = submissions.get(unit.pk)
            found.append(MyReport(unit, period, sub, rules.deadline_state(period.due, today, sub is not None and sub.status in DELIVERED)))
    return found
