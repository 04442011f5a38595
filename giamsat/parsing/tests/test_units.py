"""Bodies given duties in the implementation part, each with its duties."""

import pytest

from giamsat.parsing.core import parse_text
from giamsat.parsing.rules.fold import fold
from giamsat.parsing.rules.units import body_at, clean_name

IMPLEMENTATION = "IV- TỔ CHỨC THỰC HIỆN\n"


def _units(body, head=IMPLEMENTATION):
    return [(unit.line, unit.name, unit.duties) for unit in parse_text(head + body).units]


def test_a_numbered_heading_naming_a_body_takes_the_items_under_it_as_duties():
    body = "1. Thường trực Đảng ủy\n- Chỉ đạo quán triệt Kế hoạch.\n- Kiểm tra việc thực hiện.\n"
    assert _units(body) == [
        (2, "Thường trực Đảng ủy", ["Chỉ đạo quán triệt Kế hoạch.", "Kiểm tra việc thực hiện."])
    ]


def test_trach_nhiem_cua_is_not_part_of_the_name():
    body = "1. Trách nhiệm của Ban Chỉ đạo tỉnh\n- Lãnh đạo thống nhất.\n"
    assert _units(body) == [(2, "Ban Chỉ đạo tỉnh", ["Lãnh đạo thống nhất."])]


def test_the_variant_spellings_of_the_part_heading_open_it():
    body = "1. Trách nhiêm của Ban Chỉ đạo tỉnh\n- Lãnh đạo thống nhất.\n"
    assert _units(body, head="V- TÓ CHỨC THỤC HIỆN\n") == [
        (2, "Ban Chỉ đạo tỉnh", ["Lãnh đạo thống nhất."])
    ]


@pytest.mark.parametrize(
    ("item", "name", "duty"),
    [
        ("2. Giao UBND huyện xây dựng kế hoạch cụ thể.", "UBND huyện", "xây dựng kế hoạch cụ thể."),
        ("3. HĐND huyện tăng cường giám sát.", "HĐND huyện", "tăng cường giám sát."),
        (
            "4. Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện xây dựng chương trình.",
            "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện",
            "xây dựng chương trình.",
        ),
        (
            "2. Các tổ chức thành viên, các chi bộ, Ban công tác mặt trận các khối tổ chức tuyên truyền.",
            "Các tổ chức thành viên, các chi bộ, Ban công tác mặt trận các khối",
            "tổ chức tuyên truyền.",
        ),
        (
            "3. Các đồng chí Ban thường trực UBMTTQ xã có trách nhiệm kiểm tra.",
            "Các đồng chí Ban thường trực UBMTTQ xã",
            "có trách nhiệm kiểm tra.",
        ),
        (
            "1. Ủy ban Kiểm tra Huyện uỷ tham mưu Huyện uỷ tổ chức kiểm tra.",
            "Ủy ban Kiểm tra Huyện uỷ",
            "tham mưu Huyện uỷ tổ chức kiểm tra.",
        ),
    ],
)
def test_an_item_that_starts_with_a_body_and_a_verb_names_that_body(item, name, duty):
    assert _units(item + "\n") == [(2, name, [duty])]


def test_dashes_naming_bodies_with_a_colon_are_bodies_of_their_own():
    body = (
        "4. Trách nhiệm của Văn phòng Tỉnh ủy và các Ban xây dựng Đảng Tỉnh ủy\n"
        "- Văn phòng Tỉnh ủy: Thực hiện vai trò thường trực.\n"
        "- ủ y  ban Kiểm tra: Phối hợp kiểm tra.\n"
        "- Ban xây dựng Đảng theo dõi, hướng dẫn.\n"
    )
    assert _units(body) == [
        (
            2,
            "Văn phòng Tỉnh ủy và các Ban xây dựng Đảng Tỉnh ủy",
            [
                "Văn phòng Tỉnh ủy: Thực hiện vai trò thường trực.",
                "ủ y ban Kiểm tra: Phối hợp kiểm tra.",
                "Ban xây dựng Đảng theo dõi, hướng dẫn.",
            ],
        ),
        (3, "Văn phòng Tỉnh ủy", ["Thực hiện vai trò thường trực."]),
        (4, "ủy ban Kiểm tra", ["Phối hợp kiểm tra."]),
        (5, "Ban xây dựng Đảng", ["theo dõi, hướng dẫn."]),
    ]


def test_headings_that_name_no_body_and_the_recipients_give_no_units():
    body = (
        "7. Thông tin, báo cáo, sơ kết, tổng kết\n- Các đơn vị báo cáo định kỳ.\n"
        "8. Kinh phí thực hiện\n- Kinh phí được bố trí từ ngân sách.\n"
        "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n- Văn phòng Tỉnh ủy,\n"
    )
    assert _units(body) == []


def test_a_body_named_after_a_time_word_is_still_a_body():
    body = "7. Thông tin, báo cáo\n- Hằng năm, Ban Chỉ đạo tổ chức kiểm tra.\n"
    assert _units(body) == [(3, "Ban Chỉ đạo", ["tổ chức kiểm tra."])]


def test_bodies_outside_the_implementation_part_are_not_units():
    text = "III- NHIỆM VỤ VÀ GIẢI PHÁP\n1. Ủy ban nhân dân xã bố trí nguồn lực.\n"
    assert parse_text(text).units == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sở Tài chính chủ trì thẩm định", "Sở Tài chính"),
        ("Các sở, ban, ngành triển khai", "Các sở, ban, ngành"),
        ("Ban xây dựng Đảng theo dõi", "Ban xây dựng Đảng"),
        ("Ủy ban kiểm tra Đảng ủy hằng năm, tham mưu", "Ủy ban kiểm tra Đảng ủy"),
        ("Bố trí phù hợp số lượng cán bộ", None),
        ("Số liệu Công an xã cung cấp", None),
        ("Ban hành quy chế", None),
        ("Phòng chống tấn công mạng", None),
    ],
)
def test_body_names_and_words_that_only_look_like_them(text, name):
    body = body_at(fold(text), text)
    assert (None if body is None else text[body.start : body.end]) == name


def test_letters_an_ocr_spaced_apart_are_joined_in_names():
    assert clean_name("ủ y  ban Kiểm tra:") == "ủy ban Kiểm tra"
    assert clean_name("T ổ  chức Đảng") == "Tổ chức Đảng"
    assert clean_name("ngành y tế") == "ngành y tế"


def test_a_short_heading_naming_the_implementation_part_opens_it_at_any_depth():
    text = (
        "II. NỘI DUNG\n1. Nhiệm vụ\n- Số hóa hồ sơ.\n2. Tổ chức thực hiện\n"
        "2.1. Sở Nội vụ chủ trì tổng hợp.\n"
    )
    result = parse_text(text)
    assert [(u.line, u.name) for u in result.units] == [(5, "Sở Nội vụ")]
    assert [t.title for t in result.tasks] == ["Số hóa hồ sơ"]


def test_bodies_straight_under_the_part_heading_are_units():
    body = "- Sở Tài chính: bố trí kinh phí.\n- Sở Nội vụ chủ trì tập huấn.\n"
    assert _units(body) == [
        (2, "Sở Tài chính", ["bố trí kinh phí."]),
        (3, "Sở Nội vụ", ["chủ trì tập huấn."]),
    ]
