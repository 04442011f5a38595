"""The demo's keyword matching of seed targets to national indicators and of names to bodies."""

import pytest

from giamsat.demo.matching import body_suffix_for, national_code_for


@pytest.mark.parametrize(
    ("indicator", "unit", "code"),
    [
        ("Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "%", "11.1"),
        ("giao dịch không dùng tiền mặt trong các hoạt động kinh tế - xã hội", "%", "12"),
        ("tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "%", "13"),
        ("Nguồn nhân lực nghiên cứu khoa học, phát triển công nghệ", "người/vạn dân", "18"),
        ("Tỷ lệ phủ sóng 5G trên địa bàn", "%", "23.4"),
        ("Tỷ lệ phu song 5G tren dia ban", "%", "23.4"),  # OCR lost the diacritics
        ("Quy mô kinh tế số", "% GRDP", "10"),
        ("Quy mô kinh tế số", "tỷ đồng", None),  # same words, another measure
        ("Tỷ lệ phủ sóng 6G trên địa bàn", "%", None),
        ("Người dân có tài khoản định danh điện tử (VNeID)", "%", None),
    ],
)
def test_national_code_for(indicator, unit, code):
    assert national_code_for(indicator, unit) == code


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("Ủy ban nhân dân huyện", "UBND"),
        ("UBND huyện", "UBND"),
        ("HĐND huyện", "HDND"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cấp huyện", "MTTQ"),
        ("Ban Tuyên giáo và Dân vận Huyện ủy", "BTGDV"),
        ("Ủy ban Kiểm tra Huyện uỷ", "UBKT"),
        ("Ban Tổ chức Tỉnh ủy", "BTC"),
        ("Văn phòng Tỉnh ủy và các Ban xây dựng Đảng Tỉnh ủy", "VP"),
        ("Các Chi, Đảng uỷ trực thuộc Huyện ủy", None),
        ("Thường trực Đảng ủy", None),
    ],
)
def test_body_suffix_for(name, suffix):
    assert body_suffix_for(name) == suffix
