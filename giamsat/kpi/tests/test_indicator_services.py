"""Creating and changing catalog indicators: who may, what is checked, what is logged."""

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.conftest import PASSWORD
from giamsat.errors import ConflictError, PermissionDeniedError
from giamsat.kpi.errors import IndicatorError
from giamsat.kpi.models import Indicator
from giamsat.kpi.services import create_indicator, update_indicator
from giamsat.orgs.models import Membership, Role

FIELDS = {"code": "X-DVC", "name": "Tỷ lệ hồ sơ trực tuyến", "unit_of_measure": "%"}


@pytest.fixture
def national_admin(django_user_model, units):
    user = django_user_model.objects.create_user(username="qt_tw", password=PASSWORD)
    Membership.objects.create(user=user, unit=units["nation"], role=Role.ADMIN)
    return user


def test_an_officer_may_add_an_indicator_and_it_is_logged(commune_officer):
    indicator = create_indicator(actor=commune_officer, **FIELDS)
    event = AuditEvent.objects.get(object_type="kpi.indicator", object_id=str(indicator.pk))
    assert (event.action, event.actor, event.via) == ("create", commune_officer, "web")
    assert event.after["code"] == "X-DVC"


def test_a_duplicate_code_is_refused_with_its_field(commune_officer):
    create_indicator(actor=commune_officer, **FIELDS)
    with pytest.raises(IndicatorError) as caught:
        create_indicator(actor=commune_officer, **FIELDS)
    assert caught.value.message == "Mã chỉ tiêu “X-DVC” đã có trong danh mục."
    assert caught.value.location == "code"


def test_an_invalid_choice_is_refused_with_its_field(commune_officer):
    with pytest.raises(IndicatorError) as caught:
        create_indicator(actor=commune_officer, value_type="percentage", **FIELDS)
    assert caught.value.location == "value_type"
    assert caught.value.message == "Giá trị 'percentage' không phải là lựa chọn hợp lệ."
    assert not Indicator.objects.exists()


def test_a_viewer_may_not_add_an_indicator(province_viewer):
    with pytest.raises(PermissionDeniedError):
        create_indicator(actor=province_viewer, **FIELDS)


def test_the_national_admin_changes_an_indicator(national_admin):
    indicator = create_indicator(actor=None, **FIELDS)
    update_indicator(indicator, actor=national_admin, version=1, name="Tỷ lệ hồ sơ xử lý trực tuyến")
    indicator.refresh_from_db()
    assert (indicator.name, indicator.version) == ("Tỷ lệ hồ sơ xử lý trực tuyến", 2)
    event = AuditEvent.objects.get(object_type="kpi.indicator", action="update")
    assert event.before == {"name": "Tỷ lệ hồ sơ trực tuyến", "version": 1}
    assert event.after == {"name": "Tỷ lệ hồ sơ xử lý trực tuyến", "version": 2}


def test_a_stale_version_is_refused_and_nothing_changes(national_admin):
    indicator = create_indicator(actor=None, **FIELDS)
    update_indicator(indicator, actor=national_admin, version=1, name="Bản thứ hai")
    stale = Indicator.objects.get(pk=indicator.pk)
    with pytest.raises(ConflictError, match="^Chỉ tiêu “X-DVC” vừa được người khác sửa"):
        update_indicator(stale, actor=national_admin, version=1, name="Bản cũ ghi đè")
    assert Indicator.objects.get(pk=indicator.pk).name == "Bản thứ hai"


def test_a_provincial_admin_may_not_change_the_shared_catalog(province_admin):
    indicator = create_indicator(actor=None, **FIELDS)
    with pytest.raises(PermissionDeniedError):
        update_indicator(indicator, actor=province_admin, version=1, name="Khác")
    assert Indicator.objects.get(pk=indicator.pk).name == "Tỷ lệ hồ sơ trực tuyến"


def test_fields_the_catalog_keeps_itself_cannot_be_set(national_admin):
    indicator = create_indicator(actor=None, **FIELDS)
    with pytest.raises(IndicatorError, match="^Trường không sửa được: id$"):
        update_indicator(indicator, actor=national_admin, version=1, id=99)
