"""Show domain errors as a page with their message, in one place for the web."""

import logging

from django.shortcuts import render

from giamsat.errors import GiamsatError

log = logging.getLogger("giamsat.web")


class GiamsatErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, GiamsatError):
            template = "web/error_fragment.html" if request.headers.get("HX-Request") else "web/error.html"
            return render(request, template, {"error": exception}, status=exception.status)
        return None


class VietnameseFirstLocaleMiddleware:
    """Activate Vietnamese unless the user chose another language (the language cookie).

    Django's LocaleMiddleware follows the browser's Accept-Language, so an officer whose
    browser is set to English got English dates (11/30/2026) and numbers; giamsat's
    users read Vietnamese first whatever their browser says.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
