"""Loading the national indicators of 57-NQ/TW into the catalog."""

from decimal import Decimal

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.errors import PermissionDeniedError
from giamsat.kpi.models import Indicator
from giamsat.kpi.services import load_national_catalog


@pytest.mark.django_db
def test_one_indicator_per_distinct_measurable_row():
    by_row = load_national_catalog()
    assert Indicator.objects.count() == 51  # 57 rows, 3 qualitative, 3 repeated for 2045
    assert len(by_row) == 54
    assert by_row["36"] == by_row["10"]  # "Quy mô kinh tế số" 2030 and 2045
    assert by_row["39"] == by_row["7"]
    assert by_row["40"] == by_row["25"]
    assert "1" not in by_row


@pytest.mark.django_db
def test_each_indicator_has_the_kind_its_unit_implies():
    load_national_catalog()
    rows = {
        i.code: (i.name, i.unit_of_measure, i.value_type, i.direction, i.aggregation, i.temporality, i.category, i.is_public)
        for i in Indicator.objects.all()
    }
    assert rows["NQ57-11.1"] == (
        "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "%", "percent", "higher",
        "ratio", "stock", "Chính quyền số, dịch vụ công", True,
    )
    assert rows["NQ57-4a"][2:6] == ("rank", "lower", "none", "stock")
    assert rows["NQ57-10"][2:6] == ("percent", "higher", "ratio", "flow")
    assert rows["NQ57-20"][2:6] == ("percent", "higher", "none", "flow")
    assert rows["NQ57-7"][2:6] == ("count", "higher", "sum", "stock")
    assert rows["NQ57-14"][2:6] == ("index", "higher", "none", "stock")
    indicator = Indicator.objects.get(code="NQ57-13")
    assert [r.code for r in indicator.resolutions.all()] == ["57-NQ/TW"]
    assert indicator.tolerance == Decimal("10")


@pytest.mark.django_db
def test_loading_again_changes_nothing_and_keeps_edits():
    load_national_catalog()
    Indicator.objects.filter(code="NQ57-12").update(name="Giao dịch không dùng tiền mặt (sửa)")
    events = AuditEvent.objects.count()
    load_national_catalog()
    assert Indicator.objects.count() == 51
    assert AuditEvent.objects.count() == events
    assert Indicator.objects.get(code="NQ57-12").name == "Giao dịch không dùng tiền mặt (sửa)"


@pytest.mark.django_db
def test_each_created_indicator_leaves_an_audit_event():
    load_national_catalog()
    event = AuditEvent.objects.get(object_type="kpi.indicator", action="create",
                                   object_id=str(Indicator.objects.get(code="NQ57-23.4").pk))
    assert event.after["name"] == "Phủ sóng 5G cho người dân"
    assert event.after["resolutions"] == ["57-NQ/TW"]
    assert event.via == "system"


def test_a_provincial_admin_may_not_load_the_national_catalog(province_admin):
    with pytest.raises(PermissionDeniedError, match="^Bạn không có quyền sửa danh mục chỉ tiêu.$"):
        load_national_catalog(actor=province_admin)
    assert Indicator.objects.count() == 0
