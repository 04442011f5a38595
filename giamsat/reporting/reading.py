"""The read model of one report, as the web form and the Excel template show it."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from giamsat.orgs import access
from giamsat.orgs.models import Unit
from giamsat.reporting import rules, validation
from giamsat.reporting.history import history_for, previous_values
from giamsat.reporting.models import ReportingPeriod, Submission, TaskStatus, TaskUpdate, Value
from giamsat.reporting.requirements import Requirement, led_tasks, required_indicators
from giamsat.reporting.services import allowed_actions


@dataclass
class Row:
    requirement: Requirement
    stored: Value | None
    previous: Decimal | None
    outlier: bool = False

    @property
    def spec(self) -> validation.IndicatorSpec:
        return self.requirement.spec

    @property
    def outlier_message(self) -> str:
        return _("Giá trị khác thường so với các kỳ trước của đơn vị: hãy kiểm tra lại, hoặc xác nhận và ghi chú lý do.")


@dataclass
class TaskRow:
    task: object
    update: TaskUpdate | None
    carried: TaskUpdate | None  # the latest update of an earlier report, shown until this one has its own

    @property
    def shown(self) -> TaskUpdate | None:
        return self.update or self.carried


@dataclass
class Report:
    unit: Unit
    period: ReportingPeriod
    submission: Submission | None
    rows: list[Row]
    tasks: list[TaskRow]
    previous_period: ReportingPeriod | None
    actions: list[str] = field(default_factory=list)

    @property
    def version(self) -> int:
        return self.submission.version if self.submission else 0

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else rules.DRAFT

    @property
    def editable(self) -> bool:
        return rules.SAVE in self.actions


def load_report(user, unit: Unit, period: ReportingPeriod) -> Report:
    """Everything the form shows; the user must be allowed to view the unit."""
    access.require(user, access.Action.VIEW, unit)
    requirements = required_indicators(unit, period)
    submission = Submission.objects.filter(unit=unit, period=period).select_related("submitted_by", "decided_by", "updated_by").first()
    stored = {v.indicator_id: v for v in Value.objects.filter(submission=submission)} if submission else {}
    previous_period, previous = previous_values(unit, period)
    history = history_for(unit, period)
    rows = []
    for ind_id, req in requirements.items():
        value = stored.get(ind_id)
        outlier = bool(value and value.value is not None and not value.outlier_confirmed
                       and validation.is_outlier(value.value, history.get(ind_id, []), req.spec.outlier_factor))
        rows.append(Row(req, value, previous.get(ind_id), outlier))
    tasks = led_tasks(unit, period)
    updates = {u.task_id: u for u in TaskUpdate.objects.filter(submission=submission)} if submission else {}
    carried = {}
    for update in TaskUpdate.objects.filter(task__in=tasks, submission__period__end__lt=period.start).order_by("submission__period__end"):
        carried[update.task_id] = update
    task_rows = [TaskRow(t, updates.get(t.pk), carried.get(t.pk)) for t in tasks]
    actions = allowed_actions(user, submission, period, unit)
    return Report(unit, period, submission, rows, task_rows, previous_period, actions)


TASK_STATUS_LABELS = {s.value: str(s.label) for s in TaskStatus}
