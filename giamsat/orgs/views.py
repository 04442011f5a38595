"""Views of the orgs app: the page shown to a login that is locked out."""

import math

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_minutes() -> int:
    """How long a locked-out login waits, in whole minutes (rounded up)."""
    return math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def lockout(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: a Vietnamese page, status 429."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    message = _(
        "Tài khoản “{username}” tạm bị khóa vì đăng nhập sai {limit} lần liên tiếp. "
        "Vui lòng thử lại sau {minutes} phút, hoặc liên hệ người quản trị để mở khóa."
    ).format(username=username, limit=settings.AXES_FAILURE_LIMIT, minutes=lockout_minutes())
    return render(request, "orgs/lockout.html", {"message": message}, status=settings.AXES_HTTP_RESPONSE_CODE)
