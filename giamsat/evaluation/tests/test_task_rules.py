"""Task status in the usual Vietnamese terms, one deadline or per recurring period."""

from datetime import date

import pytest

from giamsat.evaluation.rules import (
    TaskProgress,
    TaskState,
    is_overdue,
    periodic_task_states,
    recurrence_windows,
    task_state,
)

DEADLINE = date(2026, 6, 30)


def done(on, reported=date(2026, 7, 31)):
    return TaskProgress("done", reported, 100, on)


@pytest.mark.parametrize(("progress", "today", "expected"), [
    (done(date(2026, 6, 30)), date(2026, 8, 1), TaskState.DONE_ON_TIME),  # on the deadline day
    (done(date(2026, 7, 1)), date(2026, 8, 1), TaskState.DONE_LATE),
    (TaskProgress("done", date(2026, 5, 31), 100), date(2026, 8, 1), TaskState.DONE_ON_TIME),  # date of the report
    (TaskProgress("done", date(2026, 7, 31), 100), date(2026, 8, 1), TaskState.DONE_LATE),
    (TaskProgress("in_progress", date(2026, 5, 31), 40), date(2026, 6, 30), TaskState.IN_PROGRESS),
    (TaskProgress("in_progress", date(2026, 5, 31), 40), date(2026, 7, 1), TaskState.OVERDUE),
    (TaskProgress("not_started", date(2026, 5, 31), 10), date(2026, 7, 1), TaskState.OVERDUE),  # some progress
    (TaskProgress("not_started", date(2026, 5, 31), 0), date(2026, 7, 1), TaskState.NOT_STARTED),
    (None, date(2026, 1, 1), TaskState.NOT_STARTED),
])
def test_task_state(progress, today, expected):
    assert task_state(DEADLINE, progress, today=today) == expected


def test_a_task_without_deadline_is_never_late():
    assert task_state(None, TaskProgress("in_progress", date(2030, 1, 31), 50), today=date(2031, 1, 1)) == TaskState.IN_PROGRESS
    assert task_state(None, done(date(2030, 1, 1)), today=date(2031, 1, 1)) == TaskState.DONE_ON_TIME


def test_overdue_means_running_late_or_not_started_past_the_deadline():
    assert is_overdue(TaskState.OVERDUE, DEADLINE, today=date(2026, 7, 1))
    assert is_overdue(TaskState.NOT_STARTED, DEADLINE, today=date(2026, 7, 1))
    assert not is_overdue(TaskState.NOT_STARTED, DEADLINE, today=DEADLINE)
    assert not is_overdue(TaskState.DONE_LATE, DEADLINE, today=date(2026, 7, 1))


def test_recurrence_windows():
    assert recurrence_windows("quarter", start=date(2026, 2, 15), until=date(2026, 8, 1)) == [
        (date(2026, 1, 1), date(2026, 3, 31)), (date(2026, 4, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 9, 30)),
    ]
    assert recurrence_windows("month", start=date(2026, 11, 3), until=date(2027, 1, 1)) == [
        (date(2026, 11, 1), date(2026, 11, 30)), (date(2026, 12, 1), date(2026, 12, 31)), (date(2027, 1, 1), date(2027, 1, 31)),
    ]
    assert recurrence_windows("year", start=date(2025, 5, 1), until=date(2026, 1, 1)) == [
        (date(2025, 1, 1), date(2025, 12, 31)), (date(2026, 1, 1), date(2026, 12, 31)),
    ]
    assert recurrence_windows("continuous", start=date(2025, 5, 1), until=date(2026, 1, 1)) == []


def test_a_recurring_task_is_judged_in_each_period():
    windows = recurrence_windows("quarter", start=date(2026, 1, 1), until=date(2026, 8, 15))
    updates = [
        TaskProgress("in_progress", date(2026, 2, 28), 50),
        TaskProgress("done", date(2026, 3, 31), 100),  # Q1 done in its last month
        TaskProgress("in_progress", date(2026, 6, 30), 80),  # Q2 never finished
        TaskProgress("done", date(2026, 7, 31), 100, completed_on=date(2026, 7, 20)),  # Q3 already done
    ]
    states = periodic_task_states(windows, updates, today=date(2026, 8, 15))
    assert [s for _, s in states] == [TaskState.DONE_ON_TIME, TaskState.OVERDUE, TaskState.DONE_ON_TIME]
    nothing = periodic_task_states(windows, [], today=date(2026, 8, 15))
    assert [s for _, s in nothing] == [TaskState.NOT_STARTED] * 3
