"""Reading the national targets of 57-NQ/TW from the package's data files."""

from decimal import Decimal

import pytest

from giamsat.kpi.errors import CatalogFileError
from giamsat.kpi.national import CATEGORIES_FILE, TARGETS_FILE, read_national_targets

HEADER = "code,year,indicator,unit,comparator,value,value_max,lead_agency,note\n"


def test_every_row_is_read_with_its_line():
    rows = read_national_targets()
    assert len(rows) == 57
    assert [r.year for r in rows].count(2045) == 6
    by_code = {r.code: r for r in rows}
    assert by_code["19"].comparator == "between"
    assert (by_code["19"].value, by_code["19"].value_max) == (Decimal("40"), Decimal("50"))
    assert by_code["14"].value == Decimal("0.7")
    assert by_code["11.1"].line == 14  # the header is line 1
    assert by_code["11.1"].category == "Chính quyền số, dịch vụ công"
    assert by_code["11.1"].public is True
    assert by_code["4a"].public is False


def test_qualitative_rows_have_no_value():
    qualitative = [r.code for r in read_national_targets() if not r.is_quantitative]
    assert qualitative == ["1", "2", "3"]


def test_the_categories_file_covers_exactly_the_targets_file():
    targets = {line.split(",", 1)[0] for line in TARGETS_FILE.read_text(encoding="utf-8").splitlines()[1:]}
    categories = {line.split(",", 1)[0] for line in CATEGORIES_FILE.read_text(encoding="utf-8").splitlines()[1:]}
    assert targets == categories


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('9,2030,"Tỉ trọng",%,>=,năm mươi,,Bộ,\n', "Không đọc được tệp danh mục: cột value phải là số, không phải “năm mươi”"),
        ('9,2030,"Tỉ trọng",%,=>,50,,Bộ,\n', "Không đọc được tệp danh mục: phép so sánh “=>” không hợp lệ"),
        ('9,hai nghìn,"Tỉ trọng",%,>=,50,,Bộ,\n', "Không đọc được tệp danh mục: cột year phải là một năm"),
        ('9,2030,"Tỉ trọng",%,between,50,,Bộ,\n', "Không đọc được tệp danh mục: khoảng giá trị thiếu value_max"),
        ('99,2030,"Tỉ trọng",%,>=,50,,Bộ,\n', "Không đọc được tệp danh mục: mã “99” không có trong cats.csv"),
    ],
)
def test_a_bad_row_is_named_by_file_and_line(tmp_path, row, message):
    targets = tmp_path / "targets.csv"
    targets.write_text(HEADER + '8,2030,"TFP",%,>=,55,,Bộ,\n' + row, encoding="utf-8")
    categories = tmp_path / "cats.csv"
    categories.write_text("code,category,public\n8,A,0\n9,B,1\n", encoding="utf-8")
    with pytest.raises(CatalogFileError) as caught:
        read_national_targets(targets, categories)
    assert caught.value.message == message
    assert caught.value.location == "targets.csv, dòng 3"
