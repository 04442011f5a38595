"""Pure plan rules: a document's kind, a target's checks, grouping by milestone year."""

import datetime
from types import SimpleNamespace

import pytest

from giamsat.plans.rules import group_by_year, parse_iso_date, plan_kind, target_problem


@pytest.mark.parametrize(
    ("number", "title", "kind"),
    [
        ("57-NQ/TW", "", "resolution"),
        ("03/NQ-CP", "", "resolution"),
        ("63-CTr/TU", "", "programme"),
        ("13-KH/ĐU", "", "plan"),
        ("43/KH-MTTQ-BTT", "", "plan"),
        ("204-QĐ/TW", "", "decision"),
        ("", "Chương trình hành động của Tỉnh ủy", "programme"),
        ("", "NGHỊ QUYẾT về đột phá", "resolution"),
        ("", "thực hiện Nghị quyết số 82-NQ/TU", "plan"),
    ],
)
def test_the_number_or_else_the_title_gives_the_kind(number, title, kind):
    assert plan_kind(number, title) == kind


@pytest.mark.parametrize(
    ("comparator", "value", "value_max", "year", "problem"),
    [
        (">=", 80, None, 2030, None),
        ("between", 40, 50, 2030, None),
        ("≥", 80, None, 2030, "phép so sánh “≥” không hợp lệ"),
        (">=", None, None, 2030, "thiếu giá trị"),
        (">=", "tám mươi", None, 2030, "giá trị “tám mươi” không phải là số"),
        (">=", float("nan"), None, 2030, "giá trị “nan” nằm ngoài khoảng cho phép"),
        (">=", 1e18, None, 2030, "giá trị “1e+18” nằm ngoài khoảng cho phép"),
        ("between", 40, None, 2030, "khoảng giá trị “từ … đến …” thiếu giá trị tối đa"),
        ("between", 50, 40, 2030, "giá trị tối đa nhỏ hơn giá trị tối thiểu"),
        (">=", 80, None, 1975, "mốc năm 1975 nằm ngoài 2000–2100"),
    ],
)
def test_a_target_that_cannot_be_stored_says_why(comparator, value, value_max, year, problem):
    assert target_problem(comparator, value, value_max, year) == problem


def test_dates_from_the_parser():
    assert parse_iso_date("2025-04-30") == datetime.date(2025, 4, 30)
    assert parse_iso_date(None) is None
    with pytest.raises(ValueError, match="^ngày “30/04/2025” không đúng dạng năm-tháng-ngày$"):
        parse_iso_date("30/04/2025")


def test_groups_run_from_the_earliest_year_and_end_with_no_year():
    items = [SimpleNamespace(year=y, n=i) for i, y in enumerate([2030, None, 2025, 2030, 2045])]
    groups = group_by_year(items)
    assert [(year, [i.n for i in group]) for year, group in groups] == [
        (2025, [2]), (2030, [0, 3]), (2045, [4]), (None, [1]),
    ]
