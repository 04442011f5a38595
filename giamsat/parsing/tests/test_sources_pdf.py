"""PDF files with a text layer, scanned PDFs and images through Tesseract."""

import shutil
from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter

from giamsat.parsing.errors import OcrUnavailable
from giamsat.parsing.schema import Table
from giamsat.parsing.sources import read_source
from giamsat.parsing.tests.pdfmaker import scanned_pdf, text_image, text_pdf

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract is not installed (Debian packages tesseract-ocr, tesseract-ocr-vie)",
)

PAGE_ONE = ["KẾ HOẠCH", "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024", "I. MỤC TIÊU"]
PAGE_TWO = ["Đến năm 2030, tỷ lệ người dân có tài khoản định danh điện tử đạt ≥ 80%."]
SCANNED = ["KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT", "Đến năm 2030, tỷ lệ người dân đạt 80%"]
OCR_WARNING = (
    "Chữ được nhận dạng bằng OCR từ {pages} trang ảnh; chữ và số có thể sai, hãy đối chiếu "
    "với bản gốc."
)


def test_text_layer_is_read_page_by_page(tmp_path):
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(text_pdf([PAGE_ONE, PAGE_TWO]))
    progress = []

    source = read_source(path, progress=lambda done, total: progress.append((done, total)))

    assert source.text.split("\n") == PAGE_ONE + PAGE_TWO
    assert (source.kind, source.ocr, source.warnings) == ("pdf", False, [])
    assert progress == [(1, 2), (2, 2)]


TASKS = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
    ["1", "Xây dựng cơ sở dữ liệu", "Công an xã", "Quý II/2025"],
    ["2", "Tập huấn kỹ năng số", "Văn phòng", "Thường xuyên"],
]


def test_a_ruled_table_becomes_one_line_per_row_in_its_place(tmp_path):
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(text_pdf([["II. NHIỆM VỤ", TASKS, "III. TỔ CHỨC THỰC HIỆN"], PAGE_TWO]))

    source = read_source(path)

    assert source.text.split("\n") == [
        "II. NHIỆM VỤ",
        "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành",
        "1 | Xây dựng cơ sở dữ liệu | Công an xã | Quý II/2025",
        "2 | Tập huấn kỹ năng số | Văn phòng | Thường xuyên",
        "III. TỔ CHỨC THỰC HIỆN",
        *PAGE_TWO,
    ]
    assert source.tables == [Table(rows=TASKS, line=2)]


def test_pdf_with_only_an_owner_password_opens(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(BytesIO(text_pdf([PAGE_ONE]))))
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="AES-128")  # noqa: S106
    path = tmp_path / "ke-hoach.pdf"
    writer.write(path)

    assert read_source(path).text.split("\n") == PAGE_ONE


@needs_tesseract
def test_scanned_pages_are_read_by_ocr_with_progress(tmp_path):
    path = tmp_path / "ban-scan.pdf"
    path.write_bytes(scanned_pdf([text_image(SCANNED)]))
    progress = []

    source = read_source(path, progress=lambda done, total: progress.append((done, total)))

    assert "Đến năm 2030, tỷ lệ người dân đạt 80%" in source.text.split("\n")
    assert "NGHỊ QUYẾT" in source.text
    assert source.ocr is True
    assert source.warnings == [OCR_WARNING.format(pages=1)]
    assert progress == [(1, 1)]


@needs_tesseract
def test_only_pages_without_text_are_ocred(tmp_path):
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(text_pdf([PAGE_ONE]))))
    writer.append(PdfReader(BytesIO(scanned_pdf([text_image(SCANNED)]))))
    path = tmp_path / "ke-hoach.pdf"
    writer.write(path)

    source = read_source(path)

    lines = source.text.split("\n")
    assert lines[:3] == PAGE_ONE
    assert "Đến năm 2030, tỷ lệ người dân đạt 80%" in lines[3:]
    assert source.warnings == [OCR_WARNING.format(pages=1)]


@needs_tesseract
@pytest.mark.parametrize("extension", ["png", "jpeg", "tiff"])
def test_images_are_read_by_ocr(tmp_path, extension):
    path = tmp_path / f"anh.{extension}"
    text_image(SCANNED).save(path)

    source = read_source(path)

    assert "Đến năm 2030, tỷ lệ người dân đạt 80%" in source.text.split("\n")
    assert (source.kind, source.ocr) == ("image", True)


@needs_tesseract
def test_every_page_of_a_tiff_is_read(tmp_path):
    path = tmp_path / "anh.tif"
    first, second = text_image(["Trang một: chuyển đổi số"]), text_image(SCANNED)
    first.save(path, save_all=True, append_images=[second])
    progress = []

    source = read_source(path, progress=lambda done, total: progress.append((done, total)))

    assert "Trang một: chuyển đổi số" in source.text
    assert "Đến năm 2030, tỷ lệ người dân đạt 80%" in source.text
    assert progress == [(1, 2), (2, 2)]
    assert source.warnings == [OCR_WARNING.format(pages=2)]


def without_tesseract(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")


MISSING_TESSERACT = (
    "cần nhận dạng chữ (OCR) nhưng máy chưa cài Tesseract; hãy cài các gói Debian tesseract-ocr "
    "và tesseract-ocr-vie (apt-get install tesseract-ocr tesseract-ocr-vie, hoặc chạy make)"
)


def test_image_without_tesseract_says_what_to_install(tmp_path, monkeypatch):
    without_tesseract(monkeypatch)
    path = tmp_path / "anh.png"
    text_image(SCANNED).save(path)

    with pytest.raises(OcrUnavailable) as raised:
        read_source(path)

    assert raised.value.message == MISSING_TESSERACT
    assert raised.value.location == "anh.png"


def test_scanned_pdf_without_tesseract_says_what_to_install(tmp_path, monkeypatch):
    without_tesseract(monkeypatch)
    path = tmp_path / "ban-scan.pdf"
    path.write_bytes(scanned_pdf([text_image(SCANNED)]))

    with pytest.raises(OcrUnavailable) as raised:
        read_source(path)

    assert raised.value.message == MISSING_TESSERACT


def test_a_scanned_page_without_tesseract_is_a_warning_when_others_have_text(tmp_path, monkeypatch):
    without_tesseract(monkeypatch)
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(text_pdf([PAGE_ONE]))))
    writer.append(PdfReader(BytesIO(scanned_pdf([text_image(SCANNED)]))))
    path = tmp_path / "ke-hoach.pdf"
    writer.write(path)

    source = read_source(path)

    assert source.text.split("\n")[:3] == PAGE_ONE
    assert source.warnings == [
        "Trang 2 là ảnh quét nhưng máy chưa cài được OCR nên bị bỏ qua: " + MISSING_TESSERACT
    ]


@needs_tesseract
def test_tesseract_without_vietnamese_says_which_package(tmp_path, monkeypatch):
    empty = tmp_path / "tessdata"
    empty.mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(empty))
    path = tmp_path / "anh.png"
    text_image(SCANNED).save(path)

    with pytest.raises(OcrUnavailable) as raised:
        read_source(path)

    assert raised.value.message == (
        "cần nhận dạng chữ (OCR) nhưng Tesseract chưa có dữ liệu tiếng Việt; hãy cài gói Debian "
        "tesseract-ocr-vie (apt-get install tesseract-ocr-vie, hoặc chạy make)"
    )
