"""The workflow table and the reporting calendar, without a database."""

import datetime

import pytest

from giamsat.reporting import rules


@pytest.mark.parametrize(
    ("state", "permissions", "expected"),
    [
        ("draft", {"edit"}, ["save", "submit"]),
        ("returned", {"edit"}, ["save", "submit"]),
        ("submitted", {"edit"}, []),
        ("approved", {"edit"}, []),
        ("draft", {"approve"}, []),
        ("submitted", {"approve"}, ["approve", "return", "reopen"]),
        ("approved", {"approve"}, ["reopen"]),
        ("approved", {"edit", "approve"}, ["reopen"]),
        ("draft", set(), []),
    ],
)
def test_actions_allowed_by_state_and_permission(state, permissions, expected):
    assert rules.actions_allowed(state, permissions) == expected


def test_a_locked_period_allows_nothing():
    assert rules.actions_allowed("draft", {"edit", "approve"}, period_locked=True) == []


def test_approved_reports_are_read_only_and_say_how_to_change_them():
    assert rules.transition_for("approved", "save") is None
    assert rules.refusal_message("approved", "save") == (
        "Báo cáo đã được duyệt nên chỉ được xem. Muốn sửa, lãnh đạo cấp trên cần mở lại để điều chỉnh, kèm lý do."
    )
    assert rules.refusal_message("draft", "approve") == "Không thể duyệt báo cáo đang ở trạng thái “đang soạn”."


def test_returning_and_reopening_need_a_reason():
    assert rules.transition_for("submitted", "return").needs_reason
    assert rules.transition_for("approved", "reopen").needs_reason
    assert not rules.transition_for("submitted", "approve").needs_reason


def test_periods_of_a_year_cover_months_quarters_half_nine_months_and_year():
    specs = rules.periods_of_year(2025)
    assert [s.code for s in specs if s.kind != "month"] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2025S1", "2025N1", "2025"]
    assert len([s for s in specs if s.kind == "month"]) == 12
    feb = next(s for s in specs if s.code == "202502")
    assert (feb.start, feb.end, feb.due) == (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28), datetime.date(2025, 2, 20))
    nine = next(s for s in specs if s.kind == "nine")
    assert (nine.start, nine.end, nine.due) == (datetime.date(2025, 1, 1), datetime.date(2025, 9, 30), datetime.date(2025, 9, 20))


def test_due_day_is_configurable_and_clipped_to_the_month():
    assert rules.due_date(datetime.date(2025, 2, 28), 31) == datetime.date(2025, 2, 28)
    assert rules.due_date(datetime.date(2025, 6, 30), 5) == datetime.date(2025, 6, 5)
    with pytest.raises(ValueError, match="Ngày hạn nộp phải từ 1 đến 31, không phải 40."):
        rules.due_date(datetime.date(2025, 6, 30), 40)


@pytest.mark.parametrize(
    ("code", "parsed"),
    [("202501", ("month", 2025, 1)), ("2025q3", ("quarter", 2025, 3)), ("2025S1", ("half", 2025, 1)),
     ("2025N1", ("nine", 2025, 1)), ("2025", ("year", 2025, 1)), ("202513", None), ("2025Q5", None), ("abc", None)],
)
def test_period_codes(code, parsed):
    assert rules.parse_period_code(code) == parsed
    if parsed:
        assert rules.period_code(*parsed) == code.upper()


@pytest.mark.parametrize(
    ("today", "delivered", "state"),
    [(datetime.date(2025, 7, 1), False, "open"), (datetime.date(2025, 7, 15), False, "due_soon"),
     (datetime.date(2025, 7, 20), False, "due_soon"), (datetime.date(2025, 7, 21), False, "late"),
     (datetime.date(2025, 8, 1), True, "done")],
)
def test_deadline_state(today, delivered, state):
    assert rules.deadline_state(datetime.date(2025, 7, 20), today, delivered) == state
