"""Bodies named in a plan: "Ban Tuyên giáo và Dân vận Huyện ủy", "UBND huyện" ...

:func:`body_at` reads the body a text starts with and says where its name ends:

- the text may open with "Trách nhiệm của", "Đối với", "Giao", "Đề nghị";
- the name must start with a body word (Ban, Ủy ban, UBND, HĐND, Mặt trận,
  Văn phòng, Sở, Phòng, Chi bộ, Đảng ủy, Thường trực, các cấp ủy, các tổ chức ...);
- it runs, across commas and "và", up to the first verb ("xây dựng", "chủ trì",
  "tham mưu", "có trách nhiệm" ...), a colon, or the end.

A verb written with a capital inside a name is part of the name ("Ủy ban Kiểm
tra", "Ban Chỉ đạo"), as are the usual names that hold a verb in lower case
("Ban xây dựng Đảng", "Ủy ban kiểm tra"). "tổ chức" after "các" or before
"đảng" is a noun, otherwise a verb ("các khối tổ chức tuyên truyền").

Letters an OCR spaced apart ("ủ y  ban", "T ổ  chức") are joined again in names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from giamsat.parsing.rules.blocks import Block
from giamsat.parsing.rules.fold import words
from giamsat.parsing.schema import UnitDuty

_PREFIX = re.compile(
    # matched at a position, so no "^": a "^" only matches at the string's very start
    r"\W*(?:(?:trach nhiem|nhiem vu)(?: cu the)?\s+cua|doi voi|giao cho|giao|de nghi|yeu cau"
    r"|(?:hang nam|hang quy|hang thang|dinh ky|thuong xuyen)\s*,)\s+"
)
# Words that always open a body's name.
_HEAD = re.compile(
    r"(?:cac\s+)?(?:"
    r"u ?y\s+ban|ubnd|hdnd|ubmttq|mttq|ubkt|mat tran|hoi dong|van phong|chi bo|chi uy"
    r"|dang uy|dang bo|huyen uy|tinh uy|thanh uy|thi uy|quan uy|xa uy|cap uy|thuong truc|thuong vu"
    r"|co quan|to chuc (?=dang|co so|chinh tri|thanh vien|doan|hoi|xa hoi)|to cong nghe|cong an"
    r"|bo chi huy|lien doan|cong doan|tinh doan|huyen doan|doan thanh nien|doan the|dong chi"
    r"|chuyen vien|nguoi dung dau|ban(?! hanh)|chi(?=\s*,)|chi(?= dang)|btv|btt|bch"
    r")\b"
)
# Words that open a body's name only as a proper name: "Sở Tài chính", "Bộ Công an",
# not "số liệu", "bố trí", "phòng chống", "hội nghị".
_PROPER_HEAD = re.compile(
    r"(?:cac\s+)?(?:so|bo|phong|hoi|doan|cuc|chi cuc|trung tam|ngan hang|kho bac|quan su|truong|vien)"
    r"\b\s*"
)
_COMPOUNDS = tuple(
    sorted(
        (
            "uy ban kiem tra",
            "ban kiem tra",
            "ban to chuc",
            "ban tuyen giao va dan van",
            "ban tuyen giao",
            "ban dan van",
            "ban chi dao",
            "ban xay dung dang",
            "ban noi chinh",
            "ban thuong vu",
            "ban thuong truc",
            "ban cong tac mat tran",
            "ban quan ly",
            "to giup viec",
            "doan kiem tra",
            "hoi dong tu van",
            "uy ban nhan dan",
            "hoi dong nhan dan",
            "uy ban mat tran to quoc",
            "mat tran to quoc",
            "van phong",
            "cac to chuc",
            "ban chap hanh",
            "to cong nghe so cong dong",
            "ban tuyen giao va dan van",
        ),
        key=len,
        reverse=True,
    )
)
_VERBS = (
    "xay dung",
    "to chuc",
    "chu tri",
    "phoi hop",
    "tham muu",
    "chi dao",
    "lanh dao",
    "tang cuong",
    "trien khai",
    "can cu",
    "thuc hien",
    "huong dan",
    "theo doi",
    "kiem tra",
    "giam sat",
    "tuyen truyen",
    "ban hanh",
    "bo tri",
    "nghien cuu",
    "ra soat",
    "de xuat",
    "de nghi",
    "pho bien",
    "quan triet",
    "chiu trach nhiem",
    "co trach nhiem",
    "co nhiem vu",
    "day manh",
    "phat huy",
    "tiep tuc",
    "cu the hoa",
    "van dong",
    "bao cao",
    "tong hop",
    "dam bao",
    "bao dam",
    "uu tien",
    "hoan thanh",
    "phat dong",
    "giup",
    "quan ly",
    "cung cap",
    "nang cao",
    "phan cong",
    "xem xet",
    "danh gia",
    "so ket",
    "tong ket",
    "khan truong",
    "chu dong",
    "kip thoi",
    "dinh ky",
    "hang nam",
    "hang thang",
    "hang quy",
    "thuong xuyen",
    "truc tiep",
    "can",
    "phai",
    "duoc giao",
    "la co quan",
    "la",
    "cap nhat",
    "ho tro",
    "khuyen khich",
    "thuc day",
    "dua",
    "gui",
    "ky",
    "dieu chinh",
    "bo sung",
    "kien toan",
    "thanh lap",
    "hoan thien",
    "phe duyet",
    "lap",
    "tao",
    "trinh",
    "tiep nhan",
    "tap trung",
    "huy dong",
    "nam bat",
    "phat hien",
    "xu ly",
    "lam",
    "phu song",
    "ket noi",
    "van hanh",
    "dao tao",
    "boi duong",
    "tap huan",
    "mo rong",
    "nang cap",
    "ung dung",
    "so hoa",
    "dam nhan",
    "thuc thi",
)


def _phrase_pattern(phrase: str) -> str:
    # "uy" may come OCR-spaced ("ủ y  ban"); words may be split by several spaces.
    return r"\s+".join("u ?y" if word == "uy" else word for word in phrase.split())


_VERB_RE = re.compile(r"(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")\b")
_COMPOUND_RE = re.compile(r"(?:" + "|".join(_phrase_pattern(p) for p in _COMPOUNDS) + r")\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*|[^\sa-z0-9]")
_NAME_END = frozenset(":;.()[]")
_MAX_TOKENS = 40
_LIST_MARK = re.compile(r"[,;]|" + words("va") + r"\s+")
_LIST_PUNCTUATION = re.compile(r"[,;]")
_NAME_WORDS_TO_SPLIT = 3
_SPACED_LETTERS = re.compile(r"(?<!\w)(\w)\s+(?=\w(?!\w))")


@dataclass(frozen=True)
class BodyName:
    start: int  # in the folded text
    end: int
    verb: int | None  # where the duty's verb starts, when one was found


def body_at(folded: str, raw: str, start: int = 0, *, any_head: bool = False) -> BodyName | None:
    """The body named at ``start`` of a text, read from its folded and raw forms.

    With ``any_head``, the name may open with any word ("các doanh nghiệp viễn
    thông"): a list after "phối hợp với" names partners, whatever they are.
    """
    prefix = _PREFIX.match(folded, start)
    if prefix:
        start = prefix.end()
    head = _COMPOUND_RE.match(folded, start) or _HEAD.match(folded, start)
    if not head and not any_head:
        head = _PROPER_HEAD.match(folded, start)
        if not head:
            return None
        plural = folded.startswith("cac", head.start())  # "các sở, ban, ngành"
        if not plural and not (_capitalised(raw, head.start()) and _capitalised(raw, head.end())):
            return None
    position = head.end() if head else start
    end = position
    count = 0
    verb = None
    while position < len(folded) and count < _MAX_TOKENS:
        while position < len(folded) and folded[position] == " ":
            position += 1
        if position >= len(folded):
            break
        char = folded[position]
        if char in _NAME_END:
            break
        compound = _COMPOUND_RE.match(folded, position)
        if compound:
            position = end = compound.end()
            count += 1
            continue
        verb_match = _VERB_RE.match(folded, position)
        if verb_match and not _capitalised(raw, position) and not _noun_use(folded, position):
            verb = position
            break
        token = _TOKEN.match(folded, position)
        if token is None or token.group()[0].isdigit():
            break  # names hold no numbers: "phủ sóng đến 100% xã" is past the name
        position = token.end()
        if token.group() not in (",", "-"):
            end = position
        count += 1
    if count >= _MAX_TOKENS:
        return None
    return BodyName(start, end, verb)


def _capitalised(raw: str, position: int) -> bool:
    return position < len(raw) and raw[position].isupper()


def _noun_use(folded: str, position: int) -> bool:
    """ "tổ chức" as a noun: "các tổ chức", "tổ chức đảng", "tổ chức chính trị"."""
    if not folded.startswith("to chuc", position):
        return False
    before = folded[max(0, position - 5) : position]
    after = folded[position + 8 : position + 20]
    return before.endswith(("cac ", "cac  ")) or after.startswith(
        ("dang", "co so", "chinh tri", "thanh vien", "doan", "hoi", "xa hoi")
    )


def name_spans(folded: str, raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where each name of a list stands: "Sở Tài chính, Sở Nội vụ và các cơ quan liên quan".

    A comma splits before another body or a name of three words or more, not inside
    "các sở, ban, ngành" or "UBND các huyện, thành phố"; "và" splits only before
    another body ("và Sở Nội vụ"), not inside "Sở Khoa học và Công nghệ".
    """
    cuts = [start]
    for mark in _LIST_MARK.finditer(folded, start, end):
        after = mark.end()
        body = body_at(folded, raw, after)
        if mark.group() == ";" or (body is not None and " " in folded[body.start : body.end]):
            split = True  # a body of two words or more: "Sở Nội vụ", not the "ban" of "sở, ban"
        elif mark.group() == ",":
            following = _LIST_PUNCTUATION.split(folded[after:end], 1)[0]
            split = len(following.split()) >= _NAME_WORDS_TO_SPLIT
        else:
            split = False
        if split:
            cuts.extend((mark.start(), after))
    cuts.append(end)
    return [
        (left, right) for left, right in zip(cuts[::2], cuts[1::2], strict=True) if right > left
    ]


def clean_name(name: str) -> str:
    """Trim a name and join letters an OCR spaced apart: "ủ y  ban" → "ủy ban"."""
    name = name.strip(" ,;:-–*")
    name = _SPACED_LETTERS.sub(r"\1", name)
    return re.sub(r"\s+", " ", name)


_CLOSING = re.compile(r"^\W*(?:ke hoach nay|tren day|noi nhan)\b")
_HEADING_WORDS = 20
_SHORT_NAME_WORDS = 12
_ITEM_NAME_WORDS = 15  # a bullet naming a body names it briefly


@dataclass(frozen=True)
class Item:
    """A block of the implementation part, as the unit reader needs it."""

    block: Block
    level: int  # heading depth, 0 for a bullet or paragraph
    has_children: bool


def collect_units(items: list[Item]) -> list[UnitDuty]:
    """The bodies given duties in the implementation part, each with its duties.

    A numbered heading that names a body ("1. Thường trực Đảng ủy", "1. Trách
    nhiệm của Ban Chỉ đạo tỉnh") takes the items under it as duties; a numbered
    item or a bullet that starts with a body and a verb ("2. Giao UBND huyện xây
    dựng …") or a colon ("- Ban Tổ chức Tỉnh ủy: Tham mưu …") is a body with the
    rest of its text as its duty. Headings that name no body ("Kinh phí thực
    hiện") hold no one's duties.
    """
    units: list[UnitDuty] = []
    open_units: list[tuple[int, UnitDuty | None]] = []
    for item in items:
        block = item.block
        if _CLOSING.match(block.folded):
            open_units = []
            continue
        if item.level:
            open_units = [(level, unit) for level, unit in open_units if level < item.level]
            unit = _unit_from_heading(block, item.has_children)
            if unit is not None:
                units.append(unit)
            open_units.append((item.level, unit))
            continue
        text = " ".join(block.text.split())
        sub_unit = _unit_from_item(block)
        if sub_unit is not None:
            units.append(sub_unit)
        if open_units and open_units[-1][1] is not None:
            open_units[-1][1].duties.append(text)
    return units


def _unit_from_heading(block: Block, has_children: bool) -> UnitDuty | None:
    body = body_at(block.folded, block.aligned_text)
    if body is None:
        return None
    rest = block.folded[body.start :]
    words = len(rest.split())
    # A title has items under it and no sentence: nothing ends or splits it with "." or ";".
    title_like = has_children and words <= _HEADING_WORDS and not re.search(r"[.;](?:\s|$)", rest)
    if title_like and (body.verb is None or words <= _SHORT_NAME_WORDS):
        return UnitDuty(clean_name(block.source(body.start, len(block.folded))), [], block.line)
    if body.verb is not None:
        duty = " ".join(block.source(body.verb, len(block.folded)).split())
        return UnitDuty(clean_name(block.source(body.start, body.end)), [duty], block.line)
    if words <= _HEADING_WORDS:
        return UnitDuty(clean_name(block.source(body.start, len(block.folded))), [], block.line)
    return None


def _unit_from_item(block: Block) -> UnitDuty | None:
    body = body_at(block.folded, block.aligned_text)
    if body is None or block.folded.count(" ", body.start, body.end) >= _ITEM_NAME_WORDS:
        return None
    after = block.folded[body.end :].lstrip()
    if after.startswith(":"):
        start = block.folded.index(":", body.end) + 1
    elif body.verb is not None:
        start = body.verb
    else:
        return None
    duty = " ".join(block.source(start, len(block.folded)).split())
    return UnitDuty(
        clean_name(block.source(body.start, body.end)), [duty] if duty else [], block.line
    )
