"""The bulk reporting API (mounted at /api/reports), in the spirit of DHIS2's dataValueSets.

``POST /api/reports/values`` stores a unit's values for a period; an ``Idempotency-Key``
header makes a retry return the first answer without storing anything again.
``GET /api/reports/values?unit=…&period=…`` reads them back. The body is read here, not
by ninja, so an oversized body gets 413 and a truncated one 400 with a clear message.
"""

import json
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.security import django_auth
from pydantic import ValidationError

from giamsat.errors import NotFoundError
from giamsat.orgs import access
from giamsat.reporting import idempotency, services
from giamsat.reporting.api_schemas import (
    ActionIn,
    ProblemOut,
    ReportOut,
    SaveOut,
    ValueSetIn,
    ValueSetOut,
    field_errors,
)
from giamsat.reporting.errors import BodyTooLargeError, MalformedJSONError, ReportInvalidError
from giamsat.reporting.models import Value
from giamsat.reporting.services import RawEntry
from giamsat.reporting.validation import fmt

router = Router(tags=["reporting"], auth=django_auth)

DEFAULT_MAX_BODY = 2 * 1024 * 1024


def _max_body() -> int:
    return getattr(settings, "GIAMSAT_REPORT_MAX_BODY_BYTES", DEFAULT_MAX_BODY)


def _too_large(limit: int) -> BodyTooLargeError:
    return BodyTooLargeError(_("{size} MB").format(size=fmt((Decimal(limit) / 1048576).quantize(Decimal("0.1")))))


def _read_json(request) -> tuple[bytes, object]:
    limit = _max_body()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    try:
        if declared > limit:
            raise RequestDataTooBig
        body = request.body
    except RequestDataTooBig:
        raise _too_large(limit) from None
    if len(body) > limit:
        raise _too_large(limit)
    try:
        return body, json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise MalformedJSONError(_("không phải văn bản UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise MalformedJSONError(
            _("{problem} ở dòng {line}, cột {column}").format(problem=exc.msg, line=exc.lineno, column=exc.colno),
            location=f"body:{exc.lineno}:{exc.colno}",
        ) from None


def _invalid(exc: ReportInvalidError) -> JsonResponse:
    return JsonResponse(
        {"error": exc.code, "message": exc.message, "errors": [{"location": e.location, "message": e.message} for e in exc.errors]},
        status=exc.status,
    )


def _raw_entries(payload: ValueSetIn) -> list[RawEntry]:
    return [
        RawEntry(
            v.indicator, v.value, v.numerator, v.denominator, v.note, v.confirm_outlier,
            where=lambda part, i=i: f"values[{i}].{part}",
        )
        for i, v in enumerate(payload.values)
    ]


def _save(request, body: bytes, data) -> tuple[int, dict]:
    try:
        payload = ValueSetIn.model_validate(data)
    except ValidationError as exc:
        raise ReportInvalidError(field_errors(exc)) from None
    unit = services.find_unit(payload.unit)
    period = services.find_period(payload.period)
    result = services.save_report(
        request.user, unit, period, entries=_raw_entries(payload), expected_version=payload.version, via="api",
    )
    out = SaveOut(
        unit=unit.code, period=payload.period.upper(), status=result.submission.status,
        version=result.submission.version, changed=result.changed,
        warnings=[ProblemOut(location=w.location, message=w.message) for w in result.warnings],
    )
    return 200, out.model_dump()


@router.post(
    "/values", response={200: SaveOut}, summary="Gửi số liệu của một đơn vị cho một kỳ",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": ValueSetIn.model_json_schema()}}},
        "parameters": [{"in": "header", "name": "Idempotency-Key", "required": False, "schema": {"type": "string", "maxLength": 200}}],
    },
)
def post_values(request):
    """Values not sent are left as they are; a value sent empty (all null) is removed."""
    key = idempotency.read_key(request)
    try:
        body, data = _read_json(request)
        print_ = idempotency.fingerprint(request.method, request.path, body)
        if key and (stored := idempotency.replay(request.user, key, print_)):
            return _replayed(*stored)
        try:
            with transaction.atomic():
                status, out = _save(request, body, data)
                if key:
                    idempotency.remember(request.user, key, print_, status, out)
        except IntegrityError:
            # a concurrent retry with the same key committed first: answer as it did
            stored = idempotency.replay(request.user, key, print_) if key else None
            if stored is None:
                raise
            return _replayed(*stored)
    except ReportInvalidError as exc:
        return _invalid(exc)
    return JsonResponse(out, status=status)


def _replayed(status: int, body: dict) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Idempotent-Replayed"] = "true"
    return response


@router.get("/values", response=ValueSetOut, summary="Đọc số liệu của một đơn vị cho một kỳ")
def get_values(request, unit: str, period: str):
    unit_obj = services.find_unit(unit)
    period_obj = services.find_period(period)
    access.require(request.user, access.Action.VIEW, unit_obj)
    submission = services.submission_of(unit_obj, period_obj)
    values = []
    if submission is not None:
        rows = Value.objects.filter(submission=submission).select_related("indicator").order_by("indicator__code")
        values = [
            {"indicator": v.indicator.code, "value": _text(v.value), "numerator": _text(v.numerator),
             "denominator": _text(v.denominator), "note": v.note, "outlier_confirmed": v.outlier_confirmed}
            for v in rows
        ]
    return {
        "unit": unit_obj.code, "period": period.upper(), "status": submission.status if submission else "draft",
        "version": submission.version if submission else 0, "values": values,
    }


def _text(number) -> str | None:
    if number is None:
        return None
    number = number.normalize()
    return str(number.quantize(1) if number == number.to_integral() else number)


@router.post("/{unit}/{period}/{action}", response=ReportOut, summary="Gửi, duyệt, trả lại hoặc mở lại báo cáo")
def post_action(request, unit: str, period: str, action: str, payload: ActionIn):
    if action not in ("submit", "approve", "return", "reopen"):
        raise NotFoundError(_("Không có thao tác “{action}” (submit, approve, return, reopen).").format(action=action), location="action")
    unit_obj, period_obj = services.find_unit(unit), services.find_period(period)
    try:
        submission = services.act(request.user, unit_obj, period_obj, action, expected_version=payload.version, reason=payload.reason, via="api")
    except ReportInvalidError as exc:
        return _invalid(exc)
    return {"unit": unit_obj.code, "period": period.upper(), "status": submission.status, "version": submission.version}
