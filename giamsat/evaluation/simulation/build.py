"""The structure of a simulated country: units and agencies, the indicator catalog,
reporting periods, the plans with their targets and tasks, and the demo logins.

A synthetic database for measuring and demonstrating, built in bulk: it bypasses the
per-row services (one audit event records the whole run, see ``simulate``).
"""

import calendar
import math
import random
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model

from giamsat.evaluation.simulation.catalog import POPULATION, Spec, catalog
from giamsat.evaluation.simulation.model import expected_level
from giamsat.kpi.models import Indicator, Resolution, Target
from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level, Membership, Role, Unit, UnitKind
from giamsat.plans.models import Plan, PlanKind, PlanStatus, Task
from giamsat.reporting.models import ReportingPeriod

PLAN_PREFIX = "MP-57"
PASSWORD = "mo-phong-giamsat-2026"  # noqa: S105 - printed demo login of a synthetic database
MINISTRIES = [
    ("BKHCN", "Bộ Khoa học và Công nghệ"), ("BCA", "Bộ Công an"), ("BTC", "Bộ Tài chính"),
    ("BNV", "Bộ Nội vụ"), ("BGDDT", "Bộ Giáo dục và Đào tạo"), ("BYT", "Bộ Y tế"),
    ("VPCP", "Văn phòng Chính phủ"), ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
]
AGENCIES = [
    ("SKHCN", "Sở Khoa học và Công nghệ"), ("SNV", "Sở Nội vụ"), ("STC", "Sở Tài chính"),
    ("CA", "Công an"), ("VP", "Văn phòng Ủy ban nhân dân"),
]
NATIONAL_TASKS = [
    "Hoàn thiện thể chế, chính sách về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "Xây dựng Cơ sở dữ liệu quốc gia về khoa học và công nghệ",
    "Mở rộng nền tảng định danh và xác thực điện tử cho người dân, doanh nghiệp",
    "Hoàn thành Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức",
    "Triển khai hóa đơn điện tử khởi tạo từ máy tính tiền trên toàn quốc",
    "Đưa nội dung kỹ năng số vào chương trình giáo dục phổ thông",
    "Triển khai hồ sơ sức khỏe điện tử cho toàn dân",
    "Nâng cấp Cổng Dịch vụ công quốc gia",
    "Phát triển thanh toán không dùng tiền mặt ở khu vực nông thôn",
    "Tổng kết, đánh giá việc thực hiện Nghị quyết hằng quý",
]
PROVINCE_TASKS = [
    "Xây dựng kế hoạch chuyển đổi số của tỉnh giai đoạn 2026–2030",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
    "Triển khai Trung tâm giám sát, điều hành thông minh của tỉnh",
    "Tổ chức phong trào Bình dân học vụ số",
    "Rà soát, cắt giảm thủ tục hành chính, điều kiện kinh doanh",
    "Xây dựng cơ sở dữ liệu đất đai của tỉnh",
    "Báo cáo tình hình thực hiện Nghị quyết 57-NQ/TW",
    "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
    "Bảo đảm an toàn thông tin cho các hệ thống thông tin cấp độ 3",
    "Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã",
    "Phát triển hạ tầng 5G và Internet cáp quang đến thôn, bản",
    "Xây dựng cơ chế thí điểm cho mô hình kinh doanh mới dựa trên công nghệ số",
]


@dataclass
class Country:
    nation: Unit
    provinces: list[Unit]
    communes: dict[int, list[Unit]]  # province id -> the communes that report
    agencies: dict[int, list[Unit]]  # province id (or the nation's) -> agencies
    specs: list[Spec]
    indicators: list[Indicator]
    months: list[ReportingPeriod]
    tasks: dict[int, list[Task]] = field(default_factory=dict)  # lead unit id -> tasks
    logins: list[tuple[str, str]] = field(default_factory=list)

    @property
    def reporting_communes(self) -> int:
        return sum(len(c) for c in self.communes.values())


def month_periods(until: date, count: int) -> list[ReportingPeriod]:
    """``count`` monthly periods ending with the month of ``until`` (due on the 20th)."""
    y, m = until.year, until.month
    keys = []
    for _ in range(count):
        keys.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    keys.reverse()
    existing = {(p.year, p.number): p for p in ReportingPeriod.objects.filter(kind="month")}
    missing = []
    for y, m in keys:
        if (y, m) not in existing:
            last = calendar.monthrange(y, m)[1]
            missing.append(ReportingPeriod(kind="month", year=y, number=m, start=date(y, m, 1),
                                           end=date(y, m, last), due=date(y, m, min(20, last))))
    ReportingPeriod.objects.bulk_create(missing)
    existing = {(p.year, p.number): p for p in ReportingPeriod.objects.filter(kind="month")}
    return [existing[k] for k in keys]


def load_units(province: str | None, progress) -> tuple[Unit, list[Unit]]:
    """The real tree from vietnam-provinces, through orgs' loader."""
    from giamsat.orgs.vietnam import load_vietnam, national_root

    load_vietnam(province=province, via="simulate", progress=lambda p: progress(p.name))
    nation = national_root()
    provinces = list(Unit.objects.filter(parent=nation, level=Level.PROVINCE, kind=UnitKind.ADMINISTRATIVE_AREA).order_by("admin_code"))
    if province:
        provinces = [p for p in provinces if p.admin_code == f"{int(province):02d}"]
    return nation, provinces


def _agency(parent: Unit, code: str, name: str, level: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    return unit or org_services.create_unit(code=code, name=name, short_name=name, kind=UnitKind.AGENCY,
                                            level=level, parent=parent, via="simulate")


def agencies(nation: Unit, provinces: list[Unit]) -> dict[int, list[Unit]]:
    result = {nation.pk: [_agency(nation, f"VN-{c}", n, Level.NATIONAL) for c, n in MINISTRIES]}
    for p in provinces:
        result[p.pk] = [_agency(p, f"{p.code}-{c}", f"{n} {p.name}" if c == "CA" else f"{n} {p.short_name or p.name}",
                                Level.PROVINCE) for c, n in AGENCIES]
    return result


def reporting_communes(provinces: list[Unit], scale: float) -> dict[int, list[Unit]]:
    result = {}
    for p in provinces:
        communes = list(Unit.objects.filter(parent=p, level=Level.COMMUNE).order_by("admin_code"))
        result[p.pk] = communes[:max(1, math.ceil(len(communes) * scale))] if communes else []
    return result


def indicators(specs: list[Spec]) -> list[Indicator]:
    resolution, _ = Resolution.objects.get_or_create(code="57-NQ/TW", defaults={"title": "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"})
    existing = {i.code: i for i in Indicator.objects.filter(code__in=[s.code for s in specs])}
    Indicator.objects.bulk_create([
        Indicator(code=s.code, name=s.name, unit_of_measure=s.unit, value_type=s.value_type, direction=s.direction,
                  aggregation=s.aggregation, temporality=s.temporality, category=s.category, is_public=s.public)
        for s in specs if s.code not in existing
    ])
    by_code = {i.code: i for i in Indicator.objects.filter(code__in=[s.code for s in specs])}
    population = by_code[POPULATION]
    Indicator.objects.filter(code__in=[s.code for s in specs if s.aggregation == "weighted_mean"]).update(weight_indicator=population)
    resolution.indicator_set.add(*by_code.values())
    return [by_code[s.code] for s in specs]


def _round(value: float) -> float:
    if value >= 100:
        digits = int(math.log10(value)) - 1
        return round(value, -digits)
    return round(value, 1 if value < 10 else 0)


def _targets(plan: Plan, unit: Unit, specs, inds, *, communes: int, start: date, rng: random.Random, bias: float):
    """One 2030 target per indicator (a yearly one for counted flows), some 2027 milestones."""
    years = (date(2030, 12, 31) - start).days / 365.25
    rows = []
    for spec, ind in zip(specs, inds, strict=True):
        if spec.aggregation == "none":
            continue
        factor = rng.uniform(0.92, 1.22)
        lower = spec.direction == "lower"
        comparator = "<=" if lower else ">="
        per_year = False
        if spec.aggregation == "sum" and spec.temporality == "flow":
            yearly = spec.start * 1.1 * (1 + spec.growth * 0.9 * 5) * 12 * communes
            value, per_year = _round(yearly * (2 - factor if lower else factor)), True
        elif spec.aggregation == "sum":
            value = _round(spec.start * 1.1 * communes * (1 + spec.growth * 0.9 * years) * factor)
        else:
            level = expected_level(spec, years) + bias
            if spec.aggregation == "min":
                level *= 0.55
            elif spec.aggregation == "max":
                level *= 1.8
            value = level * (2.05 - factor if lower else factor)
            if spec.value_type == "percent" or spec.unit == "điểm":
                value = min(99.0, max(1.0, value))
            value = _round(value)
        common = {"plan": plan, "indicator": ind, "unit": unit, "indicator_text": spec.name, "category": spec.category,
                  "comparator": comparator, "unit_text": spec.unit}
        rows.append(Target(year=2030, value=value, per_year=per_year, **common))
        if spec.aggregation == "ratio" and spec.temporality == "stock" and int(spec.code[-3:]) % 5 == 0:
            mid = expected_level(spec, years - 3.75) + bias
            rows.append(Target(year=2027, value=_round(min(99.0, mid * factor)), **common))
    return rows


def plans(country: Country, *, start: date, seed: int) -> None:
    """The national programme and one plan per province, with targets and tasks."""
    nation, rng = country.nation, random.Random(seed)
    national, _ = Plan.objects.get_or_create(
        number=f"{PLAN_PREFIX}/TW", issuing_unit=nation,
        defaults={"title": "Chương trình hành động (mô phỏng) thực hiện Nghị quyết 57-NQ/TW", "kind": PlanKind.PROGRAMME,
                  "issued_on": start, "status": PlanStatus.CONFIRMED, "cadences": ["month"]},
    )
    targets, tasks = [], []
    if not national.targets.exists():
        targets += _targets(national, nation, country.specs, country.indicators,
                            communes=country.reporting_communes, start=start, rng=rng, bias=0.0)
        tasks += _tasks(national, country.agencies[nation.pk], NATIONAL_TASKS, start, rng)
    for p in country.provinces:
        plan, created = Plan.objects.get_or_create(
            number=f"{PLAN_PREFIX}/{p.admin_code}", issuing_unit=p,
            defaults={"title": f"Kế hoạch (mô phỏng) thực hiện Nghị quyết 57-NQ/TW của {p.name}",
                      "issued_on": start, "status": PlanStatus.CONFIRMED, "cadences": ["month"]},
        )
        if created:
            plan.implements.add(national)
            targets += _targets(plan, p, country.specs, country.indicators, communes=len(country.communes[p.pk]),
                                start=start, rng=rng, bias=rng.gauss(0, 3))
            tasks += _tasks(plan, country.agencies[p.pk], PROVINCE_TASKS, start, rng)
    Target.objects.bulk_create(targets, batch_size=2000)
    Task.objects.bulk_create(tasks, batch_size=2000)
    for task in Task.objects.filter(plan__number__startswith=PLAN_PREFIX).select_related("lead_unit"):
        country.tasks.setdefault(task.lead_unit_id, []).append(task)


def _tasks(plan: Plan, leads: list[Unit], titles: list[str], start: date, rng: random.Random) -> list[Task]:
    rows = []
    for i, title in enumerate(titles):
        recurring = "Báo cáo" in title or "Tổng kết" in title
        months = rng.randint(6, 60)
        y, m = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
        rows.append(Task(
            plan=plan, section=f"II.{i + 1}", title=title, lead_unit=leads[i % len(leads)],
            lead_text=leads[i % len(leads)].name, deadline=None if recurring else date(y, m, calendar.monthrange(y, m)[1]),
            recurrence="quarter" if recurring else "", product="Báo cáo" if recurring else "Sản phẩm theo kế hoạch",
        ))
    return rows


def logins(country: Country) -> list[tuple[str, str]]:
    """A leader at the nation and at each of the first provinces (password: PASSWORD)."""
    user_model = get_user_model()
    wanted = [("tw_lanhdao", country.nation)] + [(f"t{p.admin_code}_lanhdao", p) for p in country.provinces[:3]]
    result = []
    for username, unit in wanted:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(username=username, password=PASSWORD, first_name="Lãnh đạo",
                                                  last_name=unit.short_name or unit.name)
        Membership.objects.get_or_create(user=user, unit=unit, role=Role.LEADER)
        result.append((username, unit.name))
    return result


def structure(*, until: date, months: int, scale: float, province: str | None, seed: int, progress) -> Country:
    nation, provinces = load_units(province, progress)
    specs = catalog()
    country = Country(
        nation=nation, provinces=provinces, communes=reporting_communes(provinces, scale),
        agencies=agencies(nation, provinces), specs=specs, indicators=indicators(specs),
        months=month_periods(until, months),
    )
    plans(country, start=country.months[0].start, seed=seed)
    country.logins = logins(country)
    return country
