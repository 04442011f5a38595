"""``giamsat remind [--list] [--loop]``: remind units whose reports are due soon or late.

Each pass sends one reminder (claimed by inserting a Reminder row, so two workers
never send the same one); ``--loop`` repeats, sleeps when idle, and stops on SIGTERM.
"""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone
from django.utils.translation import gettext as _

from giamsat.reporting import idempotency, reminders, schedule


class Command(BaseCommand):
    help = _("Nhắc các đơn vị có báo cáo sắp đến hạn hoặc đã quá hạn (gửi thư theo EMAIL_BACKEND).")

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help=_("chỉ liệt kê, không gửi"))
        parser.add_argument("--loop", action="store_true", help=_("chạy liên tục như một tiến trình nền"))
        parser.add_argument("--idle", type=float, default=300, help=_("số giây nghỉ khi không còn việc (mặc định 300)"))

    def handle(self, *args, list=False, loop=False, idle=300, **options):  # noqa: A002 - the option's name
        if list:
            self._list()
            return
        self.stopping = False
        if loop:
            signal.signal(signal.SIGTERM, self._stop)
        sent = 0
        while not self.stopping:
            close_old_connections()
            if reminders.run_once(timezone.now()):
                sent += 1
                continue
            if not loop:
                break
            idempotency.purge(timezone.now())
            for _second in range(int(idle)):
                if self.stopping:
                    break
                time.sleep(1)
        self.stdout.write(_("Đã gửi {count} lời nhắc.").format(count=sent))

    def _stop(self, signum, frame):
        self.stopping = True

    def _list(self):
        today = timezone.localdate()
        items = schedule.deadlines(today)
        if not items:
            self.stdout.write(_("Không có báo cáo nào sắp đến hạn hay quá hạn."))
        for d in items:
            state = _("quá hạn {days} ngày").format(days=d.days_late) if d.state == "late" else _("sắp đến hạn")
            self.stdout.write(f"{d.period.label}\t{d.unit.code}\t{d.unit.name}\t{d.period.due:%d/%m/%Y}\t{state}")
