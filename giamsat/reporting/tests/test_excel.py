"""The Excel round trip: download a template, fill it with openpyxl, upload it back."""

import datetime
import io
import zipfile
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db.models import F
from openpyxl import load_workbook

from giamsat.audit.models import AuditEvent
from giamsat.reporting import excel, services
from giamsat.reporting.errors import (
    ReportInvalidError,
    UploadError,
    WorkbookOutdatedError,
    WorkflowError,
)
from giamsat.reporting.models import Submission, Value
from giamsat.reporting.reading import load_report
from giamsat.reporting.services import RawEntry


def _template(user, units, period) -> bytes:
    return excel.build_template(load_report(user, units["commune"], period))


def _rows(wb):
    ws = wb[excel.VALUES]
    return {ws[f"A{r}"].value: r for r in range(excel.FIRST_ROW, ws.max_row + 1)}


def _with_version(raw, *, filled: bool = True):
    """An edit that writes ``raw`` as the template's version (after the good values, unless not ``filled``)."""

    def edit(wb, rows):
        if filled:
            _good(wb, rows)
        wb[excel.INFO][excel.VERSION_CELL] = raw

    return edit


def _fill(data: bytes, edit) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    edit(wb, _rows(wb))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _good(wb, rows):
    ws = wb[excel.VALUES]
    ws[f"G{rows['DT-01']}"], ws[f"H{rows['DT-01']}"] = 24530, 27656
    ws[f"F{rows['KH-02']}"] = 12
    ws[f"F{rows['CQ-03']}"] = "75,5"  # Vietnamese text is accepted too
    ws[f"I{rows['CQ-03']}"] = "Theo Cổng dịch vụ công"
    tasks = wb[excel.TASKS]
    tasks["C4"], tasks["D4"], tasks["F4"] = "Đang thực hiện", 40, "Đã số hóa 40 % hồ sơ"
    wb[excel.NARRATIVE]["B2"] = "Hoàn thành các chỉ tiêu quý."


def test_the_template_is_protected_with_unlocked_inputs_and_validation(commune_officer, units, q2):
    wb = load_workbook(io.BytesIO(_template(commune_officer, units, q2)))
    assert wb.sheetnames == ["Thông tin", "Số liệu", "Nhiệm vụ", "Thuyết minh"]
    assert wb.security.lockStructure
    ws = wb[excel.VALUES]
    assert all(wb[name].protection.sheet for name in wb.sheetnames)
    assert [ws.cell(row=3, column=c).value for c in range(1, 11)] == [
        "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Kỳ trước", "Mục tiêu", "Giá trị", "Tử số", "Mẫu số", "Ghi chú",
        "Xác nhận giá trị khác thường"]
    rows = _rows(wb)
    assert list(rows) == ["CQ-03", "DT-01", "KH-02"]
    eid = rows["DT-01"]
    assert ws[f"B{eid}"].value == "Tỷ lệ người dân có tài khoản định danh điện tử"
    assert ws[f"E{eid}"].value == "≥ 80% (2025)"
    assert ws[f"B{eid}"].protection.locked and ws[f"F{eid}"].protection.locked  # the % is computed
    assert not ws[f"G{eid}"].protection.locked and not ws[f"H{eid}"].protection.locked
    assert not ws[f"F{rows['KH-02']}"].protection.locked
    kinds = {(dv.type, dv.formula1, dv.formula2): str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert kinds[("decimal", "0", "100")] == f"F{rows['CQ-03']}"
    assert set(kinds[("whole", "0", None)].split()) == {f"G{eid}", f"H{eid}", f"F{rows['KH-02']}"}
    assert wb[excel.INFO]["B2"].value == "X01" and wb[excel.INFO]["B4"].value == "2025Q2"


def test_round_trip_stores_the_filled_values(commune_officer, units, q2, task):
    data = _fill(_template(commune_officer, units, q2), _good)
    result = excel.upload_workbook(commune_officer, units["commune"], q2, data, "bao-cao.xlsx")
    assert result.submission.status == "draft"
    stored = {v.indicator.code: (v.value, v.numerator, v.denominator, v.note) for v in Value.objects.select_related("indicator")}
    assert stored == {
        "DT-01": (Decimal("88.69"), Decimal(24530), Decimal(27656), ""),
        "KH-02": (Decimal(12), None, None, ""),
        "CQ-03": (Decimal("75.5"), None, None, "Theo Cổng dịch vụ công"),
    }
    sub = Submission.objects.get()
    assert sub.results == "Hoàn thành các chỉ tiêu quý."
    assert (sub.task_updates.get().status, sub.task_updates.get().progress) == ("in_progress", 40)
    # downloading again shows what was stored
    again = load_workbook(io.BytesIO(_template(commune_officer, units, q2)))
    assert again[excel.VALUES][f"F{_rows(again)['DT-01']}"].value == 88.69


def test_a_re_upload_replaces_the_drafts_values(commune_officer, units, q2, task):
    excel.upload_workbook(commune_officer, units["commune"], q2, _fill(_template(commune_officer, units, q2), _good), "a.xlsx")

    def clear_count(wb, rows):
        wb[excel.VALUES][f"F{rows['KH-02']}"] = None

    data = _fill(_template(commune_officer, units, q2), clear_count)
    excel.upload_workbook(commune_officer, units["commune"], q2, data, "b.xlsx")
    assert sorted(Value.objects.values_list("indicator__code", flat=True)) == ["CQ-03", "DT-01"]


def test_bad_cells_are_listed_by_sheet_and_cell_and_nothing_is_stored(commune_officer, units, q2, task):
    def bad(wb, rows):
        ws = wb[excel.VALUES]
        ws[f"G{rows['DT-01']}"], ws[f"H{rows['DT-01']}"] = 30000, 27656
        ws[f"F{rows['KH-02']}"] = "mười hai"
        ws[f"F{rows['CQ-03']}"] = 130
        wb[excel.TASKS]["D4"] = 140

    with pytest.raises(ReportInvalidError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, _fill(_template(commune_officer, units, q2), bad), "x.xlsx")
    assert [(e.location, e.message) for e in exc.value.errors] == [
        ("Số liệu!F4", "Giá trị của “Tỷ lệ thủ tục hành chính trực tuyến toàn trình” là tỷ lệ phần trăm, phải từ 0 đến 100 (đã nhập 130)."),
        ("Số liệu!G5", "Tử số của “Tỷ lệ người dân có tài khoản định danh điện tử” (30.000) không được lớn hơn mẫu số (27.656)."),
        ("Số liệu!F6", "Giá trị của “Số sáng kiến được công nhận”: “mười hai” không phải là số (ví dụ đúng: 1.234,5)."),
        ("Nhiệm vụ!D4", "Tiến độ của nhiệm vụ “Xây dựng cơ sở dữ liệu dân cư của xã” phải từ 0 đến 100 % (đã nhập 140)."),
    ]
    assert not Submission.objects.exists()


def test_a_formula_is_refused_with_its_cell(commune_officer, units, q2):
    def formula(wb, rows):
        wb[excel.VALUES][f"F{rows['KH-02']}"] = "=5+7"

    with pytest.raises(ReportInvalidError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, _fill(_template(commune_officer, units, q2), formula), "x.xlsx")
    assert [(e.location, e.message) for e in exc.value.errors] == [
        ("Số liệu!F6", "Ô chứa công thức (=5+7): hãy nhập giá trị, không dùng công thức.")]
    assert not Submission.objects.exists()


def test_another_units_or_periods_file_is_refused(commune_officer, sibling_officer, units, q2, periods):
    sibling_file = excel.build_template(load_report(sibling_officer, units["sibling"], q2))
    with pytest.raises(UploadError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, sibling_file, "x.xlsx")
    assert (exc.value.message, exc.value.location) == ("Tệp này là báo cáo của đơn vị “X02”, không phải “Xã An Bình” (X01).", "Thông tin!B2")
    q3_file = _template(commune_officer, units, periods[3])
    with pytest.raises(UploadError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, q3_file, "x.xlsx")
    assert exc.value.message == "Tệp này là báo cáo kỳ “2025Q3”, không phải Quý 2/2025 (2025Q2)."
    assert not Submission.objects.exists()


def test_wrong_sheets_are_refused(commune_officer, units, q2):
    def rename(wb, rows):
        wb.security.lockStructure = False
        wb[excel.TASKS].title = "Sheet2"

    with pytest.raises(UploadError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, _fill(_template(commune_officer, units, q2), rename), "x.xlsx")
    assert exc.value.message == "Tệp “x.xlsx” thiếu trang “Nhiệm vụ”: hãy dùng mẫu tải từ hệ thống."


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bao-cao.xlsm", b"PK", "Tệp “bao-cao.xlsm” có macro: chỉ nhận tệp .xlsx tải từ hệ thống."),
        ("bao-cao.xlsx", b"%PDF-1.4 not a workbook", "Tệp “bao-cao.xlsx” không phải tệp Excel .xlsx."),
        ("bao-cao.xlsx", b"PK\x03\x04 truncated", "Tệp “bao-cao.xlsx” không phải tệp Excel .xlsx."),
    ],
)
def test_files_that_are_not_plain_workbooks_are_refused(commune_officer, units, q2, name, data, message):
    with pytest.raises(UploadError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, data, name)
    assert exc.value.message == message


def test_a_workbook_carrying_a_macro_project_is_refused_whatever_its_name(commune_officer, units, q2):
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_template(commune_officer, units, q2))) as src, zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\x00macro")
    with pytest.raises(UploadError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, data.getvalue(), "an-toan.xlsx")
    assert exc.value.message == "Tệp “an-toan.xlsx” có macro: chỉ nhận tệp .xlsx tải từ hệ thống."


def test_an_approved_report_cannot_be_replaced_by_upload(commune_officer, units, q2):
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="1")])
    Submission.objects.update(status="approved")
    with pytest.raises(WorkflowError):
        excel.upload_workbook(commune_officer, units["commune"], q2, _fill(_template(commune_officer, units, q2), _good), "x.xlsx")
    assert Value.objects.get().value == 1


# --- The version the template was downloaded at ------------------------------------------

ADVICE = ("Chưa lưu gì. Hãy tải mẫu mới rồi nhập lại phần của bạn, hoặc đánh dấu “Ghi đè các thay đổi đã lưu "
          "sau khi tải mẫu” rồi tải lên lại để thay các thay đổi đó bằng số liệu trong tệp.")
SAVED_AT = datetime.datetime(2025, 7, 8, 14, 5, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _state():
    """What an upload must not touch when it is refused."""
    values = sorted(Value.objects.values_list("indicator__code", "value", "numerator", "denominator", "note"))
    return values, list(Submission.objects.values_list("version", "results")), AuditEvent.objects.count()


@pytest.fixture
def stale_upload(commune_officer, commune_leader, units, q2, task):
    """The officer downloads the template at version v and fills it; meanwhile a leader of
    the commune saves the draft on the web, so the report is at v + 1."""
    v = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="5")]).submission.version
    data = _fill(_template(commune_officer, units, q2), _good)
    services.save_report(commune_leader, units["commune"], q2, entries=[RawEntry("KH-02", value="9")],
                         expected_version=v, via="web", now=SAVED_AT)
    assert Submission.objects.get().version == v + 1
    return v, data


def test_an_upload_older_than_a_web_save_is_refused_and_nothing_changes(commune_officer, units, q2, stale_upload):
    v, data = stale_upload
    before = _state()
    with pytest.raises(WorkbookOutdatedError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, data, "bao-cao.xlsx")
    assert (exc.value.status, exc.value.location) == (409, "Thông tin!B7")
    assert exc.value.message == (
        f"Tệp “bao-cao.xlsx” được tải về khi báo cáo ở phiên bản {v} (ô Thông tin!B7); nay báo cáo đang ở "
        f"phiên bản {v + 1}, do ld_xa lưu lúc 08/07/2025 14:05:09. " + ADVICE)
    assert _state() == before
    assert Value.objects.get().value == 9  # the leader's save is kept


def test_the_same_upload_with_overwrite_replaces_the_draft_and_the_audit_says_so(commune_officer, units, q2, stale_upload):
    v, data = stale_upload
    result = excel.upload_workbook(commune_officer, units["commune"], q2, data, "bao-cao.xlsx", overwrite=True)
    assert result.submission.version == v + 2
    assert Value.objects.get(indicator__code="KH-02").value == 12
    event = AuditEvent.objects.filter(object_type="reporting.submission").first()
    assert (event.actor, event.via, event.action) == (commune_officer, "excel", "save_values")
    assert event.reason == f"Ghi đè phiên bản {v + 1}; dữ liệu gửi lên được lập từ phiên bản {v}."
    assert (event.before["version"], event.after["version"]) == (v + 1, v + 2)
    assert (event.before["values"]["KH-02"]["value"], event.after["values"]["KH-02"]["value"]) == ("9", "12")


def test_a_save_between_the_early_check_and_the_write_is_caught_under_the_lock(commune_officer, commune_leader, units, q2, task, monkeypatch):
    v = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="5")]).submission.version
    data = _fill(_template(commune_officer, units, q2), _good)
    check = services.require_version

    def colleague_saves_right_after(submission, expected):
        check(submission, expected)
        services.save_report(commune_leader, units["commune"], q2, entries=[RawEntry("KH-02", value="9")], expected_version=v, now=SAVED_AT)

    monkeypatch.setattr(services, "require_version", colleague_saves_right_after)
    with pytest.raises(WorkbookOutdatedError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, data, "x.xlsx")
    assert exc.value.message.startswith(
        f"Tệp “x.xlsx” được tải về khi báo cáo ở phiên bản {v} (ô Thông tin!B7); nay báo cáo đang ở phiên bản {v + 1}, "
        "do ld_xa lưu lúc 08/07/2025 14:05:09.")
    assert (Submission.objects.get().version, Value.objects.get().value) == (v + 1, 9)


def test_a_fresh_template_uploads_without_overwrite(commune_officer, units, q2, task):
    v = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="5")]).submission.version
    data = _fill(_template(commune_officer, units, q2), _good)
    info = load_workbook(io.BytesIO(data))[excel.INFO]
    assert (info["A7"].value, info["B7"].value) == ("Phiên bản khi tải về", v)
    assert excel.read_upload(data, "x.xlsx", load_report(commune_officer, units["commune"], q2)).version == v
    result = excel.upload_workbook(commune_officer, units["commune"], q2, data, "x.xlsx")
    assert (result.submission.version, Value.objects.get(indicator__code="KH-02").value) == (v + 1, 12)
    event = AuditEvent.objects.filter(object_type="reporting.submission").first()
    assert (event.reason, "version" in event.before) == ("", False)


def test_a_template_downloaded_before_the_report_existed_is_refused_once_someone_created_it(commune_officer, commune_leader, units, q2, task):
    data = _fill(_template(commune_officer, units, q2), _good)
    services.save_report(commune_leader, units["commune"], q2, entries=[RawEntry("KH-02", value="9")], now=SAVED_AT)
    with pytest.raises(WorkbookOutdatedError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, data, "x.xlsx")
    assert exc.value.message.startswith("Tệp “x.xlsx” được tải về khi báo cáo ở phiên bản 0 (ô Thông tin!B7); nay báo cáo đang ở phiên bản 2, do ld_xa")
    assert Value.objects.get().value == 9


@pytest.mark.parametrize(("raw", "shown"), [("hai", "hai"), (2.5, "2.5"), (-1, "-1"), ("3a", "3a")])
@pytest.mark.parametrize("overwrite", [False, True])
def test_a_version_that_is_not_a_whole_number_is_refused_with_its_cell(commune_officer, units, q2, task, raw, shown, overwrite):
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="5")])
    data = _fill(_template(commune_officer, units, q2), _with_version(raw))
    before = _state()
    with pytest.raises(UploadError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, data, "x.xlsx", overwrite=overwrite)
    assert (exc.value.location, exc.value.message) == ("Thông tin!B7", (
        f"Ô Thông tin!B7 (Phiên bản khi tải về) phải là số nguyên, nhưng tệp “x.xlsx” ghi “{shown}”. "
        "Chưa lưu gì. Hãy tải mẫu mới từ hệ thống."))
    assert _state() == before


@pytest.mark.parametrize(("raw", "version"), [(" 3 ", 3), ("0", 0), (4.0, 4)])
def test_a_version_retyped_as_text_or_decimal_is_read(commune_officer, units, q2, task, raw, version):
    data = _fill(_template(commune_officer, units, q2), _with_version(raw, filled=False))
    assert excel.read_upload(data, "x.xlsx", load_report(commune_officer, units["commune"], q2)).version == version


def test_an_empty_version_needs_overwrite(commune_officer, units, q2, task):
    v = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="5")]).submission.version
    data = _fill(_template(commune_officer, units, q2), _with_version(None))
    before = _state()
    with pytest.raises(WorkbookOutdatedError) as exc:
        excel.upload_workbook(commune_officer, units["commune"], q2, data, "cu.xlsx")
    assert (exc.value.location, exc.value.message) == ("Thông tin!B7", (
        "Tệp “cu.xlsx” không ghi phiên bản khi tải về (ô Thông tin!B7 để trống), nên không biết báo cáo có được lưu "
        "thêm sau khi tải mẫu hay không. Chưa lưu gì. Hãy tải mẫu mới rồi nhập lại phần của bạn, hoặc chỉ tải tệp "
        "này lên khi đã đánh dấu “Ghi đè các thay đổi đã lưu sau khi tải mẫu”."))
    assert _state() == before
    excel.upload_workbook(commune_officer, units["commune"], q2, data, "cu.xlsx", overwrite=True)
    assert Value.objects.get(indicator__code="KH-02").value == 12
    event = AuditEvent.objects.filter(object_type="reporting.submission").first()
    assert event.reason == f"Ghi đè phiên bản {v}; dữ liệu gửi lên không ghi phiên bản gốc."


def test_an_approved_report_is_still_refused_as_approved_when_the_template_is_old(commune_officer, units, q2, task):
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="1")])
    data = _fill(_template(commune_officer, units, q2), _good)
    Submission.objects.update(status="approved", version=F("version") + 1)
    for overwrite in (False, True):
        with pytest.raises(WorkflowError):
            excel.upload_workbook(commune_officer, units["commune"], q2, data, "x.xlsx", overwrite=overwrite)
    assert Value.objects.get().value == 1
