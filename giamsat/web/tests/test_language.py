"""Vietnamese first: the browser's Accept-Language does not switch the UI or its formats."""

import datetime

from django.template import Context, Template
from django.utils import translation


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
