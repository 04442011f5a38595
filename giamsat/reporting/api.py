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
from django.db import IntegrityError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Router
from pydantic import ValidationError

from giamsat import collector
from giamsat.api.auth import API_AUTH
from giamsat.errors import NotFoundError
from giamsat.orgs import access
from giamsat.reporting import idempotency, rules, services
from giamsat.reporting.api_schemas import (
    ActionIn,
    ProblemOut,
    ReportOut,
    SavedReportOut,
    SaveOut,
    ValueSetIn,
    ValueSetOut,
    field_errors,
)
from giamsat.reporting.errors import (
    BodyTooLargeError,
    FieldError,
    MalformedJSONError,
    ReportInvalidError,
)
from giamsat.reporting.models import Value
from giamsat.reporting.services import RawEntry
from giamsat.reporting.validation import fmt

router = Router(tags=["reporting"], auth=API_AUTH)

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


def _canonical(period: str) -> str:
    parsed = rules.parse_period_code(period)
    return rules.period_code(*parsed) if parsed else period


def _value_sets(payload: ValueSetIn) -> list[services.ValueSet]:
    """Group the values by (unit, period), DHIS2-style: a value's own unit and period win."""
    groups: dict[tuple[str, str], list[RawEntry]] = {}
    errors = []
    canonical: dict[str, str] = {}
    default_unit, default_period = payload.unit, payload.period or ""
    for i, v in enumerate(payload.values):  # runs for every value of a batch: kept lean
        raw_period = v.get("period") or default_period
        period = canonical.get(raw_period)
        if period is None:
            period = canonical[raw_period] = _canonical(raw_period)
        unit = v.get("unit") or default_unit
        if not unit:
            errors.append(FieldError(f"values[{i}].unit", _("Thiếu mã đơn vị (ghi ở đầu hoặc ở từng số liệu).")))
        if not period:
            errors.append(FieldError(f"values[{i}].period", _("Thiếu mã kỳ (ghi ở đầu hoặc ở từng số liệu).")))
        entries = groups.get((unit, period))
        if entries is None:
            entries = groups[(unit, period)] = []
        entries.append(RawEntry(
            v["indicator"], v.get("value"), v.get("numerator"), v.get("denominator"), v.get("note", ""),
            v.get("confirm_outlier", False), lambda part, i=i: f"values[{i}].{part}",
        ))
    if errors:
        raise ReportInvalidError(errors)
    if payload.version is not None and len(groups) > 1:
        raise ReportInvalidError([FieldError("version", _("“version” chỉ dùng khi gửi số liệu của một đơn vị, một kỳ."))])
    units = services.find_units([unit for unit, _p in groups])
    periods = {code: services.find_period(code) for code in {p for _u, p in groups}}
    return [
        services.ValueSet(units[unit], periods[period], entries, payload.version, where=lambda part: part)
        for (unit, period), entries in groups.items()
    ]


def _save(request, data, key: str | None, print_: str) -> dict:
    """Check and store the values; the answer is remembered under ``key`` in the same transaction."""
    try:
        payload = ValueSetIn.model_validate(data)
    except ValidationError as exc:
        raise ReportInvalidError(field_errors(exc)) from None
    sets = _value_sets(payload)
    answer = {}

    def remember(results):
        answer.update(_answer(payload, sets, results))
        if key:
            idempotency.remember(request.user, key, print_, 200, answer)

    services.save_sets(request.user, sets, via="api", in_transaction=remember)
    return answer


def _answer(payload: ValueSetIn, sets: list[services.ValueSet], results: list[services.SaveResult]) -> dict:
    reports = [
        SavedReportOut(unit=vs.unit.code, period=vs.period.code, status=r.submission.status, version=r.submission.version, changed=r.changed)
        for vs, r in zip(sets, results, strict=True)
    ]
    single = reports[0] if len(reports) == 1 else None
    out = SaveOut(
        unit=single.unit if single else payload.unit, period=single.period if single else payload.period,
        status=single.status if single else None, version=single.version if single else None,
        changed=sum(r.changed for r in results),
        warnings=[ProblemOut(location=w.location, message=w.message) for r in results for w in r.warnings],
        reports=reports,
    )
    return out.model_dump()


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
            with collector.rare_collections():
                out = _save(request, data, key, print_)
        except IntegrityError:
            # a concurrent retry with the same key committed first: answer as it did
            stored = idempotency.replay(request.user, key, print_) if key else None
            if stored is None:
                raise
            return _replayed(*stored)
    except ReportInvalidError as exc:
        return _invalid(exc)
    return JsonResponse(out)


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
