"""``giamsat periods [--years 2025 2026] [--kinds month quarter …] [--due-day 20]``; ``--lock CODE``, ``--unlock CODE``."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from giamsat.reporting import rules, schedule, services


class Command(BaseCommand):
    help = _("Tạo các kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm) với hạn nộp; khóa hoặc mở một kỳ.")

    def add_arguments(self, parser):
        parser.add_argument("--years", nargs="+", type=int, help=_("các năm (mặc định: năm nay)"))
        parser.add_argument("--kinds", nargs="+", choices=rules.KINDS, default=list(rules.KINDS), help=_("loại kỳ"))
        parser.add_argument("--due-day", type=int, default=rules.DEFAULT_DUE_DAY, help=_("ngày hạn nộp trong tháng cuối kỳ (mặc định 20)"))
        parser.add_argument("--lock", metavar=_("MÃ_KỲ"), help=_("khóa sổ một kỳ, ví dụ 2025Q1"))
        parser.add_argument("--unlock", metavar=_("MÃ_KỲ"), help=_("mở lại một kỳ đã khóa"))

    def handle(self, *args, years=None, kinds=(), due_day=20, lock=None, unlock=None, **options):
        if lock or unlock:
            period = services.find_period(lock or unlock)
            schedule.set_locked(period, bool(lock), via="cli")
            self.stdout.write(_("Đã {verb} kỳ {period}.").format(verb=_("khóa") if lock else _("mở"), period=period.label))
            return
        years = years or [timezone.localdate().year]
        created, existing = schedule.generate_periods(years, kinds, due_day, via="cli")
        self.stdout.write(_("Đã tạo {created} kỳ báo cáo, {existing} kỳ đã có từ trước.").format(created=len(created), existing=existing))
