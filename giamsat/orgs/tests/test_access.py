"""The permission table of giamsat.orgs.access, cell by cell, and the named cases."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from giamsat.errors import PermissionDeniedError
from giamsat.orgs import access, services
from giamsat.orgs.models import Level, Membership, Role

# The member belongs to "own". The tree (D and E were dissolved in 2025):
#
#   root ─┬─ parent ─┬─ own ── child ── grandchild
#         │          └─ sibling
#         └─ other ──┬─ unrelated
#                    ├─ D  (succeeded by child: "predecessor merged into own subtree")
#                    └─ E  (succeeded by own:   "predecessor merged into own unit")
#
# y = allowed, - = refused.
TABLE = """
role     position          view  edit  approve  configure
admin    own               y     y     y        y
admin    child             y     y     y        y
admin    grandchild        y     y     y        y
admin    sibling           -     -     -        -
admin    parent            -     -     -        -
admin    predecessor       y     y     y        y
admin    predecessor_own   y     y     y        y
admin    unrelated         -     -     -        -
leader   own               y     y     -        -
leader   child             y     -     y        -
leader   grandchild        y     -     y        -
leader   sibling           -     -     -        -
leader   parent            -     -     -        -
leader   predecessor       y     -     y        -
leader   predecessor_own   y     -     y        -
leader   unrelated         -     -     -        -
officer  own               y     y     -        -
officer  child             y     -     -        -
officer  grandchild        y     -     -        -
officer  sibling           -     -     -        -
officer  parent            -     -     -        -
officer  predecessor       y     -     -        -
officer  predecessor_own   y     -     -        -
officer  unrelated         -     -     -        -
viewer   own               y     -     -        -
viewer   child             y     -     -        -
viewer   grandchild        y     -     -        -
viewer   sibling           -     -     -        -
viewer   parent            -     -     -        -
viewer   predecessor       y     -     -        -
viewer   predecessor_own   y     -     -        -
viewer   unrelated         -     -     -        -
none     own               -     -     -        -
none     child             -     -     -        -
none     grandchild        -     -     -        -
none     sibling           -     -     -        -
none     parent            -     -     -        -
none     predecessor       -     -     -        -
none     predecessor_own   -     -     -        -
none     unrelated         -     -     -        -
"""


def _cells():
    lines = [line.split() for line in TABLE.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    actions = header[2:]
    for role, position, *marks in rows:
        for action, mark in zip(actions, marks, strict=True):
            yield pytest.param(role, position, action, mark == "y", id=f"{role}-{position}-{action}")


def test_the_table_covers_every_role_position_and_action():
    cells = {(p.values[0], p.values[1], p.values[2]) for p in _cells()}
    roles = [*Role.values, "none"]
    assert len(cells) == len(roles) * len(POSITIONS) * len(access.Action.values)


POSITIONS = ["own", "child", "grandchild", "sibling", "parent", "predecessor", "predecessor_own", "unrelated"]


def _unit(code, level, parent=None):
    return services.create_unit(code=code, name=f"Đơn vị {code}", level=level, parent=parent)


@pytest.fixture
def tree(db):
    root = _unit("root", Level.NATIONAL)
    parent = _unit("parent", Level.PROVINCE, root)
    own = _unit("own", Level.DISTRICT, parent)
    child = _unit("child", Level.COMMUNE, own)
    grandchild = _unit("grandchild", Level.COMMUNE, child)
    sibling = _unit("sibling", Level.DISTRICT, parent)
    other = _unit("other", Level.PROVINCE, root)
    unrelated = _unit("unrelated", Level.DISTRICT, other)
    predecessor = _unit("predecessor", Level.DISTRICT, other)
    predecessor_own = _unit("predecessor_own", Level.DISTRICT, other)
    services.set_successors(predecessor, [child])
    services.set_successors(predecessor_own, [own])
    return {u.code: u for u in [root, parent, own, child, grandchild, sibling, other,
                                unrelated, predecessor, predecessor_own]}


@pytest.mark.parametrize(("role", "position", "action", "allowed"), list(_cells()))
def test_access_table(tree, django_user_model, role, position, action, allowed):
    user = django_user_model.objects.create_user(username="member")
    if role != "none":
        Membership.objects.create(user=user, unit=tree["own"], role=role)
    assert access.can(user, action, tree[position]) is allowed
    # units_for agrees with can(): same rule, one query
    assert access.units_for(user, action).filter(pk=tree[position].pk).exists() is allowed


def test_a_leader_of_a_root_unit_approves_its_own_unit(tree, django_user_model):
    user = django_user_model.objects.create_user(username="chair")
    Membership.objects.create(user=user, unit=tree["root"], role=Role.LEADER)
    assert access.can(user, "approve", tree["root"]) is True
    assert access.can(user, "approve", tree["own"]) is True


@override_settings(GIAMSAT_SELF_APPROVAL=True)
def test_self_approval_lets_a_leader_approve_its_own_unit(tree, django_user_model):
    user = django_user_model.objects.create_user(username="leader")
    Membership.objects.create(user=user, unit=tree["own"], role=Role.LEADER)
    assert access.can(user, "approve", tree["own"]) is True
    assert access.can(user, "approve", tree["parent"]) is False


def test_a_leader_of_two_nested_units_approves_the_lower_one(tree, django_user_model):
    user = django_user_model.objects.create_user(username="leader")
    Membership.objects.create(user=user, unit=tree["own"], role=Role.LEADER)
    Membership.objects.create(user=user, unit=tree["child"], role=Role.LEADER)
    approvable = set(access.units_for(user, "approve").values_list("code", flat=True))
    assert approvable == {"child", "grandchild", "predecessor", "predecessor_own"}


# The named cases of the issue, with the shared actors of giamsat/conftest.py


def test_a_commune_officer_cannot_read_or_write_another_communes_data(units, commune_officer):
    for action in ["view", "edit", "approve", "configure"]:
        assert access.can(commune_officer, action, units["sibling"]) is False
    with pytest.raises(PermissionDeniedError) as exc:
        access.require(commune_officer, "view", units["sibling"])
    assert exc.value.message == "Bạn không có quyền xem dữ liệu của “Xã Hòa Lạc”."
    with pytest.raises(PermissionDeniedError) as exc:
        access.require(commune_officer, "edit", units["sibling"])
    assert exc.value.message == "Bạn không có quyền nhập, sửa dữ liệu của “Xã Hòa Lạc”."
    assert exc.value.status == 403


def test_a_commune_officer_reads_and_writes_its_own_commune(units, commune_officer):
    access.require(commune_officer, "view", units["commune"])
    access.require(commune_officer, "edit", units["commune"])
    assert set(access.units_for(commune_officer, "view").values_list("code", flat=True)) == {"X01"}


def test_a_province_leader_reads_its_whole_subtree(units, province_leader):
    visible = set(access.units_for(province_leader, "view").values_list("code", flat=True))
    assert visible == {"T01", "X01", "X02"}
    assert access.can(province_leader, "view", units["nation"]) is False
    assert set(access.units_for(province_leader, "approve").values_list("code", flat=True)) == {"X01", "X02"}


def test_an_inactive_user_can_do_nothing(units, province_admin):
    province_admin.is_active = False
    province_admin.save(update_fields=["is_active"])
    for action in access.Action.values:
        assert access.can(province_admin, action, units["province"]) is False
        assert access.units_for(province_admin, action).count() == 0


def test_an_anonymous_user_can_do_nothing(units):
    from django.contrib.auth.models import AnonymousUser

    assert access.can(AnonymousUser(), "view", units["nation"]) is False
    assert access.units_for(AnonymousUser(), "view").count() == 0


def test_a_superuser_can_do_everything(units, django_user_model):
    root = django_user_model.objects.create_superuser(username="root")
    for action in access.Action.values:
        assert access.units_for(root, action).count() == 4
        for unit in units.values():
            assert access.can(root, action, unit) is True


def test_an_inactive_superuser_can_do_nothing(units, django_user_model):
    root = django_user_model.objects.create_superuser(username="root", is_active=False)
    assert access.can(root, "view", units["commune"]) is False


def test_an_unsaved_or_missing_unit_is_never_allowed(units, django_user_model):
    root = django_user_model.objects.create_superuser(username="root")
    assert access.can(root, "view", None) is False
    with pytest.raises(PermissionDeniedError, match="dữ liệu của “\\?”"):
        access.require(root, "view", None)


def test_memberships_are_read_again_after_forget(units, django_user_model):
    user = get_user_model().objects.create_user(username="late")
    assert access.can(user, "view", units["commune"]) is False
    Membership.objects.create(user=user, unit=units["commune"], role=Role.VIEWER)
    access.forget_memberships(user)
    assert access.can(user, "view", units["commune"]) is True


@pytest.mark.parametrize("action", ["view", "approve"])
def test_units_for_costs_the_same_queries_for_one_or_many_memberships(
    tree, django_user_model, django_assert_num_queries, action
):
    role = Role.LEADER
    few = django_user_model.objects.create_user(username="few")
    Membership.objects.create(user=few, unit=tree["own"], role=role)
    many = django_user_model.objects.create_user(username="many")
    for code in ["own", "sibling", "unrelated", "child", "other"]:
        Membership.objects.create(user=many, unit=tree[code], role=role)
    # memberships, succession edges (two rounds: the edges under the roots, then
    # under the predecessors found), the units
    for user in [few, many]:
        with django_assert_num_queries(4):
            list(access.units_for(user, action))
        # the memberships are read once per user object
        with django_assert_num_queries(3):
            list(access.units_for(user, action))


def test_units_for_without_successions_is_three_queries(units, province_leader, django_assert_num_queries):
    with django_assert_num_queries(3):  # memberships, succession edges, units
        assert len(access.units_for(province_leader, "view")) == 3
