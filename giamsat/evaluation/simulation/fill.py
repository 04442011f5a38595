"""The reports of a simulated country: every commune's monthly values, every agency's
task progress, a few difficulties and recommendations, then the roll-up cache and the
targets' baselines.

Statuses look like a real round: the latest month is still coming in (most reports
approved, some only submitted, a few missing), older months are approved with a
rare gap.
"""

import multiprocessing
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection, connections, transaction

from giamsat.evaluation import rollup
from giamsat.evaluation.rules import aggregate, ratio_scale
from giamsat.evaluation.simulation.build import Country
from giamsat.evaluation.simulation.bulk import Writer, bare_table, next_id, reset_sequence
from giamsat.evaluation.simulation.catalog import catalog
from giamsat.evaluation.simulation.model import Commune
from giamsat.kpi.models import Target
from giamsat.reporting.models import Submission, TaskUpdate, Value

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DIFFICULTIES = [
    "Hạ tầng Internet ở một số thôn vùng sâu còn yếu, thường xuyên mất kết nối.",
    "Đội ngũ cán bộ phụ trách chuyển đổi số còn kiêm nhiệm, thiếu kỹ năng chuyên sâu.",
    "Kinh phí cho chuyển đổi số chưa được bố trí kịp thời.",
    "Người cao tuổi còn ngại sử dụng dịch vụ công trực tuyến.",
    "Phần mềm một cửa điện tử của tỉnh thỉnh thoảng bị gián đoạn, ảnh hưởng tiến độ xử lý hồ sơ.",
    "Dữ liệu đất đai chưa được số hóa đầy đủ nên chưa thể giải quyết trực tuyến toàn trình.",
    "Doanh nghiệp nhỏ trên địa bàn còn e ngại chi phí khi chuyển sang nền tảng số.",
    "Sau sắp xếp đơn vị hành chính, việc bàn giao hồ sơ, dữ liệu còn chậm.",
]
RECOMMENDATIONS = [
    "Đề nghị tỉnh hỗ trợ kinh phí nâng cấp đường truyền cho các thôn vùng sâu.",
    "Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn kỹ năng số cho cán bộ cấp xã.",
    "Kiến nghị bổ sung biên chế cán bộ chuyên trách công nghệ thông tin cho xã.",
    "Đề nghị doanh nghiệp viễn thông mở rộng vùng phủ sóng 4G/5G.",
    "Kiến nghị hoàn thiện cơ sở dữ liệu đất đai để kết nối với phần mềm một cửa.",
    "Đề nghị có cơ chế khen thưởng cho tổ công nghệ số cộng đồng hoạt động hiệu quả.",
]


def _status(rng: random.Random, t: int, last: int) -> str | None:
    """None: no report (late). The latest month is still being approved."""
    draw = rng.random()
    if t == last:
        return "approved" if draw < 0.86 else "submitted" if draw < 0.94 else None
    if t == last - 1:
        return "approved" if draw < 0.985 else None
    return "approved" if draw < 0.996 else None


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


SUBMISSION_COLUMNS = ["id", "unit_id", "period_id", "status", "difficulties", "recommendations",
                      "submitted_at", "decided_at", "version"]
VALUE_COLUMNS = ["submission_id", "indicator_id", "value", "numerator", "denominator"]
TASK_COLUMNS = ["submission_id", "task_id", "status", "progress", "completed_on"]


def _submission(rng, sid, unit_id, period_id, due, status) -> tuple:
    narrative = rng.random() < 0.08
    submitted = due - timedelta(days=rng.randint(0, 6))
    return (sid, unit_id, period_id, status,
            rng.choice(DIFFICULTIES) if narrative else "", rng.choice(RECOMMENDATIONS) if narrative else "",
            _at(submitted), _at(submitted + timedelta(days=rng.randint(1, 5)), 15) if status == "approved" else None,
            3 if status == "approved" else 2)


def _province_bias(rng: random.Random, specs) -> dict[str, tuple[float, float]]:
    return {s.code: (rng.gauss(0, 6.0 if s.value_type == "percent" else abs(s.start) * 0.08), rng.uniform(0.6, 1.3))
            for s in specs}


def _task_update(rng: random.Random, task, t: int, period, plan: dict) -> tuple | None:
    """Progress of a task in month ``t``: started at plan['start'], finishes at plan['finish']."""
    if task.recurrence:
        done = plan["quarterly"].setdefault(period.year * 10 + (period.number - 1) // 3, rng.random() < 0.85)
        if period.number % 3 == 0 and done:
            return "done", 100, period.end - timedelta(days=rng.randint(0, 10))
        return "in_progress", 30 + 20 * ((period.number - 1) % 3), None
    if t < plan["start"]:
        return ("not_started", 0, None) if rng.random() < 0.5 else None
    if t >= plan["finish"]:
        return "done", 100, plan["completed_on"]
    span = max(1, plan["finish"] - plan["start"])
    return "in_progress", min(95, round(100 * (t - plan["start"] + 1) / span)), None


def _task_plans(tasks, months, rng) -> dict[int, dict]:
    plans = {}
    index_of = {(p.year, p.number): i for i, p in enumerate(months)}
    for task in tasks:
        start = rng.randint(0, max(0, len(months) - 12))
        if task.deadline is None:
            plans[task.pk] = {"start": 0, "finish": 10**6, "completed_on": None, "quarterly": {}}
            continue
        due = index_of.get((task.deadline.year, task.deadline.month), len(months) + 24)
        start = min(start, max(0, due - 3))
        fate = rng.random()
        finish = due - rng.randint(0, 3) if fate < 0.6 else due + rng.randint(1, 8) if fate < 0.85 else 10**6
        finish = max(start + 1, finish)
        completed_on = months[finish].end - timedelta(days=rng.randint(0, 20)) if finish < len(months) else None
        plans[task.pk] = {"start": start, "finish": finish, "completed_on": completed_on, "quarterly": {}}
    return plans


@dataclass(frozen=True)
class Job:
    """One province's communes for a worker: (unit id, admin code, first submission id)."""

    name: str
    code: str
    communes: list[tuple[int, str, int]]
    periods: list[tuple[int, date]]  # (period id, due date)
    indicator_ids: list[int]
    seed: int


def _communes_job(job: Job) -> tuple[str, int]:
    """Write one province's commune reports in its own transaction (a worker's task)."""
    specs = catalog()
    rng = random.Random(f"{job.seed}-{job.code}")
    bias = _province_bias(rng, specs)
    last = len(job.periods) - 1
    with transaction.atomic():
        submissions = Writer(Submission, SUBMISSION_COLUMNS, batch=20_000)
        values = Writer(Value, VALUE_COLUMNS)
        for unit_id, code, first in job.communes:
            number = int(code) if code.isdigit() else unit_id
            commune = Commune(specs, seed=job.seed * 1_000_003 + number, province_bias=bias)
            draws = random.Random(job.seed * 7_919 + number)
            for t, (period_id, due) in enumerate(job.periods):
                status = _status(draws, t, last)
                rows = commune.month(t)  # drawn even when not reported, to keep the draws aligned
                if status is None:
                    continue
                submissions.add(_submission(draws, first + t, unit_id, period_id, due, status))
                values.add_values(first + t, rows, job.indicator_ids)
        submissions.flush()
        values.flush()
    return job.name, values.count


def reports(country: Country, *, seed: int, workers: int, progress) -> int:
    """Write every report (communes in ``workers`` processes on PostgreSQL); returns the
    number of values written."""
    periods = [(p.pk, p.due) for p in country.months]
    ids = [i.pk for i in country.indicators]
    next_sid, jobs = next_id(Submission), []
    for province in country.provinces:
        communes = []
        for unit in country.communes[province.pk]:
            communes.append((unit.pk, unit.admin_code, next_sid))
            next_sid += len(periods)
        jobs.append(Job(province.name, province.admin_code, communes, periods, ids, seed))
    total = 0
    with bare_table(Value):
        if workers > 1 and connection.vendor == "postgresql":
            connections.close_all()  # each worker opens its own connection
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for name, count in pool.imap_unordered(_communes_job, jobs):
                    total += count
                    progress(name)
        else:
            for job in jobs:
                name, count = _communes_job(job)
                total += count
                progress(name)
    with transaction.atomic():
        submissions = Writer(Submission, SUBMISSION_COLUMNS, batch=20_000)
        updates = Writer(TaskUpdate, TASK_COLUMNS, batch=20_000)
        rng = random.Random(seed)
        for owner in [p.pk for p in country.provinces] + [country.nation.pk]:
            next_sid = _agency_reports(country, owner, rng, next_sid, submissions, updates)
        submissions.flush()
        updates.flush()
    for model in (Submission, Value, TaskUpdate):
        reset_sequence(model)
    return total


def _agency_reports(country, owner_id, rng, sid, submissions, updates) -> int:
    months, last = country.months, len(country.months) - 1
    for agency in country.agencies.get(owner_id, []):
        tasks = country.tasks.get(agency.pk, [])
        plans = _task_plans(tasks, months, rng)
        for t, period in enumerate(months):
            status = _status(rng, t, last)
            if status is None:
                continue
            submissions.add(_submission(rng, sid, agency.pk, period.pk, period.due, status))
            for task in tasks:
                update = _task_update(rng, task, t, period, plans[task.pk])
                if update:
                    updates.add((sid, task.pk, *update))
            sid += 1
    submissions.flush()  # task updates refer to these submissions
    return sid


def analyze() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def baselines(country: Country) -> int:
    """Each target's baseline: its unit's roll-up in the first month."""
    first = country.months[0]
    targets = list(Target.objects.filter(plan__number__startswith="MP-57", baseline_value__isnull=True).select_related("indicator", "unit"))
    units = {t.unit_id: t.unit for t in targets}
    comps = rollup.components(list(units.values()), {t.indicator_id for t in targets}, [first.pk])
    changed = []
    for target in targets:
        c = comps.get((target.unit_id, target.indicator_id, first.pk))
        if c is None:
            continue
        ind = target.indicator
        value = aggregate(ind.aggregation, c, scale=ratio_scale(ind.value_type))
        if value is None or target.per_year:
            continue
        target.baseline_value, target.baseline_date = round(value, 4), first.end
        changed.append(target)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Target._meta.db_table} SET baseline_value = %s, baseline_date = %s WHERE id = %s",  # noqa: S608
            [(t.baseline_value, t.baseline_date, t.pk) for t in changed],
        )
    return len(changed)
