"""The tasks led by the units of a scope, judged in the usual Vietnamese terms
(``rules.TaskState``), and the overdue ones a leader must see."""

from dataclasses import dataclass, field
from datetime import date

from giamsat.evaluation import memo
from giamsat.evaluation.rules import (
    TaskProgress,
    TaskState,
    is_overdue,
    periodic_task_states,
    recurrence_windows,
    task_state,
)
from giamsat.orgs.services import paths_q
from giamsat.plans.models import Task
from giamsat.reporting import selectors

OVERDUE_SHOWN = 15


@dataclass
class TaskRow:
    task: Task
    state: TaskState
    overdue: bool
    progress: int = 0
    reported_on: date | None = None
    deadline: date | None = None  # for a recurring task: the end of the period judged
    periods_late: int = 0  # recurring: closed periods not done on time


@dataclass
class Board:
    counts: dict
    overdue: list[TaskRow] = field(default_factory=list)
    overdue_total: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def judge_task(task: Task, reports: list[tuple], *, as_of: date) -> TaskRow:
    """``reports``: (status, progress, completed_on, period end), oldest first."""
    updates = [TaskProgress(s, end, p or 0, done_on) for s, p, done_on, end in reports if end <= as_of]
    latest = updates[-1] if updates else None
    if task.recurrence in ("month", "quarter", "year"):
        start = task.plan.issued_on or (updates[0].reported_on if updates else as_of)
        states = periodic_task_states(recurrence_windows(task.recurrence, start=start, until=as_of), updates, today=as_of)
        closed = [(w, s) for w, s in states if w[1] < as_of]
        (window, state) = closed[-1] if closed else states[-1]
        late = sum(1 for _, s in closed if s != TaskState.DONE_ON_TIME)
        overdue = bool(closed) and state in (TaskState.OVERDUE, TaskState.NOT_STARTED)
        return TaskRow(task, state, overdue, latest.progress if latest else 0,
                       latest.reported_on if latest else None, window[1], late)
    done = next((u for u in updates if u.status == "done"), None)
    state = task_state(task.deadline, done or latest, today=as_of)
    return TaskRow(task, state, is_overdue(state, task.deadline, today=as_of), (done or latest).progress if latest else 0,
                   latest.reported_on if latest else None, task.deadline)


def board(prefixes: list[str], period, *, today: date, statuses: list[str], stamp=None) -> Board:
    """``stamp``: the roll-up cache's generation, read after it caught up, when only
    approved reports count — what the lead units reported is then remembered until it
    changes (``evaluation.memo``; a task report changes only with its report's version)."""
    as_of = min(today, period.end) if period else today
    tasks = list(
        Task.objects.filter(paths_q(prefixes, "lead_unit__path")).select_related("lead_unit", "plan")
        .only("title", "section", "deadline", "recurrence", "lead_unit__name", "lead_unit__path",
              "plan__number", "plan__title", "plan__issued_on")
    )
    key = reports = None
    if stamp is not None:
        key = ("task reports", stamp, tuple(statuses), as_of, tuple((t.pk, t.recurrence, t.lead_unit_id) for t in tasks))
        reports = memo.get(key)
    if reports is None:
        reports = selectors.task_reports(tasks, statuses=statuses, until=as_of)
        if key is not None:
            memo.put(key, reports)
    rows = [judge_task(t, reports[t.pk], as_of=as_of) for t in tasks]
    counts = dict.fromkeys(TaskState, 0)
    for row in rows:
        counts[row.state] += 1
    overdue = sorted((r for r in rows if r.overdue), key=lambda r: (r.deadline or date.max, r.task.pk))
    return Board(counts, overdue[:OVERDUE_SHOWN], len(overdue))
