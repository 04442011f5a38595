"""What the units below a dashboard's unit were judged to be, remembered until their data change.

A ranking judges every target of every unit below (5,000 statuses for the nation,
11,000 for a province's communes) from the roll-ups; the same judgement is asked again
and again between two approvals. This memo keeps it in the process:

* the whole judgement of a unit's children, keyed by the roll-up cache's ``generation``
  (``RollupState``), which goes up in the very transaction that changes what the
  roll-ups count — every approval, return, re-opening, change of an approved report,
  of the unit tree or of a weight indicator (the read-time check in ``rollup.refresh``
  runs before the key is taken) — so any change anywhere misses it;
* each child's judgement, keyed by its own stamp: the newest generation at which a
  report of a unit in its scope changed (``RollupStamp``, written by ``cache.reconcile``;
  ``rollup.stamps``) and the time the cache was last rebuilt — so an approval in one
  commune re-judges only the row of the unit above it, not its 130 siblings;

and each unit's own judged tiles (``services.tiles_for``), keyed by the unit's own
stamp; and, in every key, the day, the period and its series, the units (id, name, kind), the
parent's targets and their indicators (every loaded field), the goals the units below
inherit and their own targets (every field the judgement reads). The task reports of a
scope are remembered under the generation too (``task_board``).

Only approved values go through the cache: a dashboard that also counts submitted
reports is judged afresh every time. Nothing is ever served from a key that could be
stale, so no expiry is needed; the least recently used entries make room
(``GIAMSAT_RANKING_MEMO_SIZE`` children's judgements, default 2,048 per process;
``GIAMSAT_TILES_MEMO_SIZE`` units' own tiles, default 128; at most 4 whole judgements
or task reports, which go stale at any change anywhere; a ranking memo size of 0 turns
it all off). The bounds count entries; they were chosen from measured entry sizes so
that a worker asked for every unit of the country stays under 500 MB
(docs/performance.md).
"""

import threading
from collections import OrderedDict

from django.conf import settings

DEFAULT_SIZE = 2048
DEFAULT_TILES_SIZE = 128
WHOLE, CHILD, TILES = "whole", "child", "tiles"


class _Store:
    """A least-recently-used map, safe across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries: OrderedDict = OrderedDict()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def put(self, key, value, size: int) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > size:
                self.entries.popitem(last=False)


# whole judgements and task reports go stale at every change anywhere: a few suffice;
# one child's judgement (~25–200 KB) stays good until its own scope changes: room for
# most units; a unit's own tiles weigh up to ~0.9 MB each (its targets, their series): fewer
_stores = {WHOLE: _Store(), CHILD: _Store(), TILES: _Store()}


def _size(store: str) -> int:
    size = int(getattr(settings, "GIAMSAT_RANKING_MEMO_SIZE", DEFAULT_SIZE))
    if size <= 0:
        return 0
    if store == TILES:
        return int(getattr(settings, "GIAMSAT_TILES_MEMO_SIZE", DEFAULT_TILES_SIZE))
    return size if store == CHILD else max(1, min(size, 4))


def get(key, store: str = WHOLE):
    """The remembered value for ``key``, or None."""
    if _size(store) <= 0:
        return None
    return _stores[store].get(key)


def put(key, value, store: str = WHOLE) -> None:
    size = _size(store)
    if size > 0:
        _stores[store].put(key, value, size)


def clear() -> None:
    for store in _stores.values():
        with store.lock:
            store.entries.clear()


def fields_of(obj) -> tuple:
    """Every loaded field of a model instance, as a hashable tuple (part of a key). A
    field the query deferred is not read (that would cost a query per object): what the
    judgement reads was loaded."""
    loaded = obj.__dict__
    values = (loaded[f.attname] for f in obj._meta.concrete_fields if f.attname in loaded)
    return tuple(repr(v) if isinstance(v, list | dict | set) else v for v in values)
