"""Tasks: each bullet or numbered item of the tasks part, with who, when and how often.

- ``title``: the item's first sentence or clause (up to ". ", ";" or ":");
- ``lead``: the body the item starts with ("Ủy ban nhân dân xã bố trí nguồn lực"),
  or the body named with "chủ trì" ("Sở Tài chính chủ trì", "chủ trì: Sở Tài
  chính") or after "giao" ("Giao UBND huyện xây dựng ...");
- ``coordinating``: the bodies after "phối hợp với" or "phối hợp:";
- ``deadline``: "hoàn thành trong tháng 4/2025", "trước ngày 30/6/2025",
  "quý II/2025", "trong năm 2025" (``rules.dates.find_deadline``);
- ``recurring``: "thường xuyên", "hằng năm", "hàng năm", "định kỳ", "thường niên",
  "hằng quý", "hàng tháng" — when the item has no deadline (a task due in April
  whose results are "định kỳ sơ kết" is a one-off);
- ``product``: after "sản phẩm:" / "sản phẩm là".

Lines that only describe the task above them ("- Cơ quan chủ trì: Sở Tư pháp.",
"- Cơ quan phối hợp: …", "- Thời gian hoàn thành: Quý III/2025.", "- Sản phẩm: …")
fill its fields instead of being tasks (:func:`attribute`).

In the implementation part an item with a deadline is a task too, led by the body
it names ("Các Chi, Đảng uỷ trực thuộc Huyện ủy tổ chức ... (hoàn thành trong
tháng 4/2025)").
"""

from __future__ import annotations

import re

from giamsat.parsing.rules.blocks import Block
from giamsat.parsing.rules.dates import find_deadline, parse_cell_date
from giamsat.parsing.rules.fold import words
from giamsat.parsing.rules.units import body_at, clean_name, name_spans
from giamsat.parsing.schema import Task

RECURRING = re.compile(
    words(
        "thuong xuyen",
        "hang nam",
        "hang quy",
        "hang thang",
        "hang tuan",
        "dinh ky",
        "thuong nien",
        "moi nam",
    )
    + r"\b"
)
_LEAD_LABEL = re.compile(words("co quan chu tri", "don vi chu tri", "chu tri") + r"\s*:\s*")
_LEAD_BEFORE = re.compile(words("chu tri") + r"\b")
_GIAO = re.compile(words("giao") + r"(?: cho)?\s+")
_COORDINATING = re.compile(
    words("co quan phoi hop", "don vi phoi hop", "phoi hop") + r"(?:\s+voi|\s*:)\s*"
)
_PRODUCT = re.compile(words("san pham") + r"(?:\s*:|\s+la)\s*")
_LIST_END = re.compile(
    r"[.;)]|\s(?:de|nham|trong|ve|thuc hien|trien khai|to chuc|xay dung|theo doi)\s"
)
_TITLE_END = re.compile(r";|:\s|\.\s+(?=\S)")
_THREE_WORDS = re.compile(r"\W*\w+\W+\w+\W+\w+")  # a title has at least three words
_MAX_TITLE = 250
_MAX_LIST_WORDS = 12
_ATTRIBUTE = re.compile(
    r"\W*(?:"
    r"(?:co quan|don vi)\s+(?P<coordinating>phoi hop)"
    r"|(?:co quan|don vi)\s+(?P<lead>chu tri|thuc hien)"
    r"|(?P<deadline>thoi gian(?: hoan thanh| thuc hien)?|thoi han|tien do|han hoan thanh)"
    r"|(?P<product>san pham|ket qua(?: dau ra)?)"
    r")\s*:\s*"
)


def task_from_block(block: Block, section: str) -> Task:
    folded = block.folded
    deadline = find_deadline(folded)
    lead = _lead(block)
    return Task(
        title=_title(block),
        section=section,
        lead=lead,
        coordinating=_coordinating(block),
        deadline=deadline.iso if deadline else None,
        recurring=deadline is None and bool(RECURRING.search(folded)),
        product=_product(block),
        line=block.line,
        text=block.text,
    )


def attribute(block: Block) -> tuple[str, int] | None:
    """A line that only describes the task above it: "- Cơ quan chủ trì: Sở Tư pháp."

    Returns the field it sets ("lead", "coordinating", "deadline", "product") and
    where its value starts.
    """
    match = _ATTRIBUTE.match(block.folded)
    if match is None or match.lastgroup is None:
        return None
    return match.lastgroup, match.end()


def apply_attribute(task: Task, block: Block, field: str, start: int) -> None:
    folded = block.folded
    end = len(folded.rstrip(" ."))
    if field == "lead":
        names = split_bodies(block, start, end)
        task.lead = names[0] if names else task.lead
    elif field == "coordinating":
        task.coordinating = split_bodies(block, start, end)
    elif field == "deadline":
        value = folded[start:end]
        deadline = parse_cell_date(value)
        task.deadline = deadline or task.deadline
        task.recurring = task.deadline is None and bool(RECURRING.search(value))
    else:
        task.product = " ".join(block.source(start, end).split())


def task_with_deadline(block: Block, section: str) -> Task | None:
    """A task in the implementation part: only when the item names its deadline."""
    if find_deadline(block.folded) is None:
        return None
    return task_from_block(block, section)


def _title(block: Block) -> str:
    folded = block.folded
    end = len(folded)
    three_words = _THREE_WORDS.match(folded)
    match = _TITLE_END.search(folded, three_words.end() if three_words else 0)
    if match:
        end = match.start()
    title = " ".join(block.source(0, end).split()).strip(" ,;:*.…")
    if len(title) > _MAX_TITLE:
        title = title[:_MAX_TITLE].rsplit(" ", 1)[0]
    return title


def _lead(block: Block) -> str:
    folded = block.folded
    leads = "chu tri" in folded  # substring tests first: most items name no lead
    label = _LEAD_LABEL.search(folded) if leads else None
    if label:
        return _name_at(block, label.end())
    body = body_at(folded, block.aligned_text)
    if body is not None and body.verb is not None:
        return clean_name(block.source(body.start, body.end))
    giao = _GIAO.search(folded) if "giao" in folded else None
    if giao:
        name = _name_at(block, giao.end())
        if name:
            return name
    before = _LEAD_BEFORE.search(folded) if leads else None
    if before:
        return _name_before(block, before.start())
    return ""


def _name_at(block: Block, position: int) -> str:
    body = body_at(block.folded, block.aligned_text, position)
    if body is not None:
        return clean_name(block.source(body.start, body.end))
    return ""


def _name_before(block: Block, position: int) -> str:
    """The body just before "chủ trì": from the last clause start to ``position``."""
    folded = block.folded
    start = max(folded.rfind(mark, 0, position) for mark in (";", ". ", ":", "("))
    start = start + 1 if start >= 0 else 0
    while start < position and folded[start] in " ,(":
        start += 1
    body = body_at(folded, block.aligned_text, start)
    if body is None or body.end > position:
        return ""
    return clean_name(block.source(body.start, body.end))


def _coordinating(block: Block) -> list[str]:
    folded = block.folded
    match = _COORDINATING.search(folded) if "phoi hop" in folded else None
    if not match:
        return []
    start = match.end()
    body = body_at(folded, block.aligned_text, start, any_head=True)
    if body is None or body.end <= start:
        return []
    stop = _LIST_END.search(folded, start, body.end)
    end = stop.start() if stop else body.end
    if len(folded[start:end].split()) > _MAX_LIST_WORDS:
        return []
    return split_bodies(block, start, end)


def split_bodies(block: Block, start: int, end: int) -> list[str]:
    """Names in a list: "Sở Tài chính, Sở Nội vụ và các cơ quan liên quan" (``units.name_spans``)."""
    names = []
    for left, right in name_spans(block.folded, block.aligned_text, start, end):
        name = clean_name(block.source(left, right))
        if name:
            names.append(name)
    return names


def _product(block: Block) -> str:
    match = _PRODUCT.search(block.folded)
    if not match:
        return ""
    stop = re.compile(r"[;.]").search(block.folded, match.end())
    end = stop.start() if stop else len(block.folded)
    return " ".join(block.source(match.end(), end).split())
