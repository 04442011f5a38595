"""Logging in and out."""

from django.urls import reverse

from giamsat.conftest import PASSWORD


def test_the_login_page_is_labelled_in_vietnamese(client, db):
    html = client.get(reverse("web:login")).content.decode()
    assert '<label for="id_username">Tên đăng nhập</label>' in html
    assert '<label for="id_password">Mật khẩu</label>' in html
    assert 'autocomplete="current-password"' in html


def test_a_wrong_password_is_refused_with_a_message(client, commune_officer):
    response = client.post(reverse("web:login"), {"username": "cv_xa", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_in_and_out(client, commune_officer):
    response = client.post(reverse("web:login"), {"username": "cv_xa", "password": PASSWORD})
    assert response["Location"] == reverse("web:home")
    assert client.get(reverse("web:home")).status_code == 200
    response = client.post(reverse("web:logout"))
    assert response["Location"] == reverse("web:login")
    assert client.get(reverse("web:home")).status_code == 302
