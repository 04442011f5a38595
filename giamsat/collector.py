"""Fewer garbage collections while a bulk batch or a dashboard is computed.

A 3,000-value batch keeps tens of thousands of small objects alive until it ends. With
Python's default thresholds (700, 10, 10) that triggers about two full collections per
batch, each walking the worker's whole heap (~100,000 objects): ~10 µs per value, a
sixth of the request. A dashboard judging thousands of targets does the same, and its
heap holds the ranking memo (``evaluation.memo``): a full collection every few requests
took 80–140 ms at national scale. While such a block runs, the young generation is
collected only every ``YOUNG`` allocations instead; nothing is lost, cycles are
collected later, and the thresholds come back when the last block in the process ends
(threads share them). Use it as a ``with`` block or as a decorator.
"""

import gc
import threading
from contextlib import contextmanager

YOUNG = 100_000

_lock = threading.Lock()
_running = 0
_saved: tuple[int, int, int] = (700, 10, 10)


@contextmanager
def rare_collections():
    """Collect the young generation only every ``YOUNG`` allocations inside the block."""
    global _running, _saved
    with _lock:
        if _running == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(YOUNG, _saved[0]), _saved[1], _saved[2])
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.set_threshold(*_saved)
