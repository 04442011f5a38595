"""Files a user may upload by mistake, each with the message it must get.

Shared by test_sources_errors.py (the exception) and test_cli.py (the one line
on stderr). Each builder writes its file under ``folder`` and returns the path.
"""

from __future__ import annotations

import random
import zipfile
from io import BytesIO
from pathlib import Path

from giamsat.parsing import errors
from giamsat.parsing.tests.pdfmaker import text_pdf


def missing(folder: Path) -> Path:
    return folder / "khong-co.txt"


def empty(folder: Path) -> Path:
    path = folder / "rong.txt"
    path.write_bytes(b"")
    return path


def blank(folder: Path) -> Path:
    path = folder / "trang.txt"
    path.write_bytes(b" \r\n\t\n  \n")
    return path


def binary(folder: Path) -> Path:
    path = folder / "nhi-phan.txt"
    path.write_bytes(random.Random(57).randbytes(8192))  # noqa: S311 - test data
    return path


def huge(folder: Path) -> Path:
    path = folder / "lon.txt"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # 50 MB without writing them: sparse
    return path


def unknown_extension(folder: Path) -> Path:
    path = folder / "ke-hoach.xyz"
    path.write_text("Kế hoạch thực hiện Nghị quyết 57-NQ/TW", encoding="utf-8")
    return path


def old_word(folder: Path) -> Path:
    path = folder / "ke-hoach.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return path


def corrupt_docx(folder: Path) -> Path:
    path = folder / "hong.docx"
    path.write_text("Đây không phải tệp Word", encoding="utf-8")
    return path


def truncated_docx(folder: Path) -> Path:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>" * 200)
    path = folder / "cut.docx"
    path.write_bytes(buffer.getvalue()[:100])
    return path


def encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(text_pdf([["Kế hoạch"]]))))
    writer.encrypt(user_password="mat-khau", algorithm="AES-128")  # noqa: S106 - test data
    path = folder / "khoa.pdf"
    writer.write(path)
    return path


def corrupt_pdf(folder: Path) -> Path:
    path = folder / "hong.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(4).randbytes(2048))  # noqa: S311 - test data
    return path


def not_a_pdf(folder: Path) -> Path:
    path = folder / "gia.pdf"
    path.write_text("Kế hoạch", encoding="utf-8")
    return path


def corrupt_image(folder: Path) -> Path:
    path = folder / "anh.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return path


def unreadable_accents(folder: Path) -> Path:
    # 8-bit text whose accented letters read as no Vietnamese (a VISCII or VPS file, say).
    path = folder / "viscii.txt"
    path.write_bytes(("Ñæø Ðåþ ÿöå Äëï " * 12).encode("latin-1"))
    return path


LIMIT = "biến môi trường GIAMSAT_PARSE_MAX_BYTES đặt giới hạn khác"
SUPPORTED = ".docx, .pdf, .txt, .md, .png, .jpg, .jpeg, .tif, .tiff"

# builder, exception, file name in the message, message
CASES = [
    (missing, errors.FileMissing, "khong-co.txt", "không tìm thấy tệp"),
    (empty, errors.EmptyDocument, "rong.txt", "tệp rỗng (0 byte)"),
    (blank, errors.EmptyDocument, "trang.txt", "tệp không có chữ nào để đọc"),
    (
        binary,
        errors.CorruptFile,
        "nhi-phan.txt",
        "nội dung tệp không phải là văn bản (có thể là tệp nhị phân mang đuôi .txt)",
    ),
    (huge, errors.TooLarge, "lon.txt", f"tệp quá lớn (50 MB), giới hạn là 20 MB; {LIMIT}"),
    (
        unknown_extension,
        errors.UnsupportedFormat,
        "ke-hoach.xyz",
        f"định dạng “.xyz” chưa được hỗ trợ; hãy dùng {SUPPORTED}",
    ),
    (
        old_word,
        errors.UnsupportedFormat,
        "ke-hoach.doc",
        "tệp Office cũ (.doc, .xls) chưa được hỗ trợ; hãy mở bằng Word và lưu lại thành .docx "
        "hoặc PDF",
    ),
    (corrupt_docx, errors.CorruptFile, "hong.docx", "tệp .docx bị hỏng hoặc không phải tệp Word"),
    (truncated_docx, errors.CorruptFile, "cut.docx", "tệp .docx bị hỏng hoặc không phải tệp Word"),
    (
        encrypted_pdf,
        errors.EncryptedPdf,
        "khoa.pdf",
        "tệp PDF được khóa bằng mật khẩu; hãy mở khóa (hoặc in lại ra PDF không mật khẩu) rồi "
        "tải lên lại",
    ),
    (corrupt_pdf, errors.CorruptFile, "hong.pdf", "tệp PDF bị hỏng, không đọc được"),
    (not_a_pdf, errors.CorruptFile, "gia.pdf", "tệp .pdf bị hỏng hoặc không phải tệp PDF"),
    (
        corrupt_image,
        errors.CorruptFile,
        "anh.png",
        "ảnh bị hỏng hoặc không phải ảnh PNG, JPEG hay TIFF",
    ),
    (
        unreadable_accents,
        errors.LegacyEncoding,
        "viscii.txt",
        "chữ có dấu trong tệp không đọc được thành tiếng Việt: tệp có thể dùng một bảng mã cũ "
        "khác TCVN3 và VNI (VISCII, VPS, …); hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển "
        "mã của Unikey) rồi tải lên lại",
    ),
]
IDS = [case[0].__name__ for case in CASES]
