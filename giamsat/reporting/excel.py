"""The Excel round trip: a prefilled, protected template for a unit and period, and its upload.

The template has four sheets with Vietnamese labels; only the input cells are unlocked
and each carries data validation. An upload is refused whole when it is not an .xlsx
workbook, carries macros, lacks a sheet, belongs to another unit or period, or holds a
formula; otherwise its cells become a save that replaces the draft, and every bad cell
is listed as ``Sheet!F7``. Nothing is stored while any cell is wrong.

The info sheet records the report's version at download (``Thông tin!B7``). An upload
whose version is older than the report's (a colleague saved on the web or through the
API since), or whose cell is empty, is refused with both versions and the last save's
author and time, unless the user asks to overwrite; the audit event then names the
version overwritten. A version that is not a whole number is a located error.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from giamsat.reporting import services, validation
from giamsat.reporting.checks import RawEntry
from giamsat.reporting.errors import (
    FieldError,
    ReportInvalidError,
    UploadError,
    VersionConflictError,
    WorkbookOutdatedError,
)
from giamsat.reporting.reading import TASK_STATUS_LABELS, Report, load_report
from giamsat.reporting.tasks import RawTask
from giamsat.web.templatetags.giamsat_format import target_value

INFO, VALUES, TASKS, NARRATIVE = "Thông tin", "Số liệu", "Nhiệm vụ", "Thuyết minh"
SHEETS = (INFO, VALUES, TASKS, NARRATIVE)
FIRST_ROW = 4  # data rows of the values and tasks sheets start here
UNIT_CELL, PERIOD_CELL, VERSION_CELL = "B2", "B4", "B7"  # in the info sheet
MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
YES = "Có"
NARRATIVE_ROWS = {"results": 2, "difficulties": 3, "recommendations": 4, "next_plans": 5}
# values sheet columns
C_CODE, C_NAME, C_UOM, C_PREVIOUS, C_TARGET, C_VALUE, C_NUM, C_DEN, C_NOTE, C_CONFIRM = "ABCDEFGHIJ"
PART_COLUMN = {"indicator": C_CODE, "value": C_VALUE, "numerator": C_NUM, "denominator": C_DEN, "note": C_NOTE}
TASK_PART_COLUMN = {"task": "A", "status": "C", "progress": "D", "completed_on": "E", "result": "F"}

_INPUT = PatternFill("solid", fgColor="FFF8E1")
_HEAD = PatternFill("solid", fgColor="E3E9F0")
_OPEN = Protection(locked=False)


# --- Download -----------------------------------------------------------------------------


def _header(ws, title: str, labels: list[str], widths: list[int]) -> None:
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=13)
    for i, (label, width) in enumerate(zip(labels, widths, strict=True)):
        cell = ws.cell(row=3, column=i + 1, value=label)
        cell.font, cell.fill = Font(bold=True), _HEAD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[chr(65 + i)].width = width
    ws.freeze_panes = "A4"


def _unlock(cell) -> None:
    cell.protection, cell.fill = _OPEN, _INPUT


def _target_text(req) -> str:
    t = req.target
    if t is None:
        return ""
    return target_value(t) + (f" ({t.year})" if t.year else "")


def _info_sheet(ws, report: Report) -> None:
    ws["A1"] = _("Báo cáo kết quả thực hiện")
    ws["A1"].font = Font(bold=True, size=13)
    rows = [
        (_("Mã đơn vị"), report.unit.code), (_("Đơn vị"), report.unit.name),
        (_("Mã kỳ"), report.period.code), (_("Kỳ báo cáo"), report.period.label),
        (_("Hạn nộp"), report.period.due.strftime("%d/%m/%Y")), (_("Phiên bản khi tải về"), report.version),
    ]
    for i, (label, value) in enumerate(rows, start=2):
        ws.cell(row=i, column=1, value=label).font = Font(bold=True)
        ws.cell(row=i, column=2, value=value)
    ws["A10"] = _("Chỉ nhập vào các ô nền vàng. Số thập phân viết sau dấu phẩy (1.234,5). Không dùng công thức.")
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 24, 60


def _values_sheet(ws, report: Report) -> None:
    _header(ws, _("Số liệu chỉ tiêu – {unit} – {period}").format(unit=report.unit.name, period=report.period.label),
            [_("Mã chỉ tiêu"), _("Tên chỉ tiêu"), _("Đơn vị tính"), _("Kỳ trước"), _("Mục tiêu"), _("Giá trị"),
             _("Tử số"), _("Mẫu số"), _("Ghi chú"), _("Xác nhận giá trị khác thường")],
            [12, 50, 12, 12, 18, 14, 14, 14, 30, 14])
    percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                             error=_("Tỷ lệ phần trăm phải từ 0 đến 100."), errorTitle=_("Giá trị không hợp lệ"))
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           error=_("Phải là số nguyên không âm."), errorTitle=_("Giá trị không hợp lệ"))
    number = DataValidation(type="decimal", allow_blank=True, operator="between", formula1="-1E+15", formula2="1E+15",
                            error=_("Phải là một số."), errorTitle=_("Giá trị không hợp lệ"))
    confirm = DataValidation(type="list", formula1=f'"{YES}"', allow_blank=True)
    for dv in (percent, whole, number, confirm):
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
    for r, row in enumerate(report.rows, start=FIRST_ROW):
        spec, stored = row.spec, row.stored
        ws[f"{C_CODE}{r}"], ws[f"{C_NAME}{r}"], ws[f"{C_UOM}{r}"] = spec.code, spec.name, spec.unit_of_measure
        ws[f"{C_PREVIOUS}{r}"] = float(row.previous) if row.previous is not None else None
        ws[f"{C_TARGET}{r}"] = _target_text(row.requirement)
        ws[f"{C_NAME}{r}"].alignment = Alignment(wrap_text=True, vertical="top")
        if spec.needs_fraction:
            ws[f"{C_VALUE}{r}"] = float(stored.value) if stored and stored.value is not None else None
            for col, attr in ((C_NUM, "numerator"), (C_DEN, "denominator")):
                cell = ws[f"{col}{r}"]
                cell.value = float(getattr(stored, attr)) if stored and getattr(stored, attr) is not None else None
                _unlock(cell)
                whole.add(cell)
        else:
            cell = ws[f"{C_VALUE}{r}"]
            cell.value = float(stored.value) if stored and stored.value is not None else None
            _unlock(cell)
            {validation.PERCENT: percent, validation.COUNT: whole, validation.RANK: whole}.get(spec.value_type, number).add(cell)
        ws[f"{C_NOTE}{r}"] = stored.note if stored else ""
        ws[f"{C_CONFIRM}{r}"] = YES if stored and stored.outlier_confirmed else None
        for col in (C_NOTE, C_CONFIRM):
            _unlock(ws[f"{col}{r}"])
        confirm.add(ws[f"{C_CONFIRM}{r}"])


def _tasks_sheet(ws, report: Report) -> None:
    _header(ws, _("Tiến độ nhiệm vụ do đơn vị chủ trì"),
            [_("Mã nhiệm vụ"), _("Nhiệm vụ"), _("Tình trạng"), _("Tiến độ (%)"), _("Ngày hoàn thành"), _("Kết quả")],
            [12, 60, 18, 12, 16, 50])
    labels = ",".join(TASK_STATUS_LABELS.values())
    status = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    progress = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                              error=_("Tiến độ là số nguyên từ 0 đến 100."))
    date = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                          error=_("Nhập ngày theo dạng ngày/tháng/năm."))
    for dv in (status, progress, date):
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
    for r, row in enumerate(report.tasks, start=FIRST_ROW):
        shown = row.shown
        ws[f"A{r}"], ws[f"B{r}"] = row.task.pk, row.task.title
        ws[f"B{r}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws[f"C{r}"] = TASK_STATUS_LABELS[shown.status] if shown else TASK_STATUS_LABELS["not_started"]
        ws[f"D{r}"] = shown.progress if shown else 0
        ws[f"E{r}"] = shown.completed_on if shown else None
        ws[f"E{r}"].number_format = "DD/MM/YYYY"
        ws[f"F{r}"] = shown.result if shown else ""
        for col, dv in (("C", status), ("D", progress), ("E", date), ("F", None)):
            _unlock(ws[f"{col}{r}"])
            if dv:
                dv.add(ws[f"{col}{r}"])


def _narrative_sheet(ws, report: Report) -> None:
    ws["A1"] = _("Thuyết minh báo cáo")
    ws["A1"].font = Font(bold=True, size=13)
    labels = {"results": _("Kết quả đạt được"), "difficulties": _("Khó khăn, vướng mắc"),
              "recommendations": _("Kiến nghị, đề xuất"), "next_plans": _("Nhiệm vụ kỳ tới")}
    for name, r in NARRATIVE_ROWS.items():
        ws[f"A{r}"] = labels[name]
        ws[f"A{r}"].font = Font(bold=True)
        cell = ws[f"B{r}"]
        cell.value = getattr(report.submission, name) if report.submission else ""
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        _unlock(cell)
        ws.row_dimensions[r].height = 90
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 24, 100


def build_template(report: Report) -> bytes:
    wb = Workbook()
    builders = {INFO: _info_sheet, VALUES: _values_sheet, TASKS: _tasks_sheet, NARRATIVE: _narrative_sheet}
    for i, name in enumerate(SHEETS):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        builders[name](ws, report)
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # widths may still be changed
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template_name(report: Report) -> str:
    return f"bao-cao-{report.unit.code}-{report.period.code}.xlsx"


# --- Upload -------------------------------------------------------------------------------


@dataclass
class Upload:
    entries: list[RawEntry]
    tasks: list[RawTask]
    narrative: dict
    version: int | None = None  # the report's version when the template was downloaded


def _open(data: bytes, filename: str):
    name = (filename or "").lower()
    if name.endswith((".xlsm", ".xltm", ".xlsb")):
        raise UploadError(_("Tệp “{name}” có macro: chỉ nhận tệp .xlsx tải từ hệ thống.").format(name=filename), location=filename)
    if len(data) > MAX_BYTES:
        raise UploadError(_("Tệp “{name}” lớn quá 5 MB.").format(name=filename), location=filename)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise UploadError(_("Tệp “{name}” không phải tệp Excel .xlsx.").format(name=filename), location=filename) from None
    if any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
        raise UploadError(_("Tệp “{name}” có macro: chỉ nhận tệp .xlsx tải từ hệ thống.").format(name=filename), location=filename)
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise UploadError(_("Tệp “{name}” giải nén ra quá lớn.").format(name=filename), location=filename)
    try:
        return load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise UploadError(_("Không đọc được tệp “{name}”: tệp hỏng hoặc không phải .xlsx.").format(name=filename), location=filename) from None


def _formulas(wb) -> list[FieldError]:
    errors = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
                    errors.append(FieldError(f"{ws.title}!{cell.coordinate}", _("Ô chứa công thức ({formula}): hãy nhập giá trị, không dùng công thức.").format(formula=str(cell.value)[:40])))
    return errors


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def read_upload(data: bytes, filename: str, report: Report) -> Upload:
    """Check a filled template against the report it must belong to and read its cells."""
    wb = _open(data, filename)
    missing = [s for s in SHEETS if s not in wb.sheetnames]
    if missing:
        raise UploadError(_("Tệp “{name}” thiếu trang {sheets}: hãy dùng mẫu tải từ hệ thống.").format(
            name=filename, sheets=", ".join(f"“{s}”" for s in missing)), location=filename)
    info = wb[INFO]
    unit_code, period_code = _text(info[UNIT_CELL].value), _text(info[PERIOD_CELL].value)
    if unit_code != report.unit.code:
        raise UploadError(_("Tệp này là báo cáo của đơn vị “{found}”, không phải “{unit}” ({code}).").format(
            found=unit_code or "?", unit=report.unit.name, code=report.unit.code), location=f"{INFO}!{UNIT_CELL}")
    if period_code.upper() != report.period.code:
        raise UploadError(_("Tệp này là báo cáo kỳ “{found}”, không phải {period} ({code}).").format(
            found=period_code or "?", period=report.period.label, code=report.period.code), location=f"{INFO}!{PERIOD_CELL}")
    errors = _formulas(wb)
    if errors:
        raise ReportInvalidError(errors)
    version = _version(info[VERSION_CELL].value, filename)
    fractions = {row.spec.code for row in report.rows if row.spec.needs_fraction}
    return Upload(_entries(wb[VALUES], fractions), _tasks(wb[TASKS], errors), _narrative(wb[NARRATIVE]), version)


def _version(raw, filename: str) -> int | None:
    """The version written in the info sheet at download; ``None`` when the cell is empty."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    version = -1
    if isinstance(raw, int) and not isinstance(raw, bool):
        version = raw
    elif isinstance(raw, float) and raw.is_integer():
        version = int(raw)
    elif isinstance(raw, str) and raw.strip().isdecimal():
        version = int(raw.strip())
    if version < 0:
        cell = f"{INFO}!{VERSION_CELL}"
        raise UploadError(_(
            "Ô {cell} (Phiên bản khi tải về) phải là số nguyên, nhưng tệp “{name}” ghi “{raw}”. "
            "Chưa lưu gì. Hãy tải mẫu mới từ hệ thống."
        ).format(cell=cell, name=filename, raw=str(raw)[:40]), location=cell)
    return version


def upload_workbook(user, unit, period, data: bytes, filename: str, *, overwrite: bool = False):
    """Read an uploaded template and save it over the draft (values it leaves blank are removed).

    Refused with :class:`WorkbookOutdatedError` when the report was saved after the template
    was downloaded, or the template does not say when, unless ``overwrite``."""
    report = load_report(user, unit, period)
    upload = read_upload(data, filename, report)
    cell = f"{INFO}!{VERSION_CELL}"
    expected = upload.version
    try:
        if not report.editable:
            # the save says why (submitted, approved, locked, no right), unless it changed since
            expected, overwrite = report.version, False
        elif not overwrite:
            if expected is None:
                raise WorkbookOutdatedError(filename, cell, None)
            services.require_version(report.submission, expected)  # before every cell is checked
        return services.save_report(
            user, unit, period, entries=upload.entries, tasks=upload.tasks, narrative=upload.narrative,
            expected_version=expected, overwrite=overwrite, replace=True, via="excel", where=narrative_where,
        )
    except VersionConflictError as exc:
        raise WorkbookOutdatedError(filename, cell, upload.version, exc.version, exc.who, exc.when) from None


def _entries(ws, fractions: set[str]) -> list[RawEntry]:
    """The values sheet's rows; the value column of a fraction row is computed, so not read."""
    entries = []
    for r in range(FIRST_ROW, ws.max_row + 1):
        code = _text(ws[f"{C_CODE}{r}"].value)
        if not code:
            continue
        entries.append(RawEntry(
            code, value=None if code in fractions else ws[f"{C_VALUE}{r}"].value, numerator=ws[f"{C_NUM}{r}"].value, denominator=ws[f"{C_DEN}{r}"].value,
            note=_text(ws[f"{C_NOTE}{r}"].value), confirm_outlier=_text(ws[f"{C_CONFIRM}{r}"].value).lower() in ("có", "x", "yes"),
            where=lambda part, r=r: f"{VALUES}!{PART_COLUMN.get(part, C_CODE)}{r}",
        ))
    return entries


def _tasks(ws, errors: list[FieldError]) -> list[RawTask]:
    tasks = []
    for r in range(FIRST_ROW, ws.max_row + 1):
        raw_id = ws[f"A{r}"].value
        if raw_id in (None, ""):
            continue
        try:
            task_id = int(raw_id)
        except (TypeError, ValueError):
            errors.append(FieldError(f"{TASKS}!A{r}", _("Mã nhiệm vụ “{raw}” không hợp lệ.").format(raw=raw_id)))
            continue
        completed = ws[f"E{r}"].value
        tasks.append(RawTask(
            task_id, status=_text(ws[f"C{r}"].value), progress=ws[f"D{r}"].value,
            completed_on=completed.date() if isinstance(completed, datetime.datetime) else completed,
            result=_text(ws[f"F{r}"].value), where=lambda part, r=r: f"{TASKS}!{TASK_PART_COLUMN.get(part, 'A')}{r}",
        ))
    if errors:
        raise ReportInvalidError(errors)
    return tasks


def _narrative(ws) -> dict:
    return {name: _text(ws[f"B{r}"].value) for name, r in NARRATIVE_ROWS.items()}


def narrative_where(part: str) -> str:
    return f"{NARRATIVE}!B{NARRATIVE_ROWS[part]}" if part in NARRATIVE_ROWS else part
