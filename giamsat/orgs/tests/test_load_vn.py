"""``giamsat units load-vn`` loads the current tree of Vietnam, idempotently."""

import io

import pytest
from django.core.management import call_command
from vietnam_provinces import Province, Ward

from giamsat.audit.models import AuditEvent
from giamsat.errors import GiamsatError
from giamsat.orgs.models import Level, Unit, UnitKind

AN_GIANG = 91


def _load(*args) -> str:
    out = io.StringIO()
    call_command("units", "load-vn", *args, stdout=out)
    return out.getvalue()


def _areas(level):
    return Unit.objects.filter(kind=UnitKind.ADMINISTRATIVE_AREA, level=level)


def _package_communes(province_code):
    return {f"{w.code:05d}": w.name for w in Ward.iter_by_province(province_code)}


@pytest.mark.django_db
def test_one_province_loads_with_all_its_communes_under_the_national_root():
    out = _load("--province", str(AN_GIANG))
    expected = _package_communes(AN_GIANG)
    root = Unit.objects.get(code="VN")
    assert (root.name, root.level, root.parent) == ("Việt Nam", Level.NATIONAL, None)
    province = _areas(Level.PROVINCE).get()
    assert (province.code, province.name, province.short_name, province.admin_code) == (
        "VN-91", "Tỉnh An Giang", "An Giang", "91")
    assert province.parent == root
    communes = _areas(Level.COMMUNE)
    assert dict(communes.values_list("admin_code", "name")) == expected
    assert set(communes.values_list("parent", flat=True)) == {province.pk}
    vinh_thuan = communes.get(name="Xã Vĩnh Thuận")
    assert (vinh_thuan.short_name, vinh_thuan.code) == ("Vĩnh Thuận", f"VN-91-{vinh_thuan.admin_code}")
    assert out == (
        f"Đã nạp 1 tỉnh, thành phố và {len(expected)} xã, phường, đặc khu từ vietnam-provinces "
        f"2025.10.1: tạo mới {len(expected) + 1}, đổi tên 0, chuyển chỗ 0.\n"
    )


@pytest.mark.django_db
def test_loaded_units_have_the_paths_and_depths_of_the_tree():
    _load("--province", str(AN_GIANG))
    for unit in Unit.objects.exclude(parent=None).select_related("parent"):
        assert unit.path == f"{unit.parent.path}{unit.pk:010d}."
        assert unit.depth == unit.parent.depth + 1
    province = _areas(Level.PROVINCE).get()
    from giamsat.orgs.services import subtree

    assert subtree(province).count() == len(_package_communes(AN_GIANG)) + 1


@pytest.mark.django_db
def test_a_second_run_creates_nothing_and_records_nothing():
    _load("--province", str(AN_GIANG))
    units_before = list(Unit.objects.values_list("pk", "path", "name", "version"))
    out = _load("--province", str(AN_GIANG))
    assert list(Unit.objects.values_list("pk", "path", "name", "version")) == units_before
    assert "tạo mới 0, đổi tên 0, chuyển chỗ 0." in out
    assert AuditEvent.objects.filter(action="load_vn").count() == 1


@pytest.mark.django_db
def test_a_run_records_one_summary_event_not_one_per_unit():
    _load("--province", str(AN_GIANG))
    created = len(_package_communes(AN_GIANG)) + 1
    event = AuditEvent.objects.exclude(action="create").get()
    assert event.action == "load_vn"
    assert event.via == "cli"
    assert event.after == {"source": "vietnam-provinces 2025.10.1", "province": "91",
                           "created": created, "renamed": [], "moved": []}
    # the national root is one created unit with its own event
    assert AuditEvent.objects.filter(action="create").count() == 1


@pytest.mark.django_db
def test_a_name_changed_since_is_put_back_and_reported():
    _load("--province", str(AN_GIANG))
    commune = _areas(Level.COMMUNE).get(name="Xã Vĩnh Thuận")
    Unit.objects.filter(pk=commune.pk).update(name="Xã Vĩnh Thuận Cũ", short_name="")
    out = _load("--province", str(AN_GIANG))
    commune.refresh_from_db()
    assert (commune.name, commune.short_name, commune.version) == ("Xã Vĩnh Thuận", "Vĩnh Thuận", 2)
    assert "tạo mới 0, đổi tên 1, chuyển chỗ 0.\n  Xã Vĩnh Thuận Cũ → Xã Vĩnh Thuận\n" in out
    assert AuditEvent.objects.filter(action="load_vn").first().after["renamed"] == [
        "Xã Vĩnh Thuận Cũ → Xã Vĩnh Thuận"]


@pytest.mark.django_db
def test_a_commune_found_under_another_province_is_moved_back():
    _load("--province", str(AN_GIANG))
    _load("--province", "82")  # Đồng Tháp
    commune = _areas(Level.COMMUNE).get(name="Xã Vĩnh Thuận")
    dong_thap = _areas(Level.PROVINCE).get(admin_code="82")
    from giamsat.orgs.services import move_unit

    move_unit(commune, dong_thap)
    out = _load("--province", str(AN_GIANG))
    commune.refresh_from_db()
    assert commune.parent.admin_code == "91"
    assert commune.path.startswith(commune.parent.path)
    assert "chuyển chỗ 1." in out


@pytest.mark.django_db
def test_an_existing_national_root_is_used(units):
    _load("--province", str(AN_GIANG))
    assert Unit.objects.filter(code="VN").count() == 1
    assert _areas(Level.PROVINCE).get().parent == units["nation"]


@pytest.mark.django_db
def test_an_unknown_province_is_refused_before_anything_is_written():
    with pytest.raises(GiamsatError) as exc:
        _load("--province", "99")
    assert exc.value.location == "--province"
    assert exc.value.message.startswith(
        "Không có tỉnh, thành phố mã “99” trong dữ liệu vietnam-provinces 2025.10.1. Các mã có: 01, 04, 08,")
    assert not Unit.objects.exists()


@pytest.mark.django_db
def test_the_whole_country_loads_in_a_few_queries_per_province(django_assert_max_num_queries):
    provinces = list(Province.iter_all())
    with django_assert_max_num_queries(10 * len(provinces)):
        _load()
    assert _areas(Level.PROVINCE).count() == len(provinces)
    assert _areas(Level.COMMUNE).count() == len(list(Ward.iter_all()))


def test_the_pinned_package_is_the_tree_of_1_july_2025():
    assert len(list(Province.iter_all())) == 34
    assert len(list(Ward.iter_all())) == 3321


@pytest.mark.django_db
def test_a_terminal_gets_a_progress_bar():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    call_command("units", "load-vn", "--province", str(AN_GIANG), stdout=out)
    assert "An Giang" in out.getvalue()
    assert "1/1" in out.getvalue()
