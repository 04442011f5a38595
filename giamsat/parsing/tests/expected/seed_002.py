"""Expected values for seed 002 (Ban Thường vụ Đảng ủy xã Đak Đoa), read by hand.

Line numbers are 1-based lines of the seed file as it is, blank lines included.
This document contains "≥" (line 177), so the OCR rule "> means ≥" does not apply;
it has no ">" anyway.
"""

FILE = "002_f43bb776ec76a141.txt"

META = {
    # Line 3 "Số         -KH/ĐU": the number was left blank, so there is none.
    "number": "",
    # Line 8 "ngày     tháng 8 năm 2025": the day is blank, so no date.
    "date": None,
    "place": "Đak Đoa",
    # Line 39: "Ban Thường vụ Đảng ủy xây dựng Kế hoạch".
    "issuer_contains": "Đảng ủy",
    "level": "commune",
    "title_contains": "triển khai thực hiện Nghị quyết số 57-NQ/TW",
    "references": [
        ("57-NQ/TW", "2024-12-22"),
        ("204-QĐ/TW", "2024-11-29"),
        # Lines 29-31 split it as "03/NQ-" / "CP, ngày 09 tháng 01 năm 2025".
        ("03/NQ-CP", "2025-01-09"),
        # Footnotes 1-3 (lines 230, 233, 303).
        ("15/KH-UBND", "2025-08-13"),
    ],
    "warnings": [],
}

# (line, year, comparator, value, value_max, unit, per_year)
TARGETS = [
    # 2.1. Đến hết năm 2025
    (175, 2025, ">=", 100, None, "%", False),  # 100% thôn ... phủ sóng 4G
    (177, 2025, ">=", 60, None, "%", False),  # phủ sóng 5G ≥ 60%
    (177, 2025, ">=", 80, None, "%", False),  # ≥ 80% người sử dụng (01 Gb/s is a qualifier)
    (181, 2025, ">=", 100, None, "%", False),
    (189, 2025, ">=", 100, None, "%", False),
    (193, 2025, "~", 80, None, "%", False),  # Có khoảng 80%
    (195, 2025, ">=", 80, None, "%", False),  # Phấn đấu 80%
    (199, 2025, "~", 80, None, "%", False),  # Có khoảng 80%
    # "Mỗi người dân có 01 định danh số": a bare count, read as a floor like a bare 100%;
    # "Mỗi người dân" is per person, not per year.
    (203, 2025, ">=", 1, None, "định danh số", False),
    (205, 2025, ">=", 100, None, "%", False),
    (213, 2025, ">=", 100, None, "%", False),  # Phấn đấu đạt 100% TTHC
    (215, 2025, ">=", 80, None, "%", False),  # 80% hồ sơ
    (215, 2025, ">=", 100, None, "%", False),  # 100% TTHC liên quan đến tổ chức, doanh nghiệp
    (219, 2025, ">=", 100, None, "%", False),  # 100% TTHC không bị giới hạn địa giới
    (221, 2025, ">=", 90, None, "%", False),  # "đạt 90%1." (1 is a footnote marker)
    (225, 2025, ">", 90, None, "%", False),  # "đạt / trên 90%2." on the next line
    # The sentence starts on line 227; footnotes sit in between; the number is on 236.
    (236, 2025, ">=", 90, None, "%", False),  # "đạt 90%3."
    (238, 2025, ">", 80, None, "%", False),  # Có trên 80% ... (VNeID)4
    # 2.2. Đến hết năm 2030
    (248, 2030, ">=", 100, None, "%", False),  # phủ sóng 5G đạt 100%
    (250, 2030, ">=", 100, None, "%", False),  # 01 Gb/s on line 252 is a qualifier
    (258, 2030, ">=", 30, None, "%", False),  # BML10 is a qualifier; "tối thiểu: 30%"
    (262, 2030, ">=", 100, None, "%", False),
    (264, 2030, ">=", 100, None, "%", False),
    (268, 2030, ">=", 90, None, "%", False),
    # Heading line 272 is misnumbered "2.1.3." but stands under "2.2. Đến hết năm 2030":
    # the milestone comes from the last milestone heading, so 2030.
    (274, 2030, ">=", 100, None, "%", False),
    (276, 2030, ">=", 100, None, "%", False),
    (280, 2030, ">=", 85, None, "%", False),  # Có từ 85% trở lên
    (282, 2030, ">=", 90, None, "%", False),  # Có từ 90% trở lên
    # 2.3. Đến hết năm 2035
    (290, 2035, ">=", 50, None, "%", False),  # 6G đạt 50%
    (294, 2035, ">=", 95, None, "%", False),
    (300, 2035, ">=", 100, None, "%", False),
    (309, 2035, ">=", 95, None, "%", False),
    (311, 2035, ">=", 95, None, "%", False),
    # 2.4. Đến hết năm 2040
    (319, 2040, ">=", 50, None, "%", False),
    (323, 2040, ">=", 97, None, "%", False),
    (327, 2040, "between", 80, 90, "%", False),  # 80% - 90%
    (333, 2040, ">=", 100, None, "%", False),
    (337, 2040, ">=", 97, None, "%", False),
    (339, 2040, ">=", 100, None, "%", False),
    # 2.5. Đến hết năm 2045
    (347, 2045, ">=", 100, None, "%", False),
    (351, 2045, ">=", 99, None, "%", False),
    (355, 2045, ">=", 90, None, "%", False),  # Từ 90% trở lên
    (361, 2045, ">=", 100, None, "%", False),
    (365, 2045, ">=", 100, None, "%", False),
    (367, 2045, ">=", 100, None, "%", False),
]

# (line, value, unit, numerator, denominator)
ACTUALS = [
    # Footnote 4: "có 24.530/27.656 người dân có tài khoản định danh điện tử, đạt 88,69%".
    (306, 88.69, "%", 24530, 27656),
]

# (line, name)
UNITS = [
    (698, "Thường trực Đảng ủy"),
    (726, "Chi bộ Ủy ban nhân dân xã"),
    (762, "Các tổ chức cơ sở đảng trực thuộc Đảng ủy"),
    (773, "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã"),
    (795, "Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy"),
    # Sub-bodies named in the dashes under heading 5.
    (797, "Ủy ban kiểm tra Đảng ủy"),
    (809, "Ban xây dựng Đảng"),
    (817, "Văn phòng Đảng ủy"),
]

# (line, title_start, lead_contains, deadline, recurring)
TASKS_SAMPLE = [
    (384, "Tổ chức quán triệt sâu rộng trong toàn Đảng bộ", "", None, False),
    (489, "Ủy ban nhân dân xã bố trí nguồn lực", "Ủy ban nhân dân xã", None, False),
    (623, "Ứng dụng trí tuệ nhân tạo trong tổng hợp, báo cáo", "", None, False),
    (657, "Thực hiện nghiêm các quy định về an toàn thông tin mạng", "", None, False),
]

# Section III: 39 dash bullets under eight numbered headings (all headings have bullets).
TASK_COUNT_MIN = 39
