"""Use cases on units: create, update, move, succeed, and the subtree queries.

A unit's ``path`` is the chain of its ancestors' ids and its own, each padded to
``PATH_STEP`` digits and followed by a dot, so ``path__startswith`` selects a subtree
in one indexed query, and moving a unit rewrites its subtree's paths in one UPDATE
(see docs/decisions/0001-materialised-path.md).

Units change over time: a dissolved or merged unit keeps its data and names its
successors. :func:`scope_paths` widens a subtree with every unit that was,
directly or through a chain, succeeded by a unit inside it.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat, LPad, Substr
from django.utils.translation import gettext as _

from giamsat.audit.services import changed, record, snapshot
from giamsat.errors import ConflictError
from giamsat.orgs.errors import SuccessionError, UnitMoveError
from giamsat.orgs.models import PATH_STEP, Unit

# Fields a caller may change through update_unit (path, depth and version are ours).
EDITABLE_FIELDS = frozenset(
    {"code", "name", "short_name", "kind", "level", "admin_code", "valid_from", "valid_to"}
)


def _own_path(unit: Unit, parent: Unit | None) -> str:
    prefix = parent.path if parent else ""
    return f"{prefix}{unit.pk:0{PATH_STEP}d}."


def own_path_sql(parent: Unit):
    """The SQL twin of :func:`_own_path`, for units inserted in bulk under ``parent``:
    one UPDATE gives each its path once the database has given it an id."""
    digits = LPad(Cast("id", output_field=CharField()), PATH_STEP, Value("0"))
    return Concat(Value(parent.path), digits, Value("."), output_field=CharField())


@transaction.atomic
def create_unit(*, actor=None, via: str = "system", parent: Unit | None = None, **fields) -> Unit:
    unit = Unit.objects.create(parent=parent, **fields)
    unit.path = _own_path(unit, parent)
    unit.depth = parent.depth + 1 if parent else 0
    unit.save(update_fields=["path", "depth"])
    record(actor=actor, action="create", obj=unit, after=snapshot(unit), via=via)
    return unit


@transaction.atomic
def update_unit(unit: Unit, *, actor=None, via: str = "system", **fields) -> Unit:
    """Change plain fields of a unit; a new ``parent`` moves it with its subtree.

    The write is conditional on the ``version`` read into ``unit``: if someone
    changed the unit in between, nothing is written and ConflictError is raised.
    """
    unknown = set(fields) - EDITABLE_FIELDS - {"parent"}
    if unknown:
        raise TypeError(f"update_unit() cannot change {sorted(unknown)}")
    new_parent = fields.pop("parent", unit.parent)
    before = snapshot(unit)
    fields = {name: value for name, value in fields.items() if getattr(unit, name) != value}
    moving = (new_parent.pk if new_parent else None) != unit.parent_id
    if fields or moving:
        rows = Unit.objects.filter(pk=unit.pk, version=unit.version).update(
            version=F("version") + 1, **fields
        )
        if rows != 1:
            raise ConflictError(
                _("Đơn vị “{unit}” vừa được người khác thay đổi. Hãy tải lại và thử lại.").format(
                    unit=unit.name
                ),
            )
    if moving:
        _move(unit, new_parent)
    unit.refresh_from_db()
    before, after = changed(before, snapshot(unit))
    if after:
        record(actor=actor, action="update", obj=unit, before=before, after=after, via=via)
    return unit


def move_unit(unit: Unit, new_parent: Unit | None, *, actor=None, via: str = "system") -> Unit:
    return update_unit(unit, parent=new_parent, actor=actor, via=via)


def _move(unit: Unit, new_parent: Unit | None) -> None:
    """Re-hang ``unit`` and rewrite its subtree's paths (inside the caller's transaction)."""
    current = Unit.objects.select_for_update().only("path", "depth").get(pk=unit.pk)
    if new_parent is not None:
        new_parent = Unit.objects.select_for_update().get(pk=new_parent.pk)
        if new_parent.path.startswith(current.path):
            raise UnitMoveError(unit.name, new_parent.name)
    old_path, old_depth = current.path, current.depth
    new_path = _own_path(unit, new_parent)
    new_depth = new_parent.depth + 1 if new_parent else 0
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    Unit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + (new_depth - old_depth),
    )


@transaction.atomic
def set_successors(
    unit: Unit, successors: Iterable[Unit], *, valid_to=None, actor=None, via: str = "system"
) -> None:
    """Mark ``unit`` as dissolved or merged into ``successors`` (its data stays attached)."""
    successors = list(successors)
    if any(s.pk == unit.pk for s in successors):
        raise SuccessionError(_("Một đơn vị không thể kế thừa chính nó."), location="successors")
    before = _succession_state(unit)
    unit.successors.set(successors)
    if valid_to is not None and valid_to != unit.valid_to:
        Unit.objects.filter(pk=unit.pk).update(valid_to=valid_to, version=F("version") + 1)
        unit.refresh_from_db(fields=["valid_to", "version"])
    before, after = changed(before, _succession_state(unit))
    if after:
        record(actor=actor, action="succession", obj=unit, before=before, after=after, via=via)


def _succession_state(unit: Unit) -> dict:
    return {
        "successors": sorted(unit.successors.values_list("pk", flat=True)),
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
    }


def scopes_by_root(roots: Iterable[Unit]) -> dict[int, list[str]]:
    """For each root (by pk), the path prefixes covering its subtree and, transitively,
    every unit succeeded by a unit inside it, so a dissolved district's data is
    reachable from the communes or the province that took it over.

    One query per link of the longest succession chain (usually one), however many
    roots are given.
    """
    scopes: dict[int, set[str]] = {u.pk: {u.path} for u in roots}
    through = Unit.successors.through
    frontier = set().union(*scopes.values()) if scopes else set()
    while frontier:
        edges = through.objects.filter(paths_q(frontier, "to_unit__path")).values_list(
            "from_unit__path", "to_unit__path"
        )
        frontier = set()
        for old_path, new_path in edges:
            for paths in scopes.values():
                if _covered(new_path, paths) and not _covered(old_path, paths):
                    paths.add(old_path)
                    frontier.add(old_path)
    return {pk: _minimal(paths) for pk, paths in scopes.items()}


def scope_paths(roots: Iterable[Unit]) -> list[str]:
    """The path prefixes covering the scopes of all ``roots`` (see :func:`scopes_by_root`)."""
    merged: set[str] = set()
    for paths in scopes_by_root(roots).values():
        merged.update(paths)
    return _minimal(merged)


def _covered(path: str, prefixes: Iterable[str]) -> bool:
    return any(path.startswith(p) for p in prefixes)


def _minimal(paths: Iterable[str]) -> list[str]:
    """Drop the prefixes already covered by shorter ones."""
    result: list[str] = []
    for p in sorted(paths, key=len):
        if not _covered(p, result):
            result.append(p)
    return sorted(result)


def paths_q(paths: Iterable[str], field: str = "path") -> Q:
    """A Q selecting rows whose ``field`` (a Unit path, maybe across a relation) is under ``paths``."""
    q = Q(pk__in=[])
    for p in paths:
        q |= Q(**{f"{field}__startswith": p})
    return q


def subtree(unit: Unit, *, include_predecessors: bool = True) -> QuerySet[Unit]:
    if include_predecessors:
        return Unit.objects.filter(paths_q(scope_paths([unit])))
    return Unit.objects.filter(path__startswith=unit.path)


def ancestors(unit: Unit) -> QuerySet[Unit]:
    """The units above ``unit``, root first, in one query."""
    ids = [int(part) for part in unit.path.split(".") if part][:-1]
    return Unit.objects.filter(pk__in=ids).order_by("depth")


def predecessors(unit: Unit) -> list[Unit]:
    """The units merged or dissolved into ``unit``, directly or through a chain, oldest
    links last: their plans' targets are the successor's to follow."""
    through = Unit.successors.through
    found: list[int] = []
    frontier = {unit.pk}
    while frontier:
        step = set(through.objects.filter(to_unit_id__in=frontier).values_list("from_unit_id", flat=True))
        frontier = step - set(found) - {unit.pk}
        found.extend(sorted(frontier))
    return list(Unit.objects.filter(pk__in=found)) if found else []
