"""How fast the plan parser reads the seed plans, and how much memory it takes.

    .venv/bin/python bench/parse.py [--repeat 5] [--seeds DIR] [--check]

For each seed plan, and for a ~5 MB file made by concatenating them, prints the
size, the best wall time of ``--repeat`` runs (after imports and one warm-up)
for reading the file (``read_source``) and for parsing its text
(``parse_text``), the throughput of the whole ``parse_file``, and the peak
memory: Python's allocations during one run (tracemalloc) and the process's
maximum resident size (ru_maxrss) at the end. The goals of issue 4 are checked
at the end; ``--check`` exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giamsat.parsing import parse_text  # noqa: E402 - after the path is set
from giamsat.parsing.sources import read_source  # noqa: E402

SEEDS = ROOT / "giamsat" / "parsing" / "tests" / "data" / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
BIG_BYTES = 5 * 1024 * 1024
MB = 1024 * 1024

GOAL_THROUGHPUT = 1.0  # MB/s on the 5 MB file
GOAL_SEED, GOAL_SEED_MS = "003_", 80.0  # the 81 KB seed, whole parse_file
GOAL_MEMORY_MB = 200.0


def best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(path: Path, repeat: int) -> dict[str, float]:
    source = read_source(path)
    parse_text(source.text, source.tables)  # warm-up: caches, lazy imports
    read = best(lambda: read_source(path), repeat)
    parse = best(lambda: parse_text(source.text, source.tables), repeat)
    tracemalloc.start()
    whole = read_source(path)
    parse_text(whole.text, whole.tables)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = path.stat().st_size
    total = read + parse
    return {
        "bytes": size,
        "read_ms": read * 1000,
        "parse_ms": parse * 1000,
        "total_ms": total * 1000,
        "mb_s": size / MB / total,
        "peak_mb": peak / MB,
    }


def concatenation(seeds: list[Path], folder: Path) -> Path:
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    parts, size = [], 0
    while size < BIG_BYTES:
        for text in texts:
            parts.append(text)
            size += len(text.encode("utf-8")) + 1
    path = folder / "concatenation-5mb.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seeds", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args()
    folder = args.seeds or (SEEDS if any(SEEDS.glob("*.txt")) else SHARED_SEEDS)
    seeds = sorted(folder.glob("*.txt"))
    if not seeds:
        print(f"no seed plans in {folder}", file=sys.stderr)
        return 2

    header = f"{'file':<28} {'bytes':>9} {'read ms':>8} {'parse ms':>9} {'total ms':>9} {'MB/s':>6} {'peak MB':>8}"
    print(header)
    print("-" * len(header))
    rows = {}
    with tempfile.TemporaryDirectory() as temporary:
        big = concatenation(seeds, Path(temporary))
        for path in [*seeds, big]:
            repeat = args.repeat if path is not big else max(1, min(args.repeat, 3))
            row = rows[path.name] = measure(path, repeat)
            print(
                f"{path.name:<28} {row['bytes']:>9} {row['read_ms']:>8.1f} {row['parse_ms']:>9.1f} "
                f"{row['total_ms']:>9.1f} {row['mb_s']:>6.2f} {row['peak_mb']:>8.1f}"
            )
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"\nprocess peak resident size (ru_maxrss): {maxrss_mb:.1f} MB")

    seed_ms = next(
        (row["total_ms"] for name, row in rows.items() if name.startswith(GOAL_SEED)), None
    )
    big_row = rows[big.name]
    peak = max(maxrss_mb, *(row["peak_mb"] for row in rows.values()))
    goals = [
        (f"throughput on {big_row['bytes'] / MB:.1f} MB >= {GOAL_THROUGHPUT} MB/s",
         big_row["mb_s"] >= GOAL_THROUGHPUT, f"{big_row['mb_s']:.2f} MB/s"),
        (f"seed {GOAL_SEED}* under {GOAL_SEED_MS:.0f} ms",
         seed_ms is not None and seed_ms < GOAL_SEED_MS,
         "missing" if seed_ms is None else f"{seed_ms:.1f} ms"),
        (f"memory under {GOAL_MEMORY_MB:.0f} MB", peak < GOAL_MEMORY_MB, f"{peak:.1f} MB"),
    ]  # fmt: skip
    print()
    for goal, met, value in goals:
        print(f"{'ok  ' if met else 'MISS'} {goal}: {value}")
    return 1 if args.check and not all(met for _, met, _ in goals) else 0


if __name__ == "__main__":
    sys.exit(main())
