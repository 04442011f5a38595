"""``giamsat createtoken USERNAME [--name NAME]``: print a new API token once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from giamsat.orgs import tokens
from giamsat.orgs.errors import MemberError


class Command(BaseCommand):
    help = _("Tạo khóa API cho một người dùng; khóa chỉ được in ra một lần.")

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", metavar=_("TÊN_ĐĂNG_NHẬP"))
        parser.add_argument("--name", default="", help=_("tên gợi nhớ, ví dụ “Phần mềm thống kê của Sở”"))

    def handle(self, *args, username=None, name="", **options):
        if not username:
            raise MemberError(_("Thiếu tên đăng nhập. Ví dụ: giamsat createtoken ld_tinh --name \"Máy chủ báo cáo\""))
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise MemberError(_("Không có người dùng “{username}”.").format(username=username), location="username")
        if not user.is_active:
            raise MemberError(_("Người dùng “{username}” đã bị khóa.").format(username=username), location="username")
        token, key = tokens.create_token(user, name or _("Khóa dòng lệnh"), via="cli")
        self.stderr.write(_("Khóa API “{name}” của “{username}” (chỉ hiện một lần, hãy lưu lại ngay):").format(
            name=token.name, username=username))
        self.stdout.write(key)
