"""Word files: paragraphs and tables in the order they stand in the document."""

import docx
import pytest

from giamsat.parsing.schema import Table
from giamsat.parsing.sources import read_source

HEADER = [
    "STT",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
]
ROWS = [
    ["1", "Xây dựng cơ sở dữ liệu dân cư của xã", "Công an xã", "Văn phòng HĐND và UBND xã",
     "Quý II/2025", "Cơ sở dữ liệu"],
    ["2", "Tập huấn kỹ năng số cho cán bộ", "Phòng Văn hóa - Xã hội", "Các ban, ngành",
     "Thường xuyên", "Lớp tập huấn"],
]  # fmt: skip


def build(path, rows=ROWS, merge_product=False):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("thực hiện Nghị quyết số 57-NQ/TW")
    document.add_paragraph("PHỤ LỤC: NHIỆM VỤ CỤ THỂ")
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    for column, title in enumerate(HEADER):
        table.cell(0, column).text = title
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            table.cell(number, column).text = value
    if merge_product:
        table.cell(1, 4).merge(table.cell(1, 5))
        table.cell(1, 4).text = "Quý II/2025"
    document.add_paragraph("Nơi nhận:\n- Như trên;")
    document.save(path)
    return path


def test_paragraphs_and_table_rows_in_document_order(tmp_path):
    source = read_source(build(tmp_path / "ke-hoach.docx"))

    assert source.text.split("\n") == [
        "KẾ HOẠCH",
        "thực hiện Nghị quyết số 57-NQ/TW",
        "PHỤ LỤC: NHIỆM VỤ CỤ THỂ",
        "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm",
        "1 | Xây dựng cơ sở dữ liệu dân cư của xã | Công an xã | Văn phòng HĐND và UBND xã | "
        "Quý II/2025 | Cơ sở dữ liệu",
        "2 | Tập huấn kỹ năng số cho cán bộ | Phòng Văn hóa - Xã hội | Các ban, ngành | "
        "Thường xuyên | Lớp tập huấn",
        "Nơi nhận:",
        "- Như trên;",
    ]
    assert source.tables == [Table(rows=[HEADER, *ROWS], line=4)]
    assert (source.kind, source.warnings, source.ocr) == ("docx", [], False)


def test_table_line_points_at_its_first_row(tmp_path):
    source = read_source(build(tmp_path / "ke-hoach.docx"))
    lines = source.text.split("\n")

    table = source.tables[0]
    for offset, row in enumerate(table.rows):
        assert lines[table.line - 1 + offset] == " | ".join(row)


def test_a_cell_spanning_columns_is_written_once_and_columns_stay_in_place(tmp_path):
    source = read_source(build(tmp_path / "ke-hoach.docx", merge_product=True))

    assert source.tables[0].rows[1] == [
        "1", "Xây dựng cơ sở dữ liệu dân cư của xã", "Công an xã", "Văn phòng HĐND và UBND xã",
        "Quý II/2025", "",
    ]  # fmt: skip


def test_cell_with_several_paragraphs_stays_on_one_line(tmp_path):
    rows = [["1", "Tuyên truyền\nNghị quyết 57", "Ban Tuyên giáo", "", "Năm 2025", ""]]
    source = read_source(build(tmp_path / "ke-hoach.docx", rows=rows))

    assert source.tables[0].rows[1][1] == "Tuyên truyền Nghị quyết 57"
    assert "1 | Tuyên truyền Nghị quyết 57 | Ban Tuyên giáo |  | Năm 2025 | " in source.text


def test_legacy_font_text_in_word_is_converted_cells_included(tmp_path):
    rows = [["1", "X©y dùng c¬ së d÷ liÖu", "C«ng an x·", "", "N¨m 2025", ""]]
    source = read_source(build(tmp_path / "ke-hoach.docx", rows=rows))

    assert source.tables[0].rows[1][1:3] == ["Xây dựng cơ sở dữ liệu", "Công an xã"]
    assert "1 | Xây dựng cơ sở dữ liệu | Công an xã |  | Năm 2025 | " in source.text
    assert source.warnings[0].startswith("Tệp được gõ bằng bảng mã cũ TCVN3")


@pytest.mark.parametrize("name", ["ke-hoach.docx", "ke-hoach.DOCX", "ke-hoach.txt"])
def test_word_content_is_read_whatever_the_name(tmp_path, name):
    path = build(tmp_path / "build.docx")
    target = tmp_path / name
    target.write_bytes(path.read_bytes())

    source = read_source(target)

    assert source.kind == "docx"
    assert source.tables[0].line == 4
    if name.endswith(".txt"):
        assert source.warnings == [
            "Tệp mang đuôi “.txt” nhưng nội dung là Word (.docx); đã đọc theo nội dung."
        ]
    else:
        assert source.warnings == []


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t>Hiện nay có 24.530/27.656 người dân có tài khoản</w:t>'
    '</w:r><w:r><w:t xml:space="preserve"> định danh điện tử, đạt 88,69%.</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def add_footnotes(path):
    """Give a python-docx document a footnotes part, as Word writes one."""
    import zipfile

    with zipfile.ZipFile(path) as original:
        parts = {item.filename: original.read(item.filename) for item in original.infolist()}
    parts["word/footnotes.xml"] = FOOTNOTES_XML.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w") as rebuilt:
        for name, data in parts.items():
            rebuilt.writestr(name, data)
    return path


def test_footnotes_follow_the_body_with_their_number(tmp_path):
    source = read_source(add_footnotes(build(tmp_path / "ke-hoach.docx")))

    assert source.text.split("\n")[-1] == (
        "1 Hiện nay có 24.530/27.656 người dân có tài khoản định danh điện tử, đạt 88,69%."
    )
    assert source.tables[0].line == 4


def test_automatic_numbers_and_bullets_are_written_out(tmp_path):
    document = docx.Document()
    document.add_paragraph("MỤC TIÊU", style="List Number")
    document.add_paragraph("Tuyên truyền sâu rộng", style="List Bullet")
    document.add_paragraph("NHIỆM VỤ", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for row in range(2):
        table.cell(row, 0).paragraphs[0].style = document.styles["List Number 3"]
    table.cell(0, 1).text = "Xây dựng cơ sở dữ liệu"
    table.cell(1, 1).text = "Tập huấn kỹ năng số"
    document.add_paragraph("TỔ CHỨC THỰC HIỆN", style="List Number")
    path = tmp_path / "ke-hoach.docx"
    document.save(path)

    source = read_source(path)

    assert source.text.split("\n") == [
        "1. MỤC TIÊU",
        "- Tuyên truyền sâu rộng",
        "2. NHIỆM VỤ",
        "1. | Xây dựng cơ sở dữ liệu",
        "2. | Tập huấn kỹ năng số",
        "3. TỔ CHỨC THỰC HIỆN",
    ]
    assert source.tables[0].rows == [
        ["1.", "Xây dựng cơ sở dữ liệu"],
        ["2.", "Tập huấn kỹ năng số"],
    ]


@pytest.mark.parametrize(
    ("number", "style", "label"),
    [(4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (1994, "upperRoman", "MCMXCIV"),
     (3, "lowerLetter", "c"), (28, "lowerLetter", "bb"), (2, "upperLetter", "B"),
     (7, "decimalZero", "07"), (12, "decimal", "12")],
)  # fmt: skip
def test_number_styles_print_as_word_prints_them(number, style, label):
    from giamsat.parsing.sources.numbering import _format

    assert _format(number, style) == label
