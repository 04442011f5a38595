"""Units ordered by path become rows of a nested list, with no queries."""

from types import SimpleNamespace

from giamsat.web.tree import tree_rows


def unit(pk, parent, path):
    return SimpleNamespace(pk=pk, parent_id=parent, path=path)


def shape(rows):
    return [(r.unit.pk, r.level, r.has_children, r.open, len(r.closes)) for r in rows]


def test_nesting_opening_and_closing():
    units = [
        unit(1, None, "1."), unit(2, 1, "1.2."), unit(3, 2, "1.2.3."), unit(4, 3, "1.2.3.4."),
        unit(5, 2, "1.2.5."), unit(6, 1, "1.6."),
    ]
    assert shape(tree_rows(units)) == [
        (1, 0, True, True, 0),
        (2, 1, True, True, 0),
        (3, 2, True, False, 0),  # the third level starts folded
        (4, 3, False, False, 1),  # closes 3's list
        (5, 2, False, False, 1),  # closes 2's list
        (6, 1, False, False, 1),  # closes 1's list
    ]


def test_units_whose_parent_is_not_shown_are_roots():
    # a leader of unit 7 also sees unit 20, dissolved into 7's subtree but hanging elsewhere
    units = [unit(7, 1, "1.7."), unit(8, 7, "1.7.8."), unit(20, 9, "9.20."), unit(21, 20, "9.20.21.")]
    assert shape(tree_rows(units)) == [
        (7, 0, True, True, 0), (8, 1, False, False, 1), (20, 0, True, True, 0), (21, 1, False, False, 1),
    ]


def test_every_opened_list_is_closed():
    units = [unit(1, None, "1."), unit(2, 1, "1.2."), unit(3, 2, "1.2.3."), unit(4, None, "4.")]
    rows = tree_rows(units)
    assert sum(r.has_children for r in rows) == sum(len(r.closes) for r in rows) == 2
