"""Gunicorn hooks for the bench's server (``bench/submit.py --profile DIR`` or ``--gc-freeze``).

``BENCH_PROFILE_DIR``: each worker runs under cProfile from its fork to its exit and
writes ``DIR/worker-<pid>.prof`` (read them with ``python -m pstats``); times are the
worker's CPU time, so waiting on a lock or on the database does not count.

``BENCH_GC_FREEZE``: once a worker has loaded the application, ``gc.freeze()`` moves
everything loaded so far out of the garbage collector's reach, so its collections no
longer walk Django's tens of thousands of long-lived objects (a deployment setting:
the same two lines in a WSGI module or a gunicorn config do it).
"""

import cProfile
import gc
import os
import time

_profiles: dict[int, cProfile.Profile] = {}


def post_fork(server, worker):
    if os.environ.get("BENCH_PROFILE_DIR"):
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        _profiles[os.getpid()] = profile


def post_worker_init(worker):
    if os.environ.get("BENCH_GC_FREEZE"):
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - imports every app's views and API now, not at the first request
        gc.freeze()


def worker_exit(server, worker):
    profile = _profiles.pop(os.getpid(), None)
    if profile is not None:
        profile.disable()
        profile.dump_stats(os.path.join(os.environ["BENCH_PROFILE_DIR"], f"worker-{os.getpid()}.prof"))
