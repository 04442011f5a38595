"""``giamsat parse``: what it prints, and its exit status."""

import io
import json
from dataclasses import fields

import pytest

from giamsat.parsing import schema
from giamsat.parsing.cli import format_date, format_number, main, print_table
from giamsat.parsing.tests import badfiles
from giamsat.parsing.tests.test_sources_txt import SENTENCE_TCVN3

PLAN = """ỦY BAN NHÂN DÂN XÃ AN BÌNH
Số: 12/KH-UBND
An Bình, ngày 06 tháng 5 năm 2025
KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
I. MỤC TIÊU
1. Đến năm 2030
- Tỷ lệ người dân có tài khoản định danh điện tử đạt trên 80%.
"""


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_table_output_shows_the_document_targets_by_year_and_counts(plan, capsys):
    code = main([str(plan)])

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "Số: 12/KH-UBND" in out
    assert "Chỉ tiêu đến năm 2030" in out
    assert out.rstrip().splitlines()[-1].startswith("Chỉ tiêu: ")


def test_json_output_is_the_parse_result(plan, capsys):
    code = main([str(plan), "--json"])

    out, err = capsys.readouterr()
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert set(data) == {"document", "targets", "actuals", "tasks", "units", "sections"}
    assert set(data["document"]) == {field.name for field in fields(schema.DocumentMeta)}
    assert data["targets"], "the plan has one target"
    assert set(data["targets"][0]) == {field.name for field in fields(schema.Target)}
    assert "Tỷ lệ người dân" in out  # not escaped to \\u sequences


def test_format_json_is_the_same_as_json(plan, capsys):
    main([str(plan), "--json"])
    short = capsys.readouterr().out
    main([str(plan), "--format", "json"])

    assert capsys.readouterr().out == short


def test_strict_exits_1_when_the_document_has_warnings(tmp_path, capsys):
    path = tmp_path / "cu.txt"
    path.write_bytes(SENTENCE_TCVN3.encode("latin-1"))

    code = main([str(path), "--strict", "--json"])

    out, err = capsys.readouterr()
    assert code == 1
    assert json.loads(out)["document"]["warnings"][-1].startswith("Tệp được gõ bằng bảng mã cũ")
    assert err.endswith("cảnh báo (--strict)\n")
    assert err.startswith(f"giamsat parse: {path}: có ")


def test_without_strict_warnings_do_not_change_the_exit_status(tmp_path, capsys):
    path = tmp_path / "cu.txt"
    path.write_bytes(SENTENCE_TCVN3.encode("latin-1"))

    assert main([str(path)]) == 0
    assert "! Tệp được gõ bằng bảng mã cũ TCVN3" in capsys.readouterr().out


@pytest.mark.parametrize(("build", "error", "name", "message"), badfiles.CASES, ids=badfiles.IDS)
def test_bad_file_exits_2_with_one_line_on_stderr(tmp_path, capsys, build, error, name, message):
    path = build(tmp_path)

    code = main([str(path)])

    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == f"giamsat parse: {path}: {message}\n"


def test_usage_errors_exit_2_with_one_line(capsys):
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "giamsat parse: thiếu tên tệp cần đọc; cách dùng: "
        "giamsat parse FILE [--json] [--format table|json] [--strict]\n"
    )


def test_an_unexpected_error_is_an_apology_not_a_traceback(plan, capsys, monkeypatch, tmp_path):
    import tempfile

    import giamsat.parsing

    def broken(*args, **kwargs):
        raise RuntimeError("lỗi lập trình")

    monkeypatch.setattr(giamsat.parsing, "parse_file", broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    code = main([str(plan)])

    err = capsys.readouterr().err
    (log,) = tmp_path.glob("giamsat-parse-*.log")
    assert code == 2
    assert err == (
        f"giamsat parse: {plan}: xin lỗi, có lỗi không mong đợi khi đọc tệp; chi tiết đã được "
        f"ghi vào {log}, hãy gửi tệp đó cho người quản trị\n"
    )
    assert "RuntimeError: lỗi lập trình" in log.read_text(encoding="utf-8")


RESULT = schema.ParseResult(
    document=schema.DocumentMeta(
        title="Kế hoạch thực hiện Nghị quyết số 57-NQ/TW",
        number="43/KH-MTTQ-BTT",
        date="2025-09-12",
        place="Kim Thành",
        issuer="Ban Thường trực Ủy ban MTTQ xã Kim Thành",
        level="commune",
        references=[schema.Reference("57-NQ/TW", "2024-12-22", "Bộ Chính trị")],
        warnings=["Nghị quyết 57-NQ/TW được dẫn với hai ngày khác nhau"],
    ),
    targets=[
        schema.Target("Tỷ lệ người dân có tài khoản", ">=", 80, unit="%", year=2030, line=12),
        schema.Target(
            "Doanh nghiệp số", "between", 1234.5, 2000, "doanh nghiệp", 2025, True, line=9
        ),
        schema.Target("Chỉ số đổi mới", "~", 0.6, line=3),
    ],
    tasks=[schema.Task("Tuyên truyền"), schema.Task("Tập huấn")],
    units=[schema.UnitDuty("Công an xã")],
)


def test_table_lists_document_facts_then_targets_by_year_then_counts():
    buffer = io.StringIO()

    print_table(RESULT, buffer)

    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    assert lines[:10] == [
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW",
        "Số: 43/KH-MTTQ-BTT",
        "Ngày: 12/09/2025",
        "Nơi ban hành: Kim Thành",
        "Cơ quan ban hành: Ban Thường trực Ủy ban MTTQ xã Kim Thành",
        "Cấp: Xã",
        "Căn cứ:",
        "  • 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        "Cảnh báo:",
        "  ! Nghị quyết 57-NQ/TW được dẫn với hai ngày khác nhau",
    ]
    titles = [line for line in lines if line.startswith("Chỉ tiêu ")]
    assert titles == ["Chỉ tiêu đến năm 2025", "Chỉ tiêu đến năm 2030", "Chỉ tiêu chưa rõ năm"]
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines if "│" in line]
    assert ["Doanh nghiệp số", "từ–đến", "1.234,5–2.000", "doanh nghiệp", "✓", "9"] in rows
    assert ["Tỷ lệ người dân có tài khoản", "≥", "80", "%", "", "12"] in rows
    assert ["Chỉ số đổi mới", "≈", "0,6", "", "", "3"] in rows
    assert lines[-1] == (
        "Chỉ tiêu: 3 · Nhiệm vụ: 2 · Đơn vị thực hiện: 1 · Số liệu đã đạt: 0 · Mục: 0"
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [(1234.5, "1.234,5"), (1000, "1.000"), (0.6, "0,6"), (88.69, "88,69"), (1, "1"),
     (2_500_000, "2.500.000"), (None, "")],
)  # fmt: skip
def test_numbers_are_written_the_vietnamese_way(value, text):
    assert format_number(value) == text


def test_dates_are_written_day_month_year():
    assert format_date("2024-12-22") == "22/12/2024"
    assert format_date(None) == ""
