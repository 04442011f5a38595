"""The milestone year of a target: from the heading it sits under, or its own sentence."""

import pytest

from giamsat.parsing.core import parse_text
from giamsat.parsing.rules.fold import fold
from giamsat.parsing.rules.sections import milestone_year


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("2.1. Đến hết năm 2025", 2025),
        ("2.1. Đen hết năm 2025", 2025),
        ("a) Đến năm 2030", 2030),
        ("2. Mục tiêu cụ thể đến năm 2030", 2030),
        ("1. Mục tiêu đến năm 2030", 2030),
        ("b) Tầm nhìn đến năm 2045", 2045),
        ("3. Tầm nhìn 2045", 2045),
        ("a) Giai đoạn 2026 - 2030", 2030),
        ("Năm 2025", 2025),
        ("a) Phát triển hạ tầng", None),
        ("1. Mục tiêu chung", None),
    ],
)
def test_a_milestone_heading_names_its_year(title, year):
    assert milestone_year(fold(title)) == year


PLAN = """\
II- MỤC TIÊU
1. Mục tiêu chung
- Phấn đấu 100% cán bộ được tập huấn.
2. Mục tiêu cụ thể
2.1. Đen hết năm 2025
a) Phát triển hạ tầng
- Tỷ lệ phủ sóng 5G trên địa bàn > 60%.
2.2. Đến hết năm 2030
- Tỷ lệ phủ sóng 5G trên địa bàn đạt 100%.
- Đến năm 2027, tỷ lệ hồ sơ trực tuyến đạt 90%.
3. Tầm nhìn đến năm 2045
Có 100% người dân dùng dịch vụ số.
III- NHIỆM VỤ VÀ GIẢI PHÁP
- Cung cấp 100% dữ liệu mở.
"""


def _years(text):
    return [(target.line, target.value, target.year) for target in parse_text(text).targets]


def test_each_target_takes_the_year_of_the_milestone_above_it():
    assert _years(PLAN) == [
        (3, 100.0, None),
        (7, 60.0, 2025),
        (9, 100.0, 2030),
        (10, 90.0, 2027),
        (12, 100.0, 2045),
        (14, 100.0, None),
    ]


def test_a_milestone_written_as_a_line_of_its_own_sets_the_year_below_it():
    text = "II. MỤC TIÊU\nMục tiêu đến năm 2030:\n- Có 80% hộ gia đình có cáp quang.\n"
    assert _years(text) == [(3, 80.0, 2030)]


def test_a_target_due_before_the_plan_was_signed_is_warned_about():
    text = (
        "Hà Nội, ngày 01 tháng 3 năm 2026\nKẾ HOẠCH\nI. MỤC TIÊU\n1. Đến hết năm 2025\n"
        "- Có 80% hồ sơ trực tuyến.\n"
    )
    result = parse_text(text)
    assert result.document.warnings == [
        "Chỉ tiêu ở dòng 5 có mốc năm 2025, trước năm ban hành văn bản (2026)."
    ]


def test_a_milestone_line_holds_for_the_headings_below_it_until_its_own_heading_ends():
    text = (
        "I. MỤC TIÊU\nĐẾN NĂM 2030\n1. Phát triển hạ tầng\n- Có 100% xã có cáp quang.\n"
        "a) Đến năm 2025\n- Có 80% thôn có 4G.\n"
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n- Bảo đảm 90% hồ sơ trực tuyến.\n"
    )
    assert _years(text) == [(4, 100.0, 2030), (6, 80.0, 2025), (8, 90.0, None)]


def test_a_milestone_bullet_ending_with_a_colon_dates_the_sub_bullets_below_it():
    text = (
        "II. MỤC TIÊU\n- Đến năm 2025:\n+ 100% xã có cáp quang.\n- Đến năm 2030:\n"
        "+ Có 90% hộ dùng dịch vụ số.\n"
    )
    assert _years(text) == [(3, 100.0, 2025), (5, 90.0, 2030)]
