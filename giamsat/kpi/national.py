"""The national targets of Resolution 57-NQ/TW, read from the package's data files.

``data/national-targets.csv`` is a copy of the reference table (see ``data/README.md``);
``data/national-categories.csv`` files each row under a catalog group and marks the
headline ones public. Plain Python: the catalog and the national plan are built from
these rows by ``kpi.services`` and ``plans.services``.
"""

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from giamsat.kpi.errors import CatalogFileError

DATA_DIR = Path(__file__).resolve().parent / "data"
TARGETS_FILE = DATA_DIR / "national-targets.csv"
CATEGORIES_FILE = DATA_DIR / "national-categories.csv"
COMPARATORS = {">=", ">", "<=", "<", "=", "~", "between"}


@dataclass(frozen=True)
class NationalTarget:
    code: str
    year: int
    indicator: str
    unit: str
    comparator: str  # "" for a qualitative row
    value: Decimal | None
    value_max: Decimal | None
    lead_agency: str
    note: str
    category: str
    public: bool
    line: int  # line of the row in national-targets.csv

    @property
    def is_quantitative(self) -> bool:
        return self.value is not None


def _decimal(text: str, file_name: str, line: int, column: str) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise CatalogFileError(
            file_name, line,
            _("cột {column} phải là số, không phải “{text}”").format(column=column, text=text),
        ) from None


def _categories(path: Path) -> dict[str, tuple[str, bool]]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["code"]: (row["category"], row["public"] == "1") for row in csv.DictReader(f)}


def read_national_targets(
    targets_file: Path = TARGETS_FILE, categories_file: Path = CATEGORIES_FILE
) -> list[NationalTarget]:
    """Every row of the national targets table, in file order."""
    categories = _categories(categories_file)
    rows = []
    with targets_file.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            line = reader.line_num
            name = targets_file.name
            code = (row.get("code") or "").strip()
            if code not in categories:
                raise CatalogFileError(
                    name, line,
                    _("mã “{code}” không có trong {other}").format(code=code, other=categories_file.name),
                )
            comparator = (row.get("comparator") or "").strip()
            if comparator and comparator not in COMPARATORS:
                raise CatalogFileError(
                    name, line, _("phép so sánh “{c}” không hợp lệ").format(c=comparator)
                )
            try:
                year = int(row["year"])
            except (TypeError, ValueError):
                raise CatalogFileError(name, line, _("cột year phải là một năm")) from None
            value = _decimal(row.get("value") or "", name, line, "value")
            value_max = _decimal(row.get("value_max") or "", name, line, "value_max")
            if comparator == "between" and value_max is None:
                raise CatalogFileError(name, line, _("khoảng giá trị thiếu value_max"))
            category, public = categories[code]
            rows.append(NationalTarget(
                code=code, year=year, indicator=row["indicator"].strip(), unit=row["unit"].strip(),
                comparator=comparator, value=value, value_max=value_max,
                lead_agency=row.get("lead_agency", "").strip(), note=row.get("note", "").strip(),
                category=category, public=public, line=line,
            ))
    return rows
