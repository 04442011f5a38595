"""Shared actors for service, view and API tests.

A small tree: the nation, one province with two communes (siblings), and the
people the house style names: a commune officer, a province leader, an officer
of the sibling commune; plus a commune leader and a viewer.
"""

import os
from pathlib import Path

import pytest

from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level, Membership, Role, UnitKind

PASSWORD = "mat-khau-thu-nghiem-2025"  # noqa: S105 - test fixture


@pytest.fixture(autouse=True)
def _fresh_ranking_memo():
    """Each test starts with an empty ranking memo (it lives in the process, and ids and
    roll-up generations repeat from one test database to the next)."""
    from giamsat.evaluation import memo

    memo.clear()
    yield
    memo.clear()


@pytest.fixture
def units(db):
    nation = org_services.create_unit(code="VN", name="Trung ương", level=Level.NATIONAL, kind=UnitKind.STEERING_COMMITTEE)
    province = org_services.create_unit(code="T01", name="Tỉnh Thử Nghiệm", level=Level.PROVINCE, kind=UnitKind.PARTY_COMMITTEE, parent=nation)
    commune = org_services.create_unit(code="X01", name="Xã An Bình", level=Level.COMMUNE, kind=UnitKind.PARTY_COMMITTEE, parent=province)
    sibling = org_services.create_unit(code="X02", name="Xã Hòa Lạc", level=Level.COMMUNE, kind=UnitKind.PARTY_COMMITTEE, parent=province)
    return {"nation": nation, "province": province, "commune": commune, "sibling": sibling}


def _user(django_user_model, username, unit, role):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def commune_officer(django_user_model, units):
    return _user(django_user_model, "cv_xa", units["commune"], Role.OFFICER)


@pytest.fixture
def commune_leader(django_user_model, units):
    return _user(django_user_model, "ld_xa", units["commune"], Role.LEADER)


@pytest.fixture
def sibling_officer(django_user_model, units):
    return _user(django_user_model, "cv_xa_ben", units["sibling"], Role.OFFICER)


@pytest.fixture
def province_leader(django_user_model, units):
    return _user(django_user_model, "ld_tinh", units["province"], Role.LEADER)


@pytest.fixture
def province_admin(django_user_model, units):
    return _user(django_user_model, "qt_tinh", units["province"], Role.ADMIN)


@pytest.fixture
def province_viewer(django_user_model, units):
    return _user(django_user_model, "xem_tinh", units["province"], Role.VIEWER)


# --- browser tests (Playwright with Debian's chromium) ----------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"


@pytest.fixture
def browser_page():
    """A fresh chromium page (1280×900, Vietnamese), closed after the test.

    Use with pytest-django's ``live_server`` (which needs ``transactional_db``).
    Playwright runs an event loop in this thread, so Django's async-safety check is
    turned off for the test. Screenshots go to :data:`SCREENSHOTS`.
    """
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (make system-deps installs it)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
            page = context.new_page()
            page.set_default_timeout(15_000)
            try:
                yield page
            finally:
                context.close()
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def login(page, live_server, username: str, password: str = PASSWORD) -> None:
    """Log ``username`` in through the login form and wait for the home page."""
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")
