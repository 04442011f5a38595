"""The status of a target against its trajectory, with hand-computed numbers.

The reference goal runs from 40 on 31/12/2020 to 80 on 31/12/2030 (3,652 days); on
31/12/2025 (1,826 days later: exactly half way) the trajectory stands at 60, and a
tolerance of 10 % of the 40-point span gives a band of 4.
"""

from datetime import date

import pytest

from giamsat.evaluation.rules import (
    Goal,
    Point,
    Status,
    aim,
    cumulative_view,
    evaluate,
    meets,
    settles_early,
    trajectory,
    yearly_view,
)

START, MIDDLE, END = date(2020, 12, 31), date(2025, 12, 31), date(2030, 12, 31)
BEFORE_END, AFTER_END = date(2026, 1, 15), date(2031, 1, 2)


def goal(comparator=">=", value=80.0, *, value_max=None, baseline=40.0, tolerance=10.0):
    return Goal(comparator, value, END, value_max=value_max, tolerance=tolerance,
                baseline=Point(START, baseline) if baseline is not None else None)


def status(g, value, *, on=MIDDLE, today=BEFORE_END, **kw):
    return evaluate(g, [Point(on, value)], today=today, **kw).status


def test_the_trajectory_is_a_straight_line_from_baseline_to_target():
    assert trajectory(Point(START, 40.0), 80.0, END, MIDDLE) == 60.0
    assert trajectory(Point(START, 40.0), 80.0, END, START) == 40.0
    assert trajectory(Point(START, 40.0), 80.0, END, AFTER_END) == 80.0  # clamped at the deadline


# --- higher is better (≥) ---------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (80.0, Status.MET),  # exactly on the target
    (85.0, Status.MET),
    (79.99, Status.ON_TRACK),
    (60.0, Status.ON_TRACK),  # exactly on the trajectory
    (59.99, Status.AT_RISK),
    (56.0, Status.AT_RISK),  # exactly at the tolerance
    (55.99, Status.BEHIND),
    (30.0, Status.BEHIND),
])
def test_status_of_a_floor_target(value, expected):
    assert status(goal(">="), value) == expected


def test_verdict_carries_the_expected_value_the_shortfall_and_the_band():
    verdict = evaluate(goal(">="), [Point(MIDDLE, 57.0)], today=BEFORE_END)
    assert (verdict.status, verdict.expected, verdict.shortfall, verdict.band) == (Status.AT_RISK, 60.0, 3.0, 4.0)


def test_strictly_greater_is_not_met_on_the_boundary():
    assert status(goal(">"), 80.0) == Status.ON_TRACK
    assert status(goal(">"), 80.01) == Status.MET
    assert status(goal(">"), 80.0, today=AFTER_END) == Status.MISSED


@pytest.mark.parametrize(("value", "expected"), [(80.0, Status.MET), (79.99, Status.MISSED), (40.0, Status.MISSED)])
def test_after_the_deadline_a_target_is_met_or_missed(value, expected):
    assert status(goal(">="), value, on=END, today=AFTER_END) == expected


def test_on_the_deadline_day_itself_the_target_is_still_open():
    assert status(goal(">="), 70.0, on=MIDDLE, today=END) == Status.ON_TRACK
    assert status(goal(">="), 70.0, on=MIDDLE, today=date(2031, 1, 1)) == Status.MISSED


# --- lower is better (≤): from 40 down to 20; trajectory 30 at half way, band 2 --------


@pytest.mark.parametrize(("value", "expected"), [
    (20.0, Status.MET),
    (15.0, Status.MET),
    (30.0, Status.ON_TRACK),
    (25.0, Status.ON_TRACK),
    (31.0, Status.AT_RISK),
    (32.0, Status.AT_RISK),
    (32.01, Status.BEHIND),
    (45.0, Status.BEHIND),
])
def test_status_of_a_ceiling_target(value, expected):
    assert status(goal("<=", 20.0), value) == expected


def test_strictly_less_is_not_met_on_the_boundary():
    assert status(goal("<", 20.0), 20.0) == Status.ON_TRACK
    assert status(goal("<", 20.0), 19.99) == Status.MET
    assert status(goal("<", 20.0), 20.0, today=AFTER_END) == Status.MISSED


def test_ceiling_after_the_deadline():
    assert status(goal("<=", 20.0), 20.0, on=END, today=AFTER_END) == Status.MET
    assert status(goal("<=", 20.0), 20.01, on=END, today=AFTER_END) == Status.MISSED


# --- two-sided targets ------------------------------------------------------------------


def test_equal_target_from_below():
    g = goal("=", 100.0)  # trajectory 70 at half way, band 6
    assert status(g, 100.0) == Status.MET
    assert status(g, 70.0) == Status.ON_TRACK
    assert status(g, 64.0) == Status.AT_RISK
    assert status(g, 63.9) == Status.BEHIND
    assert status(g, 100.0, on=END, today=AFTER_END) == Status.MET
    assert status(g, 99.0, on=END, today=AFTER_END) == Status.MISSED


def test_overshooting_an_equal_target_counts_as_a_shortfall():
    g = goal("=", 100.0)
    verdict = evaluate(g, [Point(MIDDLE, 103.0)], today=BEFORE_END)
    assert (verdict.status, verdict.shortfall) == (Status.AT_RISK, 3.0)
    assert status(g, 106.5) == Status.BEHIND


def test_approximate_target_is_met_within_its_tolerance_of_the_target():
    g = goal("~", 50.0, tolerance=10.0)  # 45 .. 55
    assert meets(g, 45.0) and meets(g, 55.0) and meets(g, 50.0)
    assert not meets(g, 44.99) and not meets(g, 55.01)
    assert status(g, 45.0) == Status.MET


@pytest.mark.parametrize(("value", "expected"), [
    (40.0, Status.MET), (50.0, Status.MET), (45.0, Status.MET),  # both bounds included
    (55.0, Status.ON_TRACK),  # on the line from 60 down to 50
    (56.0, Status.AT_RISK),  # band: 10 % of the 10-point span
    (56.01, Status.BEHIND),
    (39.0, Status.AT_RISK),  # past the far bound by 1
    (38.99, Status.BEHIND),
])
def test_range_target_from_above(value, expected):
    assert status(goal("between", 40.0, value_max=50.0, baseline=60.0), value) == expected


def test_range_target_from_below_aims_at_the_lower_bound():
    g = goal("between", 40.0, value_max=50.0, baseline=20.0)  # 20 -> 40: 30 at half way, band 2
    assert aim(g, 20.0) == (40.0, 1)
    assert status(g, 30.0) == Status.ON_TRACK
    assert status(g, 28.0) == Status.AT_RISK
    assert status(g, 27.9) == Status.BEHIND


def test_two_sided_target_starting_on_it_asks_to_stay_on_it():
    assert aim(goal("=", 40.0), 40.0) == (40.0, 0)
    # starting inside a range, the shortfall is the distance out of it and the band a
    # share of the range's width (10 % of 10)
    g = goal("between", 40.0, value_max=50.0, baseline=45.0)
    verdict = evaluate(g, [Point(MIDDLE, 39.5)], today=BEFORE_END)
    assert (verdict.status, verdict.expected, verdict.shortfall, verdict.band) == (Status.AT_RISK, 40.0, 0.5, 1.0)
    assert status(g, 51.5) == Status.BEHIND
    # starting on an exact target, the band is a share of the target (10 % of 40)
    assert status(goal("=", 40.0, baseline=40.0), 43.0) == Status.AT_RISK
    assert status(goal("=", 40.0, baseline=40.0), 35.0) == Status.BEHIND


# --- no data, baselines ------------------------------------------------------------------


def test_no_value_or_a_late_report_is_no_data():
    assert evaluate(goal(), [], today=BEFORE_END).status == Status.NO_DATA
    assert evaluate(goal(), [Point(MIDDLE, 90.0)], today=BEFORE_END, late=True).status == Status.NO_DATA


def test_without_a_baseline_the_first_reported_value_is_the_start():
    g = goal(baseline=None)  # first value 40 on 31/12/2020, the rest as the reference goal
    points = [Point(START, 40.0), Point(MIDDLE, 57.0)]
    verdict = evaluate(g, points, today=BEFORE_END)
    assert (verdict.status, verdict.expected) == (Status.AT_RISK, 60.0)


def test_tolerance_is_configurable():
    assert status(goal(tolerance=10.0), 55.0) == Status.BEHIND
    assert status(goal(tolerance=15.0), 55.0) == Status.AT_RISK  # band 6


# --- flows ------------------------------------------------------------------------------


def test_a_flow_capped_from_above_is_not_met_before_its_deadline():
    assert settles_early("<=", "flow") is False
    assert settles_early(">=", "flow") is True
    assert settles_early("<=", "stock") is True
    g = goal("<=", 20.0)
    assert evaluate(g, [Point(MIDDLE, 15.0)], today=BEFORE_END, settles_early=False).status == Status.ON_TRACK
    assert evaluate(g, [Point(END, 15.0)], today=AFTER_END, settles_early=False).status == Status.MET


def monthly(year, values):
    ends = [date(year, 1, 31), date(year, 2, 28), date(year, 3, 31), date(year, 4, 30), date(year, 5, 31), date(year, 6, 30)]
    return [Point(on, v) for on, v in zip(ends, values, strict=False)]


def test_per_year_flow_is_judged_on_the_running_total_of_the_year():
    # >= 120 a year; six months of 10 = 60 by 30/06/2026; trajectory 120 * 181/365 = 59.5068...
    per_year = Goal(">=", 120.0, date(2030, 12, 31))
    history = [Point(date(2025, 12, 31), 500.0)] + monthly(2026, [10.0] * 6)  # last year's flow is ignored
    g, series = yearly_view(per_year, history, year=2026, temporality="flow")
    assert g.deadline == date(2026, 12, 31) and g.baseline == Point(date(2025, 12, 31), 0.0)
    assert series[-1] == Point(date(2026, 6, 30), 60.0)
    verdict = evaluate(g, series, today=date(2026, 7, 10))
    assert verdict.status == Status.ON_TRACK
    assert verdict.expected == pytest.approx(120 * 181 / 365)
    g2, s2 = yearly_view(per_year, monthly(2026, [10, 10, 10, 10, 10, 5]), year=2026, temporality="flow")
    assert evaluate(g2, s2, today=date(2026, 7, 10)).status == Status.AT_RISK  # 55: 4.5 short, band 12
    g3, s3 = yearly_view(per_year, monthly(2026, [5, 5, 5, 5, 5, 5]), year=2026, temporality="flow")
    assert evaluate(g3, s3, today=date(2026, 7, 10)).status == Status.BEHIND  # 30: 29.5 short


def test_per_year_flow_after_the_year_is_met_or_missed():
    per_year = Goal(">=", 120.0, date(2030, 12, 31))
    year = [Point(date(2026, m, 28), 10.0) for m in range(1, 13)]
    g, s = yearly_view(per_year, year, year=2026, temporality="flow")
    assert evaluate(g, s, today=date(2027, 1, 5)).status == Status.MET  # exactly 120
    g, s = yearly_view(per_year, year[:-1], year=2026, temporality="flow")
    assert evaluate(g, s, today=date(2027, 1, 5)).status == Status.MISSED  # 110


def test_per_year_stock_starts_from_the_last_value_of_the_year_before():
    per_year = Goal(">=", 90.0, date(2030, 12, 31))
    history = [Point(date(2025, 12, 31), 70.0), Point(date(2026, 6, 30), 79.0)]
    g, series = yearly_view(per_year, history, year=2026, temporality="stock")
    assert g.baseline == Point(date(2025, 12, 31), 70.0)
    assert series == [Point(date(2026, 6, 30), 79.0)]
    verdict = evaluate(g, series, today=date(2026, 7, 1))
    # 70 + 20 * 181/365 = 79.918; 0.918 short, band 2
    assert verdict.status == Status.AT_RISK


def test_a_flow_over_the_whole_plan_is_judged_on_its_total_since_the_baseline():
    g = Goal(">=", 100.0, END, baseline=Point(START, 0.0))
    flows = [Point(date(2020, 6, 30), 99.0), Point(date(2023, 6, 30), 20.0), Point(MIDDLE, 30.0)]
    g2, series = cumulative_view(g, flows)
    assert series == [Point(date(2023, 6, 30), 20.0), Point(MIDDLE, 50.0)]  # before the baseline: ignored
    assert evaluate(g2, series, today=BEFORE_END).status == Status.ON_TRACK
    g3, series = cumulative_view(Goal(">=", 100.0, END), flows[1:], first_start=date(2023, 1, 1))
    assert g3.baseline == Point(date(2022, 12, 31), 0.0)
    assert series[-1].value == 50.0


@pytest.mark.parametrize("comparator", [">=", ">", "<=", "<", "=", "~", "between"])
def test_every_comparator_is_understood(comparator):
    g = goal(comparator, 50.0, value_max=60.0 if comparator == "between" else None)
    assert isinstance(meets(g, 50.0), bool)
    assert evaluate(g, [Point(MIDDLE, 50.0)], today=AFTER_END).status in {Status.MET, Status.MISSED}


def test_meets_table():
    table = {
        (">=", 50.0): True, (">=", 49.9): False, (">", 50.0): False, (">", 50.1): True,
        ("<=", 50.0): True, ("<=", 50.1): False, ("<", 50.0): False, ("<", 49.9): True,
        ("=", 50.0): True, ("=", 50.1): False,
    }
    for (comparator, value), expected in table.items():
        assert meets(goal(comparator, 50.0), value) is expected, (comparator, value)


def test_unknown_comparator_is_refused():
    with pytest.raises(ValueError, match="unknown comparator"):
        meets(goal("!="), 1.0)
