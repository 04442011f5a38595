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
