"""``giamsat createuser``: a user with a role at a unit, or one clear refusal."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from giamsat.audit.models import AuditEvent
from giamsat.errors import GiamsatError
from giamsat.orgs import access
from giamsat.orgs.models import Membership
from giamsat.tests.console import run_giamsat

STRONG = "Cay-xanh-ven-song-2025"


def _create(*args, monkeypatch=None, password=STRONG):
    if monkeypatch is not None:
        monkeypatch.setenv("MAT_KHAU", password)
    out = io.StringIO()
    call_command("createuser", *args, stdout=out)
    return out.getvalue()


def _refusal(*args, monkeypatch, password=STRONG):
    with pytest.raises(GiamsatError) as exc:
        _create(*args, monkeypatch=monkeypatch, password=password)
    return str(exc.value)


def test_it_creates_a_leader_of_the_province(units, monkeypatch):
    out = _create("ld_moi", "--unit", "T01", "--role", "leader", "--password-from-env", "MAT_KHAU",
                  monkeypatch=monkeypatch)
    assert out == "Đã tạo người dùng “ld_moi” với vai trò Lãnh đạo tại “Tỉnh Thử Nghiệm” (T01).\n"
    user = User.objects.get(username="ld_moi")
    assert user.check_password(STRONG)
    assert user.is_active and not user.is_staff
    assert list(Membership.objects.filter(user=user).values_list("unit__code", "role")) == [("T01", "leader")]
    assert access.can(user, "approve", units["commune"]) is True


def test_it_records_the_user_and_the_membership_without_the_password(units, monkeypatch):
    _create("ld_moi", "--unit", "T01", "--role", "leader", "--password-from-env", "MAT_KHAU", monkeypatch=monkeypatch)
    events = AuditEvent.objects.filter(via="cli").order_by("id")
    assert [(e.action, e.object_type) for e in events] == [("create", "auth.user"), ("create", "orgs.membership")]
    user = User.objects.get(username="ld_moi")
    assert events[0].after["password"].startswith("đã ẩn:")
    assert user.password not in str(events[0].after)


def test_an_unknown_unit(units, monkeypatch):
    message = _refusal("a", "--unit", "KHONG-CO", "--role", "leader", "--password-from-env", "MAT_KHAU",
                       monkeypatch=monkeypatch)
    assert message == "--unit: Không có đơn vị mã “KHONG-CO”."
    assert not User.objects.filter(username="a").exists()


def test_an_unknown_role(units, monkeypatch):
    message = _refusal("a", "--unit", "T01", "--role", "boss", "--password-from-env", "MAT_KHAU",
                       monkeypatch=monkeypatch)
    assert message == ("--role: Không có vai trò “boss”. Chọn một trong: admin (Quản trị), leader (Lãnh đạo), "
                       "officer (Chuyên viên), viewer (Người xem).")


@pytest.mark.parametrize(("password", "reasons"), [
    ("abc", "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 10 ký tự. Mật khẩu này quá phổ biến."),
    ("12345678901", "Mật khẩu này quá phổ biến. Mật khẩu này hoàn toàn là số."),
    ("nguyenvana1", "Mật khẩu quá giống với Tên đăng nhập."),
])
def test_a_weak_password_gets_the_validators_messages_in_vietnamese(units, monkeypatch, password, reasons):
    message = _refusal("nguyenvana1", "--unit", "T01", "--role", "officer", "--password-from-env", "MAT_KHAU",
                       monkeypatch=monkeypatch, password=password)
    assert message == f"password: Mật khẩu chưa đạt yêu cầu: {reasons}"
    assert not User.objects.filter(username="nguyenvana1").exists()
    assert not AuditEvent.objects.filter(via="cli").exists()


def test_a_username_taken(units, commune_officer, monkeypatch):
    message = _refusal("cv_xa", "--unit", "T01", "--role", "viewer", "--password-from-env", "MAT_KHAU",
                       monkeypatch=monkeypatch)
    assert message == "username: Đã có người dùng “cv_xa”."


def test_a_username_with_spaces(units, monkeypatch):
    message = _refusal("Nguyễn Văn A", "--unit", "T01", "--role", "viewer", "--password-from-env", "MAT_KHAU",
                       monkeypatch=monkeypatch)
    assert message == ("username: Điền tên đăng nhập hợp lệ. Giá trị này chỉ có thể chứa các chữ cái, số, "
                       "và các ký tự @/./+/-/_")


def test_an_empty_password_variable(units, monkeypatch):
    monkeypatch.delenv("KHONG_DAT", raising=False)
    with pytest.raises(GiamsatError) as exc:
        _create("a", "--unit", "T01", "--role", "viewer", "--password-from-env", "KHONG_DAT")
    assert str(exc.value) == "--password-from-env: Biến môi trường “KHONG_DAT” chưa được đặt hoặc để trống."


def test_without_a_terminal_a_password_source_is_required(units, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO())
    with pytest.raises(GiamsatError) as exc:
        _create("a", "--unit", "T01", "--role", "viewer")
    assert str(exc.value) == ("password: Cần mật khẩu: dùng --password-from-env TÊN_BIẾN, hoặc chạy lệnh trong "
                              "cửa sổ dòng lệnh để nhập.")


def test_the_prompt_asks_twice_and_refuses_a_mismatch(units, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    answers = iter([STRONG, STRONG + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(GiamsatError) as exc:
        _create("a", "--unit", "T01", "--role", "viewer")
    assert str(exc.value) == "password: Hai lần nhập mật khẩu không khớp."
    answers = iter([STRONG, STRONG])
    assert "Đã tạo người dùng “a”" in _create("a", "--unit", "T01", "--role", "viewer")


@pytest.mark.parametrize(("args", "message"), [
    ([], "Thiếu tên đăng nhập. Ví dụ: giamsat createuser ld_tinh --unit VN-91 --role leader"),
    (["a", "--role", "viewer"], "--unit: Thiếu mã đơn vị: --unit MÃ."),
    (["a", "--unit", "T01"], "--role: Thiếu vai trò: --role admin, leader, officer hoặc viewer."),
])
def test_a_missing_argument(units, args, message):
    with pytest.raises(GiamsatError) as exc:
        _create(*args)
    assert str(exc.value) == message


def test_the_console_command_shows_the_refusal_on_stderr(tmp_path):
    db = str(tmp_path / "x.sqlite3")
    assert run_giamsat(tmp_path, "migrate", GIAMSAT_SQLITE_PATH=db).returncode == 0
    result = run_giamsat(tmp_path, "createuser", "a", "--unit", "KHONG-CO", "--role", "leader",
                         "--password-from-env", "MK", GIAMSAT_SQLITE_PATH=db, MK=STRONG)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "giamsat: --unit: Không có đơn vị mã “KHONG-CO”.\n"
