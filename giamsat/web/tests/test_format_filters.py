"""Vietnamese display of numbers, comparators and targets."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from giamsat.web.templatetags.giamsat_format import comparator_symbol, target_value, vn_number


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (Decimal("1234.5"), None, "1.234,5"),
        (Decimal("80.000000"), None, "80"),
        (Decimal("0.700000"), None, "0,7"),
        (Decimal("1234567"), None, "1.234.567"),
        (Decimal("-2500.25"), None, "-2.500,25"),
        (88.6939, 2, "88,69"),
        (Decimal("3"), 1, "3,0"),
        ("12,5", None, "–"),
        (None, None, "–"),
        (float("inf"), None, "–"),
    ],
)
def test_vn_number(value, decimals, shown):
    assert vn_number(value, decimals) == shown


def test_the_comparators():
    assert [comparator_symbol(c) for c in [">=", ">", "<=", "<", "=", "~", "between"]] == ["≥", ">", "≤", "<", "=", "≈", ""]


@pytest.mark.parametrize(
    ("comparator", "value", "value_max", "unit", "shown"),
    [
        (">=", Decimal("80"), None, "%", "≥ 80%"),
        (">", Decimal("1234.5"), None, "hồ sơ", "> 1.234,5 hồ sơ"),
        ("<=", Decimal("3"), None, "thứ hạng", "≤ 3 thứ hạng"),
        ("~", Decimal("80"), None, "% GDP", "≈ 80% GDP"),
        ("between", Decimal("40"), Decimal("50"), "tổ chức", "từ 40 đến 50 tổ chức"),
        ("between", Decimal("16"), Decimal("18"), "%/năm", "từ 16 đến 18%/năm"),
        ("=", Decimal("0.6"), None, "", "= 0,6"),
    ],
)
def test_target_value(comparator, value, value_max, unit, shown):
    target = SimpleNamespace(comparator=comparator, value=value, value_max=value_max, unit_text=unit)
    assert target_value(target) == shown


def test_a_parsed_target_uses_its_unit_field():
    parsed = SimpleNamespace(comparator=">", value=40.0, value_max=None, unit="%")
    assert target_value(parsed) == "> 40%"


def test_in_a_template():
    template = Template("{% load giamsat_format %}{{ v|vn_number }} {{ v|vn_number:2 }} {{ c|comparator_symbol }}")
    assert template.render(Context({"v": Decimal("24530.5"), "c": "<="})) == "24.530,5 24.530,50 ≤"
