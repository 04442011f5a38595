"""Numeric targets in a block of text: "Có > 15 doanh nghiệp khoa học và công nghệ".

For each number in the block (folded text, positions shared with the source):

1. skip what only looks like a quantity: footnote markers and numbers glued to
   words ("90%1", "VNeID4", "BML10"), technology names ("5G", "6 G", "3D"),
   dates, years, document numbers ("57-NQ/TW"), fractions, references ("mục 2.2",
   "Chỉ tiêu số 2"), durations ("sau 12 tháng", "10 năm", "01 tháng/lần") and
   the "01" of "người trên 01 vạn dân";
2. read its unit: "%", "% GRDP", "% GDP", "Gb/s", "người/vạn dân", a counted
   noun from the lexicon (restored to its diacritics: "tô chức" → "tổ chức"),
   "" for an index ("Chỉ số ... > 0,60"), else the words that follow (up to 3);
3. read its comparator (``rules.comparators``), a range's upper end, and whether
   it repeats each year ("Mỗi năm", OCR "Mồi năm", "Hàng năm", "Hằng năm",
   "dự án/năm");
4. drop a qualifier of the thing measured: a number after "với tốc độ" ("≥ 80%
   người sử dụng … với tốc độ trên 01 Gb/s" is one target);
5. name the indicator: the words before the comparator when they say what is
   measured ("Tỷ lệ phủ sóng 5G trên địa bàn > 60%"), else the words after the
   number ("Có > 60% người sử dụng có khả năng truy cập …").

Where the zone allows only percentages (tasks, other parts), counts are skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from giamsat.parsing.rules import comparators
from giamsat.parsing.rules.blocks import Block
from giamsat.parsing.rules.dates import DateSpan, find_dates
from giamsat.parsing.rules.fold import fold, words
from giamsat.parsing.rules.numbers import NumberToken, find_numbers
from giamsat.parsing.schema import Target

# Counted nouns, folded → written. Matched on the words right after the number,
# longest first; the unit is the noun as written here, whatever the OCR did to it.
COUNTED_NOUNS = {
    fold(written): written
    for written in (
        "doanh nghiệp",
        "nhiệm vụ",
        "bài báo",
        "sáng kiến",
        "cá nhân",
        "công trình",
        "đơn đăng ký",
        "sản phẩm",
        "dự án",
        "sáng chế",
        "tổ chức",
        "cán bộ",
        "vườn ươm",
        "trung tâm",
        "người",
        "hộ",
        "hộ gia đình",
        "xã",
        "phường",
        "thôn",
        "trường",
        "cơ sở",
        "mô hình",
        "đề tài",
        "hợp tác xã",
        "tài khoản",
        "điểm",
        "km",
        "ha",
        "tỷ đồng",
        "triệu đồng",
        "nghìn tỷ đồng",
        "lượt",
        "lớp",
        "học viên",
        "sinh viên",
        "chuyên gia",
        "nhà khoa học",
        "giải pháp",
        "ứng dụng",
        "nền tảng",
        "cơ sở dữ liệu",
        "hệ thống",
        "thủ tục",
        "hồ sơ",
        "dịch vụ",
        "văn bản",
        "chương trình",
        "đề án",
        "sự kiện",
        "hội thảo",
        "diễn đàn",
        "buổi",
        "cuộc",
        "tin",
        "bài",
        "tin bài",
        "thiết bị",
        "máy tính",
        "trạm",
        "phòng thí nghiệm",
        "khu",
        "cụm",
        "làng",
        "bản",
        "tổ",
        "nhóm",
        "đội",
        "công chức",
        "viên chức",
        "đảng viên",
        "giảng viên",
        "giáo viên",
        "học sinh",
        "kỹ sư",
        "tiến sĩ",
        "thạc sĩ",
        "cơ quan",
        "đơn vị",
        "startup",
        "quỹ",
        "bằng độc quyền",
        "văn bằng",
        "giải thưởng",
        "nhãn hiệu",
        "chỉ dẫn địa lý",
        "tiêu chuẩn",
        "quy chuẩn",
        "camera",
        "điểm truy cập",
        "lần",
    )
}
# The folded nouns as one alternation, longest first.
NOUN_ALTERNATION = "|".join(sorted((re.escape(k) for k in COUNTED_NOUNS), key=len, reverse=True))
_NOUN_RE = re.compile(r"\s*(" + NOUN_ALTERNATION + r")\b")
_PERCENT = re.compile(r"\s?%|\s+phan tram\b")  # "80%", "80 phần trăm"
_PERCENT_OF = re.compile(r"\s*(grdp|gdp)\b")
_SPEED = re.compile(r"\s*([gmk])b(?:ps|it/s|/s)(?:/s)?\b")
_PER_TEN_THOUSAND = re.compile(r"\btren\s+(?:mot|01|1)\s+van\s+dan\b")
_TEN_THOUSAND_AFTER = re.compile(r"\s*van\s+dan\b")
_DURATION = re.compile(r"\s*(?:thang|nam|ngay|gio|phut|tuan|quy|ky)\b")
_TIMES = re.compile(r"\s*lan\b")
_TECH = re.compile(r"[a-z]|\s[gdk](?![a-z0-9])")
_DOC_OR_FRACTION = re.compile(r"\s?-\s?[a-z]|\s?/\s?[a-z0-9]")
_AFTER_SLASH = re.compile(r"[0-9a-z]\s?[-/]\s?$")
_REFERENCE_WORD = re.compile(
    words(
        "chi tieu",
        "khoan",
        "dieu",
        "phu luc",
        "bieu",
        "mau",
        "khoa",
        "lan thu",
        "thu",
        "so hieu",
        "cap do",
        "giai doan",
        "ngay",
        "thang",
        "quy",
        "tuan",
    )
    + r"\s*(?:so\s*)?:?\s*$"
)
# "Mỗi năm", OCR "Mồi năm", "Mỗi năin", "Hàng năm", "Hằng năm", "50 dự án/năm".
PER_YEAR = re.compile(words("moi", "hang") + r"\s+na(?:m|in|rn)\b|/\s*nam\b")
_SENTENCE_YEAR = re.compile(
    words("den", "toi", "trong", "vao") + r"\s+(?:het\s+|cuoi\s+)?(?:nam\s+)?((?:19|20)[0-9]{2})\b"
)
_QUALIFIER = re.compile(words(r"voi\s+(?:toc do|muc|bang thong)\b", r"toc do\b"))
_STARTERS = re.compile(
    words("ty le", "ti le", "chi so", "quy mo", "so luong", "tong so", "kinh te so", "muc") + r"\b"
)
# Words that open a clause without naming what is measured, time phrases included.
_FILLER = re.compile(
    r"(?:\W|\s|\b(?:co|phan dau|dat|bao dam|dam bao|moi nam|hang nam|trong do|trong so do|va|voi"
    r"|it nhat|toi thieu|tren|tu|la|chiem|con|thi|thu hut|duoc"
    r"|(?:den|toi|trong|vao)(?:\s+het)?(?:\s+nam)?\s+(?:19|20)[0-9]{2}|nam\s+(?:19|20)[0-9]{2})\b)*"
)
_CUT_AFTER = re.compile(
    r"[;.]|,\s*(?:trong (?:do|so do)|ty le|ti le|chi so|quy mo)\b"
    r"|" + words(r"voi toc do\b", r"sau\s+[0-9]", r"trong vong\s+[0-9]")
)
_STOP_WORDS = frozenset(
    [
        "cua",
        "duoc",
        "co",
        "tren",
        "trong",
        "voi",
        "va",
        "da",
        "de",
        "tai",
        "cho",
        "tu",
        "la",
        "khi",
        "theo",
        "nhu",
        "ma",
        "thi",
        "nhung",
        "cac",
        "moi",
    ]
)
_WORD = re.compile(r"[^\W_][\w/'-]*")
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")
_NON_SPACE = re.compile(r"\S+")
_TRAILING_VERBS = (
    ("dat", "muc"),
    ("o", "muc"),
    ("hien", "dat"),
    ("dat",),
    ("chiem",),
    ("la",),
    ("co",),
    ("bang",),
)
_SUBJECT_END = re.compile(
    r"[,;(]|" + words("dat", "chiem", "hien nay", "hien tai", "la") + r"\b|[0-9]"
)
_UNIT_WORD = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
_MAX_INDICATOR_WORDS = 25
ALL, PERCENT_ONLY = "all", "percent"


@dataclass
class TargetContext:
    year: int | None
    category: str
    section: str
    policy: str  # ALL or PERCENT_ONLY
    ocr_ge: bool  # the document has no "≥"/"≤": a ">" before a number is "≥"
    used_ocr_ge: bool = False
    skip: set[int] = field(default_factory=set)  # number positions already taken (actuals)


@dataclass
class _Number:
    token: NumberToken
    unit: str
    unit_start: int
    end: int  # after the unit (and the range, if any)
    value_max: float | None


def sentence_spans(block: Block) -> list[tuple[int, int]]:
    """Sentences of a block, as folded positions: a full stop before a capital ends one."""
    spans = []
    start = 0
    text = block.text
    folded = block.folded
    for match in _SENTENCE_END.finditer(folded):
        after = match.end()
        while after < len(folded) and folded[after] == " ":
            after += 1
        position = block.text_pos(after)
        if position < len(text) and (text[position].isupper() or text[position] in "-–•+"):
            spans.append((start, match.end()))
            start = after
    spans.append((start, len(folded)))
    return spans


class _Sentences:
    """A block's sentences, with what each says once for all its targets."""

    def __init__(self, block: Block) -> None:
        self.block = block
        self.spans = sentence_spans(block)
        self.starts = [start for start, _ in self.spans]
        self._facts: dict[int, tuple[str, int | None, bool]] = {}

    def of(self, position: int) -> tuple[int, int]:
        return self.spans[max(0, bisect.bisect_right(self.starts, position) - 1)]

    def facts(self, position: int) -> tuple[str, int | None, bool]:
        """The sentence's source text, the year it names, and whether it repeats yearly."""
        start, end = self.of(position)
        if start not in self._facts:
            folded = self.block.folded
            year = _SENTENCE_YEAR.search(folded, start, end)
            self._facts[start] = (
                self.block.source(start, end).strip(),
                int(year.group(1)) if year else None,
                bool(PER_YEAR.search(folded, start, end)),
            )
        return self._facts[start]


def extract_targets(block: Block, context: TargetContext) -> list[Target]:
    folded = block.folded
    if context.policy != ALL and "%" not in folded and "phan tram" not in folded:
        return []  # only shares count here, and there is none
    numbers = find_numbers(folded)
    if not numbers:
        return []
    dates = find_dates(folded)
    sentences = _Sentences(block)
    found: list[tuple[_Number, str, int, int]] = []  # number, comparator, its start, clause start
    previous_end = 0
    index = 0
    while index < len(numbers):
        token = numbers[index]
        index += 1
        if token.start in context.skip:
            previous_end = max(previous_end, token.end)  # a figure already reached
            continue
        number = _read_number(folded, token, dates)
        if number is None:
            continue
        if number.unit != "%" and not number.unit.startswith("% ") and context.policy != ALL:
            continue
        sentence_start, _ = sentences.of(token.start)
        floor = max(sentence_start, previous_end)
        low = max(floor, folded.rfind(";", floor, token.start) + 1)
        comparator, comparator_start, ocr = comparators.comparator_before(
            folded, token.start, low, ocr_ge=context.ocr_ge
        )
        after, after_end = comparators.comparator_after(folded, number.end)
        if number.unit == "" and comparator is None:
            continue  # a bare number with nothing after it is no target
        if not _counts(folded, token, number, comparator, low):
            continue
        if found and _is_qualifier(folded, found[-1][0].end, token.start, sentence_start):
            continue
        if number.value_max is not None:
            comparator_value = comparators.BETWEEN
        else:
            comparator_value = comparators.combine(comparator, after)
        context.used_ocr_ge = context.used_ocr_ge or ocr
        number.end = max(number.end, after_end)
        found.append(
            (number, comparator_value, comparator_start if comparator else token.start, low)
        )
        previous_end = number.end
        while index < len(numbers) and numbers[index].start < number.end:
            index += 1  # the range's upper end, read with this number
    targets = []
    for position, (number, comparator_value, comparator_start, low) in enumerate(found):
        token = number.token
        sentence_start, sentence_end = sentences.of(token.start)
        text, sentence_year, per_year = sentences.facts(token.start)
        next_start = found[position + 1][2] if position + 1 < len(found) else len(folded)
        if number.unit == "?":
            span = _words_after(folded, number.unit_start) or (number.unit_start, number.unit_start)
            number.unit = " ".join(block.source(*span).split()).lower()
        targets.append(
            Target(
                indicator=_indicator(
                    block,
                    low,
                    comparator_start,
                    number,
                    min(next_start, sentence_end),
                    sentence_start,
                ),
                comparator=comparator_value,  # type: ignore[arg-type]
                value=token.value,
                value_max=number.value_max,
                unit=number.unit,
                year=sentence_year or context.year,
                per_year=per_year,
                category=context.category,
                section=context.section,
                line=block.line_at(token.start),
                text=text,
            )
        )
    return targets


_SECTION_REFERENCE = re.compile(r"\bmuc\s*$")


def _read_number(folded: str, token: NumberToken, dates: list[DateSpan]) -> _Number | None:
    start, end = token.start, token.end
    if token.glued:
        return None
    inside = bisect.bisect_right(dates, start, key=lambda span: span.start) - 1
    if inside >= 0 and start < dates[inside].end:
        return None
    following = folded[end : end + 3]
    if _TECH.match(following) or _DOC_OR_FRACTION.match(folded, end):
        return None
    if _AFTER_SLASH.search(folded, max(0, start - 4), start):
        return None
    raw = folded[start:end]
    if (
        len(raw) == 4
        and raw.isdigit()
        and 1900 <= token.value <= 2100
        and not _PERCENT.match(folded, end)
    ):
        return None
    if _REFERENCE_WORD.search(folded, max(0, start - 30), start):
        return None
    if "." in raw and _SECTION_REFERENCE.search(folded, max(0, start - 8), start):
        return None  # "mục 2.2", not "mức 2.2"
    if _DURATION.match(folded, end) or _TEN_THOUSAND_AFTER.match(folded, end):
        return None
    if _TIMES.match(folded, end) and not folded[max(0, start - 6) : start].strip().endswith("gap"):
        return None
    percent = _PERCENT.match(folded, end)
    value_max = None
    if percent:
        unit_start, unit_end = end, percent.end()
        unit = "%"
        of = _PERCENT_OF.match(folded, unit_end)
        if of:
            unit = "% " + of.group(1).upper()
            unit_end = of.end()
    else:
        unit_start = end
        unit, unit_end = _count_unit(folded, end)
    limit = comparators.range_after(folded, end)
    if limit is not None:
        value_max, _, range_end = limit
        if percent:
            second = _PERCENT.match(folded, range_end)
            unit_end = max(unit_end, second.end() if second else range_end)
        else:
            unit_start = range_end
            unit, unit_end = _count_unit(folded, range_end)
    return _Number(token, unit, unit_start, unit_end, value_max)


def _count_unit(folded: str, end: int) -> tuple[str, int]:
    speed = _SPEED.match(folded, end)
    if speed:
        return speed.group(1).upper() + "b/s", speed.end()
    noun = _NOUN_RE.match(folded, end)
    if noun:
        key = noun.group(1)
        if key == "nguoi" and _PER_TEN_THOUSAND.search(folded, noun.end(), noun.end() + 220):
            return "người/vạn dân", noun.end()
        return COUNTED_NOUNS[key], noun.end()
    rest = folded[end:]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in ".;,:)":
        return "", end
    return "?", end  # resolved to the following words by the caller


def _counts(
    folded: str, token: NumberToken, number: _Number, comparator: str | None, low: int
) -> bool:
    """A count with an unknown noun is a target only when it is plainly one."""
    if number.unit != "?":
        return True
    before = folded[low : token.start].strip()
    if comparator is not None or not before or before.endswith(("co", "dat", "phan dau")):
        return _words_after(folded, number.unit_start) is not None
    return False


def _words_after(folded: str, position: int) -> tuple[int, int] | None:
    """The span of up to three words after ``position``, stopping at a function word."""
    words = []
    for match in _UNIT_WORD.finditer(folded, position, position + 60):
        word = match.group()
        if not word[0].isalnum() or word in _STOP_WORDS or len(words) == 3:
            break
        words.append((match.start(), match.end()))
    if not words:
        return None
    return words[0][0], words[-1][1]


def _is_qualifier(folded: str, previous_end: int, start: int, sentence_start: int) -> bool:
    """A number that only qualifies the target before it ("với tốc độ trên 01 Gb/s")."""
    if previous_end < sentence_start:
        return False
    between = folded[previous_end:start]
    return ";" not in between and bool(_QUALIFIER.search(between))


def _trim_verb(folded: str, start: int, end: int) -> int:
    """Drop "đạt", "chiếm", "là", "có" ending the words before a comparator."""
    spans = [(match.group(), match.start()) for match in _NON_SPACE.finditer(folded, start, end)]
    words = [word for word, _ in spans]
    trimmed = True
    while trimmed:
        trimmed = False
        for phrase in _TRAILING_VERBS:
            if len(words) > len(phrase) and tuple(words[-len(phrase) :]) == phrase:
                del words[-len(phrase) :]
                trimmed = True
                break
    if not words:
        return start
    word, at = spans[len(words) - 1]
    return at + len(word)


def _indicator(
    block: Block, low: int, comparator_start: int, number: _Number, limit: int, sentence_start: int
) -> str:
    folded = block.folded
    before_start = _subject_start(folded, low, comparator_start)
    before_end = _trim_verb(folded, before_start, comparator_start)
    before = folded[before_start:before_end]
    owner = not number.unit.startswith("%") and before.rstrip().endswith(" co")
    if not owner and len(_WORD.findall(before)) >= 2:
        return _words(block.source(before_start, before_end))
    # A count names its noun ("doanh nghiệp khoa học ..."); a share starts after "%".
    start = number.end if number.unit.startswith("%") else number.unit_start
    end = max(start, limit)
    cut = _CUT_AFTER.search(folded, start, end)
    if cut:
        end = cut.start()
    after = _words(block.source(start, end))
    if after or sentence_start >= low:
        return after
    # "Tỷ lệ ... hiện đạt 45%, phấn đấu đến năm 2030 đạt 80%": the subject opened the sentence.
    subject = _STARTERS.search(folded, sentence_start, low)
    if subject is None:
        return ""
    stop = _SUBJECT_END.search(folded, subject.end(), low)
    return _words(block.source(subject.start(), stop.start() if stop else low))


def _subject_start(folded: str, low: int, end: int) -> int:
    """Where the measured thing's name starts in ``folded[low:end]``."""
    best = None
    for match in _STARTERS.finditer(folded, low, end):
        head = folded[low : match.start()].rstrip()
        if not head or head[-1] in ",;:(" or head.endswith(("phan dau", " va", " co", "dat")):
            best = match.start()
    if best is not None:
        return best
    filler = _FILLER.match(folded, low, end)
    return filler.end() if filler else low


def _words(text: str) -> str:
    words = text.strip(" ,;:-–•■*").split()
    return " ".join(words[:_MAX_INDICATOR_WORDS]).strip(" ,;:")
