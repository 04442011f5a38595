"""Use cases on units: create, move, succeed, and the subtree queries.

A unit's ``path`` is the chain of its ancestors' ids and its own, each padded to
``PATH_STEP`` digits and followed by a dot, so ``path__startswith`` selects a subtree
in one indexed query, and moving a unit rewrites its subtree's paths in one UPDATE.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Concat, Substr

from giamsat.audit.services import changed, record, snapshot
from giamsat.orgs.errors import UnitMoveError
from giamsat.orgs.models import PATH_STEP, Unit


def _own_path(unit: Unit, parent: Unit | None) -> str:
    prefix = parent.path if parent else ""
    return f"{prefix}{unit.pk:0{PATH_STEP}d}."


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
    """Change plain fields of a unit; a new ``parent`` moves it with its subtree."""
    before = snapshot(unit)
    new_parent = fields.pop("parent", unit.parent)
    for name, value in fields.items():
        setattr(unit, name, value)
    if fields:
        unit.version = F("version") + 1
        unit.save(update_fields=[*fields, "version"])
        unit.refresh_from_db()
    if (new_parent.pk if new_parent else None) != unit.parent_id:
        _move(unit, new_parent)
    after = snapshot(unit)
    before, after = changed(before, after)
    if after:
        record(actor=actor, action="update", obj=unit, before=before, after=after, via=via)
    return unit


def move_unit(unit: Unit, new_parent: Unit | None, *, actor=None, via: str = "system") -> Unit:
    return update_unit(unit, parent=new_parent, actor=actor, via=via)


def _move(unit: Unit, new_parent: Unit | None) -> None:
    if new_parent is not None and new_parent.path.startswith(unit.path):
        raise UnitMoveError(unit.name, new_parent.name)
    old_path, old_depth = unit.path, unit.depth
    new_path = _own_path(unit, new_parent)
    new_depth = new_parent.depth + 1 if new_parent else 0
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    Unit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + (new_depth - old_depth),
    )
    unit.refresh_from_db()


@transaction.atomic
def set_successors(unit: Unit, successors: Iterable[Unit], *, valid_to=None, actor=None, via: str = "system") -> None:
    """Mark ``unit`` as dissolved or merged into ``successors`` (its data stays attached)."""
    before = {"successors": sorted(unit.successors.values_list("pk", flat=True)), "valid_to": unit.valid_to}
    unit.successors.set(list(successors))
    if valid_to is not None:
        unit.valid_to = valid_to
        unit.save(update_fields=["valid_to"])
    after = {"successors": sorted(unit.successors.values_list("pk", flat=True)), "valid_to": unit.valid_to}
    record(actor=actor, action="succession", obj=unit, before=snapshot_dates(before), after=snapshot_dates(after), via=via)


def snapshot_dates(data: dict) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


def scope_paths(roots: Iterable[Unit]) -> list[str]:
    """Path prefixes covering ``roots``' subtrees and, transitively, every unit that
    was succeeded by a unit inside them (so a dissolved district's data is reachable
    from the communes or province that took it over)."""
    paths = {u.path for u in roots}
    through = Unit.successors.through
    while True:
        q = Q()
        for p in paths:
            q |= Q(to_unit__path__startswith=p)
        if not paths:
            return []
        found = set(through.objects.filter(q).values_list("from_unit__path", flat=True))
        new = {p for p in found if not any(p.startswith(known) for known in paths)}
        if not new:
            break
        paths |= new
    # drop prefixes covered by shorter ones
    kept = sorted(paths, key=len)
    result: list[str] = []
    for p in kept:
        if not any(p.startswith(r) for r in result):
            result.append(p)
    return result


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
