"""``giamsat createuser USERNAME --unit CODE --role ROLE [--password-from-env VAR]``."""

import getpass
import os
import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from giamsat.orgs import members
from giamsat.orgs.errors import MemberError


class Command(BaseCommand):
    help = _("Tạo người dùng và gán vai trò ở một đơn vị.")

    def add_arguments(self, parser):
        # Required values are checked in handle() so the messages are in Vietnamese.
        parser.add_argument("username", nargs="?", metavar=_("TÊN_ĐĂNG_NHẬP"))
        parser.add_argument("--unit", metavar=_("MÃ"), help=_("mã đơn vị, ví dụ VN-91"))
        parser.add_argument("--role", metavar=_("VAI_TRÒ"), help="admin, leader, officer, viewer")
        parser.add_argument("--password-from-env", metavar=_("BIẾN"),
                            help=_("đọc mật khẩu từ biến môi trường này (mặc định: hỏi khi chạy)"))
        parser.add_argument("--email", default="")

    def handle(self, *args, username=None, unit=None, role=None, password_from_env=None, email="", **options):
        if not username:
            raise MemberError(_("Thiếu tên đăng nhập. Ví dụ: giamsat createuser ld_tinh --unit VN-91 --role leader"))
        if not unit:
            raise MemberError(_("Thiếu mã đơn vị: --unit MÃ."), location="--unit")
        if not role:
            raise MemberError(_("Thiếu vai trò: --role admin, leader, officer hoặc viewer."), location="--role")
        the_unit = members.find_unit(unit, location="--unit")
        the_role = members.parse_role(role, location="--role")
        password = self._password(password_from_env)
        members.create_user(username, unit=the_unit, role=the_role, password=password, email=email, via="cli")
        self.stdout.write(_("Đã tạo người dùng “{username}” với vai trò {role} tại “{unit}” ({code}).").format(
            username=username, role=the_role.label, unit=the_unit.name, code=the_unit.code))

    def _password(self, variable: str | None) -> str:
        if variable:
            value = os.environ.get(variable, "")
            if not value:
                raise MemberError(_("Biến môi trường “{name}” chưa được đặt hoặc để trống.").format(name=variable),
                                  location="--password-from-env")
            return value
        if not sys.stdin.isatty():
            raise MemberError(_("Cần mật khẩu: dùng --password-from-env TÊN_BIẾN, hoặc chạy lệnh trong cửa sổ "
                                "dòng lệnh để nhập."), location="password")
        first = getpass.getpass(_("Mật khẩu: "))
        if first != getpass.getpass(_("Nhập lại mật khẩu: ")):
            raise MemberError(_("Hai lần nhập mật khẩu không khớp."), location="password")
        return first
