"""``giamsat demo``: build the demo database from the seed plans and print the logins."""

import time

from django.core.management.base import BaseCommand

from giamsat.demo.builder import build


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: Nghị quyết 57-NQ/TW, năm kế hoạch thật, đơn vị, người dùng (chạy lại không sao)."

    def handle(self, *args, **options):
        started = time.monotonic()
        context = build(self.stdout)
        for note in context.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(self.style.SUCCESS(
            f"Xong dữ liệu mẫu sau {time.monotonic() - started:.1f} giây."
        ))
        self.stdout.write(f"\nĐăng nhập tại /dang-nhap/ — mật khẩu chung cho mọi tài khoản: {context.password}\n")
        width = max(len(username) for username, _role, _unit in context.logins)
        for username, role, unit in context.logins:
            self.stdout.write(f"  {username:<{width}}  {role:<11}  {unit}")
