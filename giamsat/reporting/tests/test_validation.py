"""Checks of one value: numbers typed the Vietnamese way, types, ranges, fractions, outliers."""

from decimal import Decimal

import pytest

from giamsat.reporting.validation import (
    Entry,
    IndicatorSpec,
    NumberError,
    check_entry,
    parse_number,
)

EID = IndicatorSpec(1, "DT-01", "Tỷ lệ người dân có tài khoản định danh điện tử", "percent", needs_fraction=True)
COUNT = IndicatorSpec(2, "KH-02", "Số sáng kiến được công nhận", "count", needs_fraction=False)
PERCENT = IndicatorSpec(3, "CQ-03", "Tỷ lệ thủ tục trực tuyến", "percent", needs_fraction=False)


@pytest.mark.parametrize(
    ("raw", "number"),
    [("1.234,5", Decimal("1234.5")), ("24.530", Decimal("24530")), ("12", Decimal(12)), (" 88,69 % ", Decimal("88.69")),
     ("-3", Decimal(-3)), (7, Decimal(7)), (2.5, Decimal("2.5")), ("", None), (None, None), ("1.234.567", Decimal(1234567))],
)
def test_parse_number_reads_vietnamese_numbers(raw, number):
    assert parse_number(raw) == number


@pytest.mark.parametrize(
    ("raw", "message"),
    [("1.5", "Không rõ “1.5”: dấu chấm dùng để phân cách hàng nghìn, phần thập phân viết sau dấu phẩy (ví dụ 1.234,5)."),
     ("abc", "“abc” không phải là số (ví dụ đúng: 1.234,5)."),
     ("12.34", "Không rõ “12.34”: dấu chấm dùng để phân cách hàng nghìn, phần thập phân viết sau dấu phẩy (ví dụ 1.234,5)."),
     (True, "“True” không phải là số."),
     ("1e400", "“1e400” không phải là số (ví dụ đúng: 1.234,5).")],
)
def test_parse_number_refuses_what_it_cannot_read(raw, message):
    with pytest.raises(NumberError) as exc:
        parse_number(raw)
    assert str(exc.value) == message


def test_a_ratio_indicator_computes_its_percentage():
    checked = check_entry(EID, Entry(1, numerator=Decimal(24530), denominator=Decimal(27656)))
    assert checked.problems == []
    assert checked.value == Decimal("88.69")  # 24.530 / 27.656 = 0,886969…, cut to 88,69


def test_a_percentage_is_cut_so_it_never_reaches_a_target_it_missed():
    checked = check_entry(EID, Entry(1, numerator=Decimal(79996), denominator=Decimal(100000)))
    assert checked.value == Decimal("79.99")


@pytest.mark.parametrize(
    ("entry", "part", "message"),
    [
        (Entry(1, numerator=Decimal(5), denominator=Decimal(0)), "denominator",
         "Mẫu số của “Tỷ lệ người dân có tài khoản định danh điện tử” phải lớn hơn 0."),
        (Entry(1, numerator=Decimal(30000), denominator=Decimal(27656)), "numerator",
         "Tử số của “Tỷ lệ người dân có tài khoản định danh điện tử” (30.000) không được lớn hơn mẫu số (27.656)."),
        (Entry(1, numerator=Decimal(5)), "denominator",
         "Cần nhập mẫu số của “Tỷ lệ người dân có tài khoản định danh điện tử” (đã có tử số)."),
        (Entry(1, value=Decimal(80)), "numerator",
         "“Tỷ lệ người dân có tài khoản định danh điện tử” được tính từ tử số và mẫu số: hãy nhập tử số và mẫu số thay cho giá trị."),
        (Entry(1, numerator=Decimal(-1), denominator=Decimal(10)), "numerator",
         "Tử số của “Tỷ lệ người dân có tài khoản định danh điện tử” phải là số nguyên không âm (đã nhập -1)."),
    ],
)
def test_fraction_errors_name_the_field(entry, part, message):
    checked = check_entry(EID, entry)
    assert [(p.part, p.message, p.warning) for p in checked.problems] == [(part, message, False)]
    assert checked.value is None


@pytest.mark.parametrize(
    ("spec", "value", "message"),
    [
        (COUNT, Decimal("2.5"), "Giá trị của “Số sáng kiến được công nhận” là số đếm, phải là số nguyên không âm (đã nhập 2,5)."),
        (COUNT, Decimal(-1), "Giá trị của “Số sáng kiến được công nhận” là số đếm, phải là số nguyên không âm (đã nhập -1)."),
        (PERCENT, Decimal("120.5"), "Giá trị của “Tỷ lệ thủ tục trực tuyến” là tỷ lệ phần trăm, phải từ 0 đến 100 (đã nhập 120,5)."),
    ],
)
def test_type_and_range_errors(spec, value, message):
    assert [p.message for p in check_entry(spec, Entry(spec.id, value=value)).errors] == [message]


def test_valid_count_and_percent_pass():
    assert check_entry(COUNT, Entry(2, value=Decimal(1200))).problems == []
    assert check_entry(PERCENT, Entry(3, value=Decimal(100))).problems == []


def test_an_outlier_against_the_units_own_history_is_a_warning():
    history = [Decimal(10), Decimal(12), Decimal(11)]
    checked = check_entry(COUNT, Entry(2, value=Decimal(40)), history)
    assert checked.outlier
    assert [(p.warning, p.message) for p in checked.problems] == [(True,
        "“Số sáng kiến được công nhận” = 40 khác thường: chênh hơn 3 lần so với mức thường thấy của đơn vị (11). "
        "Hãy kiểm tra lại, hoặc xác nhận và ghi chú lý do.")]
    assert not check_entry(COUNT, Entry(2, value=Decimal(33)), history).outlier
    assert check_entry(COUNT, Entry(2, value=Decimal(3)), history).outlier  # a drop counts too


def test_a_confirmed_outlier_needs_a_comment():
    history = [Decimal(10)]
    no_note = check_entry(COUNT, Entry(2, value=Decimal(40), confirm_outlier=True), history)
    assert [(p.part, p.message) for p in no_note.errors] == [
        ("note", "Cần ghi chú lý do khi xác nhận giá trị khác thường của “Số sáng kiến được công nhận”.")]
    with_note = check_entry(COUNT, Entry(2, value=Decimal(40), confirm_outlier=True, note="Có đợt xét duyệt sáng kiến cuối năm"), history)
    assert with_note.problems == [] and with_note.outlier


def test_no_history_means_no_outlier():
    assert not check_entry(COUNT, Entry(2, value=Decimal(10**6)), []).outlier
