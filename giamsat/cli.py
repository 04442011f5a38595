"""The ``giamsat`` console command.

``giamsat parse FILE`` reads a plan without loading Django. Every other subcommand
is a Django management command (``giamsat demo`` = ``manage.py demo``), run after
checks that turn the usual set-up mistakes into one clear sentence on stderr and
a non-zero exit, never a traceback: a bad setting, an unknown command, an
unreachable database, a database without its tables or with migrations pending.
"""

import os
import sys
import traceback
from pathlib import Path

USAGE = """Cách dùng: giamsat LỆNH [tham số]

  parse FILE        đọc một văn bản kế hoạch, in chỉ tiêu, nhiệm vụ, đơn vị (--json)
  demo              tạo dữ liệu mẫu từ các kế hoạch thật (chạy lại không sao)
  serve [ĐỊA_CHỈ]   chạy máy chủ web (mặc định 127.0.0.1:8000)
  import FILE       nhập một kế hoạch từ văn bản (--unit MÃ --implements SỐ)
  units load-vn     nạp 34 tỉnh, thành và 3.321 xã, phường từ vietnam-provinces
  createuser TÊN    tạo người dùng và gán vai trò ở một đơn vị (--unit MÃ --role VAI_TRÒ)
  createtoken TÊN   tạo khóa API cho một người dùng (in ra một lần)
  align KẾ_HOẠCH    đối chiếu một kế hoạch với các kế hoạch cấp trên (--json)
  periods           tạo kỳ báo cáo của một năm; khóa, mở khóa kỳ
  remind            liệt kê, nhắc các báo cáo sắp đến hạn, quá hạn (--loop)
  rollup            cập nhật, dựng lại, kiểm tra bộ tổng hợp số liệu
  simulate          tạo dữ liệu mô phỏng cấp quốc gia để đo hiệu năng
  migrate           cập nhật cấu trúc cơ sở dữ liệu
  check             kiểm tra cấu hình (--deploy cho môi trường production)
  manage ...        bất kỳ lệnh quản trị Django nào

Biến môi trường: xem .env.example (DATABASE_URL, SECRET_KEY, GIAMSAT_ENV, ...).
"""

# Commands that never touch the database.
_NO_DATABASE = {"check", "help", "version", "makemessages", "compilemessages", "collectstatic",
                "diffsettings", "makemigrations", "findstatic", "startapp", "test", "sendtestemail"}
# Commands that need the database but not its tables (they create or inspect them).
_NO_SCHEMA = {"migrate", "showmigrations", "sqlmigrate", "sqlflush", "sqlsequencereset",
              "squashmigrations", "dbshell", "shell", "inspectdb", "createcachetable", "flush"}


def _fail(message: str, code: int = 2) -> int:
    print(f"giamsat: {message}", file=sys.stderr)
    return code


def _setup_django() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
    from django.core.exceptions import ImproperlyConfigured

    from giamsat.errors import GiamsatError

    try:
        import django

        django.setup()
    except GiamsatError as exc:
        return _fail(str(exc))
    except ImproperlyConfigured as exc:
        return _fail(f"cấu hình chưa đúng: {exc}")
    return 0


def _database_label(connection) -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite “{db['NAME']}”"
    where = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"
    return f"PostgreSQL tại {where} (cơ sở dữ liệu “{db.get('NAME', '')}”)"


# Driver messages we know, and what they mean for the person at the keyboard.
_REASONS = [
    ("Connection refused", "máy chủ từ chối kết nối: PostgreSQL chưa chạy, hoặc sai máy chủ hay cổng"),
    ("timeout expired", "quá thời gian chờ: máy chủ không trả lời"),
    ("failed to resolve host", "không tìm thấy máy chủ có tên này"),
    ("could not translate host name", "không tìm thấy máy chủ có tên này"),
    ("password authentication failed", "sai tên người dùng hoặc mật khẩu"),
    ("no password supplied", "thiếu mật khẩu"),
    ("does not exist", "chưa có cơ sở dữ liệu này: hãy tạo nó trước (createdb)"),
    ("unable to open database file", "không mở được tệp: thư mục không tồn tại hoặc không có quyền ghi"),
]


def _reason(exc: Exception) -> str:
    text = str(exc)
    for needle, reason in _REASONS:
        if needle in text:
            return reason
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first


def _check_database(command: str) -> int:
    if command in _NO_DATABASE:
        return 0
    from django.db import connection
    from django.db.utils import Error as DatabaseError

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        variable = "GIAMSAT_SQLITE_PATH" if connection.vendor == "sqlite" else "DATABASE_URL"
        return _fail(
            f"không kết nối được cơ sở dữ liệu {_database_label(connection)}: {_reason(exc)}. "
            f"Kiểm tra biến môi trường {variable}."
        )
    if command in _NO_SCHEMA:
        return 0
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        applied = executor.loader.applied_migrations
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return _fail(f"không đọc được trạng thái cơ sở dữ liệu {_database_label(connection)}: {_reason(exc)}.")
    if pending and not applied:
        return _fail(f"cơ sở dữ liệu {_database_label(connection)} chưa có bảng nào. Hãy chạy: giamsat migrate")
    if pending:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in pending[:3])
        more = f" và {len(pending) - 3} bản khác" if len(pending) > 3 else ""
        return _fail(
            f"cơ sở dữ liệu chưa được cập nhật: còn {len(pending)} migration chưa chạy "
            f"({names}{more}). Hãy chạy: giamsat migrate"
        )
    return 0


def _known_command(command: str) -> bool:
    from django.core.management import get_commands

    return command in get_commands()


def _unexpected(exc: BaseException) -> int:
    """Log the traceback to a file and show a plain apology (GIAMSAT_TRACEBACK=1 shows it)."""
    if os.environ.get("GIAMSAT_TRACEBACK"):
        raise exc
    detail = "".join(traceback.format_exception(exc))
    where = ""
    try:
        from django.conf import settings

        log = Path(settings.VAR_DIR) / "log" / "giamsat-cli.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as f:
            f.write(detail + "\n")
        where = f" Chi tiết đã ghi vào {log}."
    except Exception:  # noqa: S110 - the apology below matters more than the log
        pass
    return _fail(
        f"xin lỗi, đã có lỗi ngoài dự kiến ({type(exc).__name__}: {exc}).{where} "
        "Chạy lại với GIAMSAT_TRACEBACK=1 để xem toàn bộ.",
        code=1,
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "parse":
        from giamsat.parsing.cli import main as parse_main

        return parse_main(rest)
    if command == "manage":
        if not rest:
            rest = ["help"]
        command, rest = rest[0], rest[1:]
    if command == "serve":
        command, rest = "runserver", (rest or ["127.0.0.1:8000"])
    try:
        return _run(command, rest)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _unexpected(exc)


def _run(command: str, rest: list[str]) -> int:
    code = _setup_django()
    if code:
        return code
    if not _known_command(command):
        return _fail(f"không có lệnh “{command}”. Xem các lệnh: giamsat help")
    code = _check_database(command)
    if code:
        return code
    from django.core.management import execute_from_command_line
    from django.db.utils import Error as DatabaseError

    from giamsat.errors import GiamsatError

    try:
        execute_from_command_line(["giamsat", command, *rest])
    except GiamsatError as exc:
        return _fail(str(exc))
    except DatabaseError as exc:
        return _fail(f"lỗi cơ sở dữ liệu: {_reason(exc)}", code=1)
    except SystemExit as exc:  # argparse and CommandError have printed their message
        return exc.code if isinstance(exc.code, int) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
