"""Pure rules of periodic reporting: the workflow table and the reporting calendar.

No ORM, no request, no clock: callers pass ``today`` and plain values in.
Value checks (types, ranges, outliers) live in :mod:`giamsat.reporting.validation`.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# --- Workflow -------------------------------------------------------------------------

DRAFT, SUBMITTED, APPROVED, RETURNED = "draft", "submitted", "approved", "returned"

SAVE, SUBMIT, APPROVE, RETURN, REOPEN = "save", "submit", "approve", "return", "reopen"
ACTIONS = (SAVE, SUBMIT, APPROVE, RETURN, REOPEN)


@dataclass(frozen=True)
class Transition:
    to: str
    permission: str  # the orgs.access action the actor needs on the submission's unit
    needs_reason: bool = False


# state × action → (new state, permission needed). A pair not in the table is refused.
# "edit" is held by the unit's officers and leaders (and admins above); "approve" by the
# leaders of the parent unit (and of the unit itself where GIAMSAT_SELF_APPROVAL is on).
TRANSITIONS: dict[tuple[str, str], Transition] = {
    (DRAFT, SAVE): Transition(DRAFT, "edit"),
    (DRAFT, SUBMIT): Transition(SUBMITTED, "edit"),
    (RETURNED, SAVE): Transition(RETURNED, "edit"),
    (RETURNED, SUBMIT): Transition(SUBMITTED, "edit"),
    (SUBMITTED, APPROVE): Transition(APPROVED, "approve"),
    (SUBMITTED, RETURN): Transition(RETURNED, "approve", needs_reason=True),
    (SUBMITTED, REOPEN): Transition(DRAFT, "approve", needs_reason=True),
    (APPROVED, REOPEN): Transition(DRAFT, "approve", needs_reason=True),
}

EDITABLE_STATES = frozenset(state for (state, action) in TRANSITIONS if action == SAVE)


def transition_for(state: str, action: str) -> Transition | None:
    return TRANSITIONS.get((state, action))


def actions_allowed(state: str, permissions: set[str], period_locked: bool = False) -> list[str]:
    """The actions someone holding ``permissions`` on the unit may take in ``state``."""
    if period_locked:
        return []
    return [a for a in ACTIONS if (t := TRANSITIONS.get((state, a))) and t.permission in permissions]


def refusal_message(state: str, action: str) -> str:
    labels = {
        DRAFT: _("đang soạn"), SUBMITTED: _("đã gửi"), APPROVED: _("đã duyệt"), RETURNED: _("bị trả lại"),
    }
    verbs = {
        SAVE: _("sửa"), SUBMIT: _("gửi"), APPROVE: _("duyệt"), RETURN: _("trả lại"),
        REOPEN: _("mở lại để điều chỉnh"),
    }
    if state == APPROVED and action == SAVE:
        return _("Báo cáo đã được duyệt nên chỉ được xem. Muốn sửa, lãnh đạo cấp trên cần mở lại để điều chỉnh, kèm lý do.")
    return _("Không thể {verb} báo cáo đang ở trạng thái “{state}”.").format(
        verb=verbs.get(action, action), state=labels.get(state, state)
    )


# --- Reporting calendar ----------------------------------------------------------------

MONTH, QUARTER, HALF, NINE, YEAR = "month", "quarter", "half", "nine", "year"
KINDS = (MONTH, QUARTER, HALF, NINE, YEAR)
# (number of periods in a year, months each covers from January or from its own start)
_SHAPE = {MONTH: (12, 1), QUARTER: (4, 3), HALF: (1, 6), NINE: (1, 9), YEAR: (1, 12)}
DEFAULT_DUE_DAY = 20


@dataclass(frozen=True)
class PeriodSpec:
    kind: str
    year: int
    number: int
    start: datetime.date
    end: datetime.date
    due: datetime.date

    @property
    def code(self) -> str:
        return period_code(self.kind, self.year, self.number)


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def due_date(end: datetime.date, due_day: int = DEFAULT_DUE_DAY) -> datetime.date:
    """The ``due_day`` of the period's last month (clipped to the month's last day)."""
    if not 1 <= due_day <= 31:
        raise ValueError(_("Ngày hạn nộp phải từ 1 đến 31, không phải {day}.").format(day=due_day))
    return datetime.date(end.year, end.month, min(due_day, calendar.monthrange(end.year, end.month)[1]))


def periods_of_year(year: int, kinds=KINDS, due_day: int = DEFAULT_DUE_DAY) -> list[PeriodSpec]:
    """Every period of ``kinds`` in ``year``. Half-year and nine months run from 1 January
    (the reports "6 tháng đầu năm", "9 tháng"), as Vietnamese offices count them."""
    specs = []
    for kind in kinds:
        count, months = _SHAPE[kind]
        for number in range(1, count + 1):
            first_month = (number - 1) * months + 1
            start = datetime.date(year, first_month, 1)
            end = _last_day(year, first_month + months - 1)
            specs.append(PeriodSpec(kind, year, number, start, end, due_date(end, due_day)))
    return specs


# Codes in the spirit of DHIS2's periods: 202501, 2025Q1, 2025S1, 2025N1 (nine months), 2025.
_CODE = re.compile(r"^(?P<year>\d{4})(?:(?P<month>\d{2})|Q(?P<q>[1-4])|S(?P<s>1)|N(?P<n>1))?$")


def period_code(kind: str, year: int, number: int) -> str:
    if kind == MONTH:
        return f"{year}{number:02d}"
    if kind == QUARTER:
        return f"{year}Q{number}"
    if kind == HALF:
        return f"{year}S{number}"
    if kind == NINE:
        return f"{year}N{number}"
    return f"{year}"


def parse_period_code(code: str) -> tuple[str, int, int] | None:
    """``"2025Q1"`` → ``("quarter", 2025, 1)``; ``None`` when the code is not one of ours."""
    m = _CODE.match((code or "").strip().upper())
    if not m:
        return None
    year = int(m["year"])
    if m["month"]:
        month = int(m["month"])
        return (MONTH, year, month) if 1 <= month <= 12 else None
    if m["q"]:
        return QUARTER, year, int(m["q"])
    if m["s"]:
        return HALF, year, 1
    if m["n"]:
        return NINE, year, 1
    return YEAR, year, 1


# --- Deadlines -------------------------------------------------------------------------

DUE_SOON_DAYS = 5


def deadline_state(due: datetime.date, today: datetime.date, delivered: bool, soon_days: int = DUE_SOON_DAYS) -> str:
    """``"done"`` once delivered (submitted or approved), else ``"late"``, ``"due_soon"`` or ``"open"``."""
    if delivered:
        return "done"
    if today > due:
        return "late"
    if (due - today).days <= soon_days:
        return "due_soon"
    return "open"


def days_late(due: datetime.date, today: datetime.date) -> int:
    return max(0, (today - due).days)
