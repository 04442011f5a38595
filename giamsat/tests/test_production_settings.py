"""GIAMSAT_ENV=production: secure cookies, HSTS, secrets from the environment, and
system checks that say what to fix (each case runs in a subprocess)."""

import json

import pytest
from django.conf import settings

from giamsat.tests.console import run_giamsat, run_python

LONG_KEY = "k3y-" + "Zq8-Vn57-" * 8  # 76 characters, not the development default
POSTGRES = "postgres://giamsat@127.0.0.1:5432/giamsat"  # never connected by `check`
PRODUCTION = {"GIAMSAT_ENV": "production", "SECRET_KEY": LONG_KEY, "ALLOWED_HOSTS": "example.org",
              "DATABASE_URL": POSTGRES}


def test_check_deploy_reports_nothing_in_production(tmp_path):
    result = run_giamsat(tmp_path, "check", "--deploy", **PRODUCTION)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "System check identified no issues (0 silenced).\n"


def test_production_turns_on_secure_cookies_and_hsts(tmp_path):
    names = ["DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
             "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
             "SECURE_CONTENT_TYPE_NOSNIFF", "X_FRAME_OPTIONS", "SESSION_EXPIRE_AT_BROWSER_CLOSE",
             "SESSION_COOKIE_AGE"]
    code = ("import django, json; django.setup(); from django.conf import settings as s; "
            f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))")
    result = run_python(tmp_path, code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "DEBUG": False, "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True, "SECURE_SSL_REDIRECT": True, "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True, "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY", "SESSION_EXPIRE_AT_BROWSER_CLOSE": True, "SESSION_COOKIE_AGE": 28800,
    }


def test_development_keeps_cookies_usable_over_plain_http():
    assert settings.SESSION_COOKIE_SECURE is False
    assert settings.SECURE_HSTS_SECONDS == 0


REFUSED_KEY = ("giamsat: GIAMSAT_ENV=production cần biến SECRET_KEY riêng, dài ít nhất 50 ký tự. Tạo một khóa "
               "bằng: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'\n")


@pytest.mark.parametrize("key", [None, "giamsat-development-secret-do-not-use-in-production", "ngan-qua"])
def test_production_refuses_to_start_without_its_own_secret_key(tmp_path, key):
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    if key is not None:
        env["SECRET_KEY"] = key
    result = run_giamsat(tmp_path, "check", **env)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", REFUSED_KEY)


def test_debug_in_production_is_an_error(tmp_path):
    result = run_giamsat(tmp_path, "check", **PRODUCTION, DEBUG="true")
    assert result.returncode == 1
    assert ("?: (giamsat.E001) DEBUG đang bật trong môi trường production: lỗi sẽ lộ mã nguồn và cấu hình.\n"
            "\tHINT: Bỏ biến DEBUG hoặc đặt DEBUG=false.\n") in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_allowed_hosts_in_production_is_an_error(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "ALLOWED_HOSTS"}
    result = run_giamsat(tmp_path, "check", **env)
    assert result.returncode == 1
    assert "(giamsat.E002) ALLOWED_HOSTS trống: máy chủ sẽ từ chối mọi yêu cầu." in result.stderr


def test_sqlite_in_production_is_a_warning_with_a_hint(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "DATABASE_URL"}
    result = run_giamsat(tmp_path, "check", "--deploy", **env)
    assert result.returncode == 0
    assert ("?: (giamsat.W001) Môi trường production đang dùng SQLite.\n\tHINT: SQLite chỉ hợp cho chạy thử "
            "hoặc một đơn vị nhỏ. Đặt DATABASE_URL=postgres://người_dùng:mật_khẩu@máy_chủ:5432/giamsat.\n"
            ) in result.stderr


def test_login_throttling_off_in_production_is_a_warning(tmp_path):
    result = run_giamsat(tmp_path, "check", **PRODUCTION, AXES_ENABLED="false")
    assert result.returncode == 0
    assert "(giamsat.W002) Chống dò mật khẩu (django-axes) đang tắt trong môi trường production." in result.stderr
