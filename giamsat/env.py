"""Typed readers for environment variables.

Each helper names the variable when its value is wrong, so a mistyped setting
fails at start-up with one clear sentence instead of deep inside Django.
"""

import os
import urllib.parse

import dj_database_url

from giamsat.errors import ConfigError


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"Biến môi trường {name} phải là true hoặc false, không phải “{raw}”.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"Biến môi trường {name} phải là số nguyên, không phải “{raw}”.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


_DB_SCHEMES = {"postgres", "postgresql", "pgsql", "sqlite"}
_DB_EXAMPLE = "postgres://người_dùng:mật_khẩu@127.0.0.1:5432/giamsat"


def env_database(name: str, *, conn_max_age: int) -> dict | None:
    """The Django DATABASES entry described by the URL in ``name``, or None when unset.

    Only PostgreSQL and SQLite are accepted. A wrong URL is refused with the reason,
    never echoing the value (it may hold a password).
    """
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None

    def bad(reason: str) -> ConfigError:
        return ConfigError(f"Biến môi trường {name} không hợp lệ: {reason}. Ví dụ đúng: {_DB_EXAMPLE}")

    scheme, sep, _rest = raw.partition("://")
    if not sep:
        raise bad("thiếu “://” sau loại cơ sở dữ liệu")
    if scheme.lower() not in _DB_SCHEMES:
        raise bad(f"loại “{scheme}” không được hỗ trợ, chỉ dùng postgres hoặc sqlite")
    try:
        parts = urllib.parse.urlsplit(raw)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise bad("cổng phải là một số từ 1 đến 65535") from None
    if scheme.lower() != "sqlite" and not parts.path.strip("/"):
        raise bad("thiếu tên cơ sở dữ liệu sau dấu “/” cuối cùng")
    try:
        return dj_database_url.parse(raw, conn_max_age=conn_max_age)
    except Exception:  # dj_database_url raises several kinds for odd URLs
        raise bad("không đọc được địa chỉ") from None
