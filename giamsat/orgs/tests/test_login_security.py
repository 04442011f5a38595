"""Login throttling, session expiry and CSRF on the real login page."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from giamsat.conftest import PASSWORD

LOCKED = ("Tài khoản “cv_xa” tạm bị khóa vì đăng nhập sai 5 lần liên tiếp. "
          "Vui lòng thử lại sau 15 phút, hoặc liên hệ người quản trị để mở khóa.")


def _login(client, username, password):
    return client.post(reverse("web:login"), {"username": username, "password": password})


def test_four_wrong_passwords_show_the_form_again(client, commune_officer):
    for _attempt in range(4):
        response = _login(client, "cv_xa", "sai-mat-khau")
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    assert _login(client, "cv_xa", PASSWORD).status_code == 302


def test_the_fifth_wrong_password_locks_and_the_sixth_login_is_refused(client, commune_officer):
    for _attempt in range(4):
        _login(client, "cv_xa", "sai-mat-khau")
    fifth = _login(client, "cv_xa", "sai-mat-khau")
    assert fifth.status_code == 429
    sixth = _login(client, "cv_xa", PASSWORD)  # even the right password
    assert sixth.status_code == 429
    page = sixth.content.decode()
    assert LOCKED in page
    assert "Tạm khóa đăng nhập" in page
    assert "_auth_user_id" not in client.session


def test_a_lockout_holds_one_username_only(client, commune_officer, sibling_officer):
    for _attempt in range(5):
        _login(client, "cv_xa", "sai-mat-khau")
    assert _login(client, "cv_xa", PASSWORD).status_code == 429
    assert _login(client, "cv_xa_ben", PASSWORD).status_code == 302


def test_a_lockout_ends_after_the_cool_off(client, commune_officer):
    for _attempt in range(5):
        _login(client, "cv_xa", "sai-mat-khau")
    assert _login(client, "cv_xa", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert _login(client, "cv_xa", PASSWORD).status_code == 302


def test_a_session_lasts_eight_hours_and_ends_with_the_browser(client, commune_officer):
    assert _login(client, "cv_xa", PASSWORD).status_code == 302
    assert client.session.get_expiry_age() == 8 * 3600
    assert client.session.get_expire_at_browser_close() is True
    cookie = client.cookies["sessionid"]
    assert (cookie["expires"], cookie["max-age"]) == ("", "")  # a browser-session cookie
    assert cookie["httponly"] is True


def test_an_expired_session_sends_back_to_the_login_page(client, commune_officer):
    _login(client, "cv_xa", PASSWORD)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused_in_vietnamese(commune_officer):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("web:login"), {"username": "cv_xa", "password": PASSWORD})
    assert response.status_code == 403
    assert "Kiểm tra CSRF không đạt. Yêu cầu đã bị hủy." in response.content.decode()
    assert "_auth_user_id" not in strict.session


@pytest.mark.django_db
def test_a_post_with_the_csrf_token_is_accepted(commune_officer):
    strict = Client(enforce_csrf_checks=True)
    strict.get(reverse("web:login"))
    token = strict.cookies["csrftoken"].value
    response = strict.post(reverse("web:login"), {"username": "cv_xa", "password": PASSWORD,
                                                  "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_the_test_clients_login_still_works(client, commune_officer):
    # authenticate() without a request is no login form: the throttle lets it through
    assert client.login(username="cv_xa", password=PASSWORD) is True
