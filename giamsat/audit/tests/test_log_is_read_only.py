"""The audit log can be read in the admin but never added to, changed or deleted."""

import pytest
from django.contrib.auth.models import User

from giamsat.audit.models import AuditEvent
from giamsat.audit.services import record


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser(username="quantri"))
    return client


@pytest.fixture
def event(db):
    return record(actor=None, action="update", object_type="orgs.unit", object_id="7",
                  before={"name": "Cũ"}, after={"name": "Mới"}, reason="Sửa tên")


def test_a_superuser_reads_the_log(admin_client, event):
    page = admin_client.get("/admin/audit/auditevent/")
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [event]
    detail = admin_client.get(f"/admin/audit/auditevent/{event.pk}/change/")
    assert detail.status_code == 200
    assert "Sửa tên" in detail.content.decode()


def test_nobody_adds_an_event(admin_client, event):
    assert admin_client.get("/admin/audit/auditevent/add/").status_code == 403


def test_nobody_changes_an_event(admin_client, event):
    response = admin_client.post(f"/admin/audit/auditevent/{event.pk}/change/", {"reason": "khác"})
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.reason == "Sửa tên"


def test_nobody_deletes_an_event(admin_client, event):
    response = admin_client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    bulk = admin_client.post("/admin/audit/auditevent/", {
        "action": "delete_selected", "_selected_action": [event.pk], "post": "yes",
    })
    assert bulk.status_code in {200, 302}
    assert AuditEvent.objects.filter(pk=event.pk).exists()
