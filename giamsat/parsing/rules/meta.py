"""The document's own facts: title, number, date, place, issuer, level, references.

From the head of the document (the lines before its first numbered heading):

- number: "Số: 43/KH-MTTQ-BTT", "Số 15-KH/TU"; a number left blank ("Số -KH/ĐU",
  a plan printed before it was numbered) is "";
- date and place: "Kim Thành, ngày 12 tháng 9 năm 2025"; a blank day gives no date
  (the year still counts as the document's year);
- title: "KẾ HOẠCH" (or "KẾ HOẠCH HÀNH ĐỘNG", "CHƯƠNG TRÌNH HÀNH ĐỘNG") and the
  lines after it, up to a separator, a heading or the opening paragraph;
- issuer: the body that "xây dựng / ban hành kế hoạch" in the opening paragraph
  ("Ban Thường vụ Huyện ủy xây dựng kế hoạch"), else a body named in capitals in
  the head ("HUYỆN ỦY VĨNH THUẬN"), else the signature ("T/M BAN THƯỜNG VỤ");
- level: from the issuer's words (Trung ương, Bộ Chính trị, Chính phủ → national;
  Bộ → ministry; tỉnh, Tỉnh ủy → province; huyện, Huyện ủy → district; xã, phường,
  thị trấn → commune), else from how the text names its own area ("của xã",
  "toàn xã", "trên địa bàn huyện" ...).

References are every document number cited anywhere (57-NQ/TW, 03/NQ-CP,
193/2025/QH15, 01/BCDTW ...), with the date after it and the body after "của".
OCR breaks are mended: "57- NQ/TW", "57-NQ/TVV" (W read as VV), "số 5 7-NQ/TW".
The same number cited with different dates gives one reference per date; the
check that warns about it is in ``rules.checks``.
"""

from __future__ import annotations

import re
from collections import Counter

from giamsat.parsing.rules.blocks import CONTENT, HEADING, Block, Line
from giamsat.parsing.rules.dates import find_dates, make_date
from giamsat.parsing.rules.fold import fold, words
from giamsat.parsing.rules.units import body_at, clean_name
from giamsat.parsing.schema import DocumentMeta, Reference

_HEAD_LINES = 40
_NUMBER = re.compile(
    r"(?:^|\s{2,}|\*)\s*so\s*[:.]?\s*(?P<num>[0-9]{0,5})\s*"
    r"(?P<code>[-/]\s*[a-z][a-z0-9]*(?:\s*[-/]\s*[a-z0-9]+)*)"
)
# "Kim Thành, ngày 12 tháng 9 năm 2025": found from its ", ngày", the place read backwards
# (a pattern that tried every start of the place would be slow on long lines).
_DATE_LINE = re.compile(
    r",\s*ngay\b[\s.]*(?P<day>[0-9]{0,2})[\s.]*thang\s*(?P<month>[0-9]{1,2})\s*nam\s*"
    r"(?P<year>(?:19|20)[0-9]{2})"
)
_PLACE_LENGTH = 60
_UNFINISHED_HEAD_LINE = re.compile(r"(?:ngay|,|\bso\s*:?)\s*$")
_TITLE_WORD = re.compile(r"^(?:ke hoach|chuong trinh|de an)\b")
_TITLE_STOP = re.compile(r"^(?:thuc hien|can cu|trien khai|nham|de|tren co so|ban|thuong truc)\b")
_MAX_TITLE_LINES = 6
# "..., Ban Thường vụ Huyện ủy xây dựng kế hoạch": the issuer runs back from the verb
# to the clause's start.
_ISSUER_VERB = re.compile(
    r"(?:xay dung|ban hanh|trien khai xay dung)(?:\s+va\s+ban hanh)?\s+(?:ke hoach|chuong trinh|de an)\b"
)
_ISSUER_LENGTH = 140
_SIGNATURE = re.compile(r"^\W*(?:t/?m|tm|k/?t)\.?\s+(?P<body>.+)$")
_LEVEL_WORDS = (
    (
        "national",
        re.compile(r"\b(?:trung uong|bo chinh tri|ban bi thu|chinh phu|quoc hoi|thu tuong)\b"),
    ),
    ("province", re.compile(r"\b(?:tinh uy|thanh uy|tinh|ubnd tinh|hdnd tinh)\b")),
    ("district", re.compile(r"\b(?:huyen uy|quan uy|thi uy|huyen|quan|thi xa)\b")),
    ("commune", re.compile(r"\b(?:xa(?! hoi)|phuong|thi tran|dang uy xa)\b")),
    ("ministry", re.compile(r"^(?:ban can su dang |dang uy )?bo\s+(?!chinh tri)[a-z]")),
)
_AREA = re.compile(
    words("cua", "toan", "dia ban", "trong") + r"\s+(?P<area>xa|phuong|huyen|tinh)\b(?! hoi)"
)
_AREA_LEVEL = {"xa": "commune", "phuong": "commune", "huyen": "district", "tinh": "province"}

# Opens with a digit and looks behind it after (see numbers.numeral): "số 5 7-NQ/TW" is
# an OCR-split 57, read only after "số".
_REFERENCE = re.compile(
    r"(?P<num>[0-9](?<![\w/.,-][0-9])(?:(?<=số [0-9]) [0-9]|[0-9]{0,3}))(?P<year>/(?:19|20)[0-9]{2})?"
    r"\s?(?P<sep>[-/])\s?(?P<code>[A-ZĐ][A-Za-zĐđ0-9]{0,11})"
    r"(?P<rest>(?:\s?[-/]\s?[A-ZĐ0-9][A-Za-zĐđ0-9]{0,14})*)(?![\w])"
)
_REFERENCE_DATE_GAP = re.compile(r"^[\s,]*(?:[a-z]{1,3}\s+)?(?:ngay\s*)?$")
_DOCUMENT_KIND = (
    r"(?:nghi quyet|quyet dinh|chi thi|ket luan|ke hoach|chuong trinh|thong tu|nghi dinh"
    r"|cong van|de an)"
)
_REFERENCE_ISSUER = re.compile(
    r"^[\s,]*cua\s+(?P<issuer>.{2,80}?)(?=\s+(?:ve|thuc hien|ban hanh|trien khai|tai|nham|de"
    r"|phe duyet|quy dinh|huong dan|thanh (?:cac|mot|nhung)|tren dia ban|va "
    + _DOCUMENT_KIND
    + r")\b"
    r"|\s*[,;.(:\"]|$)"
)
# Between two references that share the "của ..." after the second: "Nghị quyết số
# 03/NQ-CP ngày 09/01/2025, Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ".
_SHARED_ISSUER_GAP = re.compile(r"^[\s,]*(?:va\s+)?(?:" + _DOCUMENT_KIND + r"\s*)?(?:so\s*)?$")


def read_meta(lines: list[Line], blocks: list[Block]) -> tuple[DocumentMeta, int | None]:
    """The document's facts, and the year it was signed (even when its day is blank)."""
    head = _head_lines(lines, blocks)
    meta = DocumentMeta()
    title_line = _title_line(head)
    meta.title = _title(head, title_line) if title_line is not None else ""
    before_title = head[:title_line] if title_line is not None else head
    meta.number = _number(before_title or head)
    meta.place, meta.date, year = _place_date(head)
    meta.issuer = _issuer(blocks, head, lines)
    meta.level = _level(meta.issuer, lines)  # type: ignore[assignment]
    meta.references = _references(blocks, meta.number)
    return meta, year


def _head_lines(lines: list[Line], blocks: list[Block]) -> list[Line]:
    first_heading = next(
        (
            block.line
            for block in blocks
            if block.kind == HEADING and block.heading and block.heading.number
        ),
        None,
    )
    limit = min(_HEAD_LINES, first_heading - 1) if first_heading else _HEAD_LINES
    return [line for line in lines[:limit] if line.kind == CONTENT]


def _stripped_folded(line: Line) -> str:
    return line.folded.strip(" *#_")


def _title_line(head: list[Line]) -> int | None:
    for index, line in enumerate(head):
        raw = line.stripped.strip(" *#_")
        if _TITLE_WORD.match(_stripped_folded(line)) and raw[:2].isupper():
            return index
    return None


def _title(head: list[Line], index: int) -> str:
    parts = [head[index].stripped.strip(" *#_")]
    previous = head[index]
    for line in head[index + 1 : index + _MAX_TITLE_LINES]:
        if line.number - previous.number > 3:
            break
        text = line.stripped.strip(" *#_")
        folded = _stripped_folded(line)
        if not text or set(text) <= set("-_=*. ") or text.endswith(":"):
            break  # a separator, or the preamble's "... như sau:"
        first_line = len(parts) == 1
        if not first_line and (
            len(text) > 200 or (text[0].isupper() and _TITLE_STOP.match(folded))
        ):
            break
        if not first_line and text[0].isupper() and parts[-1][-1:] in ".;:":
            break
        parts.append(text)
        previous = line
    return " ".join(" ".join(parts).split())


def _number(head: list[Line]) -> str:
    for raw, folded in _head_texts(head):
        match = _NUMBER.search(folded)
        if not match:
            continue
        if not match.group("num"):
            return ""
        return re.sub(r"\s+", "", raw[match.start("num") : match.end("code")])
    return ""


def _place_date(head: list[Line]) -> tuple[str, str | None, int | None]:
    """ "Kim Thành, ngày 12 tháng 9 năm 2025", on one line or broken over two."""
    for raw, folded in _head_texts(head):
        found = _read_place_date(raw, folded)
        if found is not None:
            return found
    return "", None, None


def _head_texts(head: list[Line]) -> list[tuple[str, str]]:
    """Each head line, as (raw, folded), with its neighbours joined where a web page or a
    narrow column broke it: "Hà" + "Nội, ngày 15 …", "Bình Minh, ngày" + "06 tháng 6 …",
    "Số:" + "27/QĐ-UBND". A line joined to the one before comes before it alone."""
    lines = [line for line in head if line.index is None]
    texts: list[tuple[str, str]] = []
    for position, line in enumerate(lines):
        previous = lines[position - 1] if position else None
        following = lines[position + 1] if position + 1 < len(lines) else None
        if previous is not None and line.number - previous.number <= 2 and _is_fragment(previous):
            texts.append(_join(previous, line))
        texts.append((line.raw, line.folded))
        if (
            following is not None
            and following.number - line.number <= 2
            and _UNFINISHED_HEAD_LINE.search(line.folded)
        ):
            texts.append(_join(line, following))
    return texts


def _is_fragment(line: Line) -> bool:
    """A word or two cut from the next line: "Hà", "Thừa Thiên"."""
    text = line.stripped
    return (
        len(text) <= 20
        and text[:1].isupper()
        and all(char.isalpha() or char == " " for char in text)
    )


def _join(first: Line, second: Line) -> tuple[str, str]:
    return (
        first.raw.rstrip() + " " + second.raw.strip(),
        first.folded.rstrip() + " " + second.folded.strip(),
    )


def _read_place_date(raw: str, folded: str) -> tuple[str, str | None, int] | None:
    match = _DATE_LINE.search(folded)
    if not match:
        return None
    end = match.start()
    start = max(0, end - _PLACE_LENGTH - 1)
    for position in range(end - 1, start - 1, -1):
        if folded[position] == "," or folded[position].isdigit():
            start = position + 1
            break
    while start < end and not folded[start].isalpha():
        start += 1
    if start >= end:
        return None
    place = re.split(r"\s{2,}|\|", raw[start:end].strip(" *_"))[-1].strip(" *_,")
    year, month = int(match.group("year")), int(match.group("month"))
    day = int(match.group("day")) if match.group("day") else None
    return place, make_date(year, month, day) if day else None, year


def _issuer(blocks: list[Block], head: list[Line], lines: list[Line]) -> str:
    found = ""
    for block in blocks:
        if block.kind == HEADING and block.heading and block.heading.number:
            break
        folded = block.folded
        for match in _ISSUER_VERB.finditer(folded):
            end = match.start()
            if end == 0 or folded[end - 1] != " ":
                continue
            floor = max(0, end - _ISSUER_LENGTH)
            start = max(folded.rfind(mark, floor, end) for mark in ",;()") + 1
            if start == 0 and floor > 0:
                continue  # no clause start close enough: not a name
            while start < end and folded[start] == " ":
                start += 1
            if end - start >= 3 and body_at(folded, block.aligned_text, start) is not None:
                found = clean_name(block.source(start, end))
    if found:
        return found
    for line in head:
        text = line.stripped.strip(" *#_")
        letters = [char for char in text if char.isalpha()]
        if letters and not any(char.islower() for char in letters):
            folded = _stripped_folded(line)
            if not folded.startswith(("dang cong san", "cong hoa", "ke hoach", "chuong trinh")):
                body = body_at(folded, text)
                if body is not None:
                    return clean_name(text[body.start : body.end])
    for line in reversed(lines):
        match = _SIGNATURE.match(_stripped_folded(line)) if line.kind == CONTENT else None
        if match:
            text = line.stripped.strip(" *#_")
            return clean_name(text[line.raw_col(match.start("body")) - line.start :]).capitalize()
    return ""


def _level(issuer: str, lines: list[Line]) -> str:
    folded = fold(issuer)
    best = None
    for level, pattern in _LEVEL_WORDS:
        match = pattern.search(folded)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), level)
    if best is not None:
        return best[1]
    counts: Counter[str] = Counter()
    for line in lines:
        for match in _AREA.finditer(line.folded):
            counts[_AREA_LEVEL[match.group("area")]] += 1
    if counts:
        return counts.most_common(1)[0][0]
    return "other"


def _references(blocks: list[Block], own_number: str) -> list[Reference]:
    occurrences: dict[str, list[tuple[str | None, str, int]]] = {}
    for block in blocks:
        text = block.aligned_text
        matches = list(_REFERENCE.finditer(text))
        cited: list[list] = []  # number, date, issuer, line, shares the next one's issuer
        for position, match in enumerate(matches):
            limit = matches[position + 1].start() if position + 1 < len(matches) else len(text)
            date, after = _reference_date(block.folded, match.end(), min(limit, match.end() + 60))
            issuer = _reference_issuer(block, after, limit)
            shares = not issuer and bool(_SHARED_ISSUER_GAP.match(block.folded[after:limit]))
            cited.append([_normalise(match), date, issuer, block.line_at(match.start()), shares])
        for position in range(len(cited) - 2, -1, -1):
            if cited[position][4]:
                cited[position][2] = cited[position + 1][2]
        for number, date, issuer, line, _ in cited:
            if number and number != own_number:
                occurrences.setdefault(number, []).append((date, issuer, line))
    references = []
    for number, cited in occurrences.items():
        issuer = next((issuer for _, issuer, _ in cited if issuer), "")
        dates = []
        for date, _, line in cited:
            if date and date not in [d for d, _ in dates]:
                dates.append((date, line))
        if not dates:
            references.append(Reference(number, None, issuer, cited[0][2]))
        for date, line in dates:
            references.append(Reference(number, date, issuer, line))
    return references


def _normalise(match: re.Match[str]) -> str:
    code = match.group("code") + re.sub(r"\s+", "", match.group("rest"))
    code = code.replace("VV", "W")
    number = match.group("num").replace(" ", "") + (match.group("year") or "")
    return number + match.group("sep") + code


def _reference_date(folded: str, start: int, end: int) -> tuple[str | None, int]:
    tail = folded[start:end]
    for span in find_dates(tail):
        if span.precision != "day":
            continue
        if _REFERENCE_DATE_GAP.match(tail[: span.start]):
            return span.iso, start + span.end
        break
    return None, start


def _reference_issuer(block: Block, start: int, limit: int) -> str:
    match = _REFERENCE_ISSUER.match(block.folded[start : min(limit, start + 100)])
    if not match:
        return ""
    return clean_name(block.source(start + match.start("issuer"), start + match.end("issuer")))
