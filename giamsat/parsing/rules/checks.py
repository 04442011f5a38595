"""Inconsistencies a reviewer should see, as Vietnamese warnings.

- the same document cited with different dates (a plan dates 57-NQ/TW both
  22-12-2024 and 22-12-2023);
- a target due before the year the plan was signed;
- a section number used twice under the same part ("2.1.3." twice);
- the OCR rule applied: the text has no "≥" at all, so ">" before a number was read
  as "≥".
"""

from __future__ import annotations

from gettext import gettext as _

from giamsat.parsing.schema import ParseResult, Section

OCR_GE_WARNING = _(
    "Văn bản không có ký hiệu ≥; dấu '>' được hiểu là '≥' (lỗi nhận dạng thường gặp)"
)


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def reference_dates(result: ParseResult) -> list[str]:
    by_number: dict[str, list[tuple[str, int]]] = {}
    for reference in result.document.references:
        if reference.date:
            by_number.setdefault(reference.number, []).append((reference.date, reference.line))
    warnings = []
    for number, dated in by_number.items():
        if len(dated) > 1:
            cited = ", ".join(
                _("{date} (dòng {line})").format(date=_day(date), line=line) for date, line in dated
            )
            warnings.append(
                _("Văn bản {number} được dẫn với các ngày khác nhau: {cited}.").format(
                    number=number, cited=cited
                )
            )
    return warnings


def early_targets(result: ParseResult, year: int | None) -> list[str]:
    if year is None:
        return []
    return [
        _(
            "Chỉ tiêu ở dòng {line} có mốc năm {target_year}, trước năm ban hành văn bản ({year})."
        ).format(line=target.line, target_year=target.year, year=year)
        for target in result.targets
        if target.year is not None and target.year < year
    ]


def duplicate_sections(sections: list[Section], keys: list[tuple[str, ...]]) -> list[str]:
    """``keys[i]`` says under which part ``sections[i]`` stands."""
    seen: dict[tuple[str, ...], Section] = {}
    warnings = []
    for section, key in zip(sections, keys, strict=True):
        if key in seen:
            warnings.append(
                _("Số mục {number} lặp lại (dòng {first} và dòng {second}).").format(
                    number=section.number, first=seen[key].line, second=section.line
                )
            )
        else:
            seen[key] = section
    return warnings


def collect(result: ParseResult, *, used_ocr_ge: bool, year: int | None) -> list[str]:
    warnings = reference_dates(result) + early_targets(result, year)
    if used_ocr_ge:
        warnings.append(OCR_GE_WARNING)
    return warnings
