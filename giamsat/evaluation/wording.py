"""The reasons behind a status or a forecast, in Vietnamese words, with numbers and
dates in the locale's format (72,4 %, 31/12/2030).

"Theo xu hướng 6 kỳ gần nhất, đến 31/12/2030 chỉ đạt khoảng 72,4 %, thấp hơn chỉ
tiêu 80 %."
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from giamsat.evaluation.judging import FOREVER, Judged
from giamsat.evaluation.rules import Status
from giamsat.web.templatetags.giamsat_format import vn_number


def day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def amount(value: float | None, unit: str = "") -> str:
    """A measured or projected figure, to one decimal (half up): "72,4 %", "91,3 %",
    "12.500 sáng kiến" (whole numbers from 10.000 on)."""
    if value is None:
        return "–"
    step = Decimal(1) if abs(value) >= 10_000 else Decimal("0.1")
    text = vn_number(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))
    return f"{text} {unit}".strip()


def _unit(judged: Judged) -> str:
    return judged.target.unit_text or judged.indicator.unit_of_measure


def target_text(judged: Judged) -> str:
    """The target's figure: "80 %", "từ 40 đến 50 %", "120 sáng kiến mỗi năm"."""
    target, unit = judged.target, _unit(judged)
    if target.comparator == "between" and target.value_max is not None:
        text = _("từ {low} đến {high}").format(low=vn_number(target.value), high=amount(float(target.value_max), unit))
    else:
        text = amount(float(target.value), unit)
    return _("{figure} mỗi năm").format(figure=text) if target.per_year else text


def status_reason(judged: Judged, *, period_label: str = "", due: date | None = None) -> str:
    status, verdict, unit = judged.status, judged.verdict, _unit(judged)
    if status == Status.NO_DATA:
        if judged.late and due is not None:
            return _("Chưa có số liệu được duyệt kỳ {period} (hạn nộp {due}).").format(period=period_label, due=day(due))
        return _("Chưa có số liệu.")
    figures = {"value": amount(verdict.value, unit), "on": day(verdict.observed_on), "target": target_text(judged)}
    if status == Status.MET:
        return _("Đã đạt {value} ({on}), chỉ tiêu {target}.").format(**figures)
    if status == Status.MISSED:
        return _("Đã quá hạn {deadline}: đạt {value} ({on}), chưa đạt chỉ tiêu {target}.").format(
            deadline=day(judged.goal.deadline), **figures)
    points = _("điểm phần trăm") if unit == "%" else unit  # a difference of two percentages
    figures |= {"expected": amount(verdict.expected, unit), "gap": amount(verdict.shortfall, points),
                "band": amount(verdict.band, points)}
    if status == Status.ON_TRACK:
        return _("Đạt {value} ({on}), theo lộ trình cần {expected}.").format(**figures)
    if status == Status.AT_RISK:
        return _("Đạt {value} ({on}), chậm {gap} so với lộ trình ({expected}), trong ngưỡng {band}.").format(**figures)
    return _("Đạt {value} ({on}), chậm {gap} so với lộ trình ({expected}), quá ngưỡng {band}.").format(**figures)


def forecast_reason(judged: Judged) -> str:
    forecast = judged.forecast
    if forecast is None or judged.goal.deadline == FOREVER:
        return ""
    figures = {"n": forecast.n, "deadline": day(forecast.on), "value": amount(forecast.value, _unit(judged)),
               "target": target_text(judged)}
    if not forecast.misses:
        return _("Theo xu hướng {n} kỳ gần nhất, đến {deadline} đạt khoảng {value}, đạt chỉ tiêu {target}.").format(**figures)
    comparator = judged.target.comparator
    if comparator in (">=", ">"):
        return _("Theo xu hướng {n} kỳ gần nhất, đến {deadline} chỉ đạt khoảng {value}, thấp hơn chỉ tiêu {target}.").format(**figures)
    if comparator in ("<=", "<"):
        return _("Theo xu hướng {n} kỳ gần nhất, đến {deadline} vẫn ở mức khoảng {value}, cao hơn chỉ tiêu {target}.").format(**figures)
    return _("Theo xu hướng {n} kỳ gần nhất, đến {deadline} ở mức khoảng {value}, ngoài chỉ tiêu {target}.").format(**figures)
