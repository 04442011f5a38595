"""Turn domain errors into JSON responses, in one place for the whole API."""

import logging

from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError

from giamsat.errors import GiamsatError

log = logging.getLogger("giamsat.api")


def install_error_handlers(api) -> None:
    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc: AuthenticationError):
        response = api.create_response(request, {
            "error": "unauthenticated",
            "message": _("Cần đăng nhập, hoặc gửi khóa API trong header “Authorization: Bearer KHÓA”."),
        }, status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        if exc.status_code == 403 and "CSRF" in exc.message:
            body = {"error": "csrf", "message": _(
                "Thiếu hoặc sai mã CSRF: khi dùng phiên đăng nhập của trang web, hãy gửi kèm header "
                "X-CSRFToken; phần mềm khác hãy dùng khóa API.")}
        else:
            body = {"error": "http", "message": _("Yêu cầu không thực hiện được (mã {status}).").format(
                status=exc.status_code)}
        return api.create_response(request, body, status=exc.status_code)

    @api.exception_handler(GiamsatError)
    def domain_error(request, exc: GiamsatError):
        body = {"error": exc.code, "message": exc.message}
        if exc.location:
            body["location"] = exc.location
        return api.create_response(request, body, status=exc.status)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        errors = [
            {"location": ".".join(str(p) for p in e.get("loc", [])), "message": e.get("msg", "")}
            for e in exc.errors
        ]
        return api.create_response(
            request,
            {"error": "invalid", "message": _("Dữ liệu gửi lên không hợp lệ."), "errors": errors},
            status=422,
        )

    @api.exception_handler(Exception)
    def unexpected(request, exc: Exception):
        log.exception("Unexpected API error")
        return api.create_response(
            request,
            {"error": "server", "message": _("Xin lỗi, đã có lỗi ngoài dự kiến. Lỗi đã được ghi lại.")},
            status=500,
        )
