"""Expected values for seed 001 (Huyện ủy Tam Đường, Lai Châu), read by hand.

Line numbers are 1-based lines of the seed file as it is, blank lines included.
"""

FILE = "001_10e0a61cdfbb69b3.txt"

META = {
    # The plan prints neither a number nor a "Place, ngày ..." line.
    "number": "",
    "date": None,
    "place": "",
    # Line 7 spells the issuer "Huyện uỷ Tam Đương" (typo); folded, it still contains this.
    "issuer_contains": "Huyện ủy Tam Đường",
    "level": "district",
    "title_contains": "Thực hiện Nghị quyết số 57-NQ/TW",
    "references": [
        ("57-NQ/TW", "2024-12-22"),
        ("63-CTr/TU", None),
    ],
    "warnings": [],
}

# (line, year, comparator, value, value_max, unit, per_year)
TARGETS = [
    # 2. Mục tiêu cụ thể đến năm 2030
    (17, 2030, ">", 80, None, "%", False),  # dịch vụ công trực tuyến đạt trên 80%
    (17, 2030, ">=", 80, None, "%", False),  # đạt 80% giao dịch không dùng tiền mặt
    (17, 2030, ">", 40, None, "%", False),  # doanh nghiệp có hoạt động ĐMST đạt trên 40%
    (18, 2030, ">=", 3, None, "%", True),  # Hàng năm bố trí ít nhất 3% tổng chi ngân sách
    (18, 2030, ">=", 10, None, "người/vạn dân", False),  # đạt 10 người trên một vạn dân
    (19, 2030, ">=", 100, None, "%", False),  # 100% doanh nghiệp ứng dụng công nghệ số
    (20, 2030, ">=", 100, None, "%", False),  # 100% điểm, bản du lịch số hóa 3D
    # III. Tasks, outside any milestone section.
    (51, None, ">=", 70, None, "%", False),  # kinh tế số các ngành chiếm tối thiểu 70%
]

# (line, value, unit, numerator, denominator)
ACTUALS = []

# (line, name)
UNITS = [
    (55, "Các Chi, Đảng uỷ trực thuộc Huyện ủy"),
    (56, "UBND huyện"),
    (57, "HĐND huyện"),
    (58, "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện"),
    (59, "Các ban đảng huyện"),
    (60, "Ban Tuyên giáo và Dân vận Huyện uỷ"),
    (61, "Ủy ban Kiểm tra Huyện uỷ"),
]

# (line, title_start, lead_contains, deadline, recurring)
TASKS_SAMPLE = [
    (36, "Tổ chức thực hiện có hiệu quả các chương trình về phát triển công nghệ", "", None, False),
    (51, "Đẩy mạnh tiêu dùng sản phẩm, dịch vụ trên môi trường số", "", None, False),
    # "(hoàn thành trong tháng 4/2025)": last day of the month.
    (55, "Các Chi, Đảng uỷ trực thuộc Huyện ủy tổ chức phổ biến", "", "2025-04-30", False),
]

# Section III: 22 dash bullets, plus item 7 (line 53) which has no bullets and is itself a task.
TASK_COUNT_MIN = 23
