"""API tokens: made once, stored hashed, accepted as a bearer token, revoked; the web
session works too, with CSRF on writes."""

import datetime
import hashlib
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from giamsat.audit.models import AuditEvent
from giamsat.errors import GiamsatError
from giamsat.orgs import tokens
from giamsat.orgs.models import ApiToken

UNAUTHENTICATED = {"error": "unauthenticated",
                   "message": "Cần đăng nhập, hoặc gửi khóa API trong header “Authorization: Bearer KHÓA”."}


def _get(client, key=None, url="/api/units"):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get(url, headers=headers)


def test_a_token_is_stored_only_as_its_hash(commune_officer):
    token, key = tokens.create_token(commune_officer, "Phần mềm thống kê")
    assert key.startswith("gs_") and len(key) == 46
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:9]
    assert key not in str(ApiToken.objects.values_list())


def test_a_bearer_token_authenticates_as_its_user(client, commune_officer):
    _token, key = tokens.create_token(commune_officer, "x")
    response = _get(client, key)
    assert response.status_code == 200
    assert [u["code"] for u in response.json()["items"]] == ["X01"]


def test_the_first_use_is_recorded_then_at_most_once_a_minute(commune_officer):
    token, key = tokens.create_token(commune_officer, "x")
    t0 = timezone.now()
    assert tokens.user_for_key(key, now=t0) == commune_officer
    tokens.user_for_key(key, now=t0 + datetime.timedelta(seconds=30))
    token.refresh_from_db()
    assert token.last_used_at == t0
    tokens.user_for_key(key, now=t0 + datetime.timedelta(minutes=2))
    token.refresh_from_db()
    assert token.last_used_at == t0 + datetime.timedelta(minutes=2)


@pytest.mark.parametrize("case", ["revoked", "wrong", "inactive_user", "no_prefix", "none"])
def test_a_token_that_does_not_hold_is_refused(client, commune_officer, case):
    token, key = tokens.create_token(commune_officer, "x")
    if case == "revoked":
        tokens.revoke_token(token)
    elif case == "wrong":
        key = key[:-1] + ("A" if key[-1] != "A" else "B")
    elif case == "inactive_user":
        commune_officer.is_active = False
        commune_officer.save(update_fields=["is_active"])
    elif case == "no_prefix":
        key = key[3:]
    elif case == "none":
        key = None
    response = _get(client, key)
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED
    assert response["WWW-Authenticate"] == "Bearer"


def test_revoking_is_audited_and_happens_once(commune_officer):
    token, _key = tokens.create_token(commune_officer, "x")
    tokens.revoke_token(token, actor=commune_officer)
    tokens.revoke_token(token, actor=commune_officer)
    assert AuditEvent.objects.filter(object_type="orgs.apitoken", action="revoke").count() == 1


def test_the_web_session_is_accepted(client, commune_officer):
    client.force_login(commune_officer)
    assert _get(client).status_code == 200


@pytest.mark.urls("giamsat.orgs.tests.api_write_urls")
def test_a_session_write_needs_the_csrf_token_and_a_token_write_does_not(commune_officer):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(commune_officer)
    refused = strict.post("/api/echo")
    assert refused.status_code == 403
    assert refused.json()["error"] == "csrf"
    strict.get("/api/echo")  # sets the CSRF cookie
    accepted = strict.post("/api/echo", headers={"X-CSRFToken": strict.cookies["csrftoken"].value})
    assert accepted.json() == {"user": "cv_xa"}
    _token, key = tokens.create_token(commune_officer, "x")
    by_token = Client(enforce_csrf_checks=True).post("/api/echo", headers={"Authorization": f"Bearer {key}"})
    assert by_token.json() == {"user": "cv_xa"}


def test_createtoken_prints_the_key_once(commune_officer, client):
    out, err = io.StringIO(), io.StringIO()
    call_command("createtoken", "cv_xa", "--name", "Máy chủ báo cáo", stdout=out, stderr=err)
    key = out.getvalue().strip()
    assert err.getvalue() == "Khóa API “Máy chủ báo cáo” của “cv_xa” (chỉ hiện một lần, hãy lưu lại ngay):\n"
    assert _get(client, key).status_code == 200
    event = AuditEvent.objects.get(object_type="orgs.apitoken", action="create")
    assert event.via == "cli"
    assert event.after["key_hash"].startswith("đã ẩn:")
    assert hashlib.sha256(key.encode()).hexdigest() not in str(event.after)


@pytest.mark.parametrize(("args", "message"), [
    (["khong-co"], "username: Không có người dùng “khong-co”."),
    ([], "Thiếu tên đăng nhập. Ví dụ: giamsat createtoken ld_tinh --name \"Máy chủ báo cáo\""),
])
def test_createtoken_refuses(db, args, message):
    with pytest.raises(GiamsatError) as exc:
        call_command("createtoken", *args, stdout=io.StringIO(), stderr=io.StringIO())
    assert str(exc.value) == message


def test_a_token_is_revoked_from_the_admin(client, commune_officer, django_user_model):
    token, key = tokens.create_token(commune_officer, "x")
    client.force_login(django_user_model.objects.create_superuser(username="root"))
    response = client.post("/admin/orgs/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.get(action="revoke").via == "admin"
    client.logout()
    assert _get(client, key).status_code == 401
