"""Reporting periods and a year of report values for the demo.

The story is the year 2025, whatever the day the demo is built (so running it again adds
nothing): every period of 2025 and 2026 exists; each unit that owes reports has its
quarters of 2025 approved, a few targets lag behind on purpose, and the fourth quarter is
caught mid-way (some reports submitted, one returned with a comment, some still drafts,
some not started). Everything goes through the reporting services, as an officer and a
leader would, so each step leaves its audit event.
"""

import datetime
import random
from decimal import Decimal

from giamsat.demo.context import DemoContext
from giamsat.orgs.models import Membership, Role
from giamsat.reporting import rules, schedule, services
from giamsat.reporting.checks import RawEntry
from giamsat.reporting.models import ReportingPeriod, Submission
from giamsat.reporting.requirements import expected_units, led_tasks, required_indicators
from giamsat.reporting.tasks import RawTask

YEARS = (2025, 2026)
STORY_YEAR = 2025
START = datetime.date(2025, 1, 1)
LAGGING_EVERY = 5  # one (unit, indicator) pair in five lags far behind its target
NATIONAL_ADMIN = "quantri.trunguong"


def load(context: DemoContext) -> None:
    created, _existing = schedule.generate_periods(YEARS, via="demo")
    admin = context.users.get(NATIONAL_ADMIN)
    quarters = list(ReportingPeriod.objects.filter(year=STORY_YEAR, kind=rules.QUARTER).order_by("number"))
    made = 0
    for period in quarters:
        last = period.number == 4
        for index, unit in enumerate(expected_units(period)):
            if Submission.objects.filter(unit=unit, period=period).exists():
                continue
            fate = _fate(index) if last else "approved"
            if fate == "missing":
                continue
            _report(unit, period, fate, admin)
            made += 1
    context.say(f"Báo cáo: {len(created)} kỳ báo cáo mới, {made} báo cáo mẫu năm {STORY_YEAR}")


def _fate(index: int) -> str:
    return ("approved", "submitted", "returned", "draft", "missing", "approved", "submitted")[index % 7]


def _member(unit, role, fallback):
    membership = Membership.objects.filter(unit=unit, role=role).select_related("user").first()
    return membership.user if membership else fallback


def _report(unit, period, fate: str, admin) -> None:
    officer = _member(unit, Role.OFFICER, admin)
    leader = _member(unit.parent, Role.LEADER, admin) if unit.parent_id else admin
    requirements = required_indicators(unit, period)
    entries = [_entry(unit, req, period) for req in requirements.values()]
    tasks = [RawTask(t.pk, status="in_progress", progress=min(95, 20 * period.number), result="Đang triển khai theo kế hoạch")
             for t in led_tasks(unit, period)]
    narrative = {
        "results": f"Triển khai các nhiệm vụ của {period.label} theo kế hoạch; đã cập nhật số liệu {len(entries)} chỉ tiêu.",
        "difficulties": "Hạ tầng số ở một số thôn, ấp còn hạn chế; nhân lực công nghệ thông tin còn thiếu.",
        "recommendations": "Đề nghị cấp trên hỗ trợ kinh phí đào tạo kỹ năng số cho cán bộ cơ sở.",
        "next_plans": "Tiếp tục đẩy mạnh dịch vụ công trực tuyến và chuyển đổi số trong cơ quan đảng.",
    }
    saved = services.save_report(officer, unit, period, entries=entries, tasks=tasks, narrative=narrative, via="demo")
    if saved.warnings:  # a value far from last quarter's: the officer checks it and confirms
        flagged = {w.location.split(".")[0] for w in saved.warnings}
        again = [RawEntry(e.indicator, e.value, e.numerator, e.denominator, "Đã rà soát, số liệu đúng", True)
                 for e in entries if e.indicator in flagged]
        services.save_report(officer, unit, period, entries=again, via="demo")
    if fate == "draft":
        return
    services.act(officer, unit, period, rules.SUBMIT, via="demo")
    if fate == "approved":
        services.act(leader, unit, period, rules.APPROVE, via="demo")
    elif fate == "returned":
        services.act(leader, unit, period, rules.RETURN, via="demo",
                     reason="Đề nghị rà soát lại mẫu số dân số theo số liệu của công an xã.")


def _entry(unit, req, period) -> RawEntry:
    """A plausible value on the way from a baseline to the target; some pairs lag on purpose."""
    spec, target = req.spec, req.target
    rng = random.Random(f"{unit.code}:{spec.code}")  # the same unit and indicator always tell the same story
    lagging = rng.randrange(LAGGING_EVERY) == 0
    goal = Decimal(target.value) if target else Decimal(rng.randint(50, 90))
    year = (target.year if target and target.year else STORY_YEAR + 5)
    span = max((datetime.date(year, 12, 31) - START).days, 1)
    done = min(Decimal((period.end - START).days) / span, Decimal(1))
    speed = Decimal("0.35") if lagging else Decimal(rng.randint(90, 115)) / 100
    lower_is_better = target is not None and target.comparator in ("<=", "<")
    baseline = goal * (Decimal("1.6") if lower_is_better else Decimal("0.55"))
    level = baseline + (goal - baseline) * done * speed
    note = "Chậm so với lộ trình" if lagging else ""
    where = lambda part: f"{spec.code}.{part}"  # noqa: E731 - matches the demo's re-save above
    if spec.needs_fraction:
        denominator = rng.randint(8000, 40000)
        percent = min(level, Decimal(99))
        return RawEntry(spec.code, numerator=int(denominator * percent / 100), denominator=denominator, note=note, where=where)
    if spec.value_type in ("count", "rank"):
        return RawEntry(spec.code, value=max(1, int(level)), note=note, where=where)
    if spec.value_type == "percent":
        level = min(level, Decimal(100))
    return RawEntry(spec.code, value=level.quantize(Decimal("0.1")), note=note, where=where)
