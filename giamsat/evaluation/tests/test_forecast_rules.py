"""The forecast: a least-squares line through the recent values, read at the deadline."""

from datetime import date, timedelta

import pytest

from giamsat.evaluation.rules import Goal, Point, fit_trend, forecast_flow, forecast_stock

ORIGIN = date(2026, 1, 1)
DEADLINE = date(2030, 12, 31)  # 1,825 days after ORIGIN


def every_30_days(values):
    return [Point(ORIGIN + timedelta(days=30 * i), v) for i, v in enumerate(values)]


def test_least_squares_line_through_noisy_points():
    # x = 0, 30, 60; y = 1, 3, 2: mean (30, 2), Sxx = 1800, Sxy = 30 -> slope 1/60, 1.5 at x = 0
    trend = fit_trend(every_30_days([1.0, 3.0, 2.0]))
    assert trend.slope == pytest.approx(1 / 60)
    assert trend.intercept == pytest.approx(1.5)
    assert trend.at(ORIGIN + timedelta(days=120)) == pytest.approx(3.5)
    assert trend.n == 3


def test_only_the_last_points_of_the_window_count():
    points = every_30_days([100.0, 100.0, 1.0, 2.0, 3.0])
    trend = fit_trend(points, window=3)
    assert trend.n == 3 and trend.slope == pytest.approx(1 / 30)


def test_too_few_points_give_no_trend():
    assert fit_trend(every_30_days([1.0, 2.0])) is None
    assert fit_trend([Point(ORIGIN, 1.0)] * 3) is None  # all on one day


def test_a_slow_trend_is_forecast_to_miss_the_target():
    # +0.2 every 30 days from 60: at the deadline 60 + 1825 * 0.2 / 30 = 72.1666...
    goal = Goal(">=", 80.0, DEADLINE)
    forecast = forecast_stock(goal, every_30_days([60 + 0.2 * i for i in range(6)]))
    assert forecast.value == pytest.approx(60 + 1825 * 0.2 / 30)
    assert (forecast.on, forecast.n, forecast.misses) == (DEADLINE, 6, True)


def test_a_fast_trend_is_forecast_to_meet_the_target():
    goal = Goal(">=", 80.0, DEADLINE)
    forecast = forecast_stock(goal, every_30_days([60 + 0.5 * i for i in range(6)]))
    assert forecast.value == pytest.approx(60 + 1825 * 0.5 / 30)
    assert forecast.misses is False


def test_a_falling_indicator_with_a_ceiling():
    goal = Goal("<=", 10.0, DEADLINE)
    falling = forecast_stock(goal, every_30_days([40 - 1.0 * i for i in range(6)]))
    assert falling.misses is False  # reaches 10 well before 2030
    assert forecast_stock(goal, every_30_days([40 - 0.1 * i for i in range(6)])).misses is True


def test_a_percentage_forecast_is_kept_within_its_bounds():
    goal = Goal(">=", 80.0, DEADLINE)
    forecast = forecast_stock(goal, every_30_days([60 + 3.0 * i for i in range(6)]), bounds=(0.0, 100.0))
    assert forecast.value == 100.0


def test_a_flow_forecast_adds_the_projected_periods_to_the_total_so_far():
    # a steady 10 a month; 60 so far; six more month ends before the deadline -> 120
    goal = Goal(">=", 130.0, date(2026, 12, 31))
    flows = every_30_days([10.0] * 6)
    future = [date(2026, m, 28) for m in range(7, 13)] + [date(2027, 1, 31)]  # the last is past the deadline
    forecast = forecast_flow(goal, flows, total=60.0, future=future)
    assert forecast.value == pytest.approx(120.0)
    assert forecast.misses is True
    assert forecast_flow(Goal(">=", 120.0, date(2026, 12, 31)), flows, total=60.0, future=future).misses is False


def test_a_falling_flow_is_never_projected_below_zero():
    goal = Goal(">=", 10.0, date(2026, 12, 31))
    forecast = forecast_flow(goal, every_30_days([50.0, 30.0, 10.0]), total=90.0, future=[date(2026, 12, 31)])
    assert forecast.value == 90.0
