"""Expected values for seed 004 (Ban Thường trực Ủy ban MTTQ xã Kim Thành), read by hand.

Line numbers are 1-based lines of the seed file as it is, blank lines included.
"""

FILE = "004_19392b43ca0e2795.txt"

META = {
    "number": "43/KH-MTTQ-BTT",
    "date": "2025-09-12",
    "place": "Kim Thành",
    # Line 13: "Ban thường trực Uỷ ban Mặt trận tổ quốc xã Kim Thành".
    "issuer_contains": "Mặt trận",
    "level": "commune",
    "title_contains": "Tuyên truyền, vận động nhân dân",
    "references": [
        ("57-NQ/TW", "2024-12-22"),
        ("13-KH/ĐU", "2025-09-11"),
    ],
    "warnings": [],
}

# (line, year, comparator, value, value_max, unit, per_year)
TARGETS = [
    # 1. Mục tiêu đến năm 2030
    (35, 2030, ">=", 85, None, "%", False),  # dịch vụ công trực tuyến đạt 85%
    (35, 2030, ">", 40, None, "%", False),  # doanh nghiệp có hoạt động ĐMST đạt trên 40%
]

# (line, value, unit, numerator, denominator)
ACTUALS = []

# (line, name). The implementation section is misnumbered "III. TỔ CHỨC THỰC HIỆN" (line 91).
UNITS = [
    (93, "Ban thường trực Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã"),
    # One item names several bodies; the name runs up to the verb "tổ chức tuyên truyền".
    (
        95,
        "Các tổ chức thành viên và Ủy ban MTTQ Việt Nam xã, các tổ chức chính trị-xã hội xã, các chi bộ, Ban công tác mặt trận các khối",
    ),
    (97, "Các đồng chí Ban thường trực UBMTTQ xã, chuyên viên MTTQ"),
]

# (line, title_start, lead_contains, deadline, recurring)
TASKS_SAMPLE = [
    (59, "Tập trung lãnh đạo, chỉ đạo, tổ chức thực hiện thống nhất", "", None, False),
    (65, "Phối hợp triển khai thực hiện tốt Chương trình phát triển công nghệ", "", None, False),
    (89, "Phối hợp với các cơ quan chức năng bảo đảm an toàn, an ninh mạng", "", None, False),
]

# Section III (NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU): 16 dash bullets under five numbered headings.
TASK_COUNT_MIN = 16
