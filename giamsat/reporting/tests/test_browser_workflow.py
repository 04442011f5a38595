"""In chromium: an officer fills and submits, the leader returns it, the officer fixes and
resubmits, the leader approves. Screenshots go to var/screenshots/report-*.png."""

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.conftest import SCREENSHOTS, login
from giamsat.reporting.models import Submission


def _logout(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/dang-nhap/**")


def _autosaved(page):
    page.locator("#save-status .save-ok").wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_officer_submits_leader_returns_officer_fixes_leader_approves(
    transactional_db, browser_page, live_server, units, catalog, q2, commune_officer, province_leader,
):
    page = browser_page
    url = f"{live_server.url}/bao-cao/{units['commune'].pk}/2025Q2/"
    eid, count, online = catalog["eid"].pk, catalog["initiatives"].pk, catalog["online"].pk

    # 1. the officer fills the form; each change is saved as a draft on the spot
    login(page, live_server, "cv_xa")
    page.goto(url)
    assert page.get_by_role("heading", level=1).inner_text() == "Báo cáo Quý 2/2025 – Xã An Bình"
    page.locator(f"#v-{eid}-numerator").fill("24.530")
    page.locator(f"#v-{eid}-denominator").fill("27.656")
    page.locator(f"#v-{eid}-denominator").blur()
    page.locator(f"#pct-{eid}", has_text="88,69 %").wait_for()
    page.locator(f"#v-{count}-value").fill("-2")
    page.locator(f"#v-{count}-value").blur()
    page.locator(f"#msg-{count} .field-error").wait_for()
    assert page.locator(f"#msg-{count}").inner_text() == (
        "Giá trị của “Số sáng kiến được công nhận” là số đếm, phải là số nguyên không âm (đã nhập -2).")
    page.screenshot(path=SCREENSHOTS / "report-1-officer-error-on-the-spot.png", full_page=True)
    page.locator(f"#v-{count}-value").fill("12")
    page.locator(f"#v-{online}-value").fill("75,5")
    page.locator("#results").fill("Hoàn thành 3/3 chỉ tiêu của quý; 88,69 % người dân đã có tài khoản định danh.")
    page.locator("#results").blur()
    _autosaved(page)
    assert page.locator(f"#msg-{count}").inner_text() == ""
    page.screenshot(path=SCREENSHOTS / "report-2-officer-filled.png", full_page=True)
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.get_by_text("Đã gửi báo cáo lên cấp trên.").wait_for()
    assert page.locator("#report-status").inner_text() == "Đã gửi"
    _logout(page)

    # 2. the province leader returns it with a comment
    login(page, live_server, "ld_tinh")
    page.goto(f"{live_server.url}/bao-cao/")
    page.get_by_role("link", name="Xã An Bình").click()
    page.get_by_label("Ý kiến khi trả lại (bắt buộc)").fill("Mẫu số dân số chưa khớp số liệu công an xã (27.856).")
    page.screenshot(path=SCREENSHOTS / "report-3-leader-returns.png", full_page=True)
    page.get_by_role("button", name="Trả lại để sửa").click()
    page.get_by_text("Đã trả lại báo cáo kèm ý kiến.").wait_for()
    assert page.locator("#report-status").inner_text() == "Trả lại"
    _logout(page)

    # 3. the officer reads the comment, fixes the denominator and submits again
    login(page, live_server, "cv_xa")
    page.goto(url)
    assert "Mẫu số dân số chưa khớp số liệu công an xã (27.856)." in page.locator(".return-box").inner_text()
    page.locator(f"#v-{eid}-denominator").fill("27.856")
    page.locator(f"#v-{eid}-denominator").blur()
    page.locator(f"#pct-{eid}", has_text="88,06 %").wait_for()
    page.screenshot(path=SCREENSHOTS / "report-4-officer-fixes.png", full_page=True)
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.get_by_text("Đã gửi báo cáo lên cấp trên.").wait_for()
    _logout(page)

    # 4. the leader approves; the report is read-only from now on
    login(page, live_server, "ld_tinh")
    page.goto(url)
    page.get_by_role("button", name="Duyệt báo cáo").click()
    page.get_by_text("Đã duyệt báo cáo.").wait_for()
    assert page.locator("#report-status").inner_text() == "Đã duyệt"
    assert page.locator(f"#v-{eid}-denominator").is_disabled()
    page.screenshot(path=SCREENSHOTS / "report-5-leader-approved.png", full_page=True)
    page.goto(f"{live_server.url}/bao-cao/tre-han/")
    page.screenshot(path=SCREENSHOTS / "report-6-late-reports.png", full_page=True)

    sub = Submission.objects.get(unit=units["commune"], period=q2)
    assert (sub.status, sub.decided_by, str(sub.values.get(indicator=catalog["eid"]).denominator)) == ("approved", province_leader, "27856.000000")
    actions = list(AuditEvent.objects.filter(object_type="reporting.submission").order_by("id").values_list("action", flat=True))
    assert [a for a in actions if a != "save_values"] == ["submit", "return", "submit", "approve"]
