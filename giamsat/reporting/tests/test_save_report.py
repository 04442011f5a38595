"""Saving a draft's values: validation before writing, one audit event, nothing half-written."""

from decimal import Decimal

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.errors import PermissionDeniedError
from giamsat.reporting import services
from giamsat.reporting.errors import PeriodLockedError, ReportInvalidError
from giamsat.reporting.models import Submission, Value
from giamsat.reporting.services import RawEntry
from giamsat.reporting.tasks import RawTask


def _entries():
    return [
        RawEntry("DT-01", numerator="24.530", denominator="27.656"),
        RawEntry("KH-02", value="12"),
        RawEntry("CQ-03", value="75,5", note="Số liệu từ Cổng dịch vụ công"),
    ]


def _stored(unit, period):
    return {
        (v.indicator.code): (v.value, v.numerator, v.denominator, v.note)
        for v in Value.objects.filter(submission__unit=unit, submission__period=period).select_related("indicator")
    }


def test_an_officer_saves_a_draft_with_one_audit_event(commune_officer, units, q2):
    result = services.save_report(commune_officer, units["commune"], q2, entries=_entries(), expected_version=0)
    assert result.changed == 3
    assert result.submission.status == "draft"
    assert result.submission.version == 2
    assert _stored(units["commune"], q2) == {
        "DT-01": (Decimal("88.69"), Decimal(24530), Decimal(27656), ""),
        "KH-02": (Decimal(12), None, None, ""),
        "CQ-03": (Decimal("75.5"), None, None, "Số liệu từ Cổng dịch vụ công"),
    }
    events = AuditEvent.objects.filter(object_type="reporting.submission")
    assert events.count() == 1
    event = events.get()
    assert (event.action, event.actor, event.via) == ("save_values", commune_officer, "web")
    assert event.after["values"]["DT-01"] == {"value": "88.69", "numerator": "24530", "denominator": "27656", "note": "", "outlier_confirmed": False}
    assert event.before["values"] == {"DT-01": None, "KH-02": None, "CQ-03": None}


def test_saving_the_same_values_again_changes_nothing(commune_officer, units, q2):
    first = services.save_report(commune_officer, units["commune"], q2, entries=_entries())
    again = services.save_report(commune_officer, units["commune"], q2, entries=_entries())
    assert again.changed == 0
    assert again.submission.version == first.submission.version
    assert AuditEvent.objects.filter(object_type="reporting.submission").count() == 1


def test_a_changed_value_is_logged_with_before_and_after(commune_officer, units, q2):
    services.save_report(commune_officer, units["commune"], q2, entries=_entries())
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="13")])
    event = AuditEvent.objects.filter(object_type="reporting.submission").first()
    assert event.before["values"] == {"KH-02": {"value": "12", "numerator": None, "denominator": None, "note": "", "outlier_confirmed": False}}
    assert event.after["values"]["KH-02"]["value"] == "13"
    assert _stored(units["commune"], q2)["DT-01"][0] == Decimal("88.69")  # untouched


def test_a_blank_entry_clears_a_value_and_replace_clears_what_is_not_sent(commune_officer, units, q2):
    services.save_report(commune_officer, units["commune"], q2, entries=_entries())
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02")])
    assert set(_stored(units["commune"], q2)) == {"DT-01", "CQ-03"}
    services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("CQ-03", value="80")], replace=True)
    assert _stored(units["commune"], q2) == {"CQ-03": (Decimal(80), None, None, "")}


def test_one_bad_value_stores_nothing_and_names_every_field(commune_officer, units, q2):
    bad = [
        RawEntry("DT-01", numerator="5", denominator="0", where=lambda p: f"DT-01.{p}"),
        RawEntry("KH-02", value="mười", where=lambda p: f"KH-02.{p}"),
        RawEntry("CQ-03", value="75", where=lambda p: f"CQ-03.{p}"),
        RawEntry("ZZ-99", value="1", where=lambda p: f"ZZ-99.{p}"),
    ]
    with pytest.raises(ReportInvalidError) as exc:
        services.save_report(commune_officer, units["commune"], q2, entries=bad)
    assert [(e.location, e.message) for e in exc.value.errors] == [
        ("DT-01.denominator", "Mẫu số của “Tỷ lệ người dân có tài khoản định danh điện tử” phải lớn hơn 0."),
        ("KH-02.value", "Giá trị của “Số sáng kiến được công nhận”: “mười” không phải là số (ví dụ đúng: 1.234,5)."),
        ("ZZ-99.indicator", "Chỉ tiêu “ZZ-99” không nằm trong danh sách “Xã An Bình” phải báo cáo kỳ Quý 2/2025."),
    ]
    assert exc.value.message == "Có 3 lỗi, chưa lưu gì. Hãy sửa rồi gửi lại."
    assert exc.value.status == 422
    assert not Submission.objects.exists()
    assert not AuditEvent.objects.filter(object_type="reporting.submission").exists()


def test_a_duplicate_indicator_is_refused(commune_officer, units, q2):
    with pytest.raises(ReportInvalidError) as exc:
        services.save_report(commune_officer, units["commune"], q2, entries=[
            RawEntry("KH-02", value="1", where=lambda p: f"values[0].{p}"),
            RawEntry("KH-02", value="2", where=lambda p: f"values[1].{p}"),
        ])
    assert [(e.location, e.message) for e in exc.value.errors] == [
        ("values[1].indicator", "Chỉ tiêu “Số sáng kiến được công nhận” xuất hiện hai lần (đã có ở values[0].indicator).")]


def test_a_sibling_officer_cannot_write_another_communes_report(sibling_officer, units, q2):
    with pytest.raises(PermissionDeniedError) as exc:
        services.save_report(sibling_officer, units["commune"], q2, entries=_entries())
    assert exc.value.message == "Bạn không có quyền nhập, sửa dữ liệu của “Xã An Bình”."
    assert not Submission.objects.exists()


def test_a_locked_period_takes_no_values(commune_officer, units, q2):
    q2.locked = True
    q2.save(update_fields=["locked"])
    with pytest.raises(PeriodLockedError) as exc:
        services.save_report(commune_officer, units["commune"], q2, entries=_entries())
    assert exc.value.message == "Kỳ báo cáo Quý 2/2025 đã khóa sổ, không nhận thêm số liệu."
    assert not Submission.objects.exists()


def test_task_progress_and_narrative_are_saved_with_the_values(commune_officer, units, q2, task):
    services.save_report(
        commune_officer, units["commune"], q2, entries=_entries(),
        tasks=[RawTask(task.pk, status="in_progress", progress="60", result="Đã số hóa 60 % hồ sơ")],
        narrative={"results": "Hoàn thành cơ bản các chỉ tiêu quý.", "difficulties": "Thiếu cán bộ CNTT"},
    )
    sub = Submission.objects.get()
    assert (sub.results, sub.difficulties) == ("Hoàn thành cơ bản các chỉ tiêu quý.", "Thiếu cán bộ CNTT")
    update = sub.task_updates.get()
    assert (update.status, update.progress, update.result) == ("in_progress", 60, "Đã số hóa 60 % hồ sơ")


@pytest.mark.parametrize(
    ("raw", "location", "message"),
    [
        ({"status": "done", "progress": "80"}, "progress", "Nhiệm vụ “Xây dựng cơ sở dữ liệu dân cư của xã” đã hoàn thành thì tiến độ phải là 100 %."),
        ({"status": "in_progress", "progress": "120"}, "progress", "Tiến độ của nhiệm vụ “Xây dựng cơ sở dữ liệu dân cư của xã” phải từ 0 đến 100 % (đã nhập 120)."),
        ({"status": "xong"}, "status", "Tình trạng của nhiệm vụ “Xây dựng cơ sở dữ liệu dân cư của xã” phải là một trong: Chưa triển khai, Đang thực hiện, Hoàn thành."),
        ({"status": "done", "completed_on": "31/02/2025"}, "completed_on", "“31/02/2025” không phải ngày theo dạng ngày/tháng/năm (ví dụ 30/06/2025)."),
    ],
)
def test_bad_task_progress_is_refused(commune_officer, units, q2, task, raw, location, message):
    with pytest.raises(ReportInvalidError) as exc:
        services.save_report(commune_officer, units["commune"], q2, tasks=[RawTask(task.pk, **raw)])
    assert [(e.location, e.message) for e in exc.value.errors] == [(location, message)]
    assert not Submission.objects.exists()


def test_a_task_the_unit_does_not_lead_is_refused(sibling_officer, units, q2, task):
    with pytest.raises(ReportInvalidError) as exc:
        services.save_report(sibling_officer, units["sibling"], q2, tasks=[RawTask(task.pk, status="done")])
    assert exc.value.errors[0].message == f"Nhiệm vụ số {task.pk} không do “Xã Hòa Lạc” chủ trì."
