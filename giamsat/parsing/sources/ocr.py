"""Reading text out of pictures with Tesseract and its Vietnamese model.

Tesseract is a program, not a Python package: Debian's ``tesseract-ocr`` and
``tesseract-ocr-vie`` (``make`` installs them). When either is missing, the
user gets :class:`OcrUnavailable` naming the package to install.
"""

from __future__ import annotations

import warnings
from gettext import gettext as _
from io import BytesIO

from giamsat.parsing.errors import CorruptFile, EmptyDocument, OcrUnavailable, TooLarge
from giamsat.parsing.sources import IMAGE, Progress, Source
from giamsat.parsing.sources.text import tidy

LANGUAGE = "vie"
# Below this many pixels on the long side, text is too small for Tesseract: enlarge.
_MIN_LONG_SIDE = 1600


def check_ocr(name: str) -> None:
    """Raise OcrUnavailable unless Tesseract and its Vietnamese model are installed."""
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrUnavailable(
            _(
                "cần nhận dạng chữ (OCR) nhưng máy chưa cài Tesseract; hãy cài các gói Debian "
                "tesseract-ocr và tesseract-ocr-vie (apt-get install tesseract-ocr "
                "tesseract-ocr-vie, hoặc chạy make)"
            ),
            location=name,
        ) from exc
    if LANGUAGE not in languages:
        raise OcrUnavailable(
            _(
                "cần nhận dạng chữ (OCR) nhưng Tesseract chưa có dữ liệu tiếng Việt; hãy cài "
                "gói Debian tesseract-ocr-vie (apt-get install tesseract-ocr-vie, hoặc chạy make)"
            ),
            location=name,
        )


def ocr_image(image, name: str) -> str:
    """The text Tesseract reads in one PIL image."""
    import pytesseract
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image).convert("L")
    long_side = max(image.size)
    if 0 < long_side < _MIN_LONG_SIDE:
        scale = _MIN_LONG_SIDE / long_side
        image = image.resize(
            (round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS
        )
    try:
        return tidy(pytesseract.image_to_string(image, lang=LANGUAGE))
    except pytesseract.TesseractError as exc:
        raise CorruptFile(
            _("Tesseract không đọc được ảnh: {reason}").format(reason=exc.message.strip()),
            location=name,
        ) from exc


def ocr_warning(pages: int) -> str:
    return _(
        "Chữ được nhận dạng bằng OCR từ {pages} trang ảnh; chữ và số có thể sai, hãy đối chiếu "
        "với bản gốc."
    ).format(pages=pages)


def read_image(data: bytes, name: str, progress: Progress | None = None) -> Source:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    check_ocr(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(BytesIO(data))
            frames = [frame.copy() for frame in ImageSequence.Iterator(picture)]
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TooLarge(_("ảnh quá lớn (quá nhiều điểm ảnh)"), location=name) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise CorruptFile(
            _("ảnh bị hỏng hoặc không phải ảnh PNG, JPEG hay TIFF"), location=name
        ) from exc
    texts = []
    for done, frame in enumerate(frames, start=1):
        texts.append(ocr_image(frame, name))
        if progress:
            progress(done, len(frames))
    text = "\n".join(texts)
    if not text.strip():
        raise EmptyDocument(name, _("không nhận dạng được chữ nào trong ảnh"))
    return Source(text, [], IMAGE, [ocr_warning(len(frames))], ocr=True)
