"""Errors of periodic reporting, each with a Vietnamese message and a location."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamsat.errors import ConflictError, GiamsatError, NotFoundError


@dataclass(frozen=True)
class FieldError:
    """One bad field: where (form field, sheet!cell, JSON path) and what is wrong."""

    location: str
    message: str


class ReportInvalidError(GiamsatError):
    """One or more fields are wrong; nothing was stored."""

    status = 422
    code = "invalid"

    def __init__(self, errors: list[FieldError], message: str | None = None):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else None
        if message is None:
            message = _("Có {count} lỗi, chưa lưu gì. Hãy sửa rồi gửi lại.").format(count=len(self.errors))
            if len(self.errors) == 1:
                message = _("{message} Chưa lưu gì.").format(message=first.message)
        super().__init__(message, location=first.location if first else "")


class PeriodNotFoundError(NotFoundError):
    def __init__(self, code: str, location: str = "period"):
        super().__init__(_("Không có kỳ báo cáo “{code}”.").format(code=code), location=location)


class UnitNotFoundError(NotFoundError):
    def __init__(self, code: str, location: str = "unit"):
        super().__init__(_("Không có đơn vị mã “{code}”.").format(code=code), location=location)


class SubmissionNotFoundError(NotFoundError):
    def __init__(self, unit_name: str, period_label: str):
        super().__init__(_("“{unit}” chưa có báo cáo {period}.").format(unit=unit_name, period=period_label))


class PeriodLockedError(GiamsatError):
    status = 409
    code = "period_locked"

    def __init__(self, period_label: str, location: str = "period"):
        super().__init__(
            _("Kỳ báo cáo {period} đã khóa sổ, không nhận thêm số liệu.").format(period=period_label),
            location=location,
        )


class WorkflowError(GiamsatError):
    """The action is not allowed in the report's current state."""

    status = 409
    code = "workflow"


class ReasonRequiredError(GiamsatError):
    code = "reason_required"

    def __init__(self, location: str = "reason"):
        super().__init__(_("Cần ghi rõ lý do."), location=location)


class VersionConflictError(ConflictError):
    """The report changed after the version the user's data was built from.

    ``version`` is the report's current version when known (0: it does not exist), ``who``
    and ``when`` its last save, so a caller can say more (the Excel upload does)."""

    def __init__(self, who: str = "", when: str = "", version: int | None = None):
        self.who, self.when, self.version = who, when, version
        if who:
            message = _(
                "Báo cáo vừa được {who} lưu lúc {when}, sau khi bạn mở. Số liệu của bạn chưa được lưu "
                "và vẫn còn trên màn hình: hãy xem bản mới nhất rồi nhập lại phần của bạn."
            ).format(who=who, when=when)
        else:
            message = _(
                "Báo cáo vừa được người khác thay đổi sau khi bạn mở. Số liệu của bạn chưa được lưu "
                "và vẫn còn trên màn hình: hãy xem bản mới nhất rồi nhập lại phần của bạn."
            )
        super().__init__(message, location="version")


# The upload form's checkbox; the messages below name it.
OVERWRITE_LABEL = gettext_lazy("Ghi đè các thay đổi đã lưu sau khi tải mẫu")


class WorkbookOutdatedError(ConflictError):
    """An uploaded template was downloaded before the report's last save, or does not say
    at which version it was downloaded; nothing was stored."""

    def __init__(self, filename: str, cell: str, found: int | None, current: int | None = None, who: str = "", when: str = ""):
        self.found, self.current = found, current
        if found is None:
            message = _(
                "Tệp “{name}” không ghi phiên bản khi tải về (ô {cell} để trống), nên không biết báo cáo "
                "có được lưu thêm sau khi tải mẫu hay không. Chưa lưu gì. Hãy tải mẫu mới rồi nhập lại "
                "phần của bạn, hoặc chỉ tải tệp này lên khi đã đánh dấu “{option}”."
            ).format(name=filename, cell=cell, option=OVERWRITE_LABEL)
            super().__init__(message, location=cell)
            return
        if current is None:
            head = _("Tệp “{name}” được tải về khi báo cáo ở phiên bản {found} (ô {cell}), nhưng báo cáo đã thay đổi sau đó.")
        elif who:
            head = _("Tệp “{name}” được tải về khi báo cáo ở phiên bản {found} (ô {cell}); nay báo cáo đang ở phiên bản {current}, do {who} lưu lúc {when}.")
        else:
            head = _("Tệp “{name}” được tải về khi báo cáo ở phiên bản {found} (ô {cell}); nay báo cáo đang ở phiên bản {current}, lưu lúc {when}.")
        advice = _(
            "Chưa lưu gì. Hãy tải mẫu mới rồi nhập lại phần của bạn, hoặc đánh dấu “{option}” "
            "rồi tải lên lại để thay các thay đổi đó bằng số liệu trong tệp."
        )
        message = " ".join((
            head.format(name=filename, found=found, cell=cell, current=current, who=who, when=when),
            advice.format(option=OVERWRITE_LABEL),
        ))
        super().__init__(message, location=cell)


class IdempotencyKeyReusedError(GiamsatError):
    status = 422
    code = "idempotency_key_reused"

    def __init__(self):
        super().__init__(
            _("Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác. Mỗi lần gửi dữ liệu mới cần một khóa mới."),
            location="Idempotency-Key",
        )


class UploadError(GiamsatError):
    """The uploaded workbook cannot be read at all (wrong kind, macros, wrong sheets)."""

    status = 400
    code = "bad_file"


class BodyTooLargeError(GiamsatError):
    status = 413
    code = "too_large"

    def __init__(self, size_limit: str):
        super().__init__(
            _("Dữ liệu gửi lên lớn quá {limit}. Hãy chia thành nhiều lần gửi (mỗi lần một đơn vị, một kỳ).").format(limit=size_limit),
            location="body",
        )


class MalformedJSONError(GiamsatError):
    status = 400
    code = "malformed"

    def __init__(self, detail: str, location: str = "body"):
        super().__init__(
            _("Nội dung gửi lên không phải JSON hợp lệ (có thể bị cắt giữa chừng): {detail}.").format(detail=detail),
            location=location,
        )
