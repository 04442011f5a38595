"""Every transition of a report, allowed and refused, by role (a table-driven test)."""

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.errors import PermissionDeniedError
from giamsat.reporting import services
from giamsat.reporting.errors import ReasonRequiredError, ReportInvalidError, WorkflowError
from giamsat.reporting.models import Correction, Submission
from giamsat.reporting.services import RawEntry

COMPLETE = [RawEntry("DT-01", numerator="24.530", denominator="27.656"), RawEntry("KH-02", value="12"), RawEntry("CQ-03", value="75")]
ACTORS = ["commune_officer", "commune_leader", "sibling_officer", "province_leader", "province_admin", "province_viewer"]


@pytest.fixture
def report(commune_officer, units, q2):
    """A complete draft of the commune for Q2, and a way to put it in any state."""
    services.save_report(commune_officer, units["commune"], q2, entries=COMPLETE, narrative={"results": "Đạt kế hoạch quý."})

    def in_state(status):
        Submission.objects.filter(unit=units["commune"], period=q2).update(status=status)
        return Submission.objects.get(unit=units["commune"], period=q2)

    return in_state


# (from state, action) → the actors allowed; every other actor is refused with 403.
ALLOWED = {
    ("draft", "submit"): {"commune_officer", "commune_leader", "province_admin"},
    ("returned", "submit"): {"commune_officer", "commune_leader", "province_admin"},
    ("submitted", "approve"): {"province_leader", "province_admin"},
    ("submitted", "return"): {"province_leader", "province_admin"},
    ("submitted", "reopen"): {"province_leader", "province_admin"},
    ("approved", "reopen"): {"province_leader", "province_admin"},
}
NEW_STATE = {"submit": "submitted", "approve": "approved", "return": "returned", "reopen": "draft"}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("state", "action"), list(ALLOWED))
def test_transitions_by_role(request, report, units, q2, actor, state, action):
    user = request.getfixturevalue(actor)
    report(state)
    if actor in ALLOWED[(state, action)]:
        sub = services.act(user, units["commune"], q2, action, reason="Số liệu cần rà soát lại")
        assert sub.status == NEW_STATE[action]
        assert Submission.objects.get(pk=sub.pk).status == NEW_STATE[action]
        event = AuditEvent.objects.filter(object_type="reporting.submission", action=action).get()
        assert (event.actor, event.before, event.after["status"]) == (user, {"status": state}, NEW_STATE[action])
    else:
        with pytest.raises(PermissionDeniedError):
            services.act(user, units["commune"], q2, action, reason="Số liệu cần rà soát lại")
        assert Submission.objects.get(unit=units["commune"], period=q2).status == state
        assert not AuditEvent.objects.filter(object_type="reporting.submission", action=action).exists()


# Pairs the table does not hold are refused for everyone, the leader included.
@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        ("draft", "approve", "Không thể duyệt báo cáo đang ở trạng thái “đang soạn”."),
        ("draft", "return", "Không thể trả lại báo cáo đang ở trạng thái “đang soạn”."),
        ("approved", "approve", "Không thể duyệt báo cáo đang ở trạng thái “đã duyệt”."),
        ("approved", "submit", "Không thể gửi báo cáo đang ở trạng thái “đã duyệt”."),
        ("submitted", "submit", "Không thể gửi báo cáo đang ở trạng thái “đã gửi”."),
        ("returned", "approve", "Không thể duyệt báo cáo đang ở trạng thái “bị trả lại”."),
    ],
)
def test_transitions_outside_the_table_are_refused(report, province_admin, units, q2, state, action, message):
    report(state)
    with pytest.raises(WorkflowError) as exc:
        services.act(province_admin, units["commune"], q2, action, reason="x")
    assert (exc.value.message, exc.value.status) == (message, 409)


@pytest.mark.parametrize("state", ["submitted", "approved"])
def test_submitted_and_approved_reports_are_read_only(report, commune_officer, province_admin, units, q2, state):
    report(state)
    for user in (commune_officer, province_admin):
        with pytest.raises(WorkflowError):
            services.save_report(user, units["commune"], q2, entries=[RawEntry("KH-02", value="99")])
    assert Submission.objects.get().values.get(indicator__code="KH-02").value == 12


def test_returning_needs_a_comment_and_keeps_it(report, province_leader, units, q2):
    report("submitted")
    with pytest.raises(ReasonRequiredError) as exc:
        services.act(province_leader, units["commune"], q2, "return", reason="  ")
    assert exc.value.message == "Cần ghi rõ lý do."
    sub = services.act(province_leader, units["commune"], q2, "return", reason="Tử số định danh chưa khớp số liệu công an xã")
    assert (sub.status, sub.return_comment, sub.decided_by) == ("returned", "Tử số định danh chưa khớp số liệu công an xã", province_leader)


def test_a_correction_request_reopens_an_approved_report_and_is_logged(report, province_leader, commune_officer, units, q2):
    report("approved")
    sub = services.act(province_leader, units["commune"], q2, "reopen", reason="Công an tỉnh điều chỉnh số định danh")
    assert sub.status == "draft"
    correction = Correction.objects.get()
    assert (correction.requested_by, correction.from_status, correction.reason) == (province_leader, "approved", "Công an tỉnh điều chỉnh số định danh")
    assert AuditEvent.objects.get(action="reopen").reason == "Công an tỉnh điều chỉnh số định danh"
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="13")])
    assert Submission.objects.get().values.get(indicator__code="KH-02").value == 13


def test_an_incomplete_report_cannot_be_submitted(commune_officer, units, q2):
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="12")])
    with pytest.raises(ReportInvalidError) as exc:
        services.act(commune_officer, units["commune"], q2, "submit")
    assert exc.value.message == "Báo cáo còn thiếu 3 mục, chưa gửi được."
    assert [(e.location, e.message) for e in exc.value.errors] == [
        ("indicator:CQ-03", "Chưa nhập số liệu “Tỷ lệ thủ tục hành chính trực tuyến toàn trình”."),
        ("indicator:DT-01", "Chưa nhập số liệu “Tỷ lệ người dân có tài khoản định danh điện tử”."),
        ("results", "Chưa viết phần “Kết quả đạt được”."),
    ]
    assert Submission.objects.get().status == "draft"


def test_an_unconfirmed_outlier_blocks_submission(commune_officer, province_leader, units, periods, q2):
    q1 = periods[1]
    services.save_report(commune_officer, units["commune"], q1, entries=COMPLETE, narrative={"results": "Quý 1"})
    services.act(commune_officer, units["commune"], q1, "submit")
    jump = [RawEntry("DT-01", numerator="24.530", denominator="27.656"), RawEntry("KH-02", value="80"), RawEntry("CQ-03", value="75")]
    saved = services.save_report(commune_officer, units["commune"], q2, entries=jump, narrative={"results": "Quý 2"})
    assert [w.message for w in saved.warnings] == [
        "“Số sáng kiến được công nhận” = 80 khác thường: chênh hơn 3 lần so với mức thường thấy của đơn vị (12). "
        "Hãy kiểm tra lại, hoặc xác nhận và ghi chú lý do."]
    with pytest.raises(ReportInvalidError) as exc:
        services.act(commune_officer, units["commune"], q2, "submit")
    assert [e.message for e in exc.value.errors] == [
        "Giá trị “Số sáng kiến được công nhận” = 80 khác thường và chưa được xác nhận kèm ghi chú."]
    services.save_report(commune_officer, units["commune"], q2, entries=[
        RawEntry("KH-02", value="80", confirm_outlier=True, note="Hội đồng xét 68 sáng kiến của trường học")])
    assert services.act(commune_officer, units["commune"], q2, "submit").status == "submitted"
