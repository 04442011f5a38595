"""The demo's own small matching: which national indicator a seed target measures, and
which body a seed's implementation section names.

Only for the demo data, so that reports and dashboards have something to show: a
few unmistakable keywords, compared without diacritics (OCR damages them). The
review screen of the import (``giamsat.documents``) does the real matching.
"""

import unicodedata

# (words that must all appear in the folded target, unit family or "", national row code)
INDICATOR_RULES: list[tuple[tuple[str, ...], str, str]] = [
    (("dich vu cong truc tuyen", "nguoi dan va doanh nghiep"), "%", "11.1"),
    (("cung cap truc tuyen toan trinh",), "%", "11.2"),
    (("phi dia gioi",), "%", "11.7"),
    (("khong dung tien mat",), "%", "12"),
    (("doanh nghiep", "doi moi sang tao"), "%", "13"),
    (("tong chi ngan sach",), "%", "17"),
    (("nghien cuu khoa hoc",), "nguoi/van dan", "18"),
    (("bang rong co dinh",), "%", "23.1"),
    (("phu song 5g",), "%", "23.4"),
    (("quy mo kinh te so",), "% gdp", "10"),
]

# (words in the folded name, suffix of the body's code under the issuing unit's locality)
BODY_RULES: list[tuple[str, str]] = [
    ("hoi dong nhan dan", "HDND"), ("hdnd", "HDND"),
    ("uy ban nhan dan", "UBND"), ("ubnd", "UBND"),
    ("mat tran", "MTTQ"), ("mttq", "MTTQ"),
    ("tuyen giao", "BTGDV"),
    ("kiem tra", "UBKT"),
    ("ban to chuc", "BTC"),
    ("noi chinh", "BNC"),
    ("van phong", "VP"),
    ("xay dung dang", "BXDD"),
    ("ban chi dao", "BCD"),
]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _unit_family(unit: str) -> str:
    unit = fold(unit)
    compact = unit.replace(" ", "")
    if compact in {"%gdp", "%grdp"}:
        return "% gdp"
    if compact.startswith("%"):
        return "%"
    return unit.replace("nguoi tren mot van dan", "nguoi/van dan")


def national_code_for(indicator: str, unit: str) -> str | None:
    """The row code of the national indicator a seed target plainly measures, if any."""
    text, family = fold(indicator), _unit_family(unit)
    for words, unit_family, code in INDICATOR_RULES:
        if family == unit_family and all(w in text for w in words):
            return code
    return None


def body_suffix_for(name: str) -> str | None:
    """The code suffix of the body a name from an implementation section designates."""
    text = fold(name)
    if text.startswith("cac ") or ";" in text:
        return None  # "Các chi, đảng ủy trực thuộc", several bodies at once
    for words, suffix in BODY_RULES:
        if words in text:
            return suffix
    return None
