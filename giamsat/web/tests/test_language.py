"""Vietnamese first: the browser's Accept-Language does not switch the UI or its formats;
the language switch in the header (Django's set_language) does, keeping the page."""

import datetime
import re

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from giamsat.evaluation.tests.conftest import TODAY, catalog, months, scenario  # noqa: F401
from giamsat.web.tests.html import text_of


def choose(client, language, next_url):
    """Press a button of the language switch, as a browser without JavaScript does."""
    return client.post(reverse("set_language"), {"language": language, "next": next_url})


def test_an_english_browser_still_gets_vietnamese(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "vi"
    assert "Đăng xuất" in response.content.decode()


def test_the_language_cookie_is_the_only_switch(client, commune_officer):
    client.force_login(commune_officer)
    client.cookies["django_language"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="vi")["Content-Language"] == "en"
    client.cookies["django_language"] = "xx"
    assert client.get("/")["Content-Language"] == "vi"


def test_dates_and_numbers_keep_the_vietnamese_form_in_english_too():
    template = Template('{% load l10n %}{{ d|date:"SHORT_DATE_FORMAT" }} {{ n|floatformat:"1g" }}')
    for language in ("vi", "en"):
        with translation.override(language):
            text = template.render(Context({"d": datetime.date(2026, 11, 30), "n": 1234.5}))
        assert text == "30/11/2026 1.234,5"


def test_the_login_page_is_vietnamese_for_an_english_browser(client):
    response = client.get(reverse("web:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập Hệ thống theo dõi thực hiện Nghị quyết 57-NQ/TW" in text_of(html)


def test_the_header_offers_both_languages_and_keeps_the_page(client):
    html = client.get(reverse("web:login") + "?next=/to-chuc/").content.decode()
    form = re.search(r'<form method="post" action="/i18n/setlang/" class="language" aria-label="Ngôn ngữ">.*?</form>', html, re.S)
    assert form, "the language switch is missing from the header"
    assert '<input type="hidden" name="next" value="/dang-nhap/?next=/to-chuc/">' in form[0]
    assert re.findall(r'<button type="submit" name="language" value="(\w+)" lang="\w+" aria-pressed="(\w+)">([^<]+)</button>', form[0]) == [
        ("vi", "true", "Tiếng Việt"), ("en", "false", "English"),
    ]


def test_choosing_english_translates_the_login_page(client):
    login = reverse("web:login")
    response = choose(client, "en", login)
    assert (response.status_code, response["Location"]) == (302, login)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(login, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in html
    assert "Sign in The system for monitoring the implementation of Resolution 57-NQ/TW" in text_of(html)
    assert "Username" in text_of(html) and "Đăng nhập" not in html
    assert 'value="en" lang="en" aria-pressed="true">English</button>' in html


def test_choosing_vietnamese_again_switches_back(client):
    choose(client, "en", "/")
    choose(client, "vi", "/")
    html = client.get(reverse("web:login")).content.decode()
    assert '<html lang="vi">' in html and "Tên đăng nhập" in html


@pytest.fixture
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def test_the_dashboard_speaks_english_with_vietnamese_figures(client, scenario, province_leader, frozen_today):  # noqa: F811
    client.force_login(province_leader)
    url = reverse("evaluation:unit", args=[scenario["units"]["province"].pk])
    choose(client, "en", url)
    html = client.get(url).content.decode()
    plain = text_of(html)
    assert '<html lang="en">' in html
    assert "Sign out" in plain and "Dashboard" in plain
    assert re.search(r'status-at_risk"><span class="symbol" aria-hidden="true">▲</span><strong>1</strong><span>at risk</span>', html)
    assert re.search(r'status-on_track"><span class="symbol" aria-hidden="true">●</span><strong>3</strong><span>on track</span>', html)
    assert "Reached 25 Mbps (30/06/2026), 2,4 Mbps behind the trajectory (27,4 Mbps), within the 3 Mbps margin." in plain
    assert "46,7 %" in plain
