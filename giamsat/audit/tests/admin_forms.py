"""Build the POST data of a Django admin change form from the page that shows it."""

import datetime

from django.forms import MultiWidget


def _value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_value(v) for v in value]
    return value


def _fields(form, data):
    for bound in form:
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, MultiWidget):  # e.g. a date and a time box
            for sub in widget.get_context(bound.html_name, value, {})["widget"]["subwidgets"]:
                data[sub["name"]] = sub["value"] or ""
            continue
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
            continue
        data[bound.html_name] = _value(value)


def change_form_data(response) -> dict:
    """The data the admin page in ``response`` would post if submitted unchanged."""
    data: dict = {}
    _fields(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _fields(formset.management_form, data)
        for form in formset.initial_forms:
            _fields(form, data)
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
    return data
