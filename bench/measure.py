"""What the bench measures of the processes it does not run itself: the server's CPU and
peak memory, and the CPU of the local PostgreSQL, read from /proc (Linux)."""

import os
import re
import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def peak_rss_mb(pid: int) -> tuple[float, float]:
    """(largest single process, sum over master and workers) of VmHWM, the peak resident size."""
    peaks = []
    for p in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        m = re.search(r"VmHWM:\s+(\d+) kB", status)
        if m:
            peaks.append(int(m.group(1)) / 1024)
    return (max(peaks) if peaks else 0.0, sum(peaks))


def _process_cpu(pid: int) -> float | None:
    """User + system CPU seconds used so far by one process (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by the server's master and workers."""
    return sum(_process_cpu(p) or 0.0 for p in [pid, *_children(pid)])


class DatabaseCPU:
    """CPU used by the local PostgreSQL while the requests run: the bench database's
    backends, and the shared processes (WAL writer, checkpointer, …) that work for them.

    PostgreSQL's processes are sampled twice a second, so a backend that ends during the
    run (a worker reconnecting) still counts up to its last sample. Other sessions'
    backends (other databases) are left out; the shared processes cannot be split, so
    that part is an upper bound on a shared machine."""

    def __init__(self, database: str):
        self.database = database
        self.start: dict[int, float] = {}
        self.last: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def _processes(self) -> dict[int, tuple[str, float]]:
        found = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if (entry / "comm").read_text().strip() != "postgres":
                    continue
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            backend = "(" in title or "[local]" in title  # a client session shows its address
            if backend and f" {self.database} " not in title:
                continue  # a session of another database
            cpu = _process_cpu(int(entry.name))
            if cpu is not None:
                found[int(entry.name)] = ("backend" if backend else "shared", cpu)
        return found

    def _sample_until_stopped(self) -> None:
        while not self._stop.wait(0.5):
            self.last.update(self._processes())

    def __enter__(self):
        self.start = {pid: cpu for pid, (_kind, cpu) in self._processes().items()}
        self.last = {}
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.last.update(self._processes())

    def seconds(self, kind: str) -> float:
        return sum(cpu - self.start.get(pid, 0.0) for pid, (k, cpu) in self.last.items() if k == kind)
