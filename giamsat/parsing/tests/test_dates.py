"""Dates as plans write them, read to ISO; deadlines told from citations."""

import pytest

from giamsat.parsing.rules.dates import (
    end_of_quarter,
    find_dates,
    find_deadline,
    make_date,
    parse_cell_date,
    parse_date,
)
from giamsat.parsing.rules.fold import fold


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("ngày 22/12/2024", "2024-12-22"),
        ("22-12-2024", "2024-12-22"),
        ("22.12.2024", "2024-12-22"),
        ("ngày 22 tháng 12 năm 2024", "2024-12-22"),
        ("ngày 09 tháng 01 năm 2025", "2025-01-09"),
        ("Ngày 6 tháng 5 năm 2025", "2025-05-06"),
        ("tháng 4/2025", "2025-04-30"),
        ("tháng 2 năm 2024", "2024-02-29"),
        ("tháng 02-2025", "2025-02-28"),
        ("quý II/2025", "2025-06-30"),
        ("quý IV năm 2025", "2025-12-31"),
        ("quý 1/2026", "2026-03-31"),
        ("năm 2025", "2025-12-31"),
        ("Năm 2030", "2030-12-31"),
    ],
)
def test_each_written_form_reads_as_an_iso_date(text, iso):
    assert parse_date(fold(text)) == iso


@pytest.mark.parametrize("text", ["31/02/2025", "32/1/2025", "tháng 13/2025", "quý V/2025", ""])
def test_an_impossible_date_is_no_date(text):
    assert parse_date(fold(text)) is None


def test_an_impossible_day_written_in_words_still_gives_its_month():
    assert parse_date(fold("ngày 31 tháng 2 năm 2025")) == "2025-02-28"


def test_ocr_broken_diacritics_do_not_matter():
    assert parse_date(fold("Ngay 12 thang 9 nam 2025")) == "2025-09-12"


def test_the_most_precise_reading_wins_where_forms_overlap():
    spans = find_dates(fold("ngày 22 tháng 12 năm 2024"))
    assert [(span.iso, span.precision) for span in spans] == [("2024-12-22", "day")]


def test_a_blank_day_leaves_the_month():
    spans = find_dates(fold("ngày     tháng 8 năm 2025"))
    assert [(span.iso, span.precision) for span in spans] == [("2025-08-31", "month")]


def test_make_date_and_end_of_quarter():
    assert make_date(2025, 2) == "2025-02-28"
    assert make_date(2025, 2, 29) is None
    assert end_of_quarter(2025, 3) == "2025-09-30"
    assert end_of_quarter(2025, 5) is None


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("(hoàn thành trong tháng 4/2025)", "2025-04-30"),
        ("hoàn thành trước ngày 30/6/2025", "2025-06-30"),
        ("trong quý II/2025", "2025-06-30"),
        ("hoàn thành trong năm 2025", "2025-12-31"),
        ("Xây dựng đề án (năm 2026)", "2026-12-31"),
        ("triển khai đến năm 2030", "2030-12-31"),
    ],
)
def test_a_deadline_is_read_from_the_words_that_set_it(text, deadline):
    assert find_deadline(fold(text)).iso == deadline


@pytest.mark.parametrize(
    "text",
    [
        "Quán triệt Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị",
        "Nghị quyết ngày 22 tháng 12 năm 2024",
        "cho từng giai đoạn (năm 2025 đến năm 2030, 2035)",
        "giai đoạn năm 2026 - 2030",
        "kế hoạch công tác hằng năm",
    ],
)
def test_a_cited_date_or_a_period_is_no_deadline(text):
    assert find_deadline(fold(text)) is None


@pytest.mark.parametrize(
    ("cell", "iso"),
    [
        ("2025", "2025-12-31"),
        ("Quý II/2025", "2025-06-30"),
        ("Tháng 6/2025", "2025-06-30"),
        ("Thường xuyên", None),
    ],
)
def test_a_table_cell_may_hold_a_bare_year(cell, iso):
    assert parse_cell_date(fold(cell)) == iso
