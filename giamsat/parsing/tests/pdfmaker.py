"""Write small PDFs for the tests, with no PDF library.

:func:`text_pdf` lays out lines of Vietnamese text in DejaVu Sans, embedded as a
TrueType CID font with a ToUnicode map, the way word processors export: so the
PDF has a real text layer and renders correctly. :func:`scanned_pdf` wraps
images (Pillow renders them) into a PDF with no text layer, like a scanner.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
FONT_SIZE, LEADING, MARGIN = 12, 18, 56


def _tables(font: bytes) -> dict[bytes, bytes]:
    count = struct.unpack(">H", font[4:6])[0]
    tables = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", font[12 + 16 * index : 28 + 16 * index])
        tables[tag] = font[offset : offset + length]
    return tables


def _glyph_ids(cmap: bytes) -> dict[int, int]:
    """Character -> glyph from the Windows Unicode BMP subtable (format 4)."""
    count = struct.unpack(">H", cmap[2:4])[0]
    for index in range(count):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * index : 12 + 8 * index])
        if (platform, encoding) == (3, 1):
            break
    table = cmap[offset:]
    segments = struct.unpack(">H", table[6:8])[0] // 2

    def array(start: int) -> tuple[int, ...]:
        return struct.unpack(f">{segments}H", table[start : start + 2 * segments])

    ends = array(14)
    starts = array(16 + 2 * segments)
    deltas = array(16 + 4 * segments)
    range_offsets_at = 16 + 6 * segments
    range_offsets = array(range_offsets_at)
    glyphs = {}
    for segment in range(segments):
        for char in range(starts[segment], ends[segment] + 1):
            if char == 0xFFFF:
                continue
            if range_offsets[segment] == 0:
                glyph = (char + deltas[segment]) & 0xFFFF
            else:
                at = (
                    range_offsets_at + 2 * segment + range_offsets[segment]
                    + 2 * (char - starts[segment])
                )  # fmt: skip
                glyph = struct.unpack(">H", table[at : at + 2])[0]
                if glyph:
                    glyph = (glyph + deltas[segment]) & 0xFFFF
            if glyph:
                glyphs[char] = glyph
    return glyphs


def _widths(tables: dict[bytes, bytes]) -> tuple[list[int], int]:
    units = struct.unpack(">H", tables[b"head"][18:20])[0]
    metrics = struct.unpack(">H", tables[b"hhea"][34:36])[0]
    advances = [
        struct.unpack(">H", tables[b"hmtx"][4 * index : 4 * index + 2])[0]
        for index in range(metrics)
    ]
    return advances, units


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra) + (
        packed + b"\nendstream"
    )


def text_pdf(pages: list[list[str | list[list[str]]]]) -> bytes:
    """A PDF whose pages hold these lines of text, with a Unicode text layer.

    An item that is a list of rows is drawn as a ruled table, one cell per string.
    """
    font = FONT.read_bytes()
    tables = _tables(font)
    glyphs = _glyph_ids(tables[b"cmap"])
    advances, units = _widths(tables)
    used: dict[int, str] = {}

    def show(text: str, x: float, y: float, size: int) -> bytes:
        ids = [glyphs.get(ord(char), 0) for char in text]
        used.update(zip(ids, text, strict=True))
        hexa = "".join(f"{gid:04X}" for gid in ids).encode()
        return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm <%s> Tj ET" % (size, x, y, hexa)

    contents = []
    for items in pages:
        ops, y = [], PAGE_HEIGHT - MARGIN
        for item in items:
            if isinstance(item, str):
                ops.append(show(item, MARGIN, y, FONT_SIZE))
                y -= LEADING
                continue
            width = (PAGE_WIDTH - 2 * MARGIN) / len(item[0])
            height = LEADING * 1.5
            for row in item:
                for column, cell in enumerate(row):
                    x = MARGIN + column * width
                    ops.append(b"%.1f %.1f %.1f %.1f re S" % (x, y - height + 12, width, height))
                    ops.append(show(cell, x + 3, y - LEADING / 2, 8))
                y -= height
            y -= LEADING
        contents.append(b"\n".join(ops))

    def width(gid: int) -> int:
        return round(advances[min(gid, len(advances) - 1)] * 1000 / units)

    widths = b" ".join(b"%d [%d]" % (gid, width(gid)) for gid in sorted(used))
    cmap = "\n".join(
        [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            f"{len(used)} beginbfchar",
            *(f"<{gid:04X}> <{ord(char):04X}>" for gid, char in sorted(used.items())),
            "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    ).encode()
    count = len(pages)
    first_page = 8
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * index) for index in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 6 0 R /DW 600 /W [%s] >>" % widths,
        _stream(cmap),
        b"<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [-1021 -463 1793 "
        b"1232] /ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 "
        b"/FontFile2 7 0 R >>",
        _stream(font, b"/Length1 %d " % len(font)),
    ]
    for index, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, first_page + 2 * index + 1)
        )
        objects.append(_stream(content))
    return _pdf(objects)


def text_image(lines: list[str], size: int = 40):
    """A white page with these lines in black DejaVu Sans, as a scanner would see it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), size)
    width = max(int(font.getlength(line)) for line in lines) + 2 * size
    image = Image.new("L", (width, (len(lines) + 1) * int(size * 1.6)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((size, size // 2 + index * int(size * 1.6)), line, font=font, fill=0)
    return image


def scanned_pdf(images) -> bytes:
    """A PDF of these images only, as a scanner makes: no text layer."""
    from io import BytesIO

    out = BytesIO()
    first, *rest = [image.convert("RGB") for image in images]
    first.save(out, "PDF", resolution=200, save_all=True, append_images=rest)
    return out.getvalue()
