"""Tables of tasks and of targets, read by their folded header row in any column order."""

from giamsat.parsing.core import parse_text
from giamsat.parsing.schema import Table


def _row_lines(rows):
    return "\n".join(" | ".join(row) for row in rows) + "\n"


TASK_ROWS = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
    ["I", "NHÓM NHIỆM VỤ VỀ THỂ CHẾ", "", "", "", ""],
    [
        "1",
        "Xây dựng cổng dữ liệu mở",
        "Sở KH&CN",
        "Sở Tài chính; Sở Nội vụ",
        "Quý II/2025",
        "Cổng dữ liệu",
    ],
    ["2", "Tập huấn kỹ năng số", "Sở Nội vụ", "", "Hằng năm", "Lớp tập huấn"],
    ["3", "Ban hành quy chế", "UBND tỉnh", "Các sở, ngành", "2026", "Quyết định"],
]


def test_a_task_table_gives_one_task_per_row_with_its_line():
    text = "PHỤ LỤC\n" + _row_lines(TASK_ROWS)
    result = parse_text(text, [Table(TASK_ROWS, 2)])
    assert [
        (t.line, t.section, t.title, t.lead, t.coordinating, t.deadline, t.recurring, t.product)
        for t in result.tasks
    ] == [
        (
            4,
            "1",
            "Xây dựng cổng dữ liệu mở",
            "Sở KH&CN",
            ["Sở Tài chính", "Sở Nội vụ"],
            "2025-06-30",
            False,
            "Cổng dữ liệu",
        ),
        (5, "2", "Tập huấn kỹ năng số", "Sở Nội vụ", [], None, True, "Lớp tập huấn"),
        (
            6,
            "3",
            "Ban hành quy chế",
            "UBND tỉnh",
            ["Các sở, ngành"],
            "2026-12-31",
            False,
            "Quyết định",
        ),
    ]
    assert (
        result.tasks[0].text
        == "1 | Xây dựng cổng dữ liệu mở | Sở KH&CN | Sở Tài chính; Sở Nội vụ | Quý II/2025 | Cổng dữ liệu"
    )


def test_columns_are_found_in_any_order_below_a_title_row():
    rows = [
        ["DANH MỤC NHIỆM VỤ", "", ""],
        ["Thời hạn", "Đơn vị chủ trì", "Nội dung công việc"],
        ["Tháng 6/2025", "Văn phòng Tỉnh ủy", "Số hóa hồ sơ"],
    ]
    tasks = parse_text(_row_lines(rows), [Table(rows, 1)]).tasks
    assert [(t.line, t.title, t.lead, t.deadline) for t in tasks] == [
        (3, "Số hóa hồ sơ", "Văn phòng Tỉnh ủy", "2025-06-30")
    ]


def test_a_target_table_gives_one_target_per_value_cell_with_the_column_s_year():
    rows = [
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Đến năm 2030"],
        ["1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", "≥ 80", "100"],
        ["2", "Số doanh nghiệp công nghệ số", "doanh nghiệp", "50 - 60", "Trên 100"],
        ["3", "Chỉ số chuyển đổi số", "", "0,6", ""],
    ]
    targets = parse_text(_row_lines(rows), [Table(rows, 1)]).targets
    assert [
        (t.line, t.indicator, t.comparator, t.value, t.value_max, t.unit, t.year) for t in targets
    ] == [
        (2, "Tỷ lệ dịch vụ công trực tuyến toàn trình", ">=", 80.0, None, "%", 2025),
        (2, "Tỷ lệ dịch vụ công trực tuyến toàn trình", ">=", 100.0, None, "%", 2030),
        (3, "Số doanh nghiệp công nghệ số", "between", 50.0, 60.0, "doanh nghiệp", 2025),
        (3, "Số doanh nghiệp công nghệ số", ">", 100.0, None, "doanh nghiệp", 2030),
        (4, "Chỉ số chuyển đổi số", ">=", 0.6, None, "", 2025),
    ]


def test_a_table_with_no_known_header_gives_nothing():
    rows = [["Họ tên", "Chức vụ"], ["Nguyễn Văn A", "Bí thư"]]
    result = parse_text(_row_lines(rows), [Table(rows, 1)])
    assert (result.tasks, result.targets) == ([], [])


def test_pipe_rows_in_plain_text_are_read_as_a_table_and_not_again_as_text():
    text = (
        "II. MỤC TIÊU\n"
        "| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 |\n"
        "|---|---|---|---|\n"
        "| 1 | Tỷ lệ hồ sơ trực tuyến | % | 90% |\n"
    )
    targets = parse_text(text).targets
    assert [(t.line, t.value, t.unit, t.year, t.section) for t in targets] == [
        (4, 90.0, "%", 2025, "1")
    ]


def test_lines_of_a_given_table_are_not_read_again_as_text():
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "- Số hóa hồ sơ đạt 100%", "Sở Nội vụ"]]
    text = "III- NHIỆM VỤ VÀ GIẢI PHÁP\n" + "\n".join("\t".join(row) for row in rows) + "\n"
    result = parse_text(text, [Table(rows, 2)])
    assert [(t.line, t.title) for t in result.tasks] == [(3, "- Số hóa hồ sơ đạt 100%")]
    assert result.targets == []


def test_an_appendix_heading_ends_the_implementation_part_and_its_table_gives_the_tasks():
    rows = [
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
        ["1", "Xây dựng kho dữ liệu dùng chung", "Sở KH&CN", "Các sở, ngành", "Quý IV/2025"],
    ]
    text = (
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\nCác nhiệm vụ cụ thể tại Phụ lục kèm theo.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ chủ trì theo dõi, tổng hợp.\n"
        "Phụ lục\n" + _row_lines(rows)
    )
    result = parse_text(text, [Table(rows, 6)])
    assert [(u.line, u.name, u.duties) for u in result.units] == [
        (4, "Sở Khoa học và Công nghệ", ["chủ trì theo dõi, tổng hợp."])
    ]
    assert [(t.line, t.title, t.lead, t.coordinating, t.deadline) for t in result.tasks] == [
        (7, "Xây dựng kho dữ liệu dùng chung", "Sở KH&CN", ["Các sở, ngành"], "2025-12-31")
    ]
    assert [(s.number, s.line) for s in result.sections] == [("II", 1), ("III", 3), ("1", 4)]
