"""The cascade: which plans a plan implements, which implement it, and the tree below it."""

from giamsat.plans.services import cascade_tree, children, create_plan_from_parse, parents
from giamsat.plans.tests.conftest import parsed


def _names(node, depth=0):
    rows = [(depth, node.plan.number)]
    for child in node.children:
        rows += _names(child, depth + 1)
    return rows


def test_parents_and_children(province_plan, commune_plan, sibling_plan):
    assert parents(commune_plan) == [province_plan]
    assert children(province_plan) == [commune_plan, sibling_plan]
    assert parents(province_plan) == []


def test_the_tree_shows_a_plan_under_each_plan_it_implements(units, province_plan, commune_plan):
    both = create_plan_from_parse(parsed("20-KH", "Kế hoạch chung", date="2025-06-01"), issuing_unit=units["commune"],
                                  actor=None, implements=[province_plan, commune_plan])
    tree = cascade_tree(province_plan)
    assert _names(tree) == [(0, "12-KH/TU"), (1, "05-KH/ĐU"), (2, "20-KH"), (1, "20-KH")]
    assert tree.size() == 4
    assert both.pk in {c.plan.pk for c in tree.children}


def test_a_cycle_stops_where_the_branch_meets_itself(province_plan, commune_plan):
    province_plan.implements.add(commune_plan)  # bad data: each implements the other
    assert _names(cascade_tree(province_plan)) == [(0, "12-KH/TU"), (1, "05-KH/ĐU")]


def test_one_query_per_level(province_plan, commune_plan, sibling_plan, django_assert_num_queries):
    with django_assert_num_queries(2):  # the communes' plans, then the (no) plans below them
        cascade_tree(province_plan)


def test_a_user_sees_only_the_plans_it_may_read(province_plan, commune_plan, sibling_plan, commune_officer, province_leader):
    assert _names(cascade_tree(province_plan, user=commune_officer)) == [(0, "12-KH/TU"), (1, "05-KH/ĐU")]
    assert _names(cascade_tree(province_plan, user=province_leader)) == [
        (0, "12-KH/TU"), (1, "05-KH/ĐU"), (1, "07-KH/ĐU"),
    ]
