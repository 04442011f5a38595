"""Django settings for giamsat, read from the environment.

Nothing set: a development site on SQLite under ``var/``. ``DATABASE_URL`` selects
PostgreSQL. ``GIAMSAT_ENV=production`` turns on secure cookies and HSTS and refuses
the development secret key. Every variable is listed in ``.env.example``.
"""

import datetime
import os
from pathlib import Path

from giamsat.env import env_bool, env_database, env_int, env_list, env_str
from giamsat.errors import ConfigError

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("GIAMSAT_VAR_DIR", str(Path.cwd() / "var")))

# Under pytest (which sets PYTEST_VERSION) the default is "test": fast password hashing.
ENVIRONMENT = env_str("GIAMSAT_ENV", "test" if os.environ.get("PYTEST_VERSION") else "development")
if ENVIRONMENT not in {"development", "production", "test"}:
    raise ConfigError(
        f"Biến môi trường GIAMSAT_ENV phải là development, production hoặc test, "
        f"không phải “{ENVIRONMENT}”."
    )
PRODUCTION = ENVIRONMENT == "production"

_DEV_SECRET = "giamsat-development-secret-do-not-use-in-production"  # noqa: S105 - refused in production below
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET)
if PRODUCTION and (SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50):
    raise ConfigError(
        "GIAMSAT_ENV=production cần biến SECRET_KEY riêng, dài ít nhất 50 ký tự. Tạo một khóa "
        "bằng: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

DEBUG = env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "giamsat.orgs.axes_config.AxesConfig",  # django-axes, named in Vietnamese
    "giamsat.audit",
    "giamsat.orgs",
    "giamsat.kpi",
    "giamsat.plans",
    "giamsat.reporting",
    "giamsat.evaluation",
    "giamsat.documents",
    "giamsat.api",
    "giamsat.web",
    "giamsat.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "giamsat.web.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "giamsat.web.middleware.GiamsatErrorMiddleware",
]

ROOT_URLCONF = "giamsat.urls"
WSGI_APPLICATION = "giamsat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

_db = env_database("DATABASE_URL", conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
if _db and "postgresql" in _db["ENGINE"]:
    _db.setdefault("OPTIONS", {}).setdefault("connect_timeout", env_int("DB_CONNECT_TIMEOUT", 5))
if _db is None:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": env_str("GIAMSAT_SQLITE_PATH", str(VAR_DIR / "giamsat.sqlite3")),
    }
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db.setdefault("OPTIONS", {}).update({
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "giamsat.orgs.backends.LoginThrottleBackend",  # django-axes' lockout, first
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if ENVIRONMENT == "test":
    # Tests create many users; the real hashers cost ~0.5 s per password.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

# Login throttling (django-axes): the AXES_FAILURE_LIMIT-th wrong password for a
# username from one address locks that pair out for AXES_COOLOFF_MINUTES; the
# lockout page is orgs.views.lockout. Per username *and* address, so nobody can
# lock a colleague out from another machine.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "giamsat.orgs.views.lockout"
AXES_HTTP_RESPONSE_CODE = 429

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = False
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language switch in the header (Django's set_language) keeps its choice for a year;
# without the cookie, VietnameseFirstLocaleMiddleware shows Vietnamese whatever the browser says.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = PRODUCTION
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["giamsat.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("GIAMSAT_STATIC_ROOT", str(VAR_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # else WhiteNoise warns on every start
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("GIAMSAT_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("GIAMSAT_MAX_BODY_BYTES", 20 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "giamsat@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "giamsat": {"handlers": ["console"], "level": env_str("GIAMSAT_LOG_LEVEL", "INFO")},
        "django.request": {"handlers": ["console"], "level": "ERROR"},
    },
}

# API pages: 100 rows unless asked, never more than 1,000 (django-ninja pagination).
NINJA_PAGINATION_PER_PAGE = 100
NINJA_PAGINATION_MAX_LIMIT = 1000

# A leader may approve its own unit's reports (otherwise only the parent's leaders can).
GIAMSAT_SELF_APPROVAL = env_bool("GIAMSAT_SELF_APPROVAL", False)

# Reporting and evaluation.
GIAMSAT_REPORT_MAX_BODY_BYTES = env_int("GIAMSAT_REPORT_MAX_BODY_BYTES", 2 * 1024 * 1024)
GIAMSAT_COUNT_SUBMITTED = env_bool("GIAMSAT_COUNT_SUBMITTED", False)
GIAMSAT_ROLLUP_FULL_CHECK_SECONDS = env_int("GIAMSAT_ROLLUP_FULL_CHECK_SECONDS", 300)
GIAMSAT_RANKING_MEMO_SIZE = env_int("GIAMSAT_RANKING_MEMO_SIZE", 2048)
GIAMSAT_TILES_MEMO_SIZE = env_int("GIAMSAT_TILES_MEMO_SIZE", 128)
