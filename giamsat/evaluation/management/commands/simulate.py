"""``giamsat simulate``: fill an empty database with a simulated country.

The real administrative units (34 provinces, 3,321 communes from vietnam-provinces),
agencies, about 150 indicators, plans with targets and tasks, and five years of monthly
reports (``--scale 1``: about 28 million values), then the roll-up cache.
"""

import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from giamsat.audit.services import record
from giamsat.evaluation import rollup
from giamsat.evaluation.errors import SimulationError
from giamsat.evaluation.simulation import build, fill
from giamsat.reporting.models import Submission


def _n(value) -> str:
    return number_format(value, force_grouping=True)


def last_due_month(today: date) -> date:
    """A day in the latest month whose reports are due by ``today`` (due on the 20th)."""
    if today.day >= 20:
        return today
    return date(today.year, today.month, 1) - timedelta(days=1)


class Command(BaseCommand):
    help = _("Tạo dữ liệu mô phỏng cả nước (đơn vị thật, chỉ tiêu, 5 năm báo cáo hằng tháng) để đo hiệu năng.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help=_("tỷ lệ xã báo cáo, 0–1 (mặc định 1)"))
        parser.add_argument("--province", help=_("chỉ một tỉnh, thành phố (mã, ví dụ 01)"))
        parser.add_argument("--months", type=int, default=60, help=_("số tháng báo cáo (mặc định 60)"))
        parser.add_argument("--seed", type=int, default=57)
        parser.add_argument("--workers", type=int, default=2, help=_("số tiến trình ghi song song (PostgreSQL)"))

    def handle(self, *args, scale, province, months, seed, workers, **options):
        if not 0 < scale <= 1:
            raise SimulationError(_("--scale phải lớn hơn 0 và không quá 1."), location="--scale")
        if not 1 <= months <= 240:
            raise SimulationError(_("--months phải từ 1 đến 240."), location="--months")
        if Submission.objects.exists():
            raise SimulationError(_(
                "Cơ sở dữ liệu đã có báo cáo. Lệnh simulate chỉ chạy trên một cơ sở dữ liệu mới, "
                "ví dụ DATABASE_URL=postgres://postgres@127.0.0.1:5432/giamsat_mo_phong."
            ))
        until = last_due_month(timezone.localdate())
        with _Steps(self.stdout) as step:
            step(_("Đơn vị, danh mục, kế hoạch"))
            with transaction.atomic():
                country = build.structure(until=until, months=months, scale=scale, province=province, seed=seed,
                                          progress=lambda name: None)
            step(_("Báo cáo của {n} xã, {a} cơ quan").format(
                n=_n(country.reporting_communes), a=_n(sum(len(a) for a in country.agencies.values()))),
                total=len(country.provinces))
            values = fill.reports(country, seed=seed, workers=workers, progress=step.advance)
            step(_("Thống kê cơ sở dữ liệu"))
            fill.analyze()
            step(_("Bộ tổng hợp (roll-up)"))
            rollup.rebuild()
            step(_("Giá trị cơ sở của chỉ tiêu"))
            fill.baselines(country)
            record(actor=None, action="simulate", object_type="evaluation.simulation", via="cli",
                   after={"scale": scale, "province": province, "months": months, "seed": seed, "values": values})
        self.stdout.write(_(
            "Xong trong {seconds} giây: {values} số liệu của {communes} xã, {months} tháng ({first} – {last})."
        ).format(seconds=_n(round(step.elapsed)), values=_n(values), communes=_n(country.reporting_communes),
                 months=months, first=country.months[0].label, last=country.months[-1].label))
        self.stdout.write(_("Đăng nhập (mật khẩu {password}):").format(password=build.PASSWORD))
        for username, unit in country.logins:
            self.stdout.write(f"  {username}  ({unit})")


class _Steps:
    """A rich progress bar on a terminal; one line per step (with the time) otherwise."""

    def __init__(self, stdout):
        self.stdout, self.tty = stdout, stdout.isatty()
        self.started = self.mark = time.monotonic()
        self.bar = self.task = None

    def __enter__(self):
        if self.tty:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            self.bar.start()
        return self

    def __call__(self, description: str, total: int | None = None):
        now = time.monotonic()
        if self.tty:
            if self.task is not None:
                self.bar.update(self.task, completed=self.bar.tasks[self.task].total or 1)
            self.task = self.bar.add_task(description, total=total or 1)
        else:
            self.stdout.write(f"[{now - self.started:7.1f} s] {description}")
        self.mark = now

    def advance(self, name: str):
        if self.tty:
            self.bar.update(self.task, advance=1)
        else:
            self.stdout.write(f"[{time.monotonic() - self.started:7.1f} s]   {name}")

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def __exit__(self, *exc):
        if self.bar is not None:
            if self.task is not None:
                self.bar.update(self.task, completed=self.bar.tasks[self.task].total or 1)
            self.bar.stop()
        return False
