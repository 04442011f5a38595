"""Why a plan file could not be read.

Every error carries a Vietnamese message for the user and, as its location, the
name of the file (and the page or line where that helps). The command line, the
web and the API turn :class:`ParseError` into one message in one place; nothing
here prints or logs.
"""

from gettext import gettext as _

from giamsat.errors import GiamsatError


class ParseError(GiamsatError):
    """A plan file that cannot be read or understood."""

    code = "parse"


class FileMissing(ParseError):
    code = "parse_missing"

    def __init__(self, location: str):
        super().__init__(_("không tìm thấy tệp"), location=location)


class UnsupportedFormat(ParseError):
    code = "parse_unsupported_format"


class EmptyDocument(ParseError):
    code = "parse_empty"

    def __init__(self, location: str, message: str = ""):
        super().__init__(message or _("tệp không có chữ nào để đọc"), location=location)


class CorruptFile(ParseError):
    code = "parse_corrupt"


class EncryptedPdf(ParseError):
    code = "parse_encrypted"

    def __init__(self, location: str):
        super().__init__(
            _(
                "tệp PDF được khóa bằng mật khẩu; hãy mở khóa (hoặc in lại ra PDF không mật "
                "khẩu) rồi tải lên lại"
            ),
            location=location,
        )


class OcrUnavailable(ParseError):
    code = "parse_ocr_unavailable"


class TooLarge(ParseError):
    code = "parse_too_large"


class LegacyEncoding(ParseError):
    """Text in a legacy Vietnamese font encoding that could not be converted."""

    code = "parse_legacy_encoding"
