from django.utils.translation import gettext as _

from giamsat.errors import GiamsatError


class UnitMoveError(GiamsatError):
    code = "unit_move"

    def __init__(self, unit_name: str, parent_name: str):
        super().__init__(
            _("Không thể chuyển “{unit}” vào “{parent}”: đơn vị cấp trên mới nằm trong chính đơn vị này.").format(
                unit=unit_name, parent=parent_name
            ),
            location="parent",
        )


class SuccessionError(GiamsatError):
    code = "succession"


class UnknownProvinceError(GiamsatError):
    code = "unknown_province"


class UnknownUnitError(GiamsatError):
    status = 404
    code = "unknown_unit"

    def __init__(self, code: str, *, location: str = "unit"):
        super().__init__(_("Không có đơn vị mã “{code}”.").format(code=code), location=location)


class MemberError(GiamsatError):
    """A user or membership that cannot be created as asked."""

    code = "member"
