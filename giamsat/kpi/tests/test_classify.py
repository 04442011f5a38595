"""What kind of number an indicator is, from its unit of measure and its name."""

import pytest

from giamsat.kpi.rules import IndicatorKind, classify, fold, national_code


@pytest.mark.parametrize(
    ("unit", "name", "expected"),
    [
        ("%", "Tỉ lệ sử dụng dịch vụ công trực tuyến", IndicatorKind("percent", "higher", "ratio", "stock")),
        ("% dân số", "Phủ sóng 5G cho người dân", IndicatorKind("percent", "higher", "ratio", "stock")),
        ("% GDP", "Quy mô kinh tế số", IndicatorKind("percent", "higher", "ratio", "flow")),
        ("% tổng chi NSNN", "Chi ngân sách cho khoa học", IndicatorKind("percent", "higher", "ratio", "flow")),
        ("%", "Tỷ lệ chi hằng năm cho đào tạo", IndicatorKind("percent", "higher", "ratio", "flow")),
        ("%/năm", "Số lượng công bố khoa học quốc tế tăng trung bình", IndicatorKind("percent", "higher", "none", "flow")),
        ("thứ hạng", "Xếp hạng năng lực cạnh tranh số", IndicatorKind("rank", "lower", "none", "stock")),
        ("chỉ số", "Chỉ số phát triển con người (HDI)", IndicatorKind("index", "higher", "none", "stock")),
        ("người/vạn dân", "Nguồn nhân lực nghiên cứu", IndicatorKind("ratio", "higher", "ratio", "stock")),
        ("doanh nghiệp/1000 dân", "Tỉ lệ doanh nghiệp công nghệ số", IndicatorKind("ratio", "higher", "ratio", "stock")),
        ("doanh nghiệp", "Số doanh nghiệp công nghệ số", IndicatorKind("count", "higher", "sum", "stock")),
        ("sáng kiến", "Số sáng kiến được công nhận mỗi năm", IndicatorKind("count", "higher", "sum", "flow")),
        ("Tbps", "Tổng dung lượng cáp quang", IndicatorKind("other", "higher", "sum", "stock")),
        ("tỷ đồng", "Vốn đầu tư cho khởi nghiệp hằng năm", IndicatorKind("money", "higher", "sum", "flow")),
        ("thứ bậc", "Tiềm lực khoa học, công nghệ", IndicatorKind("other", "higher", "none", "stock")),
        ("", "Hoàn thành chuyển đổi số", IndicatorKind("other", "higher", "none", "stock")),
    ],
)
def test_the_unit_decides_the_kind(unit, name, expected):
    assert classify(unit, name) == expected


def test_fold_ignores_case_spacing_and_composition():
    decomposed = "Quy mo\u0302 kinh te\u0302\u0301  so\u0302\u0301"
    assert fold(decomposed) == fold("quy mô kinh tế số") == "quy mô kinh tế số"


def test_national_code():
    assert national_code(" 11.1 ") == "NQ57-11.1"
