"""The document's own facts, its citations, and the warnings about them."""

import pytest

from giamsat.parsing.core import parse_text
from giamsat.parsing.schema import Reference

HEAD = """\
HUYỆN ỦY VĨNH THUẬN            ĐẢNG CỘNG SẢN VIỆT NAM
Số 15-KH/HU                    Vĩnh Thuận, ngày 06 tháng 5 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị
về đột phá phát triển khoa học, công nghệ
-----
Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""


def test_number_date_place_title_issuer_and_level_from_the_head():
    document = parse_text(HEAD).document
    assert (document.number, document.date, document.place) == (
        "15-KH/HU",
        "2025-05-06",
        "Vĩnh Thuận",
    )
    assert document.title == (
        "KẾ HOẠCH thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị "
        "về đột phá phát triển khoa học, công nghệ"
    )
    assert (document.issuer, document.level) == ("Ban Thường vụ Huyện ủy", "district")


def test_a_number_left_blank_is_no_number_and_a_blank_day_no_date():
    document = parse_text(
        "Số         -KH/ĐU\nĐak Đoa, ngày     tháng 8 năm 2025\nKẾ HOẠCH\n"
    ).document
    assert (document.number, document.date, document.place) == ("", None, "Đak Đoa")


def test_a_colon_after_so_and_a_long_number():
    document = parse_text("Số: 43/KH-MTTQ-BTT\nKim Thành, ngày 12 tháng 9 năm 2025\n").document
    assert (document.number, document.date, document.place) == (
        "43/KH-MTTQ-BTT",
        "2025-09-12",
        "Kim Thành",
    )


@pytest.mark.parametrize(
    ("issuer_sentence", "issuer", "level"),
    [
        ("Ban Thường vụ Tỉnh ủy xây dựng Ke hoạch", "Ban Thường vụ Tỉnh ủy", "province"),
        ("Huyện uỷ Tam Đường xây dựng kế hoạch", "Huyện uỷ Tam Đường", "district"),
        ("Đảng ủy xã Kim Thành ban hành Kế hoạch", "Đảng ủy xã Kim Thành", "commune"),
        (
            "Ban Cán sự đảng Bộ Tài chính ban hành Kế hoạch",
            "Ban Cán sự đảng Bộ Tài chính",
            "ministry",
        ),
        ("Ban Chấp hành Trung ương xây dựng Chương trình", "Ban Chấp hành Trung ương", "national"),
    ],
)
def test_the_issuer_is_the_body_that_draws_up_the_plan_and_its_words_give_the_level(
    issuer_sentence, issuer, level
):
    text = f"KẾ HOẠCH\nthực hiện Nghị quyết\n-----\nThực hiện Nghị quyết số 57-NQ/TW, {issuer_sentence} như sau:\n"
    document = parse_text(text).document
    assert (document.issuer, document.level) == (issuer, level)


def test_without_level_words_the_issuer_s_area_is_read_from_the_text():
    text = (
        "Ban Thường vụ Đảng ủy xây dựng Kế hoạch như sau:\nI. MỤC TIÊU\n"
        "- Phát triển kinh tế của xã; toàn xã có cáp quang; trên địa bàn xã có 5G.\n"
        "- Gắn với quy hoạch của tỉnh.\n"
    )
    document = parse_text(text).document
    assert (document.issuer, document.level) == ("Ban Thường vụ Đảng ủy", "commune")


def test_the_signature_gives_the_issuer_when_nothing_else_does():
    text = "I. MỤC TIÊU\n- Số hóa hồ sơ.\nNơi nhận:\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
    assert parse_text(text).document.issuer == "Ban thường vụ"


def test_references_carry_their_dates_and_issuers_even_when_ocr_broke_them():
    text = (
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Quyết định số 204-QĐ/TW, "
        "ngày 29 tháng 11 năm 2024 của Ban Bí thư; Nghị quyết số 03/NQ-\n"
        "CP ngày 09/01/2025, Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ; "
        "Nghị quyết số 193/2025/QH15 ngày 19/02/2025 của Quốc hội; "
        "Chương trình số 63-CTr/TU của Tỉnh uỷ Lai Châu về chuyển đổi số.\n"
        "I. MỤC TIÊU\n- Quán triệt Nghị quyết sổ 57-NQ/TVV và Nghị quyết số 5 7-NQ/TW.\n"
    )
    assert parse_text(text).document.references == [
        Reference("57-NQ/TW", "2024-12-22", "Bộ Chính trị", 1),
        Reference("204-QĐ/TW", "2024-11-29", "Ban Bí thư", 1),
        Reference("03/NQ-CP", "2025-01-09", "Chính phủ", 1),
        Reference("71/NQ-CP", "2025-04-01", "Chính phủ", 2),
        Reference("193/2025/QH15", "2025-02-19", "Quốc hội", 2),
        Reference("63-CTr/TU", None, "Tỉnh uỷ Lai Châu", 2),
    ]


def test_the_plan_s_own_number_is_not_a_reference():
    text = "Số: 43/KH-MTTQ-BTT\nThực hiện Kế hoạch số 13-KH/ĐU ngày 11/9/2025 của Đảng uỷ xã.\n"
    assert [r.number for r in parse_text(text).document.references] == ["13-KH/ĐU"]


def test_one_document_cited_with_two_dates_is_listed_twice_and_warned_about():
    text = (
        "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị.\n"
        "I. MỤC ĐÍCH\n- Quán triệt Nghị quyết số 57-NQ/TW, ngày 22-12-2023 của Bộ Chính trị.\n"
    )
    document = parse_text(text).document
    assert [(r.number, r.date) for r in document.references] == [
        ("57-NQ/TW", "2024-12-22"),
        ("57-NQ/TW", "2023-12-22"),
    ]
    assert document.warnings == [
        "Văn bản 57-NQ/TW được dẫn với các ngày khác nhau: 22/12/2024 (dòng 1), 22/12/2023 (dòng 3)."
    ]


def test_a_section_number_used_twice_under_one_part_is_warned_about():
    text = (
        "II- MỤC TIÊU\n2.1. Đến hết năm 2025\n2.1.3. Phát triển chuyển đổi số\n"
        "2.2. Đến hết năm 2030\n2.1.3. Phát triển chuyển đổi số\n"
        "III- NHIỆM VỤ\n2.1. Số hóa hồ sơ.\n"
    )
    result = parse_text(text)
    assert result.document.warnings == ["Số mục 2.1.3 lặp lại (dòng 3 và dòng 5)."]
    assert [(s.number, s.line, s.parent) for s in result.sections] == [
        ("II", 1, None),
        ("2.1", 2, "II"),
        ("2.1.3", 3, "2.1"),
        ("2.2", 4, "II"),
        ("2.1.3", 5, "2.2"),
        ("III", 6, None),
        ("2.1", 7, "III"),
    ]


def test_sections_keep_their_titles_without_markdown():
    result = parse_text(
        "## II- MỤC TIÊU\n### **1. Mục tiêu tổng quát**\n#### **a) Đến năm 2030**\n"
    )
    assert [(s.number, s.title, s.parent) for s in result.sections] == [
        ("II", "MỤC TIÊU", None),
        ("1", "Mục tiêu tổng quát", "II"),
        ("a", "Đến năm 2030", "1"),
    ]


def test_an_ocr_damaged_number_is_read_when_the_sequence_expects_it():
    lines = "\n".join(f"{n}. Mục {n}" for n in range(1, 10)) + "\nỈO. Giám sát, đánh giá\n"
    assert [s.number for s in parse_text("IV- NHIỆM VỤ\n" + lines).sections][-1] == "10"


def test_a_head_copied_from_a_web_page_with_the_date_broken_over_two_lines():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 51/KH-UBND\n|\nBình Minh, ngày\n"
        "06 tháng 6 năm 2024\n|\nKẾ HOẠCH\nPHÁT TRIỂN CHÍNH QUYỀN SỐ ĐẾN NĂM 2030\n"
        "TRÊN ĐỊA BÀN TỈNH BÌNH MINH\nThực hiện Quyết định số\n411/QĐ-TTg, ngày 31/3/2022 của "
        "Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n"
    )
    document = parse_text(text).document
    assert (document.number, document.date, document.place) == (
        "51/KH-UBND",
        "2024-06-06",
        "Bình Minh",
    )
    assert (
        document.title
        == "KẾ HOẠCH PHÁT TRIỂN CHÍNH QUYỀN SỐ ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH BÌNH MINH"
    )
    assert (document.issuer, document.level) == ("UBND tỉnh", "province")
    assert [(r.number, r.date, r.issuer) for r in document.references] == [
        ("411/QĐ-TTg", "2022-03-31", "Thủ tướng Chính phủ")
    ]


def test_a_place_and_a_number_broken_by_a_narrow_column():
    text = "Số:\n27/KH-UBND\n|\nHà\nNội, ngày 15 tháng 3 năm 2022\n|\nKẾ HOẠCH\nchuyển đổi số\n"
    document = parse_text(text).document
    assert (document.number, document.date, document.place) == (
        "27/KH-UBND",
        "2022-03-15",
        "Hà Nội",
    )


def test_a_preamble_opening_line_is_not_part_of_the_title_above_it():
    text = (
        "KẾ HOẠCH\nTriển khai Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ trên địa bàn tỉnh\n"
        "\nCăn cứ Luật Tổ chức chính quyền địa phương; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
    )
    document = parse_text(text).document
    assert document.title == (
        "KẾ HOẠCH Triển khai Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ trên địa bàn tỉnh"
    )
    assert [(r.number, r.issuer) for r in document.references] == [("71/NQ-CP", "Chính phủ")]
    assert document.issuer == "Ủy ban nhân dân tỉnh"
