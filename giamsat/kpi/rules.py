"""Pure rules of the indicator catalog: what kind of number an indicator is.

No ORM and no clock here; tests need no database.
"""

import re
import unicodedata
from dataclasses import dataclass

from giamsat.kpi.models import Aggregation, Direction, Temporality, ValueType

# Units of measure that name a physical quantity, not things one counts.
_QUANTITY_UNITS = {"tbps", "gbps", "mbps", "km", "ha", "tấn", "kwh", "mw"}
_MONEY_UNITS = {"đồng", "triệu đồng", "tỷ đồng", "usd", "triệu usd", "tỷ usd"}
# Wordings that make a count a flow within the period rather than a stock at its end.
_FLOW_WORDS = ("mỗi năm", "hằng năm", "hàng năm", "tăng trung bình", "trong năm")
# Denominators of a percentage that are themselves flows over the period.
_FLOW_DENOMINATORS = ("gdp", "tổng chi", "chi nsnn", "ngân sách")


@dataclass(frozen=True)
class IndicatorKind:
    value_type: str
    direction: str
    aggregation: str
    temporality: str


def fold(text: str) -> str:
    """Lower case, NFC, single spaces: the form two names are compared in."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return re.sub(r"\s+", " ", text).strip()


def classify(unit_of_measure: str, name: str) -> IndicatorKind:
    """The value type, direction, aggregation and temporality an indicator's unit implies.

    A percentage is a ratio of summed numerators over summed denominators; a rank is
    better when lower and never adds up; a count adds up, and is a flow when its name
    says it is counted per year.
    """
    unit = fold(unit_of_measure)
    words = fold(name)
    is_flow = any(w in words for w in _FLOW_WORDS)
    if "hạng" in unit:
        return IndicatorKind(ValueType.RANK, Direction.LOWER, Aggregation.NONE, Temporality.STOCK)
    if unit == "thứ bậc" or not unit:
        return IndicatorKind(ValueType.OTHER, Direction.HIGHER, Aggregation.NONE, Temporality.STOCK)
    if unit == "chỉ số":
        return IndicatorKind(ValueType.INDEX, Direction.HIGHER, Aggregation.NONE, Temporality.STOCK)
    if unit.startswith("%"):
        if "/năm" in unit.replace(" ", ""):
            # a growth rate: neither adds up across units nor across periods
            return IndicatorKind(ValueType.PERCENT, Direction.HIGHER, Aggregation.NONE, Temporality.FLOW)
        flow = is_flow or any(d in unit for d in _FLOW_DENOMINATORS)
        return IndicatorKind(
            ValueType.PERCENT, Direction.HIGHER, Aggregation.RATIO,
            Temporality.FLOW if flow else Temporality.STOCK,
        )
    if unit in _MONEY_UNITS:
        return IndicatorKind(
            ValueType.MONEY, Direction.HIGHER, Aggregation.SUM,
            Temporality.FLOW if is_flow else Temporality.STOCK,
        )
    if "/" in unit:
        # per head: researchers per 10,000 residents, enterprises per 1,000 residents
        return IndicatorKind(ValueType.RATIO, Direction.HIGHER, Aggregation.RATIO, Temporality.STOCK)
    if unit in _QUANTITY_UNITS:
        return IndicatorKind(ValueType.OTHER, Direction.HIGHER, Aggregation.SUM, Temporality.STOCK)
    return IndicatorKind(
        ValueType.COUNT, Direction.HIGHER, Aggregation.SUM,
        Temporality.FLOW if is_flow else Temporality.STOCK,
    )


def national_code(row_code: str) -> str:
    """The catalog code of a row of the national targets of 57-NQ/TW: "11.1" -> "NQ57-11.1"."""
    return f"NQ57-{row_code.strip()}"
