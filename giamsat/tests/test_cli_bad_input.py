"""The ``giamsat`` command turns set-up mistakes into one Vietnamese sentence and a
non-zero exit, never a traceback (each case runs the real command in a subprocess)."""

import re
import socket

import pytest

from giamsat.tests.console import run_giamsat

EXAMPLE = "Ví dụ đúng: postgres://người_dùng:mật_khẩu@127.0.0.1:5432/giamsat"


def _refused(result, code, message):
    assert result.returncode == code
    assert result.stderr == f"giamsat: {message}\n"
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("url", "reason"), [
    ("postgres//x", "thiếu “://” sau loại cơ sở dữ liệu"),
    ("postgres://u@127.0.0.1:cong/x", "cổng phải là một số từ 1 đến 65535"),
    ("mysql://u@127.0.0.1/x", "loại “mysql” không được hỗ trợ, chỉ dùng postgres hoặc sqlite"),
    ("postgres://u@127.0.0.1:5432", "thiếu tên cơ sở dữ liệu sau dấu “/” cuối cùng"),
])
def test_a_malformed_database_url(tmp_path, url, reason):
    result = run_giamsat(tmp_path, "units", "load-vn", DATABASE_URL=url)
    _refused(result, 2, f"Biến môi trường DATABASE_URL không hợp lệ: {reason}. {EXAMPLE}")


def test_the_database_url_password_is_never_shown(tmp_path):
    result = run_giamsat(tmp_path, "units", "load-vn", DATABASE_URL="mysql://u:bi-mat-123@h/x")
    assert result.returncode == 2
    assert "bi-mat-123" not in result.stderr


def test_an_unreachable_postgresql(tmp_path):
    result = run_giamsat(tmp_path, "units", "load-vn", DATABASE_URL="postgres://postgres@127.0.0.1:1/x")
    _refused(result, 2, "không kết nối được cơ sở dữ liệu PostgreSQL tại 127.0.0.1:1 (cơ sở dữ liệu “x”): "
             "máy chủ từ chối kết nối: PostgreSQL chưa chạy, hoặc sai máy chủ hay cổng. "
             "Kiểm tra biến môi trường DATABASE_URL.")


def _postgres_running() -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", 5432)) == 0


@pytest.mark.skipif(not _postgres_running(), reason="no PostgreSQL server on 127.0.0.1:5432")
def test_a_postgresql_database_that_does_not_exist(tmp_path):
    url = "postgres://postgres@127.0.0.1:5432/giamsat_khong_co"
    result = run_giamsat(tmp_path, "units", "load-vn", DATABASE_URL=url)
    _refused(result, 2, "không kết nối được cơ sở dữ liệu PostgreSQL tại 127.0.0.1:5432 "
             "(cơ sở dữ liệu “giamsat_khong_co”): chưa có cơ sở dữ liệu này: hãy tạo nó trước (createdb). "
             "Kiểm tra biến môi trường DATABASE_URL.")


def test_a_sqlite_file_in_a_missing_folder(tmp_path):
    path = tmp_path / "khong-co" / "x.sqlite3"
    result = run_giamsat(tmp_path, "units", "load-vn", GIAMSAT_SQLITE_PATH=str(path))
    _refused(result, 2, f"không kết nối được cơ sở dữ liệu SQLite “{path}”: không mở được tệp: thư mục "
             "không tồn tại hoặc không có quyền ghi. Kiểm tra biến môi trường GIAMSAT_SQLITE_PATH.")


@pytest.mark.parametrize("command", [["demo"], ["units", "load-vn"], ["createuser", "a", "--unit", "VN", "--role", "viewer"]])
def test_a_database_without_tables(tmp_path, command):
    path = tmp_path / "x.sqlite3"
    result = run_giamsat(tmp_path, *command, GIAMSAT_SQLITE_PATH=str(path))
    _refused(result, 2, f"cơ sở dữ liệu SQLite “{path}” chưa có bảng nào. Hãy chạy: giamsat migrate")


def test_a_database_with_migrations_pending(tmp_path):
    path = str(tmp_path / "x.sqlite3")
    assert run_giamsat(tmp_path, "migrate", "contenttypes", GIAMSAT_SQLITE_PATH=path).returncode == 0
    result = run_giamsat(tmp_path, "units", "load-vn", GIAMSAT_SQLITE_PATH=path)
    assert result.returncode == 2
    assert re.fullmatch(
        r"giamsat: cơ sở dữ liệu chưa được cập nhật: còn \d+ migration chưa chạy \(\w+\.\w+, \w+\.\w+, "
        r"\w+\.\w+ và \d+ bản khác\)\. Hãy chạy: giamsat migrate\n", result.stderr)


def test_an_unknown_subcommand(tmp_path):
    _refused(run_giamsat(tmp_path, "frobnicate"), 2, "không có lệnh “frobnicate”. Xem các lệnh: giamsat help")


def test_a_bad_giamsat_env(tmp_path):
    result = run_giamsat(tmp_path, "check", GIAMSAT_ENV="prod")
    _refused(result, 2, "Biến môi trường GIAMSAT_ENV phải là development, production hoặc test, không phải “prod”.")


def test_a_bad_boolean_variable(tmp_path):
    result = run_giamsat(tmp_path, "check", DEBUG="co-le")
    _refused(result, 2, "Biến môi trường DEBUG phải là true hoặc false, không phải “co-le”.")


def test_an_unexpected_error_is_an_apology_with_the_details_in_a_log(tmp_path):
    path = str(tmp_path / "x.sqlite3")
    result = run_giamsat(tmp_path, "manage", "shell", "-v", "0", "-c", "raise ValueError('hỏng')", GIAMSAT_SQLITE_PATH=path)
    log = tmp_path / "var" / "log" / "giamsat-cli.log"
    _refused(result, 1, f"xin lỗi, đã có lỗi ngoài dự kiến (ValueError: hỏng). Chi tiết đã ghi vào {log}. "
             "Chạy lại với GIAMSAT_TRACEBACK=1 để xem toàn bộ.")
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_help_lists_the_commands(tmp_path):
    result = run_giamsat(tmp_path, "help")
    assert result.returncode == 0
    assert "units load-vn" in result.stdout
    assert "createuser TÊN" in result.stdout
