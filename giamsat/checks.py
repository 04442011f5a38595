"""System checks for what production needs, each with a hint saying what to set.

Registered by ``giamsat.orgs.apps.OrgsConfig.ready``; they run before every
management command (``giamsat serve``, ``giamsat migrate``) and in
``giamsat check --deploy``.
"""

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _


def production_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if getattr(settings, "ENVIRONMENT", "") != "production":
        return []
    found = []
    if settings.DEBUG:
        found.append(checks.Error(
            _("DEBUG đang bật trong môi trường production: lỗi sẽ lộ mã nguồn và cấu hình."),
            hint=_("Bỏ biến DEBUG hoặc đặt DEBUG=false."),
            id="giamsat.E001",
        ))
    if not settings.ALLOWED_HOSTS:
        found.append(checks.Error(
            _("ALLOWED_HOSTS trống: máy chủ sẽ từ chối mọi yêu cầu."),
            hint=_("Đặt ALLOWED_HOSTS là tên miền của trang, ví dụ ALLOWED_HOSTS=giamsat.example.gov.vn "
                   "(nhiều tên cách nhau bằng dấu phẩy)."),
            id="giamsat.E002",
        ))
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        found.append(checks.Warning(
            _("Môi trường production đang dùng SQLite."),
            hint=_("SQLite chỉ hợp cho chạy thử hoặc một đơn vị nhỏ. Đặt "
                   "DATABASE_URL=postgres://người_dùng:mật_khẩu@máy_chủ:5432/giamsat."),
            id="giamsat.W001",
        ))
    if not getattr(settings, "AXES_ENABLED", True):
        found.append(checks.Warning(
            _("Chống dò mật khẩu (django-axes) đang tắt trong môi trường production."),
            hint=_("Bỏ biến AXES_ENABLED hoặc đặt AXES_ENABLED=true."),
            id="giamsat.W002",
        ))
    return found


def register() -> None:
    checks.register(production_settings, checks.Tags.security, deploy=False)
