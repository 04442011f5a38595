"""``giamsat rollup``: bring the roll-up cache up to date, rebuild it, or check it.

    giamsat rollup            # catch up now (what every dashboard read does)
    giamsat rollup --rebuild  # drop and recompute every cell from the approved values
    giamsat rollup --check    # compare every cell with the values summed directly
"""

import time
from dataclasses import astuple

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from giamsat.evaluation import rollup
from giamsat.evaluation.errors import RollupCheckError
from giamsat.evaluation.models import RollupCell, RollupScope
from giamsat.orgs.models import Unit


def differences(tolerance: float = 1e-6) -> list[str]:
    """Cells that differ from the direct sums, aggregate by aggregate."""
    found = []
    indicators = set(RollupCell.objects.values_list("indicator_id", flat=True).distinct())
    for unit in Unit.objects.filter(pk__in=RollupScope.objects.values("aggregate_id")).order_by("path"):
        cached = rollup.components([unit], indicators, catch_up=False)
        direct = rollup.direct_components([unit], indicators)
        for key in sorted(cached.keys() | direct.keys()):
            a, b = cached.get(key), direct.get(key)
            if a is None or b is None or any(
                (x is None) != (y is None) or (x is not None and abs(x - y) > tolerance * max(1.0, abs(y)))
                for x, y in zip(astuple(a), astuple(b), strict=True)
            ):
                found.append(f"{unit.code} chỉ tiêu {key[1]} kỳ {key[2]}: {a} ≠ {b}")
    return found


class Command(BaseCommand):
    help = _("Cập nhật, dựng lại hoặc kiểm tra bộ tổng hợp số liệu (roll-up).")

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--rebuild", action="store_true", help=_("xóa và tính lại toàn bộ"))
        group.add_argument("--check", action="store_true", help=_("so từng ô với số liệu cộng trực tiếp"))

    def handle(self, *args, rebuild=False, check=False, **options):
        start = time.monotonic()
        if rebuild:
            rollup.rebuild()
            self.stdout.write(_("Đã dựng lại bộ tổng hợp: {cells} ô, trong {seconds} giây.").format(
                cells=RollupCell.objects.count(), seconds=round(time.monotonic() - start, 1)))
            return
        rollup.refresh()
        if not check:
            self.stdout.write(_("Bộ tổng hợp đã cập nhật ({cells} ô).").format(cells=RollupCell.objects.count()))
            return
        found = differences()
        if found:
            for line in found[:20]:
                self.stdout.write(line)
            raise RollupCheckError(_("{n} ô tổng hợp khác với số liệu cộng trực tiếp; chạy: giamsat rollup --rebuild").format(n=len(found)))
        self.stdout.write(_("Mọi ô tổng hợp khớp với số liệu cộng trực tiếp ({cells} ô, {seconds} giây).").format(
            cells=RollupCell.objects.count(), seconds=round(time.monotonic() - start, 1)))
