"""Importing the seed plans through the web review, in Debian's chromium."""

from pathlib import Path

import pytest

from giamsat.conftest import SCREENSHOTS, login
from giamsat.plans.models import Plan, PlanStatus

SEEDS = Path(__file__).resolve().parents[2] / "parsing" / "tests" / "data" / "seeds"
TARGETS = {"000": 4, "001": 8, "002": 45, "003": 210, "004": 2}

pytestmark = pytest.mark.browser


def upload(page, live_server, path: Path, unit_name: str) -> None:
    page.goto(f"{live_server.url}/van-ban/nhap/")
    page.get_by_label("Tệp văn bản").set_input_files(str(path))
    page.get_by_label("Đơn vị ban hành").select_option(label=unit_name)
    page.get_by_label("Thực hiện văn bản cấp trên").select_option(index=0)
    page.get_by_role("button", name="Tải lên và đọc văn bản").click()
    page.wait_for_selector("#panel", timeout=120_000)  # read once, then the review page


@pytest.mark.parametrize("seed", sorted(TARGETS))
def test_each_seed_is_reviewed_and_confirmed(transactional_db, browser_page, live_server, units, commune_officer,
                                             national_plan, media, seed):
    page = browser_page
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, live_server, commune_officer.username)
    upload(page, live_server, next(SEEDS.glob(f"{seed}_*.txt")), "Xã An Bình")
    assert page.locator("#targets article.target").count() == TARGETS[seed]
    assert page.locator(".review-source li.target").count() > 0
    if seed in ("000", "003"):
        page.screenshot(path=SCREENSHOTS / f"documents-review-{seed}.png")
    page.locator("#confirm").click()
    page.wait_for_url(f"{live_server.url}/ke-hoach/*/", timeout=60_000)
    plan = Plan.objects.get(issuing_unit=units["commune"])
    assert plan.status == PlanStatus.CONFIRMED
    assert plan.targets.count() == TARGETS[seed]
    assert page.url == f"{live_server.url}/ke-hoach/{plan.pk}/"


def test_edit_a_target_and_delete_a_false_one_before_confirming(transactional_db, browser_page, live_server, units,
                                                                  commune_officer, national_plan, media):
    page = browser_page
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, live_server, commune_officer.username)
    upload(page, live_server, next(SEEDS.glob("004_*.txt")), "Xã An Bình")

    def target(words):
        return page.locator("#targets article.target").filter(has=page.locator(".name", has_text=words))

    services_target = target("dịch vụ công trực tuyến")
    services_target.get_by_text("Sửa").click()
    services_target.get_by_role("textbox", name="Giá trị", exact=True).fill("90")
    services_target.get_by_role("button", name="Lưu").click()
    page.locator("#targets article.target .figure", has_text="≥ 90%").wait_for()

    innovation = target("đổi mới sáng tạo")
    innovation.get_by_role("button", name="Xóa chỉ tiêu").click()
    page.wait_for_function("document.querySelectorAll('#targets article.target').length === 1")
    assert page.locator("#targets article.target").count() == 1
    page.screenshot(path=SCREENSHOTS / "documents-review-edited.png")

    page.locator("#confirm").click()
    page.wait_for_url(f"{live_server.url}/ke-hoach/*/", timeout=60_000)
    plan = Plan.objects.get(issuing_unit=units["commune"])
    stored = [(t.source_line, t.comparator, float(t.value), t.indicator.code) for t in plan.targets.all()]
    assert stored == [(35, ">=", 90.0, "NQ57-11.1")]
