"""Aggregation rules on plain values, with numbers computed by hand."""

import pytest

from giamsat.evaluation.rules import Components, aggregate, merge, over_periods, ratio_scale

# Two communes: A has 90 of 100 residents with an e-ID (90 %), B 10 of 1,000 (1 %).
A = Components.of(90.0, numerator=90.0, denominator=100.0, weight=100.0)
B = Components.of(1.0, numerator=10.0, denominator=1000.0, weight=1000.0)


def test_ratio_is_summed_numerators_over_summed_denominators_not_a_mean_of_percentages():
    both = A + B
    assert aggregate("ratio", both, scale=100.0) == pytest.approx(100 / 1100 * 100)  # 9.0909... %
    assert (90.0 + 1.0) / 2 == 45.5  # what a mean of the percentages would wrongly give


def test_weighted_mean_weighs_each_value():
    # (90 * 100 + 1 * 1000) / 1100 = 10000 / 1100 = 9.0909...
    assert aggregate("weighted_mean", A + B) == pytest.approx(10000 / 1100)
    c = Components.of(80.0, weight=1000.0) + Components.of(40.0, weight=3000.0)
    assert aggregate("weighted_mean", c) == 50.0  # (80 000 + 120 000) / 4 000; the plain mean is 60


def test_sum_min_max():
    c = merge([Components.of(3.0), Components.of(7.0), Components.of(5.0)])
    assert (aggregate("sum", c), aggregate("min", c), aggregate("max", c)) == (15.0, 3.0, 7.0)
    assert c.n == 3


def test_none_only_stands_for_a_single_unit():
    assert aggregate("none", Components.of(4.0)) == 4.0
    assert aggregate("none", Components.of(4.0) + Components.of(5.0)) is None


def test_a_lone_value_without_numerator_and_denominator_stands_for_itself():
    assert aggregate("ratio", Components.of(88.69), scale=100.0) == 88.69
    assert aggregate("ratio", Components.of(88.69) + Components.of(50.0), scale=100.0) is None


def test_missing_values_are_not_zeros():
    empty = Components()
    assert all(aggregate(rule, empty) is None for rule in ("sum", "ratio", "weighted_mean", "min", "max", "none"))
    assert (Components.of(None) + Components.of(2.0)).n == 1


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="unknown aggregation"):
        aggregate("median", A)


def test_a_stock_over_periods_is_its_latest_value_and_a_flow_their_sum():
    jan, feb, mar = Components.of(10.0), Components.of(12.0), Components()
    assert aggregate("sum", over_periods("stock", [jan, feb, mar])) == 12.0
    assert aggregate("sum", over_periods("flow", [jan, feb, mar])) == 22.0
    assert over_periods("stock", [Components(), Components()]).empty


def test_ratio_scale_follows_the_value_type():
    assert ratio_scale("percent") == 100.0
    assert ratio_scale("ratio") == 1.0
