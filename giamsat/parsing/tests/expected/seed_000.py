"""Expected values for seed 000 (Ban Thường vụ Huyện ủy Vĩnh Thuận), read by hand.

Line numbers are 1-based lines of the seed file as it is, blank lines included.
"""

FILE = "000_c48632b75c548174.txt"

META = {
    # The plan prints neither a number nor a "Place, ngày ..." line.
    "number": "",
    "date": None,
    "place": "",
    # Line 11: "Ban Thường vụ Huyện ủy xây dựng kế hoạch".
    "issuer_contains": "Huyện ủy",
    "level": "district",
    "title_contains": "thực hiện Nghị quyết số 82-NQ/TU",
    "references": [
        ("82-NQ/TU", "2025-02-27"),
        ("57-NQ/TW", "2024-12-22"),
        # Lines 17 and 27 date the resolution 22-12-2023 (a slip in the plan).
        ("57-NQ/TW", "2023-12-22"),
        ("204-QĐ/TW", "2024-11-29"),
    ],
    "warnings": ["57-NQ/TW"],
}

# (line, year, comparator, value, value_max, unit, per_year)
TARGETS = [
    # a) Đến năm 2030
    (45, 2030, ">=", 80, None, "%", False),  # dịch vụ công trực tuyến đạt 80% trở lên
    (45, 2030, ">=", 80, None, "%", False),  # giao dịch không dùng tiền mặt đạt 80% trở lên
    (45, 2030, ">", 20, None, "%", False),  # doanh nghiệp có hoạt động ĐMST đạt trên 20%
    # III. Tasks, outside any milestone section.
    (107, None, ">=", 70, None, "%", False),  # kinh tế số các ngành chiếm tối thiểu 70%
]

# (line, value, unit, numerator, denominator)
ACTUALS = []

# (line, name)
UNITS = [
    (111, "Các chi, đảng ủy trực thuộc Huyện ủy"),
    (119, "Hội đồng nhân dân huyện"),
    (123, "Ủy ban nhân dân huyện"),
    (127, "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cấp huyện"),
    (131, "Ban Tuyên giáo và Dân vận Huyện ủy"),
]

# (line, title_start, lead_contains, deadline, recurring)
TASKS_SAMPLE = [
    (63, "Các cấp ủy đảng, cán bộ, đảng viên cần nhận thức đầy đủ", "", None, False),
    (93, "Triển khai thực hiện tốt Quyết định số 204-QĐ/TW", "", None, False),
    (107, "Đẩy mạnh tiêu dùng sản phẩm, dịch vụ trên môi trường số", "", None, False),
]

# Section III has 18 dash bullets under six numbered headings (all headings have bullets).
TASK_COUNT_MIN = 18
