"""Request and response shapes of the reporting API, and how their errors read in Vietnamese."""

from typing import Annotated, Any, NotRequired

from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, with_config
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from giamsat.reporting.errors import FieldError

Number = Annotated[
    Any,
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "example": "1.234,5"}, {"type": "null"}]}),
]


# One value, validated into a plain dict: a batch holds thousands, and a model object
# for each cost more than checking it. (A comment, not a docstring: it would show in OpenAPI.)
@with_config(ConfigDict(extra="forbid"))
class ValueIn(TypedDict):
    indicator: Annotated[str, Field(max_length=64, description="Mã chỉ tiêu trong danh mục")]
    unit: NotRequired[Annotated[str | None, Field(max_length=64, description="Mã đơn vị, nếu khác đơn vị chung của lần gửi")]]
    period: NotRequired[Annotated[str | None, Field(max_length=16, description="Mã kỳ, nếu khác kỳ chung của lần gửi")]]
    value: NotRequired[Annotated[Number, Field(description="Giá trị (chỉ tiêu nhập trực tiếp)")]]
    numerator: NotRequired[Annotated[Number, Field(description="Tử số (chỉ tiêu tỷ lệ)")]]
    denominator: NotRequired[Annotated[Number, Field(description="Mẫu số (chỉ tiêu tỷ lệ)")]]
    note: NotRequired[Annotated[str, Field(max_length=2000)]]
    confirm_outlier: NotRequired[Annotated[bool, Field(description="Xác nhận giá trị khác thường (cần ghi chú)")]]


class ValueSetIn(BaseModel):
    """Values of a unit for a period, in the spirit of DHIS2's dataValueSets: ``unit`` and
    ``period`` apply to every value that does not name its own, so one request may carry
    several units (a province's system sending its communes)."""

    model_config = ConfigDict(extra="forbid")

    unit: str | None = Field(None, max_length=64, description="Mã đơn vị")
    period: str | None = Field(None, max_length=16, description="Mã kỳ: 202501, 2025Q1, 2025S1, 2025N1, 2025")
    version: int | None = Field(None, description="Phiên bản báo cáo đã đọc (chỉ khi gửi một đơn vị, một kỳ); nếu có, lưu chỉ khi chưa ai sửa")
    values: list[ValueIn] = Field(max_length=20000)


class ProblemOut(BaseModel):
    location: str
    message: str


class ReportOut(BaseModel):
    unit: str
    period: str
    status: str
    version: int


class SavedReportOut(ReportOut):
    changed: int


class SaveOut(BaseModel):
    unit: str | None
    period: str | None
    status: str | None
    version: int | None
    changed: int
    warnings: list[ProblemOut]
    reports: list[SavedReportOut]


class ValueOut(BaseModel):
    indicator: str
    value: str | None
    numerator: str | None
    denominator: str | None
    note: str
    outlier_confirmed: bool


class ValueSetOut(BaseModel):
    unit: str
    period: str
    status: str
    version: int
    values: list[ValueOut]


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int | None = None
    reason: str = Field("", max_length=5000)

def _messages() -> dict[str, str]:
    return {
        "missing": _("Thiếu trường bắt buộc."),
        "extra_forbidden": _("Trường này không được hỗ trợ."),
        "string_type": _("Phải là chuỗi ký tự."),
        "string_too_long": _("Chuỗi quá dài."),
        "too_long": _("Danh sách quá dài."),
        "list_type": _("Phải là một danh sách."),
        "model_type": _("Phải là một đối tượng JSON."),
        "model_attributes_type": _("Phải là một đối tượng JSON."),
        "dict_type": _("Phải là một đối tượng JSON."),
        "int_type": _("Phải là số nguyên."),
        "int_parsing": _("Phải là số nguyên."),
        "int_from_float": _("Phải là số nguyên."),
        "bool_type": _("Phải là true hoặc false."),
        "bool_parsing": _("Phải là true hoặc false."),
    }


def field_errors(exc) -> list[FieldError]:
    """Pydantic's errors, located like ``values[3].note``, with Vietnamese messages."""
    messages = _messages()
    errors = []
    for e in exc.errors():
        location = ""
        for part in e.get("loc", ()):
            location += f"[{part}]" if isinstance(part, int) else (f".{part}" if location else str(part))
        errors.append(FieldError(location or "body", messages.get(e.get("type"), _("Giá trị không hợp lệ."))))
    return errors
