"""The bulk API: POST and GET a unit's values for a period, idempotent retries, bad bodies."""

import json

import pytest
from django.test import Client

from giamsat.audit.models import AuditEvent
from giamsat.reporting.models import IdempotencyKey, Submission, Value

URL = "/api/reports/values"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _post(client, body, **headers):
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", headers=headers)


BODY = {
    "unit": "X01", "period": "2025Q2",
    "values": [
        {"indicator": "DT-01", "numerator": 24530, "denominator": 27656},
        {"indicator": "KH-02", "value": 12, "note": "Theo quyết định công nhận"},
        {"indicator": "CQ-03", "value": "75,5"},
    ],
}


def test_post_stores_values_and_get_reads_them_back(commune_officer, q2):
    client = _client(commune_officer)
    response = _post(client, BODY)
    assert response.status_code == 200
    assert response.json() == {
        "unit": "X01", "period": "2025Q2", "status": "draft", "version": 2, "changed": 3, "warnings": [],
        "reports": [{"unit": "X01", "period": "2025Q2", "status": "draft", "version": 2, "changed": 3}],
    }
    got = client.get(URL, {"unit": "X01", "period": "2025q2"})
    assert got.status_code == 200
    assert got.json() == {
        "unit": "X01", "period": "2025Q2", "status": "draft", "version": 2,
        "values": [
            {"indicator": "CQ-03", "value": "75.5", "numerator": None, "denominator": None, "note": "", "outlier_confirmed": False},
            {"indicator": "DT-01", "value": "88.69", "numerator": "24530", "denominator": "27656", "note": "", "outlier_confirmed": False},
            {"indicator": "KH-02", "value": "12", "numerator": None, "denominator": None, "note": "Theo quyết định công nhận", "outlier_confirmed": False},
        ],
    }
    assert AuditEvent.objects.get(object_type="reporting.submission").via == "api"


def test_a_retry_with_the_same_idempotency_key_stores_nothing_twice(commune_officer, q2):
    client = _client(commune_officer)
    first = _post(client, BODY, **{"Idempotency-Key": "lan-gui-1"})
    second = _post(client, BODY, **{"Idempotency-Key": "lan-gui-1"})
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Submission.objects.get().version == 2
    assert Value.objects.count() == 3
    assert AuditEvent.objects.filter(object_type="reporting.submission").count() == 1
    assert IdempotencyKey.objects.count() == 1


def test_a_key_reused_for_a_different_body_is_refused(commune_officer, q2):
    client = _client(commune_officer)
    _post(client, BODY, **{"Idempotency-Key": "k-1"})
    other = {**BODY, "values": [{"indicator": "KH-02", "value": 99}]}
    response = _post(client, other, **{"Idempotency-Key": "k-1"})
    assert response.status_code == 422
    assert response.json()["message"] == "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác. Mỗi lần gửi dữ liệu mới cần một khóa mới."
    assert Value.objects.get(indicator__code="KH-02").value == 12


def test_a_failed_request_does_not_burn_its_key(commune_officer, q2):
    client = _client(commune_officer)
    bad = {**BODY, "values": [{"indicator": "KH-02", "value": -1}]}
    assert _post(client, bad, **{"Idempotency-Key": "k-2"}).status_code == 422
    assert not IdempotencyKey.objects.exists()


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        ({**BODY, "values": [{"indicator": "DT-01", "numerator": 5, "denominator": 0}]}, 422,
         [{"location": "values[0].denominator", "message": "Mẫu số của “Tỷ lệ người dân có tài khoản định danh điện tử” phải lớn hơn 0."}]),
        ({**BODY, "values": [{"indicator": "KH-02", "value": "mười hai"}]}, 422,
         [{"location": "values[0].value", "message": "Giá trị của “Số sáng kiến được công nhận”: “mười hai” không phải là số (ví dụ đúng: 1.234,5)."}]),
        ({**BODY, "values": [{"indicator": "KH-02", "value": True}]}, 422,
         [{"location": "values[0].value", "message": "Giá trị của “Số sáng kiến được công nhận”: “True” không phải là số."}]),
        ({**BODY, "values": [{"indicator": "ZZ-99", "value": 1}]}, 422,
         [{"location": "values[0].indicator", "message": "Chỉ tiêu “ZZ-99” không nằm trong danh sách “Xã An Bình” phải báo cáo kỳ Quý 2/2025."}]),
        ({**BODY, "values": [{"indicator": "KH-02", "valeur": 1}]}, 422,
         [{"location": "values[0].valeur", "message": "Trường này không được hỗ trợ."}]),
        ({"unit": "X01", "values": "12"}, 422,
         [{"location": "values", "message": "Phải là một danh sách."}]),
        ({"unit": "X01", "values": [{"indicator": "KH-02", "value": 1}]}, 422,
         [{"location": "values[0].period", "message": "Thiếu mã kỳ (ghi ở đầu hoặc ở từng số liệu)."}]),
    ],
)
def test_bad_values_get_422_naming_the_field_and_store_nothing(commune_officer, q2, body, status, expected):
    response = _post(_client(commune_officer), body)
    assert response.status_code == status
    assert response.json()["errors"] == expected
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({**BODY, "period": "2031Q1"}, 404, "Không có kỳ báo cáo “2031Q1”."),
        ({**BODY, "period": "quý 2"}, 404, "Không có kỳ báo cáo “quý 2”."),
        ({**BODY, "unit": "KHONG-CO"}, 404, "Không có đơn vị mã “KHONG-CO”."),
        ({**BODY, "unit": "X02"}, 403, "Bạn không có quyền nhập, sửa dữ liệu của “Xã Hòa Lạc”."),
    ],
)
def test_unknown_or_forbidden_unit_and_period(commune_officer, q2, units, body, status, message):
    response = _post(_client(commune_officer), body)
    assert (response.status_code, response.json()["message"]) == (status, message)
    assert not Submission.objects.exists()


def test_a_locked_period_is_refused(commune_officer, q2):
    q2.locked = True
    q2.save(update_fields=["locked"])
    response = _post(_client(commune_officer), BODY)
    assert (response.status_code, response.json()["message"]) == (409, "Kỳ báo cáo Quý 2/2025 đã khóa sổ, không nhận thêm số liệu.")


def test_a_truncated_body_gets_400(commune_officer, q2):
    text = json.dumps(BODY)
    response = _post(_client(commune_officer), text[: len(text) // 2])
    assert response.status_code == 400
    body = response.json()
    assert body["message"].startswith("Nội dung gửi lên không phải JSON hợp lệ (có thể bị cắt giữa chừng): ")
    assert body["location"].startswith("body:1:")
    assert not Submission.objects.exists()


def test_an_oversized_body_gets_413(commune_officer, q2, settings):
    settings.GIAMSAT_REPORT_MAX_BODY_BYTES = 1024 * 1024
    big = {**BODY, "values": [{"indicator": "KH-02", "value": 1, "note": "x" * 1000}] * 1100}
    response = _post(_client(commune_officer), big)
    assert response.status_code == 413
    assert response.json()["message"] == "Dữ liệu gửi lên lớn quá 1 MB. Hãy chia thành nhiều lần gửi (mỗi lần một đơn vị, một kỳ)."
    assert not Submission.objects.exists()


def test_anonymous_requests_are_refused(q2):
    assert Client().post(URL, data=json.dumps(BODY), content_type="application/json").status_code == 401
    assert Client().get(URL, {"unit": "X01", "period": "2025Q2"}).status_code == 401


@pytest.mark.parametrize(
    ("actor", "status"),
    [("commune_officer", 200), ("commune_leader", 200), ("province_leader", 200), ("province_viewer", 200), ("province_admin", 200), ("sibling_officer", 403)],
)
def test_who_may_read_a_communes_values(request, commune_officer, q2, actor, status):
    _post(_client(commune_officer), BODY)
    response = _client(request.getfixturevalue(actor)).get(URL, {"unit": "X01", "period": "2025Q2"})
    assert response.status_code == status


@pytest.mark.parametrize(
    ("actor", "status"),
    [("commune_officer", 200), ("commune_leader", 200), ("province_admin", 200), ("province_leader", 403), ("province_viewer", 403), ("sibling_officer", 403)],
)
def test_who_may_write_a_communes_values(request, q2, actor, status):
    assert _post(_client(request.getfixturevalue(actor)), BODY).status_code == status
    assert Submission.objects.exists() == (status == 200)


def test_workflow_through_the_api(commune_officer, province_leader, q2):
    officer, leader = _client(commune_officer), _client(province_leader)
    _post(officer, BODY)
    Submission.objects.update(results="Đạt kế hoạch quý.")
    submitted = officer.post("/api/reports/X01/2025Q2/submit", data={}, content_type="application/json")
    assert submitted.json() == {"unit": "X01", "period": "2025Q2", "status": "submitted", "version": 3}
    refused = officer.post("/api/reports/X01/2025Q2/approve", data={}, content_type="application/json")
    assert (refused.status_code, refused.json()["message"]) == (403, "Bạn không có quyền duyệt dữ liệu của “Xã An Bình”.")
    stale = leader.post("/api/reports/X01/2025Q2/approve", data={"version": 2}, content_type="application/json")
    assert stale.status_code == 409
    approved = leader.post("/api/reports/X01/2025Q2/approve", data={"version": 3}, content_type="application/json")
    assert approved.json()["status"] == "approved"
    again = _post(officer, {**BODY, "values": [{"indicator": "KH-02", "value": 13}]})
    assert (again.status_code, again.json()["message"]) == (409, "Báo cáo đã được duyệt nên chỉ được xem. Muốn sửa, lãnh đạo cấp trên cần mở lại để điều chỉnh, kèm lý do.")


def test_one_request_may_carry_several_units_like_dhis2(commune_officer, province_admin, units, q2):
    body = {"period": "2025Q2", "values": [
        {"unit": "X01", "indicator": "KH-02", "value": 5},
        {"unit": "X02", "indicator": "KH-02", "value": 7},
        {"unit": "X01", "indicator": "CQ-03", "value": 60},
    ]}
    response = _post(_client(province_admin), body)
    assert response.status_code == 200
    assert response.json()["reports"] == [
        {"unit": "X01", "period": "2025Q2", "status": "draft", "version": 2, "changed": 2},
        {"unit": "X02", "period": "2025Q2", "status": "draft", "version": 2, "changed": 1},
    ]
    assert AuditEvent.objects.filter(action="save_values").count() == 2  # one per report


def test_a_batch_with_one_unit_out_of_scope_stores_nothing(commune_officer, q2):
    body = {"period": "2025Q2", "values": [
        {"unit": "X01", "indicator": "KH-02", "value": 5}, {"unit": "X02", "indicator": "KH-02", "value": 7}]}
    response = _post(_client(commune_officer), body)
    assert (response.status_code, response.json()["message"]) == (403, "Bạn không có quyền nhập, sửa dữ liệu của “Xã Hòa Lạc”.")
    assert not Submission.objects.exists()


def test_a_batch_with_one_bad_value_stores_nothing(province_admin, q2):
    body = {"period": "2025Q2", "values": [
        {"unit": "X01", "indicator": "KH-02", "value": 5}, {"unit": "X02", "indicator": "KH-02", "value": -7}]}
    response = _post(_client(province_admin), body)
    assert response.status_code == 422
    assert response.json()["errors"] == [{"location": "values[1].value", "message": "Giá trị của “Số sáng kiến được công nhận” là số đếm, phải là số nguyên không âm (đã nhập -7)."}]
    assert not Submission.objects.exists()
