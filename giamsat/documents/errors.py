from django.utils.translation import gettext as _

from giamsat.errors import ConflictError, GiamsatError, NotFoundError


class PlanImportError(GiamsatError):
    """An import cannot go on as asked; the message says why and what to do."""

    code = "import"


class DraftEditError(GiamsatError):
    """An edit of a draft item is not valid (location: the item and its field)."""

    code = "draft_edit"


class ImportNotFound(NotFoundError):
    def __init__(self):
        super().__init__(_("Không có lần nhập văn bản này (có thể đã được xác nhận hoặc hủy)."))


class ImportChanged(ConflictError):
    def __init__(self):
        super().__init__(_("Bản nháp vừa được người khác sửa. Hãy tải lại trang rồi sửa lại."))
