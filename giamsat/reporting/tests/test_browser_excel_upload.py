"""In chromium: an Excel template older than the report is refused in the upload card; the
officer ticks "overwrite" and uploads the same, still chosen, file again. Screenshot goes to
var/screenshots/report-excel-outdated.png."""

import io

import pytest
from openpyxl import load_workbook

from giamsat.conftest import SCREENSHOTS, login
from giamsat.reporting import excel, services
from giamsat.reporting.models import Submission, Value
from giamsat.reporting.reading import load_report
from giamsat.reporting.services import RawEntry


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_outdated_upload_is_refused_then_overwritten_on_purpose(
    transactional_db, browser_page, live_server, units, catalog, q2, commune_officer, commune_leader, tmp_path,
):
    v = services.save_report(commune_officer, units["commune"], q2, entries=[RawEntry("KH-02", value="5")]).submission.version
    wb = load_workbook(io.BytesIO(excel.build_template(load_report(commune_officer, units["commune"], q2))))
    wb[excel.VALUES]["F6"] = 7  # KH-02
    path = tmp_path / "bao-cao.xlsx"
    wb.save(path)
    services.save_report(commune_leader, units["commune"], q2, entries=[RawEntry("KH-02", value="9")], expected_version=v)

    page = browser_page
    login(page, live_server, "cv_xa")
    page.goto(f"{live_server.url}/bao-cao/{units['commune'].pk}/2025Q2/")
    page.get_by_label("Tệp Excel đã điền").set_input_files(path)
    page.get_by_role("button", name="Tải lên").click()
    page.locator("#upload-status .error-box").wait_for()
    assert f"được tải về khi báo cáo ở phiên bản {v} (ô Thông tin!B7); nay báo cáo đang ở phiên bản {v + 1}, do ld_xa" in (
        page.locator("#upload-status").inner_text())
    page.screenshot(path=SCREENSHOTS / "report-excel-outdated.png", full_page=True)
    assert Value.objects.get().value == 9

    page.get_by_label("Ghi đè các thay đổi đã lưu sau khi tải mẫu").check()
    page.get_by_role("button", name="Tải lên").click()
    page.get_by_text("Đã nhận tệp “bao-cao.xlsx”: số liệu trong tệp đã thay cho bản nháp.").wait_for()
    assert (Submission.objects.get().version, Value.objects.get().value) == (v + 2, 7)
