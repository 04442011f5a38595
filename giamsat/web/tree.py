"""Turn a list of units, ordered by path, into rows of a nested list, without queries.

Rendering a tree by recursive includes is slow for thousands of units; instead each
row says whether it opens a sub-list and how many sub-lists close after it.
"""

from dataclasses import dataclass, field


@dataclass
class TreeRow:
    unit: object
    level: int  # nesting depth within the displayed tree, 0 for a root
    has_children: bool = False
    open: bool = False  # shown unfolded at first
    closes: range = field(default_factory=lambda: range(0))  # sub-lists that end after this row


def tree_rows(units: list, *, open_levels: int = 2) -> list[TreeRow]:
    """``units`` ordered by ``path``; a unit whose parent is not in the list is a root.

    The first ``open_levels`` levels start unfolded.
    """
    present = {u.pk for u in units}
    rows: list[TreeRow] = []
    stack: list = []  # the ancestors of the current row, nearest last
    for unit in units:
        if unit.parent_id not in present:
            stack = []
        while stack and not unit.path.startswith(stack[-1].path):
            stack.pop()
        row = TreeRow(unit=unit, level=len(stack))
        if rows and rows[-1].level < row.level:
            rows[-1].has_children = True
            rows[-1].open = rows[-1].level < open_levels
        rows.append(row)
        stack.append(unit)
    for i, row in enumerate(rows):
        if not row.has_children:
            next_level = rows[i + 1].level if i + 1 < len(rows) else 0
            row.closes = range(row.level - next_level)
    return rows
