"""Targets: value, comparator, unit, per-year, indicator, and what is not a target."""

import pytest

from giamsat.parsing.core import parse_text
from giamsat.parsing.rules.checks import OCR_GE_WARNING

HEAD = "II. MỤC TIÊU\n2. Mục tiêu cụ thể\n2.1. Đến hết năm 2025\na) Phát triển hạ tầng\n"


def _targets(body, head=HEAD):
    return parse_text(head + body).targets


def _fields(body, head=HEAD):
    return [(t.comparator, t.value, t.value_max, t.unit, t.per_year) for t in _targets(body, head)]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        ("- 100% cán bộ được trang bị máy tính.", (">=", 100.0, None, "%", False)),
        ("- Có khoảng 80% cán bộ được bồi dưỡng.", ("~", 80.0, None, "%", False)),
        ("- Phấn đấu 80% cán bộ làm chủ kỹ năng số.", (">=", 80.0, None, "%", False)),
        ("- Tỷ lệ hồ sơ đạt trên 90%.", (">", 90.0, None, "%", False)),
        ("- Có từ 85% trở lên hồ sơ xử lý trực tuyến.", (">=", 85.0, None, "%", False)),
        ("- Tỷ lệ thất nghiệp không quá 3%.", ("<=", 3.0, None, "%", False)),
        ("- Tỷ lệ hộ nghèo dưới 2%.", ("<", 2.0, None, "%", False)),
        ("- 80% - 90% dân số dùng dịch vụ số.", ("between", 80.0, 90.0, "%", False)),
        ("- Quy mô kinh tế số đạt 15% GRDP.", (">=", 15.0, None, "% GRDP", False)),
        ("- Chi cho nghiên cứu đạt 2% GDP.", (">=", 2.0, None, "% GDP", False)),
        ("- Chỉ số chuyển đổi số cấp tỉnh ≥ 0,60.", (">=", 0.6, None, "", False)),
        ("- Chỉ số chuyển đổi số cấp tỉnh đạt 1,0.", (">=", 1.0, None, "", False)),
        ("- Có ≥ 1.000 cán bộ nghiên cứu.", (">=", 1000.0, None, "cán bộ", False)),
        ("- Có ≥ 3 tô chức khoa học và công nghệ.", (">=", 3.0, None, "tổ chức", False)),
        ("- Có ≥ 10 sản phâm đổi mới sáng tạo.", (">=", 10.0, None, "sản phẩm", False)),
        ("- Có ≥ 08 đơn đăng ký sở hữu trí tuệ.", (">=", 8.0, None, "đơn đăng ký", False)),
        ("- Có ≥ 4 vườn ươm/trung tâm đổi mới.", (">=", 4.0, None, "vườn ươm", False)),
        ("- Có 8 - 10 trung tâm nghiên cứu.", ("between", 8.0, 10.0, "trung tâm", False)),
        ("- Mỗi năm có 50 đến 60 dự án khởi nghiệp.", ("between", 50.0, 60.0, "dự án", True)),
        ("- Mồi năm có ≥ 1 công trình đạt giải thưởng.", (">=", 1.0, None, "công trình", True)),
        ("- Mỗi năin có ≥ 80 nhiệm vụ triển khai.", (">=", 80.0, None, "nhiệm vụ", True)),
        ("- Hằng năm bố trí ít nhất 3% tổng chi ngân sách.", (">=", 3.0, None, "%", True)),
        ("- Mỗi người dân có 01 định danh số.", (">=", 1.0, None, "định danh số", False)),
        (
            "- Có từ 07 người thực hiện nghiên cứu khoa học, phát triển công nghệ trên 01 vạn dân.",
            (">=", 7.0, None, "người/vạn dân", False),
        ),
        (
            "- Nhân lực nghiên cứu đạt 10 người trên một vạn dân.",
            (">=", 10.0, None, "người/vạn dân", False),
        ),
        ("- Tốc độ truy cập trung bình đạt 1 Gbps.", (">=", 1.0, None, "Gb/s", False)),
    ],
)
def test_one_bullet_gives_its_target(bullet, expected):
    assert _fields(bullet) == [expected]


@pytest.mark.parametrize(
    "bullet",
    [
        "- Phủ sóng 5G, 6G toàn huyện; số hóa 3D các điểm du lịch.",
        "- Tỷ lệ phủ sóng 6 G trên địa bàn được mở rộng.",
        "- Hệ thống bảo mật BML10 cho người dùng.",
        "- Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 và Kế hoạch số 15/KH-UBND.",
        "- Báo cáo định kỳ 01 tháng/lần, 6 tháng và 1 năm.",
        "- Theo Chỉ tiêu số 2, mục 2.2 của Kế hoạch.",
        "- Kết quả được ứng dụng sau 12 tháng nghiệm thu.",
        "- Chiến lược tổng thể 10 năm giai đoạn 2026 - 2030.",
        "- Hoàn thành trong quý II/2025.",
    ],
)
def test_qualifiers_dates_and_references_are_not_targets(bullet):
    assert _fields(bullet) == []


def test_a_bullet_may_hold_several_targets_and_a_speed_qualifies_the_one_before():
    bullet = (
        "- 100% thôn đã có điện lưới được phủ sóng 4G; phấn đấu tỷ lệ phủ sóng 5G trên địa bàn "
        "≥ 60%; có ≥ 80% người sử dụng có khả năng truy cập băng rộng cố định với tốc độ "
        "trên 01 Gb/s."
    )
    targets = _targets(bullet)
    assert [(t.value, t.indicator) for t in targets] == [
        (100.0, "thôn đã có điện lưới được phủ sóng 4G"),
        (60.0, "tỷ lệ phủ sóng 5G trên địa bàn"),
        (80.0, "người sử dụng có khả năng truy cập băng rộng cố định"),
    ]


def test_a_share_inside_a_count_is_a_second_target_that_repeats_with_it():
    targets = _targets("- Mỗi năm có ≥ 75 bài báo khoa học, trong đó 10% được đăng trên WoS.")
    assert [(t.value, t.unit, t.per_year) for t in targets] == [
        (75.0, "bài báo", True),
        (10.0, "%", True),
    ]


def test_the_indicator_names_the_thing_measured_before_or_after_the_number():
    targets = _targets(
        "- Tỷ lệ phủ sóng 5G trên địa bàn > 60%.\n"
        "- Có > 15 doanh nghiệp khoa học và công nghệ trên địa bàn.\n"
        "- Có > 80% người dân có tài khoản định danh điện tử, tỷ lệ người dân có chữ ký số > 10%.\n"
    )
    assert [t.indicator for t in targets] == [
        "Tỷ lệ phủ sóng 5G trên địa bàn",
        "doanh nghiệp khoa học và công nghệ trên địa bàn",
        "người dân có tài khoản định danh điện tử",
        "tỷ lệ người dân có chữ ký số",
    ]


def test_category_section_line_and_quoted_sentence():
    target = _targets("- Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60%.")[0]
    assert (target.category, target.section, target.line, target.text) == (
        "Phát triển hạ tầng",
        "II.2.1.a",
        5,
        "Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60%.",
    )


def test_a_wrapped_bullet_points_at_the_line_of_its_number_and_quotes_the_joined_lines():
    body = (
        "- Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao\n"
        "\n"
        "1 Chỉ tiêu số 4, mục 2.2, tại Kế hoạch số 15/KH-UBND ngày 13/8/2025 của UBND xã.\n"
        "\n"
        "7\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\n"
        " dịch thanh toán của dịch vụ công đạt 90%3.\n"
    )
    targets = _targets(body)
    assert [(t.line, t.value, t.comparator, t.text) for t in targets] == [
        (
            11,
            90.0,
            ">=",
            "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao "
            "dịch thanh toán của dịch vụ công đạt 90%3.",
        )
    ]


def test_without_any_real_sign_a_greater_than_is_read_as_at_least_and_warned_about():
    result = parse_text(HEAD + "- Tỷ lệ phủ sóng 5G trên địa bàn > 60%.\n- Có >25 doanh nghiệp.\n")
    assert [(t.comparator, t.value) for t in result.targets] == [(">=", 60.0), (">=", 25.0)]
    assert result.document.warnings == [OCR_GE_WARNING]
    assert OCR_GE_WARNING == (
        "Văn bản không có ký hiệu ≥; dấu '>' được hiểu là '≥' (lỗi nhận dạng thường gặp)"
    )


def test_with_a_real_sign_somewhere_a_greater_than_stays_strict_and_nothing_is_warned():
    result = parse_text(HEAD + "- Tỷ lệ phủ sóng 5G ≥ 60%.\n- Có > 25 doanh nghiệp.\n")
    assert [(t.comparator, t.value) for t in result.targets] == [(">=", 60.0), (">", 25.0)]
    assert result.document.warnings == []


def test_outside_the_objectives_only_percentages_are_targets():
    text = (
        "III- NHIỆM VỤ VÀ GIẢI PHÁP\n1. Chuyển đổi số\n"
        "- Bảo đảm kinh tế số các ngành chiếm tối thiểu 70% kinh tế số.\n"
        "- Xây dựng 5 trung tâm dữ liệu trong 10 năm.\n"
    )
    assert [(t.value, t.unit, t.year) for t in parse_text(text).targets] == [(70.0, "%", None)]


def test_the_purpose_and_implementation_parts_hold_no_targets():
    text = (
        "I- MỤC ĐÍCH, YÊU CẦU\n- Bảo đảm 100% cán bộ được quán triệt.\n"
        "IV- TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân tỉnh\n- Bảo đảm 100% xã có kế hoạch.\n"
    )
    assert parse_text(text).targets == []


def test_figures_reported_as_reached_are_not_targets():
    assert _fields("- Hiện nay có 60% hồ sơ trực tuyến, phấn đấu đạt 80%.") == [
        (">=", 80.0, None, "%", False)
    ]


def test_footnotes_after_the_body_still_give_their_figures():
    # A Word file's footnotes follow the body, after the signature, numbered from 1.
    text = (
        HEAD
        + "- Có trên 80% người dân có tài khoản định danh điện tử1.\n"
        + "Nơi nhận:\n- Lưu VT.\n"
        + "1 Số liệu Công an xã: hiện nay có 24.530/27.656 người dân có tài khoản, đạt 88,69%.\n"
    )
    result = parse_text(text)
    assert [(t.line, t.value) for t in result.targets] == [(5, 80.0)]
    assert [(a.line, a.value, a.numerator, a.denominator) for a in result.actuals] == [
        (8, 88.69, 24530.0, 27656.0)
    ]


def test_a_figure_reached_and_a_target_in_one_sentence():
    result = parse_text(
        HEAD
        + "- Hiện nay tỷ lệ thanh toán không dùng tiền mặt đạt 45%, phấn đấu đến năm 2030 đạt 80%.\n"
    )
    assert [(t.value, t.year, t.indicator) for t in result.targets] == [
        (80.0, 2030, "tỷ lệ thanh toán không dùng tiền mặt")
    ]
    assert [(a.value, a.indicator, a.as_of) for a in result.actuals] == [
        (45.0, "tỷ lệ thanh toán không dùng tiền mặt", None)
    ]


def test_an_actual_takes_the_date_it_is_counted_at():
    result = parse_text(HEAD + "- Tính đến ngày 30/6/2025, tỷ lệ hồ sơ trực tuyến đạt 62,5%.\n")
    assert [(a.value, a.as_of, a.indicator) for a in result.actuals] == [
        (62.5, "2025-06-30", "tỷ lệ hồ sơ trực tuyến")
    ]
    assert result.targets == []


def test_the_words_before_a_comparator_lose_their_verb():
    targets = _targets(
        "- Tỷ lệ hồ sơ được số hóa đạt tối thiểu 60%.\n- Kinh tế số chiếm khoảng 12% GRDP.\n"
    )
    assert [(t.indicator, t.comparator) for t in targets] == [
        ("Tỷ lệ hồ sơ được số hóa", ">="),
        ("Kinh tế số", "~"),
    ]


def test_a_percentage_spelled_out_is_a_percentage():
    assert _fields("- Tỷ lệ hồ sơ trực tuyến đạt 90 phần trăm.") == [(">=", 90.0, None, "%", False)]
