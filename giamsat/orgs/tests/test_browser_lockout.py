"""In the browser: five wrong passwords lock the login and show the Vietnamese page."""

import pytest

from giamsat.conftest import PASSWORD, SCREENSHOTS


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_five_wrong_passwords_show_the_lockout_page(browser_page, live_server, commune_officer):
    page = browser_page
    page.goto(f"{live_server.url}/dang-nhap/")
    for _attempt in range(5):
        page.get_by_label("Tên đăng nhập").fill("cv_xa")
        page.get_by_label("Mật khẩu").fill("sai-mat-khau")
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Tạm khóa đăng nhập"
    assert page.get_by_role("alert").locator("p").first.inner_text() == (
        "Tài khoản “cv_xa” tạm bị khóa vì đăng nhập sai 5 lần liên tiếp. "
        "Vui lòng thử lại sau 15 phút, hoặc liên hệ người quản trị để mở khóa.")
    page.screenshot(path=SCREENSHOTS / "orgs-lockout.png", full_page=True)

    page.get_by_role("link", name="Về trang đăng nhập").click()
    page.get_by_label("Tên đăng nhập").fill("cv_xa")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Tạm khóa đăng nhập"
