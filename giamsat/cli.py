"""The ``giamsat`` console command.

``giamsat parse FILE`` reads a plan without loading Django. Every other subcommand
is a Django management command (``giamsat demo`` = ``manage.py demo``), run after
three checks that turn the usual set-up mistakes into one clear sentence: a bad
setting, an unreachable database, migrations not applied.
"""

import os
import sys

USAGE = """Cách dùng: giamsat LỆNH [tham số]

  parse FILE        đọc một văn bản kế hoạch, in chỉ tiêu, nhiệm vụ, đơn vị (--json)
  demo              tạo dữ liệu mẫu từ các kế hoạch thật (chạy lại không sao)
  serve [ĐỊA_CHỈ]   chạy máy chủ web (mặc định 127.0.0.1:8000)
  import FILE       nhập một kế hoạch từ văn bản (--unit MÃ --implements SỐ)
  units load-vn     nạp 34 tỉnh, thành và 3.321 xã, phường từ vietnam-provinces
  createuser        tạo người dùng và gán vai trò ở một đơn vị
  migrate           cập nhật cấu trúc cơ sở dữ liệu
  check             kiểm tra cấu hình (--deploy cho môi trường production)
  manage ...        bất kỳ lệnh quản trị Django nào

Biến môi trường: xem .env.example (DATABASE_URL, SECRET_KEY, GIAMSAT_ENV, ...).
"""

# Commands that must run even when migrations are pending or the schema is missing.
_SCHEMA_COMMANDS = {"migrate", "makemigrations", "check", "showmigrations", "sqlmigrate", "help",
                    "collectstatic", "compilemessages", "makemessages", "shell", "dbshell", "test"}


def _fail(message: str, code: int = 2) -> int:
    print(f"giamsat: {message}", file=sys.stderr)
    return code


def _setup_django() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
    from giamsat.errors import GiamsatError

    try:
        import django

        django.setup()
    except GiamsatError as exc:
        return _fail(str(exc))
    return 0


def _check_database(command: str) -> int:
    from django.db import connection
    from django.db.utils import Error as DatabaseError

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return _fail(f"không kết nối được cơ sở dữ liệu ({connection.vendor}): {reason}")
    if command in _SCHEMA_COMMANDS:
        return 0
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return _fail(f"không đọc được trạng thái cơ sở dữ liệu: {exc}")
    if pending:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in pending[:3])
        more = f" và {len(pending) - 3} bản khác" if len(pending) > 3 else ""
        return _fail(
            f"cơ sở dữ liệu chưa được cập nhật: còn {len(pending)} migration chưa chạy "
            f"({names}{more}). Hãy chạy: giamsat migrate"
        )
    return 0


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
    code = _setup_django()
    if code:
        return code
    code = _check_database(command)
    if code:
        return code
    from django.core.management import execute_from_command_line

    from giamsat.errors import GiamsatError

    try:
        execute_from_command_line(["giamsat", command, *rest])
    except GiamsatError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
