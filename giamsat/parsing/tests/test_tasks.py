"""Tasks: each bullet or leaf item of the tasks part, with lead, partners, deadline, recurrence."""

import pytest

from giamsat.parsing.core import parse_text

HEAD = "III- NHIỆM VỤ VÀ GIẢI PHÁP\n1. Chuyển đổi số trong cơ quan nhà nước\n"


def _tasks(body, head=HEAD):
    return parse_text(head + body).tasks


def test_each_bullet_is_a_task_and_a_heading_with_bullets_is_not():
    tasks = _tasks("- Xây dựng cổng dữ liệu.\n- Số hóa hồ sơ.\n")
    assert [(t.line, t.title, t.section) for t in tasks] == [
        (3, "Xây dựng cổng dữ liệu", "III.1"),
        (4, "Số hóa hồ sơ", "III.1"),
    ]


def test_a_numbered_item_without_bullets_is_a_task_itself():
    text = "IV- NHIỆM VỤ VÀ GIẢI PHÁP\n1. Công tác lãnh đạo\n1.1. Kiện toàn Ban Chỉ đạo.\n1.2. Ban hành kế hoạch.\n"
    assert [(t.line, t.title, t.section) for t in parse_text(text).tasks] == [
        (3, "Kiện toàn Ban Chỉ đạo", "IV.1.1"),
        (4, "Ban hành kế hoạch", "IV.1.2"),
    ]


def test_an_introduction_ending_with_a_colon_is_not_a_task():
    text = "III- NHIỆM VỤ VÀ GIẢI PHÁP\nCác cấp ủy cần thực hiện các nhiệm vụ sau đây:\n1. Số hóa hồ sơ.\n"
    assert [t.title for t in parse_text(text).tasks] == ["Số hóa hồ sơ"]


def test_the_title_is_the_first_clause():
    tasks = _tasks(
        "- Định kỳ kiểm tra, diễn tập phòng chống tấn công mạng. Xây dựng kế hoạch ứng phó.\n"
    )
    assert tasks[0].title == "Định kỳ kiểm tra, diễn tập phòng chống tấn công mạng"
    assert tasks[0].text == (
        "Định kỳ kiểm tra, diễn tập phòng chống tấn công mạng. Xây dựng kế hoạch ứng phó."
    )


@pytest.mark.parametrize(
    ("bullet", "lead", "coordinating"),
    [
        ("- Ủy ban nhân dân xã bố trí nguồn lực để triển khai.", "Ủy ban nhân dân xã", []),
        (
            "- Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính và Sở Nội vụ xây dựng đề án.",
            "Sở Khoa học và Công nghệ",
            ["Sở Tài chính", "Sở Nội vụ"],
        ),
        (
            "- Xây dựng đề án (chủ trì: Sở Nội vụ; phối hợp: Sở Tài chính).",
            "Sở Nội vụ",
            ["Sở Tài chính"],
        ),
        ("- Giao UBND huyện xây dựng kế hoạch cụ thể.", "UBND huyện", []),
        (
            "- Phối hợp với các cơ quan chức năng bảo đảm an ninh mạng.",
            "",
            ["các cơ quan chức năng"],
        ),
        ("- Bố trí phù hợp số lượng cán bộ.", "", []),
        ("- Số hóa hồ sơ, tài liệu.", "", []),
    ],
)
def test_lead_and_coordinating_bodies(bullet, lead, coordinating):
    task = _tasks(bullet + "\n")[0]
    assert (task.lead, task.coordinating) == (lead, coordinating)


@pytest.mark.parametrize(
    ("bullet", "deadline", "recurring"),
    [
        ("- Ban hành kế hoạch (hoàn thành trong tháng 4/2025).", "2025-04-30", False),
        ("- Ban hành quy chế trước ngày 30/6/2025.", "2025-06-30", False),
        ("- Đưa cổng dữ liệu vào vận hành trong quý II/2025.", "2025-06-30", False),
        ("- Hoàn thành số hóa trong năm 2025.", "2025-12-31", False),
        ("- Tuyên truyền thường xuyên, sâu rộng.", None, True),
        ("- Hằng năm tổ chức sơ kết.", None, True),
        ("- Tổ chức hội nghị thường niên.", None, True),
        ("- Định kỳ kiểm tra, diễn tập.", None, True),
        (
            "- Xây dựng kế hoạch (hoàn thành trong tháng 4/2025); định kỳ sơ kết.",
            "2025-04-30",
            False,
        ),
        ("- Quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024.", None, False),
    ],
)
def test_deadline_and_recurrence(bullet, deadline, recurring):
    task = _tasks(bullet + "\n")[0]
    assert (task.deadline, task.recurring) == (deadline, recurring)


def test_the_product_is_read_after_san_pham():
    task = _tasks("- Xây dựng cơ sở dữ liệu; sản phẩm: cơ sở dữ liệu dùng chung.\n")[0]
    assert task.product == "cơ sở dữ liệu dùng chung"


def test_an_implementation_item_with_a_deadline_is_a_task_led_by_its_body():
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Các Chi, Đảng uỷ trực thuộc Huyện ủy tổ chức phổ biến Nghị quyết "
        "(hoàn thành trong tháng 4/2025); định kỳ sơ kết.\n"
        "2. HĐND huyện tăng cường giám sát.\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.line, t.lead, t.deadline, t.recurring) for t in tasks] == [
        (2, "Các Chi, Đảng uỷ trực thuộc Huyện ủy", "2025-04-30", False)
    ]


def test_nothing_after_the_recipients_is_a_task():
    text = HEAD + "- Số hóa hồ sơ.\nNơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n- Lưu VP.\n"
    assert [t.title for t in parse_text(text).tasks] == ["Số hóa hồ sơ"]


def test_paragraphs_of_the_tasks_part_are_tasks_but_its_introduction_is_not():
    text = (
        "III- NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "Để đạt các mục tiêu trên, cần thực hiện các nhiệm vụ như sau.\n"
        "Nâng cao nhận thức về chuyển đổi số.\n"
        "Hoàn thiện thể chế, chính sách.\n"
    )
    assert [t.title for t in parse_text(text).tasks] == [
        "Nâng cao nhận thức về chuyển đổi số",
        "Hoàn thiện thể chế, chính sách",
    ]


def test_lines_describing_the_task_above_fill_its_fields_and_are_no_tasks():
    body = (
        "a) Rà soát, bãi bỏ các quy định cản trở phát triển khoa học.\n"
        "- Cơ quan chủ trì: Sở Tư pháp.\n"
        "- Cơ quan phối hợp: Sở Khoa học và Công nghệ, Sở Tài chính.\n"
        "- Thời gian hoàn thành: Quý III/2025.\n"
        "- Sản phẩm: Báo cáo rà soát.\n"
        "b) Tập huấn kỹ năng số.\n"
        "- Thời gian: Hằng năm.\n"
    )
    tasks = _tasks(body)
    assert [
        (t.line, t.title, t.lead, t.coordinating, t.deadline, t.recurring, t.product) for t in tasks
    ] == [
        (
            3,
            "Rà soát, bãi bỏ các quy định cản trở phát triển khoa học",
            "Sở Tư pháp",
            ["Sở Khoa học và Công nghệ", "Sở Tài chính"],
            "2025-09-30",
            False,
            "Báo cáo rà soát",
        ),
        (8, "Tập huấn kỹ năng số", "", [], None, True, ""),
    ]


def test_a_lead_in_brackets_and_a_lead_after_a_time_word():
    tasks = _tasks(
        "- Xây dựng cơ chế khuyến khích (Sở Tài chính chủ trì, hoàn thành trước ngày 31/12/2025).\n"
        "- Hằng năm, Sở Nội vụ tổ chức tập huấn kỹ năng số.\n"
    )
    assert [(t.lead, t.deadline, t.recurring) for t in tasks] == [
        ("Sở Tài chính", "2025-12-31", False),
        ("Sở Nội vụ", None, True),
    ]


def test_partners_end_at_their_verb_and_va_splits_only_between_bodies():
    tasks = _tasks(
        "- Sở Khoa học và Công nghệ chủ trì, phối hợp với các doanh nghiệp viễn thông phủ sóng "
        "5G đến 100% xã.\n"
    )
    assert (tasks[0].lead, tasks[0].coordinating) == (
        "Sở Khoa học và Công nghệ",
        ["các doanh nghiệp viễn thông"],
    )
