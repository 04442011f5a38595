import pytest

from giamsat.audit.models import AuditEvent
from giamsat.errors import GiamsatError
from giamsat.orgs import services
from giamsat.orgs.models import Level, Unit


def test_subtree_is_the_unit_and_everything_below(units):
    names = set(services.subtree(units["province"]).values_list("code", flat=True))
    assert names == {"T01", "X01", "X02"}


def test_subtree_is_one_query(units, django_assert_num_queries):
    with django_assert_num_queries(2):  # succession edges, then the units
        list(services.subtree(units["province"]))


def test_ancestors_root_first(units):
    assert list(services.ancestors(units["commune"]).values_list("code", flat=True)) == ["VN", "T01"]


def test_moving_a_unit_moves_its_subtree(units):
    other = services.create_unit(code="T02", name="Tỉnh Khác", level=Level.PROVINCE, parent=units["nation"])
    hamlet = services.create_unit(code="X01-1", name="Thôn 1", level=Level.COMMUNE, parent=units["commune"])
    services.move_unit(units["commune"], other)
    hamlet.refresh_from_db()
    assert hamlet.path.startswith(other.path)
    assert hamlet.depth == 3
    assert set(services.subtree(other).values_list("code", flat=True)) == {"T02", "X01", "X01-1"}
    assert "X01" not in set(services.subtree(units["province"]).values_list("code", flat=True))


def test_a_unit_cannot_move_under_itself(units):
    with pytest.raises(GiamsatError, match="nằm trong chính đơn vị này"):
        services.move_unit(units["province"], units["commune"])


def test_a_merged_unit_is_reached_through_its_successor(units):
    old = services.create_unit(code="H-OLD", name="Huyện Cũ", level=Level.DISTRICT, parent=units["nation"])
    services.create_unit(code="H-OLD-X", name="Xã thuộc huyện cũ", level=Level.COMMUNE, parent=old)
    services.set_successors(old, [units["commune"]])
    codes = set(services.subtree(units["province"]).values_list("code", flat=True))
    assert {"H-OLD", "H-OLD-X"} <= codes
    assert "H-OLD" not in set(services.subtree(units["province"], include_predecessors=False).values_list("code", flat=True))


def test_creating_and_moving_leave_audit_events(units):
    services.move_unit(units["sibling"], units["nation"])
    event = AuditEvent.objects.filter(object_type="orgs.unit", object_id=str(units["sibling"].pk), action="update").get()
    sibling_id = f"{units['sibling'].pk:010d}."
    assert event.before == {"parent": units["province"].pk, "path": units["province"].path + sibling_id, "depth": 2, "version": 1}
    assert event.after == {"parent": units["nation"].pk, "path": units["nation"].path + sibling_id, "depth": 1, "version": 2}
    assert Unit.objects.get(pk=units["sibling"].pk).depth == 1


def test_a_chain_of_successions_is_followed(units):
    older = services.create_unit(code="H-1", name="Huyện rất cũ", level=Level.DISTRICT, parent=units["nation"])
    old = services.create_unit(code="H-2", name="Huyện cũ", level=Level.DISTRICT, parent=units["nation"])
    services.set_successors(older, [old])
    services.set_successors(old, [units["commune"]])
    assert {"H-1", "H-2"} <= set(services.subtree(units["commune"]).values_list("code", flat=True))
    assert "H-1" not in set(services.subtree(units["sibling"]).values_list("code", flat=True))


def test_a_succession_cycle_ends(units):
    services.set_successors(units["commune"], [units["sibling"]])
    services.set_successors(units["sibling"], [units["commune"]])
    assert set(services.subtree(units["commune"]).values_list("code", flat=True)) == {"X01", "X02"}


def test_a_unit_cannot_succeed_itself(units):
    with pytest.raises(GiamsatError) as exc:
        services.set_successors(units["commune"], [units["commune"]])
    assert exc.value.message == "Một đơn vị không thể kế thừa chính nó."


def test_succession_is_audited_with_before_and_after(units):
    import datetime

    services.set_successors(units["sibling"], [units["commune"]], valid_to=datetime.date(2025, 6, 30))
    event = AuditEvent.objects.get(action="succession", object_id=str(units["sibling"].pk))
    assert event.before == {"successors": [], "valid_to": None}
    assert event.after == {"successors": [units["commune"].pk], "valid_to": "2025-06-30"}


def test_update_changes_only_the_given_fields_and_records_them(units, commune_officer):
    services.update_unit(units["commune"], name="Xã An Bình Mới", short_name="An Bình", actor=commune_officer, via="web")
    event = AuditEvent.objects.get(action="update", object_id=str(units["commune"].pk))
    assert event.actor == commune_officer
    assert event.via == "web"
    assert event.before == {"name": "Xã An Bình", "short_name": "", "version": 1}
    assert event.after == {"name": "Xã An Bình Mới", "short_name": "An Bình", "version": 2}


def test_an_update_without_change_writes_nothing(units):
    services.update_unit(units["commune"], name="Xã An Bình")
    assert not AuditEvent.objects.filter(action="update").exists()
    assert Unit.objects.get(pk=units["commune"].pk).version == 1


def test_an_update_on_a_stale_copy_is_refused(units):
    stale = Unit.objects.get(pk=units["commune"].pk)
    services.update_unit(units["commune"], name="Xã An Bình Mới")
    with pytest.raises(GiamsatError) as exc:
        services.update_unit(stale, name="Xã Khác")
    assert exc.value.message == "Đơn vị “Xã An Bình” vừa được người khác thay đổi. Hãy tải lại và thử lại."
    assert exc.value.status == 409
    assert Unit.objects.get(pk=units["commune"].pk).name == "Xã An Bình Mới"


def test_update_refuses_the_fields_it_maintains(units):
    with pytest.raises(TypeError):
        services.update_unit(units["commune"], path="0.")
