"""The bulk write path: what a batch of several units stores and logs, exactly.

The path writes new values, changed values and removals set-wise (on PostgreSQL new
rows go in with COPY, changed ones in one UPDATE); these tests pin the stored rows, the
audit events and the answer, on both databases.
"""

import json
from decimal import Decimal

import pytest
from django.test import Client

from giamsat.audit.models import AuditEvent
from giamsat.reporting import idempotency, writes
from giamsat.reporting.models import IdempotencyKey, Submission, Value

URL = "/api/reports/values"


class Killed(Exception):
    pass


@pytest.fixture
def history(units, periods, catalog, q2):
    """Q1 delivered by X01: KH-02 = 10 and CQ-03 = 10, what outliers are measured against."""
    sub = Submission.objects.create(unit=units["commune"], period=periods[1], status="approved")
    Value.objects.create(submission=sub, indicator=catalog["initiatives"], value=10)
    Value.objects.create(submission=sub, indicator=catalog["online"], value=10)


def _post(user, body, key):
    client = Client()
    client.force_login(user)
    return client.post(URL, data=json.dumps(body), content_type="application/json", headers={"Idempotency-Key": key})


def _stored(period):
    return {
        (v.submission.unit.code, v.indicator.code): (v.value, v.numerator, v.denominator, v.note, v.outlier_confirmed)
        for v in Value.objects.filter(submission__period=period).select_related("submission__unit", "indicator")
    }


def _events():
    return [
        (e.object_repr, e.before["values"], {k: v for k, v in e.after.items() if k != "tasks"})
        for e in AuditEvent.objects.filter(action="save_values").order_by("id")
    ]


def _value(value=None, numerator=None, denominator=None, note="", confirmed=False):
    return {"value": value, "numerator": numerator, "denominator": denominator, "note": note, "outlier_confirmed": confirmed}


FIRST = {"period": "2025Q2", "values": [
    {"unit": "X01", "indicator": "DT-01", "numerator": 24530, "denominator": 27656},
    {"unit": "X01", "indicator": "KH-02", "value": 40, "confirm_outlier": True, "note": "Có thêm 30 sáng kiến cấp tỉnh"},
    {"unit": "X02", "indicator": "KH-02", "value": "1.234"},
    {"unit": "X02", "indicator": "CQ-03", "value": 75.5},
]}

SECOND = {"period": "2025Q2", "values": [
    {"unit": "X02", "indicator": "KH-02", "value": 1235},
    {"unit": "X01", "indicator": "KH-02", "value": 40, "confirm_outlier": True, "note": "Có thêm 30 sáng kiến cấp tỉnh"},
    {"unit": "X01", "indicator": "DT-01"},
    {"unit": "X01", "indicator": "CQ-03", "value": "50"},
    {"unit": "X02", "indicator": "CQ-03", "value": "75,5"},
]}


def test_a_batch_of_new_values_is_stored_and_logged_per_report(province_admin, q2, history):
    response = _post(province_admin, FIRST, "lo-1")
    assert response.status_code == 200
    assert response.json()["reports"] == [
        {"unit": "X01", "period": "2025Q2", "status": "draft", "version": 2, "changed": 2},
        {"unit": "X02", "period": "2025Q2", "status": "draft", "version": 2, "changed": 2},
    ]
    assert response.json()["warnings"] == []
    assert _stored(q2) == {
        ("X01", "DT-01"): (Decimal("88.69"), Decimal(24530), Decimal(27656), "", False),
        ("X01", "KH-02"): (Decimal(40), None, None, "Có thêm 30 sáng kiến cấp tỉnh", True),
        ("X02", "KH-02"): (Decimal(1234), None, None, "", False),
        ("X02", "CQ-03"): (Decimal("75.5"), None, None, "", False),
    }
    assert _events() == [
        ("Xã An Bình – Quý 2/2025", {"DT-01": None, "KH-02": None}, {"values": {
            "DT-01": _value("88.69", "24530", "27656"),
            "KH-02": _value("40", note="Có thêm 30 sáng kiến cấp tỉnh", confirmed=True),
        }, "version": 2}),
        ("Xã Hòa Lạc – Quý 2/2025", {"KH-02": None, "CQ-03": None}, {"values": {
            "KH-02": _value("1234"), "CQ-03": _value("75.5"),
        }, "version": 2}),
    ]


def test_a_second_batch_updates_removes_adds_and_leaves_the_rest(province_admin, q2, history):
    _post(province_admin, FIRST, "lo-1")
    response = _post(province_admin, SECOND, "lo-2")
    assert response.status_code == 200
    assert response.json()["reports"] == [
        {"unit": "X02", "period": "2025Q2", "status": "draft", "version": 3, "changed": 1},
        {"unit": "X01", "period": "2025Q2", "status": "draft", "version": 3, "changed": 2},
    ]
    assert response.json()["warnings"] == [{
        "location": "values[3].value",
        "message": "“Tỷ lệ thủ tục hành chính trực tuyến toàn trình” = 50 khác thường: chênh hơn 3 lần so với mức thường"
                   " thấy của đơn vị (10). Hãy kiểm tra lại, hoặc xác nhận và ghi chú lý do.",
    }]
    assert _stored(q2) == {
        ("X01", "KH-02"): (Decimal(40), None, None, "Có thêm 30 sáng kiến cấp tỉnh", True),
        ("X01", "CQ-03"): (Decimal(50), None, None, "", False),
        ("X02", "KH-02"): (Decimal(1235), None, None, "", False),
        ("X02", "CQ-03"): (Decimal("75.5"), None, None, "", False),
    }
    assert _events()[2:] == [
        ("Xã Hòa Lạc – Quý 2/2025", {"KH-02": _value("1234")}, {"values": {"KH-02": _value("1235")}, "version": 3}),
        ("Xã An Bình – Quý 2/2025", {"DT-01": _value("88.69", "24530", "27656"), "CQ-03": None},
         {"values": {"DT-01": None, "CQ-03": _value("50")}, "version": 3}),
    ]


def test_a_value_row_that_appears_behind_the_lock_is_a_conflict_not_an_overwrite(province_admin, q2, history, monkeypatch):
    _post(province_admin, FIRST, "lo-1")
    monkeypatch.setattr(writes, "load_many", lambda submission_ids: {})  # as if the rows were written after the read
    response = _post(province_admin, {"period": "2025Q2", "values": [{"unit": "X02", "indicator": "KH-02", "value": 7}]}, "lo-3")
    assert response.status_code == 409
    assert _stored(q2)[("X02", "KH-02")] == (Decimal(1234), None, None, "", False)
    assert Submission.objects.get(unit__code="X02", period=q2).version == 2
    assert AuditEvent.objects.filter(action="save_values").count() == 2


def test_the_idempotency_key_is_stored_with_the_values_or_not_at_all(province_admin, q2, history, monkeypatch):
    real = idempotency.remember

    def remember_then_die(*args, **kwargs):
        real(*args, **kwargs)
        raise Killed("process killed after storing the key")

    monkeypatch.setattr(idempotency, "remember", remember_then_die)
    assert _post(province_admin, FIRST, "lo-1").status_code == 500  # the API's catch-all answer
    assert not IdempotencyKey.objects.exists()
    assert not Value.objects.filter(submission__period=q2).exists()
    assert not AuditEvent.objects.filter(action="save_values").exists()


def test_a_retry_racing_the_first_request_gets_the_first_answer(province_admin, q2, history, monkeypatch):
    first = _post(province_admin, FIRST, "lo-1")
    real, calls = idempotency.replay, []

    def replay(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)  # the key was not there yet when the retry looked

    monkeypatch.setattr(idempotency, "replay", replay)
    retry = _post(province_admin, FIRST, "lo-1")
    assert (retry.status_code, retry["Idempotent-Replayed"]) == (200, "true")
    assert retry.json() == first.json()
    assert len(calls) == 2
    assert Submission.objects.get(unit__code="X01", period=q2).version == 2
    assert AuditEvent.objects.filter(action="save_values").count() == 2


def test_a_value_row_removed_behind_the_lock_is_a_conflict_not_a_lost_value(province_admin, q2, history, monkeypatch):
    _post(province_admin, FIRST, "lo-1")
    real = writes.update

    def update_after_a_removal(rows):
        Value.objects.filter(pk__in=[row[0] for row in rows]).delete()  # as an admin could, between read and write
        return real(rows)

    monkeypatch.setattr(writes, "update", update_after_a_removal)
    response = _post(province_admin, {"period": "2025Q2", "values": [{"unit": "X02", "indicator": "KH-02", "value": 7}]}, "lo-3")
    assert response.status_code == 409
    assert _stored(q2)[("X02", "KH-02")] == (Decimal(1234), None, None, "", False)  # the removal was rolled back too
    assert AuditEvent.objects.filter(action="save_values").count() == 2
