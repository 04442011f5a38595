"""The Django admin for plans and the catalog: lists, filters, inlines, and the audit trail."""

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from giamsat.audit.models import AuditEvent
from giamsat.kpi.models import Target


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(username="root", password="mat-khau-quan-tri")  # noqa: S106
    client.force_login(user)
    return client


def test_the_plan_list_shows_counts_and_filters(admin_client, commune_plan):
    html = admin_client.get(reverse("admin:plans_plan_changelist"), {"status__exact": "confirmed"}).content.decode()
    assert "05-KH/ĐU" in html
    assert '<td class="field-targets_shown">3</td>' in html
    assert '<td class="field-tasks_shown">2</td>' in html
    assert "Trạng thái" in html  # the list filter


def form_data(html: str) -> dict:
    """What a browser would post for the page's main form: each field's current value."""

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data, self.select, self.textarea = {}, None, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            name = a.get("name")
            if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
                checkable = a.get("type") in {"checkbox", "radio"}
                if checkable and "checked" not in a:
                    return
                self.data.setdefault(name, []).append(a.get("value") or ("on" if checkable else ""))
            elif tag == "select" and name:
                self.select = name
                self.data.setdefault(name, [])
            elif tag == "option" and self.select and "selected" in a:
                self.data[self.select].append(a.get("value", ""))
            elif tag == "textarea" and name:
                self.textarea = name
                self.data[name] = [""]

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.data[self.textarea][0] += data

    reader = Reader()
    reader.feed(html)
    return reader.data


def test_the_plan_page_edits_targets_inline_and_logs_it(admin_client, commune_plan):
    url = reverse("admin:plans_plan_change", args=[commune_plan.pk])
    data = form_data(admin_client.get(url).content.decode())
    target = Target.objects.filter(plan=commune_plan).order_by("pk").first()
    row = next(k.split("-")[1] for k, v in data.items() if k.startswith("targets-") and k.endswith("-id") and v == [str(target.pk)])
    data[f"targets-{row}-value"] = ["1500"]
    response = admin_client.post(url, data)
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.value == 1500
    event = AuditEvent.objects.get(object_type="kpi.target", object_id=str(target.pk))
    assert (event.action, event.via, event.actor.username) == ("update", "admin", "root")
    assert (list(event.before), list(event.after)) == (["value"], ["value"])
    assert (Decimal(event.before["value"]), Decimal(event.after["value"])) == (Decimal("1234.5"), Decimal("1500"))


def test_the_catalog_list_filters_by_group(admin_client, db):
    from giamsat.kpi.services import load_national_catalog

    load_national_catalog()
    html = admin_client.get(reverse("admin:kpi_indicator_changelist"), {"category": "Kinh tế số"}).content.decode()
    assert "NQ57-12" in html and "NQ57-13" not in html
