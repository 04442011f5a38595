"""Whatever text comes in, parse_text returns the schema and quotes the text faithfully."""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giamsat.parsing.core import parse_text
from giamsat.parsing.schema import (
    Actual,
    DocumentMeta,
    ParseResult,
    Reference,
    Section,
    Table,
    Target,
    Task,
    UnitDuty,
)

COMPARATORS = {">=", ">", "<=", "<", "=", "~", "between"}
LEVELS = {"national", "ministry", "province", "district", "commune", "other"}
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real plans, so that random documents reach every rule.
PLAN_LINES = [
    "KẾ HOẠCH",
    "Số: 12/KH-UBND",
    "Số         -KH/ĐU",
    "Kim Thành, ngày 12 tháng 9 năm 2025",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "I- MỤC ĐÍCH, YÊU CẦU",
    "II. MỤC TIÊU",
    "III- NHIỆM VỤ VÀ GIẢI PHÁP",
    "IV- TÓ CHỨC THỤC HIỆN",
    "## II- MỤC TIÊU",
    "### **1. Mục tiêu tổng quát**",
    "2.1. Đen hết năm 2025",
    "2.1.3. Phát triển chuyển đổi số",
    "a) Phát triển hạ tầng",
    "b) Tầm nhìn đến năm 2045",
    "- Tỷ lệ phủ sóng 5G trên địa bàn > 60%.",
    "- Có > 15 doanh nghiệp khoa học và công nghệ.",
    "- Mồi năm có 50 - 70 dự án khởi nghiệp sáng tạo.",
    "- 80% - 90% dân số",
    "-■Có > 70% giao dịch",
    "đạt 88,69%4.",
    "hiện nay có 24.530/27.656 người dân có tài khoản, đạt 88,69%.",
    "1 Số liệu Công an xã cung cấp, hiện nay có 3/4 hộ.",
    "7",
    "ló",
    "-----",
    "",
    "1. Thường trực Đảng ủy",
    "2. Giao UBND huyện xây dựng kế hoạch (hoàn thành trong tháng 4/2025)",
    "- Ban Tổ chức Tỉnh ủy: Tham mưu, đề xuất.",
    "- ủ y  ban Kiểm tra: Phối hợp",
    "Nơi nhận:",
    "Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị",
    "03/NQ-",
    "CP, ngày 09 tháng 01 năm 2025",
    "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành",
    "1 | Xây dựng cổng | Sở TT | Quý II/2025",
    "| Chỉ tiêu | Đơn vị tính | Năm 2025 |",
    "| Tỷ lệ hồ sơ | % | ≥ 80 |",
    "|---|---|",
    "trên 01 vạn dân",
    "với tốc độ trên 01 Gb/s",
    "Chỉ số chuyển đổi số cấp tỉnh > 0,60",
    "ỈO. Giám sát",
    "\u0301\u0300",
    "e\u0301 cu\u0309a",
    "≥",
    "≤ 5%",
    "1.000.000",
    "99999999999999999999",
]
PLAN_TEXT = st.lists(
    st.one_of(st.sampled_from(PLAN_LINES), st.text(max_size=40)), max_size=60
).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\r", "\n\n"]).map(lambda sep: sep.join(lines))
)
ANY_TEXT = st.one_of(st.text(max_size=2000), PLAN_TEXT)
TABLES = st.lists(
    st.builds(
        Table,
        rows=st.lists(
            st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PLAN_LINES)), max_size=6),
            max_size=6,
        ),
        line=st.integers(min_value=-3, max_value=200),
    ),
    max_size=2,
)


def _check_types(item, cls) -> None:
    assert isinstance(item, cls)
    for spec in fields(cls):
        assert hasattr(item, spec.name)


def _assert_schema(result: ParseResult, line_count: int) -> None:
    assert isinstance(result, ParseResult)
    document = result.document
    _check_types(document, DocumentMeta)
    assert document.level in LEVELS
    assert document.date is None or ISO_DATE.match(document.date)
    for reference in document.references:
        _check_types(reference, Reference)
        assert reference.date is None or ISO_DATE.match(reference.date)
    assert all(isinstance(warning, str) for warning in document.warnings)
    for target in result.targets:
        _check_types(target, Target)
        assert target.comparator in COMPARATORS
        assert math.isfinite(target.value)
        assert (target.value_max is not None) == (target.comparator == "between")
    for actual in result.actuals:
        _check_types(actual, Actual)
        assert math.isfinite(actual.value)
    for task in result.tasks:
        _check_types(task, Task)
        assert task.deadline is None or ISO_DATE.match(task.deadline)
    for unit in result.units:
        _check_types(unit, UnitDuty)
    for section in result.sections:
        _check_types(section, Section)
    json.dumps(result.to_dict(), allow_nan=False)


def _assert_lines_and_quotes(result: ParseResult, text: str, line_count: int) -> None:
    quoted = list(result.targets) + list(result.actuals) + list(result.tasks)
    for item in quoted:
        assert 1 <= item.line <= line_count
        assert "\n" not in item.text and "\r" not in item.text
        for token in item.text.split():
            assert token in text  # the text is quoted, never rewritten
    for item in list(result.units) + list(result.sections):
        assert 1 <= item.line <= line_count


def _line_count(text: str) -> int:
    return len(re.split(r"\r\n|\r|\n", text))


@PROPERTY
@given(ANY_TEXT)
def test_any_text_gives_the_schema_with_lines_in_range_and_faithful_quotes(text):
    result = parse_text(text)
    _assert_schema(result, _line_count(text))
    _assert_lines_and_quotes(result, text, _line_count(text))


@PROPERTY
@given(PLAN_TEXT, TABLES)
def test_any_tables_beside_the_text_give_the_schema(text, tables):
    result = parse_text(text, tables)
    _assert_schema(result, _line_count(text))


def test_pathological_text_is_read_in_linear_time():
    # Inputs that make careless regular expressions backtrack: long runs of digits,
    # dots, dashes, bullets, capitals and unclosed constructs, 200 KB each.
    cases = [
        "1" * 200_000,
        "1." * 100_000,
        "- " * 100_000,
        ("Có > " * 20_000) + "%",
        "a" * 200_000,
        ("ngày 1 tháng " * 15_000),
        ("Ban " * 50_000),
        ("ĐẢNG ỦY " * 25_000),
        ("| " * 100_000),
        ("\n" * 100_000),
        ("2.1. " * 40_000),
        ("hiện nay 1/2 " * 15_000),
    ]
    for text in cases:
        start = time.process_time()
        parse_text(text)
        assert time.process_time() - start < 3, text[:20]
