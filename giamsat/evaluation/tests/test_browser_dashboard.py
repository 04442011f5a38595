"""The dashboard and the public page in chromium, on a simulated province; screenshots
in var/screenshots/evaluation-*.png."""

from io import StringIO

import pytest
from django.core.management import call_command

from giamsat.conftest import SCREENSHOTS, login
from giamsat.evaluation.simulation.build import PASSWORD


@pytest.fixture
def simulated(transactional_db):
    """Điện Biên: every commune, a year of reports, the national plan and its own."""
    call_command("simulate", province="11", scale=1, months=12, workers=1, stdout=StringIO())


def watch(page, live_server):
    """Fail on a script error or a request leaving the server (the page must work offline)."""
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("request", lambda request: request.url.startswith(live_server.url) or problems.append(request.url))
    return problems


@pytest.mark.browser
def test_a_leader_reads_the_national_dashboard_and_drills_down(browser_page, live_server, simulated):
    page = browser_page
    problems = watch(page, live_server)
    login(page, live_server, "tw_lanhdao", PASSWORD)
    page.goto(f"{live_server.url}/danh-gia/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bảng điều hành – Việt Nam"
    summary = page.locator("section.summary")
    assert summary.locator(".count").count() == 6
    assert "chậm tiến độ" in summary.inner_text() and "▼" in summary.inner_text()
    assert page.locator("li.tile").count() == 30
    page.locator("table.ranking").first.wait_for()  # the ranking arrives over HTMX
    assert page.locator("table.ranking").first.locator("tbody tr").count() == 1  # Điện Biên, the one province
    page.screenshot(path=SCREENSHOTS / "evaluation-dashboard-national.png", full_page=True)

    page.locator("li.tile a").first.click()
    detail = page.locator("#kpi-detail")
    detail.locator(".chart .main-svg").first.wait_for()  # Plotly drew the chart
    assert detail.locator(".legendtext").all_text_contents()[:2] == ["Số liệu", "Lộ trình"]
    detail.screenshot(path=SCREENSHOTS / "evaluation-kpi-detail.png")

    page.locator("table.ranking").first.get_by_role("link", name="Tỉnh Điện Biên").click()
    page.wait_for_url(f"{live_server.url}/danh-gia/don-vi/*/*")
    assert page.get_by_role("heading", level=1).inner_text() == "Bảng điều hành – Tỉnh Điện Biên"
    page.locator("table.ranking").first.wait_for()
    assert page.locator("table.ranking").first.locator("tbody tr").count() >= 40  # its communes
    page.screenshot(path=SCREENSHOTS / "evaluation-dashboard-province.png", full_page=True)

    second = page.locator("#r-indicator option").nth(1)
    page.locator("#r-indicator").select_option(second.get_attribute("value"))
    page.wait_for_function("document.querySelectorAll('#r-indicator option')[1].selected")
    page.wait_for_load_state("networkidle")
    assert page.locator("#r-indicator").input_value() == second.get_attribute("value")

    page.locator("#f-category").select_option("Hạ tầng số")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**category=*")
    names = page.locator("li.tile .tile-name").all_inner_texts()
    assert names and all(n for n in names)
    page.wait_for_load_state("networkidle")  # the ranking part too, before the server stops
    assert problems == []


@pytest.mark.browser
def test_the_public_page_works_without_login_and_shows_public_indicators_only(browser_page, live_server, simulated):
    page = browser_page
    problems = watch(page, live_server)
    page.goto(f"{live_server.url}/danh-gia/cong-khai/")
    assert page.get_by_role("heading", level=1).inner_text() == "Số liệu công khai – Việt Nam"
    page.locator(".chart .main-svg").first.wait_for()
    figures = page.locator(".figures-list li").all_inner_texts()
    assert len(figures) == 13 and any("định danh điện tử" in f for f in figures)
    text = page.locator("main").inner_text()
    for secret in ("chậm tiến độ", "Chỉ tiêu ≥", "Tỷ lệ hồ sơ lĩnh vực đất đai giải quyết trễ hạn", "Khó khăn"):
        assert secret not in text
    page.screenshot(path=SCREENSHOTS / "evaluation-public.png", full_page=True)
    page.get_by_role("link", name="Tỉnh Điện Biên").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Số liệu công khai – Tỉnh Điện Biên"
    page.screenshot(path=SCREENSHOTS / "evaluation-public-province.png", full_page=True)
    page.wait_for_load_state("networkidle")
    assert problems == []
