"""The language switch's choices. Load with ``{% load giamsat_language %}``."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def language_choices() -> list[tuple[str, str]]:
    """``settings.LANGUAGES``: each language under its own name ("Tiếng Việt", "English").

    Django's ``get_available_languages`` names them in the active language ("Tiếng Anh"),
    which a reader looking for their own language may not recognise.
    """
    return list(settings.LANGUAGES)
