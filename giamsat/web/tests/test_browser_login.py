"""A demo leader logs in through the browser and opens a plan of its (reorganised) province."""

import io

import pytest

from giamsat.conftest import SCREENSHOTS, login
from giamsat.demo.builder import build
from giamsat.demo.context import PASSWORD as DEMO_PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_demo_leader_logs_in_and_opens_the_plan_of_the_province_it_took_over(browser_page, live_server):
    build(io.StringIO())
    page = browser_page

    login(page, live_server, "lanhdao.dongthap", DEMO_PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "Xin chào, Lãnh đạo Đồng Tháp"
    page.screenshot(path=SCREENSHOTS / "web-home-leader.png", full_page=True)

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Kế hoạch").click()
    # Đồng Tháp took over Tiền Giang on 1/7/2025: its leader sees Tiền Giang's plan
    row = page.get_by_role("row").filter(has_text="Tỉnh ủy Tiền Giang")
    assert row.count() == 1
    page.screenshot(path=SCREENSHOTS / "web-plan-list.png", full_page=True)

    row.get_by_role("link").click()
    page.wait_for_url(f"{live_server.url}/ke-hoach/*/")
    assert "thực hiện Nghị quyết số 57-NQ/TW" in page.get_by_role("heading", level=1).inner_text()
    year_2025 = page.locator("table.targets").first
    assert page.get_by_role("heading", name="Đến năm 2025").is_visible()
    first = year_2025.locator("tbody tr").first.locator("td")
    assert first.nth(0).inner_text().startswith("Tỷ lệ phủ sóng 5G trên địa bàn")
    assert first.nth(1).inner_text() == "≥ 60%"
    assert first.nth(3).inner_text() == "NQ57-23.4"
    page.screenshot(path=SCREENSHOTS / "web-plan-detail.png", full_page=True)

    first.nth(4).get_by_role("link").click()  # the source line of the target
    assert page.url.endswith("/van-ban/#dong-212")
    assert "phủ sóng 5G" in page.locator("#dong-212").inner_text()
    page.screenshot(path=SCREENSHOTS / "web-plan-source.png")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_unit_tree_shows_the_dissolved_district_with_its_successors(browser_page, live_server):
    build(io.StringIO())
    page = browser_page
    login(page, live_server, "lanhdao.trunguong", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Đơn vị").click()
    page.get_by_role("button", name="Mở tất cả").click()
    summary = page.locator("summary").filter(
        has=page.get_by_role("link", name="Huyện Tam Đường", exact=True)
    ).inner_text()
    assert "Hết hiệu lực từ 30/06/2025" in summary
    assert "kế thừa: Xã Bình Lư, Xã Tả Lèng, Xã Bản Bo, Xã Khun Há" in summary
    page.screenshot(path=SCREENSHOTS / "web-unit-tree.png", full_page=True)
