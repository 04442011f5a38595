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
    assert event.before == {"parent": units["province"].pk, "path": units["province"].path + f"{units['sibling'].pk:010d}.", "depth": 2}
    assert event.after["parent"] == units["nation"].pk
    assert Unit.objects.get(pk=units["sibling"].pk).depth == 1
