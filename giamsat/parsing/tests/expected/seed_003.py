"""Expected values for seed 003 (Ban Thường vụ Tỉnh ủy Tiền Giang, OCR of a scan), read by hand.

Line numbers are 1-based lines of the seed file as it is, blank lines included.
The file contains no "≥" anywhere, so every "> X" / ">X" before a number is the OCR'd "≥"
and is expected as ">=". "Mồi năm", "Mỗi năin", "Mồi nãm" are OCR of "Mỗi năm" (per year).
Milestone headings are OCR'd "Đen hết năm 2025/2030/2035/2045" and "Đến hết năm 2040".
"""

FILE = "003_db305e15dcccf103.txt"

META = {
    # The scan shows no document number.
    "number": "",
    "date": "2025-05-06",
    "place": "Tiền Giang",
    # Line 12: "Ban Thường vụ Tỉnh ủy xây dựng Ke hoạch".
    "issuer_contains": "Tỉnh ủy",
    "level": "province",
    "title_contains": "thực hiện Nghị quyết số 57-NQ/TW",
    # Also cited in OCR-damaged forms that mean 57-NQ/TW: "57-NQ/TW TW" (1095),
    # "57-NQ/TVV" (1116), "5 7-NQ/TW" (1134), "57- / NQ/TW" across lines 1219-1220.
    "references": [
        ("57-NQ/TW", "2024-12-22"),
        ("204-QĐ/TW", "2024-11-29"),
        ("03/NQ-CP", "2025-01-09"),
        ("71/NQ-CP", "2025-04-01"),
        ("193/2025/QH15", "2025-02-19"),
        # As printed (line 701); the real number is 01/BCĐTW.
        ("01/BCDTW", "2025-03-21"),
        # As printed (line 822), undated; OCR of 70/2025/UBTVQH15.
        ("70/2025/UBTVQIT15", None),
    ],
    "warnings": [],
}

# (line, year, comparator, value, value_max, unit, per_year)
# "trong đó X%" / "trong số đó có X%" inside a count bullet is a second target (bare: ">=").
# Qualifiers that are not targets: 5G/6G ("6 G" on 567), "trên 01 Gb/s", "sau 12 tháng",
# page numbers (340 "7", 530 "12", 627 "13").
TARGETS = [
    # ---- 2.1. Đen hết năm 2025 ----
    # a) Phát triển hạ tầng
    (212, 2025, ">=", 60, None, "%", False),  # phủ sóng 5G > 60%
    (213, 2025, ">=", 60, None, "%", False),  # người sử dụng truy cập băng rộng cố định
    # b) Phát triển nguồn lực
    (220, 2025, ">=", 1.0, None, "%", False),  # > 1,0% tổng chi ngân sách
    (223, 2025, ">=", 2, None, "% GRDP", False),  # đạt 2% GRDP
    (225, 2025, ">=", 80, None, "%", False),
    (226, 2025, ">=", 100, None, "%", False),
    (227, 2025, ">=", 80, None, "%", False),
    (230, 2025, ">=", 80, None, "%", False),
    (231, 2025, ">=", 7, None, "người/vạn dân", False),  # Có từ 07 người ... trên 01 vạn dân
    # c) Phát triển khoa học, công nghệ
    (235, 2025, ">=", 15, None, "doanh nghiệp", False),
    (236, 2025, ">=", 3, None, "tổ chức", False),  # "tô chức" (OCR)
    (237, 2025, ">=", 20, None, "nhiệm vụ", False),
    (238, 2025, ">=", 200, None, "cá nhân", False),
    (241, 2025, ">=", 25, None, "nhiệm vụ", False),
    (242, 2025, ">=", 40, None, "%", False),  # "sau 12 tháng" is a qualifier
    (245, 2025, ">=", 8, None, "đơn đăng ký", False),
    (246, 2025, ">=", 10, None, "%", False),
    (249, 2025, ">=", 30, None, "bài báo", False),
    (249, 2025, ">=", 8, None, "%", False),  # trong đó 8% được đăng trên WoS/Scopus/ISI
    (252, 2025, ">=", 1, None, "công trình", True),  # Mồi năm có > 1 công trình
    # d) Phát triển hệ sinh thái đổi mới sáng tạo
    (259, 2025, ">=", 15, None, "doanh nghiệp", False),
    (260, 2025, ">=", 25, None, "doanh nghiệp", False),  # ">25" with no space
    (261, 2025, ">=", 15, None, "%", False),
    (262, 2025, ">=", 10, None, "sản phẩm", False),  # "sản phâm" (OCR)
    (263, 2025, ">=", 5, None, "dự án", False),
    (264, 2025, ">=", 3, None, "sáng chế", False),  # "sáng chê" (OCR)
    (265, 2025, ">=", 20, None, "bài báo", False),
    (266, 2025, ">=", 10, None, "%", False),
    (269, 2025, ">=", 30, None, "sáng kiến", False),
    # e) Phát triển chuyển đổi số
    (271, 2025, ">=", 0.6, None, "", False),  # Chỉ số chuyển đổi số cấp tỉnh > 0,60
    (272, 2025, ">=", 70, None, "%", False),
    (275, 2025, ">=", 100, None, "%", False),
    (278, 2025, ">=", 70, None, "%", False),  # "-■Có > 70%"
    (279, 2025, ">=", 70, None, "%", False),
    (280, 2025, ">=", 80, None, "%", False),
    (283, 2025, ">=", 70, None, "%", False),
    (284, 2025, ">=", 40, None, "%", False),
    (287, 2025, ">=", 50, None, "%", False),
    (291, 2025, ">=", 60, None, "%", False),
    (294, 2025, ">=", 30, None, "%", False),
    (295, 2025, ">=", 50, None, "%", False),
    (296, 2025, ">=", 60, None, "%", False),
    (299, 2025, ">=", 15, None, "% GRDP", False),  # Quy mô kinh tế số đạt 15% GRDP
    # ---- 2.2. Đen hết năm 2030 ----
    # a)
    (303, 2030, ">=", 100, None, "%", False),
    (304, 2030, ">=", 100, None, "%", False),
    # b)
    (308, 2030, ">=", 1.5, None, "%", False),
    (311, 2030, ">=", 3, None, "% GRDP", False),
    (313, 2030, ">=", 100, None, "%", False),
    (314, 2030, ">=", 100, None, "%", False),
    (317, 2030, ">=", 90, None, "%", False),
    (320, 2030, ">=", 12, None, "người/vạn dân", False),
    # c)
    (324, 2030, ">=", 500, None, "cán bộ", False),
    (325, 2030, ">=", 35, None, "doanh nghiệp", False),
    (326, 2030, ">=", 6, None, "tổ chức", False),
    (327, 2030, ">=", 25, None, "nhiệm vụ", True),
    (328, 2030, ">=", 50, None, "nhiệm vụ", True),
    (329, 2030, ">=", 60, None, "%", False),
    (332, 2030, ">=", 20, None, "đơn đăng ký", True),
    (333, 2030, ">=", 25, None, "%", False),
    (336, 2030, ">=", 75, None, "bài báo", True),
    # "Mồi năm có > 75 bài báo ..., trong đó 10% ...": the share describes each year's
    # articles, so it carries the bullet's "Mỗi năm" too.
    (336, 2030, ">=", 10, None, "%", True),
    (341, 2030, ">=", 3, None, "công trình", True),
    # d)
    (348, 2030, ">=", 35, None, "doanh nghiệp", False),
    (349, 2030, ">=", 75, None, "doanh nghiệp", False),
    (350, 2030, ">=", 4, None, "vườn ươm", False),  # "vườn ươm/trung tâm": first noun
    (351, 2030, ">=", 30, None, "%", False),
    (352, 2030, ">=", 30, None, "sản phẩm", True),
    (353, 2030, ">=", 15, None, "dự án", True),
    (354, 2030, ">=", 10, None, "sáng chế", True),
    (355, 2030, ">=", 150, None, "bài báo", True),
    (356, 2030, ">=", 25, None, "%", False),
    (359, 2030, ">=", 35, None, "sáng kiến", True),
    # e)
    (361, 2030, ">=", 0.75, None, "", False),
    (362, 2030, ">=", 100, None, "%", False),
    (365, 2030, ">=", 100, None, "%", False),
    (368, 2030, ">=", 100, None, "%", False),
    (369, 2030, ">=", 100, None, "%", False),
    (370, 2030, ">=", 100, None, "%", False),
    (373, 2030, ">=", 85, None, "%", False),
    (374, 2030, ">=", 70, None, "%", False),
    (375, 2030, ">=", 80, None, "%", False),
    (376, 2030, ">=", 85, None, "%", False),
    (379, 2030, ">=", 60, None, "%", False),
    (380, 2030, ">=", 80, None, "%", False),  # tài khoản định danh điện tử
    (382, 2030, ">=", 10, None, "%", False),  # chữ ký số > 10% (second target of the bullet)
    (386, 2030, ">=", 90, None, "%", False),
    (389, 2030, ">=", 30, None, "% GRDP", False),
    # ---- 2.3. Đen hết năm 2035 ----
    # a)
    (393, 2035, ">=", 50, None, "%", False),  # 6G đạt 50%
    # b)
    (395, 2035, ">=", 2, None, "%", False),
    (398, 2035, ">=", 3, None, "% GRDP", False),
    (400, 2035, ">=", 100, None, "%", False),
    (401, 2035, ">=", 100, None, "%", False),
    (404, 2035, ">=", 95, None, "%", False),
    (405, 2035, ">=", 20, None, "người/vạn dân", False),
    # c)
    (409, 2035, ">=", 1000, None, "cán bộ", False),  # "> 1.000"
    (410, 2035, ">=", 100, None, "doanh nghiệp", False),
    (411, 2035, ">=", 8, None, "tổ chức", False),
    (412, 2035, ">=", 50, None, "nhiệm vụ", True),
    (413, 2035, ">=", 80, None, "nhiệm vụ", True),  # "Mỗi năin"
    (414, 2035, ">=", 75, None, "%", False),  # "trong vòng 12 tháng" is a qualifier
    (417, 2035, ">=", 40, None, "đơn đăng ký", True),
    (418, 2035, ">=", 40, None, "%", False),
    (421, 2035, ">=", 150, None, "bài báo", True),
    (421, 2035, ">=", 30, None, "%", True),  # trong đó 30% (see line 336)
    (424, 2035, ">=", 5, None, "công trình", True),
    # d)
    (434, 2035, ">=", 100, None, "doanh nghiệp", False),
    (435, 2035, ">=", 150, None, "doanh nghiệp", False),
    (436, 2035, ">=", 6, None, "vườn ươm", False),
    (437, 2035, ">=", 50, None, "%", False),
    (438, 2035, ">=", 75, None, "sản phẩm", True),
    (439, 2035, ">=", 30, None, "dự án", True),
    (440, 2035, ">=", 25, None, "sáng chế", True),
    (441, 2035, ">=", 350, None, "bài báo", True),
    (442, 2035, ">=", 40, None, "%", False),
    (445, 2035, ">=", 60, None, "sáng kiến", True),
    # e)
    (447, 2035, ">=", 0.85, None, "", False),
    (448, 2035, ">=", 100, None, "%", False),
    (451, 2035, ">=", 95, None, "%", False),
    (452, 2035, ">=", 90, None, "%", False),
    (453, 2035, ">=", 100, None, "%", False),
    (454, 2035, ">=", 100, None, "%", False),
    (455, 2035, ">=", 85, None, "%", False),
    (456, 2035, ">=", 95, None, "%", False),
    (458, 2035, ">=", 20, None, "%", False),  # chữ ký số đạt 20%
    (465, 2035, ">=", 100, None, "%", False),
    (468, 2035, ">=", 40, None, "% GRDP", False),
    # ---- 2.4. Đến hết năm 2040 ----
    # a)
    (471, 2040, ">=", 80, None, "%", False),
    # b)
    (473, 2040, ">=", 2.5, None, "%", False),
    (476, 2040, ">=", 3, None, "% GRDP", False),
    (477, 2040, ">=", 97, None, "%", False),
    (478, 2040, ">=", 33, None, "người/vạn dân", False),
    (484, 2040, "between", 80, 90, "%", False),  # 80% - 90%
    # c)
    (488, 2040, ">=", 1500, None, "cán bộ", False),
    (489, 2040, ">=", 150, None, "doanh nghiệp", False),
    (490, 2040, ">=", 10, None, "tổ chức", False),
    (491, 2040, ">=", 80, None, "nhiệm vụ", True),  # "Mồi nãm"
    (492, 2040, ">=", 120, None, "nhiệm vụ", True),
    (493, 2040, ">=", 85, None, "%", False),
    (496, 2040, ">=", 60, None, "đơn đăng ký", True),
    (497, 2040, ">=", 60, None, "%", False),
    (500, 2040, ">=", 320, None, "bài báo", True),
    (501, 2040, ">=", 8, None, "công trình", True),
    (504, 2040, "between", 8, 10, "trung tâm", False),  # Có 8 - 10 trung tâm
    (507, 2040, "between", 3, 5, "trung tâm", False),  # Có 3 - 5 trung tâm
    (510, 2040, ">=", 150, None, "doanh nghiệp", False),
    (510, 2040, ">=", 10, None, "%", False),  # trong số đó có 10% doanh nghiệp công nghệ số
    # d)
    (519, 2040, ">=", 250, None, "doanh nghiệp", False),
    (520, 2040, ">=", 50, None, "doanh nghiệp", False),
    # "trong số đó có 1 doanh nghiệp công nghệ số nội địa vươn tầm khu vực": a count,
    # kept as a target like the "trong số đó có 10%" of lines 510 and 608.
    (520, 2040, ">=", 1, None, "doanh nghiệp", False),
    (525, 2040, "between", 50, 60, "dự án", True),  # Mỗi năm có 50 đến 60 dự án
    (526, 2040, ">=", 10, None, "vườn ươm", False),
    (532, 2040, ">=", 70, None, "%", False),
    (533, 2040, "between", 8, 10, "trung tâm", False),
    (536, 2040, ">=", 150, None, "sản phẩm", True),
    (537, 2040, ">=", 50, None, "dự án", True),
    (538, 2040, ">=", 50, None, "sáng chế", True),
    (539, 2040, ">=", 1000, None, "bài báo", True),
    (540, 2040, ">=", 60, None, "%", False),
    (541, 2040, ">=", 90, None, "sáng kiến", True),
    # e)
    (543, 2040, ">=", 0.92, None, "", False),
    (544, 2040, ">=", 100, None, "%", False),
    (547, 2040, ">=", 100, None, "%", False),
    (548, 2040, ">=", 100, None, "%", False),
    (549, 2040, ">=", 100, None, "%", False),
    (550, 2040, ">=", 100, None, "%", False),
    (551, 2040, ">=", 95, None, "%", False),
    (552, 2040, ">=", 100, None, "%", False),
    (554, 2040, ">=", 30, None, "%", False),  # chữ ký số đạt 30%
    (561, 2040, ">=", 100, None, "%", False),
    (564, 2040, ">=", 45, None, "% GRDP", False),
    # ---- 2.5. Đen hết năm 2045 ----
    # a)
    (567, 2045, ">=", 100, None, "%", False),  # "6 G" is the broken "6G", not a number
    # b)
    (569, 2045, ">=", 3, None, "%", False),
    (572, 2045, ">=", 3, None, "% GRDP", False),
    (574, 2045, ">=", 99, None, "%", False),
    (575, 2045, ">=", 90, None, "%", False),
    (581, 2045, ">=", 54, None, "người/vạn dân", False),
    # c)
    (588, 2045, ">=", 2500, None, "cán bộ", False),
    (589, 2045, ">=", 200, None, "doanh nghiệp", False),
    (590, 2045, ">=", 12, None, "tổ chức", False),
    (591, 2045, ">=", 120, None, "công trình", True),
    (592, 2045, ">=", 160, None, "nhiệm vụ", True),
    (593, 2045, ">=", 95, None, "%", False),
    (596, 2045, ">=", 100, None, "đơn đăng ký", True),
    (597, 2045, ">=", 80, None, "%", False),
    (600, 2045, ">=", 480, None, "bài báo", True),
    (601, 2045, ">=", 10, None, "công trình", True),
    # d)
    (608, 2045, ">=", 200, None, "doanh nghiệp", False),
    (608, 2045, ">=", 10, None, "%", False),  # trong số đó có 10%
    (613, 2045, ">=", 400, None, "doanh nghiệp", False),
    (614, 2045, "between", 50, 70, "dự án", True),  # Mồi năm có 50 - 70 dự án
    (615, 2045, ">=", 15, None, "vườn ươm", False),
    (616, 2045, ">=", 90, None, "%", False),
    (617, 2045, ">=", 250, None, "sản phẩm", True),
    (618, 2045, ">=", 75, None, "dự án", True),  # "Mỗi năm >75"
    (619, 2045, ">=", 100, None, "sáng chế", True),
    (620, 2045, ">=", 1800, None, "bài báo", True),
    (621, 2045, ">=", 80, None, "%", False),
    (624, 2045, ">=", 150, None, "sáng kiến", True),
    # e)
    (628, 2045, ">=", 1.0, None, "", False),  # Chỉ số chuyển đổi số cấp tỉnh đạt 1,0
    (629, 2045, ">=", 100, None, "%", False),
    (632, 2045, ">=", 100, None, "%", False),
    (633, 2045, ">=", 100, None, "%", False),
    (634, 2045, ">=", 100, None, "%", False),
    (635, 2045, ">=", 100, None, "%", False),  # "-100%" with no space after the dash
    (636, 2045, ">=", 100, None, "%", False),
    (637, 2045, ">=", 100, None, "%", False),
    (639, 2045, ">=", 40, None, "%", False),  # chữ ký số đạt 40%
    (650, 2045, ">=", 100, None, "%", False),
    (665, 2045, ">=", 50, None, "% GRDP", False),  # Kinh tế số đạt 50% GRDP
    # ---- IV. Nhiệm vụ và giải pháp, outside any milestone section ----
    (854, None, ">=", 100, None, "%", False),  # "Cung cấp 100% dữ liệu mở" (4.5)
]

# (line, value, unit, numerator, denominator)
ACTUALS = []

# (line, name). Section "V- TÓ CHỨC THỤC HIỆN" (line 1091). Items 7 (Thông tin, báo cáo...)
# and 8 (Kinh phí thực hiện...) name no body. Names as written; "ủ y  ban Kiểm tra" (1177) is
# given with the OCR spacing fixed.
UNITS = [
    (1092, "Ban Chỉ đạo tỉnh"),
    (1110, "Thường trực Tỉnh ủy"),
    (1131, "các cấp ủy đảng trực thuộc"),
    (1152, "Văn phòng Tỉnh ủy và các Ban xây dựng Đảng Tỉnh ủy"),
    (1153, "Văn phòng Tỉnh ủy"),
    (1163, "Ban Tổ chức Tỉnh ủy"),
    (1172, "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    (1177, "Ủy ban Kiểm tra"),
    (1180, "Ban Nội chính"),
    (1184, "ủy ban nhân dân tỉnh"),
    (1216, "Mặt trận Tổ quốc, các đoàn thể"),
]

# (line, title_start, lead_contains, deadline, recurring)
TASKS_SAMPLE = [
    (673, "Kiện toàn/thành lập Ban Chỉ đạo cấp tỉnh", "", None, False),
    (762, "Ban hành quy tac ứng xử trên môi trường số", "", None, False),
    (1013, "Thành lập hoặc nâng cấp Trung tâm An ninh mạng cấp tỉnh", "", None, False),
    (1016, "Định kỳ kiểm tra, diễn tập phòng chống tấn công mạng", "", None, True),
    (1041, "Tổ chức hội nghị, diễn đàn thường niên", "", None, True),
]

# Section IV (lines 671-1089): 59 dash bullets, plus 23 numbered items that have no bullets
# and are tasks themselves (1.1-1.5, 2.3, 3.1-3.10, 4.1-4.7): 82 in all; 80 leaves slack
# for the bulletless 2.3 paragraph and one OCR-merged bullet.
TASK_COUNT_MIN = 80
