"""Reasons in words, numbers and dates in the Vietnamese format."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from giamsat.evaluation.judging import Judged, future_ends
from giamsat.evaluation.rules import Forecast, Goal, Status, Verdict
from giamsat.evaluation.wording import forecast_reason, status_reason, target_text


def judged(*, comparator=">=", value=80, value_max=None, per_year=False, unit="%", verdict=None, forecast=None,
           late=False):
    target = SimpleNamespace(comparator=comparator, value=Decimal(value), value_max=value_max, per_year=per_year,
                             unit_text=unit, year=2030)
    indicator = SimpleNamespace(unit_of_measure=unit)
    goal = Goal(comparator, float(value), date(2030, 12, 31))
    return Judged(target, indicator, verdict or Verdict(Status.NO_DATA), goal, [], [], 0, late, forecast)


def test_the_forecast_warning_reads_as_in_the_plans():
    j = judged(forecast=Forecast(72.4, date(2030, 12, 31), 6, True))
    assert forecast_reason(j) == "Theo xu hướng 6 kỳ gần nhất, đến 31/12/2030 chỉ đạt khoảng 72,4 %, thấp hơn chỉ tiêu 80 %."


def test_forecast_for_a_ceiling_and_a_range_and_a_forecast_that_meets():
    ceiling = judged(comparator="<=", value=5, forecast=Forecast(8.66, date(2030, 12, 31), 12, True))
    assert forecast_reason(ceiling) == "Theo xu hướng 12 kỳ gần nhất, đến 31/12/2030 vẫn ở mức khoảng 8,7 %, cao hơn chỉ tiêu 5 %."
    band = judged(comparator="between", value=40, value_max=Decimal(50), forecast=Forecast(61.0, date(2030, 12, 31), 6, True))
    assert forecast_reason(band) == "Theo xu hướng 6 kỳ gần nhất, đến 31/12/2030 ở mức khoảng 61 %, ngoài chỉ tiêu từ 40 đến 50 %."
    fine = judged(forecast=Forecast(91.25, date(2030, 12, 31), 6, False))
    assert forecast_reason(fine) == "Theo xu hướng 6 kỳ gần nhất, đến 31/12/2030 đạt khoảng 91,3 %, đạt chỉ tiêu 80 %."


def test_status_reasons():
    on = date(2026, 6, 30)
    behind = judged(verdict=Verdict(Status.BEHIND, 1234.5, on, 1500.0, 265.5, 120.0), unit="sáng kiến")
    assert status_reason(behind) == ("Đạt 1.234,5 sáng kiến (30/06/2026), chậm 265,5 sáng kiến so với lộ trình "
                                     "(1.500 sáng kiến), quá ngưỡng 120 sáng kiến.")
    met = judged(verdict=Verdict(Status.MET, 81.0, on))
    assert status_reason(met) == "Đã đạt 81 % (30/06/2026), chỉ tiêu 80 %."
    missed = judged(verdict=Verdict(Status.MISSED, 70.0, date(2030, 12, 31)))
    assert status_reason(missed) == "Đã quá hạn 31/12/2030: đạt 70 % (31/12/2030), chưa đạt chỉ tiêu 80 %."
    late = judged(late=True)
    assert status_reason(late, period_label="Tháng 6/2026", due=date(2026, 6, 20)) == \
        "Chưa có số liệu được duyệt kỳ Tháng 6/2026 (hạn nộp 20/06/2026)."
    assert status_reason(judged()) == "Chưa có số liệu."


def test_target_text_per_year():
    assert target_text(judged(value=120, per_year=True, unit="sáng kiến")) == "120 sáng kiến mỗi năm"


def test_future_period_ends():
    assert future_ends("month", date(2026, 10, 31), date(2026, 12, 31)) == [date(2026, 11, 30), date(2026, 12, 31)]
    assert future_ends("quarter", date(2026, 6, 30), date(2027, 3, 31)) == [date(2026, 9, 30), date(2026, 12, 31), date(2027, 3, 31)]
    assert future_ends("month", date(2026, 12, 31), date(2026, 12, 31)) == []
