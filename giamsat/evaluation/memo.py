"""What the units below a dashboard's unit were judged to be, remembered until their data change.

A ranking judges every target of every unit below (5,000 statuses for the nation,
11,000 for a province's communes) from the roll-ups; the same judgement is asked again
and again between two approvals. This memo keeps it in the process, at two levels:

* the whole judgement of a unit's children, keyed by the roll-up cache's ``generation``
  (``RollupState``), which goes up in the very transaction that changes what the
  roll-ups count — every approval, return, re-opening, change of an approved report,
  of the unit tree or of a weight indicator (the read-time check in ``rollup.refresh``
  runs before the key is taken) — so any change anywhere misses it;
* each child's judgement, keyed by its own stamp: the newest generation at which a
  report of a unit in its scope changed (``RollupStamp``, written by ``cache.reconcile``;
  ``rollup.stamps``) and the time the cache was last rebuilt — so an approval in one
  commune re-judges only the row of the unit above it, not its 130 siblings;

and, in both keys, the day, the period and its series, the units (id, name, kind), the
parent's targets and their indicators (every loaded field), the goals the units below
inherit and their own targets (every field the judgement reads). The task reports of a
scope are remembered under the generation too (``task_board``).

Only approved values go through the cache: a dashboard that also counts submitted
reports is judged afresh every time. Nothing is ever served from a key that could be
stale, so no expiry is needed; the least recently used entries make room
(``GIAMSAT_RANKING_MEMO_SIZE`` entries, one per judged child; default 4,096 per
process; 0 turns the memo off).
"""

import threading
from collections import OrderedDict

from django.conf import settings

_lock = threading.Lock()
_entries: OrderedDict = OrderedDict()
DEFAULT_SIZE = 4096


def _size() -> int:
    return int(getattr(settings, "GIAMSAT_RANKING_MEMO_SIZE", DEFAULT_SIZE))


def get(key):
    """The remembered value for ``key``, or None."""
    if _size() <= 0:
        return None
    with _lock:
        found = _entries.get(key)
        if found is not None:
            _entries.move_to_end(key)
        return found


def put(key, value) -> None:
    size = _size()
    if size <= 0:
        return
    with _lock:
        _entries[key] = value
        _entries.move_to_end(key)
        while len(_entries) > size:
            _entries.popitem(last=False)


def clear() -> None:
    with _lock:
        _entries.clear()


def fields_of(obj) -> tuple:
    """Every loaded field of a model instance, as a hashable tuple (part of a key). A
    field the query deferred is not read (that would cost a query per object): what the
    judgement reads was loaded."""
    loaded = obj.__dict__
    values = (loaded[f.attname] for f in obj._meta.concrete_fields if f.attname in loaded)
    return tuple(repr(v) if isinstance(v, list | dict | set) else v for v in values)
