from django.utils.translation import gettext as _

from giamsat.errors import GiamsatError


class CatalogFileError(GiamsatError):
    """A row of a catalog data file cannot be read."""

    code = "catalog_file"

    def __init__(self, file_name: str, line: int, problem: str):
        super().__init__(
            _("Không đọc được tệp danh mục: {problem}").format(problem=problem),
            location=_("{file}, dòng {line}").format(file=file_name, line=line),
        )


class IndicatorError(GiamsatError):
    """A catalog indicator cannot be written as asked."""

    code = "indicator"
