"""Throughput of the bulk reporting API for a whole country's monthly round.

    .venv/bin/python bench/submit.py                   # SQLite and PostgreSQL, 3,400 × 150, one commune per request
    .venv/bin/python bench/submit.py --per-request 20  # 20 communes (3,000 values) per request
    .venv/bin/python bench/submit.py --db sqlite --units 340

For each database it builds a fresh database (a nation, 34 provinces, the communes
below them, 150 catalog indicators asked by each province's plan, one delivered
month of history so outlier checks have something to compare), starts a real server
(gunicorn, ``--workers`` processes) on 127.0.0.1 and sends every commune's 150 values
with ``POST /api/reports/values`` (``--per-request`` communes per request), through
real HTTP, with an API token, an Idempotency-Key, validation and audit on. It prints
values/s, the server's CPU per value and peak memory, the client's CPU, the load
average before and after (the machine may be shared), and on PostgreSQL the CPU of
the bench database's backends and the time ``COPY`` takes to load the same rows into
a table shaped like ``reporting_value`` (the physical limit) and into one that also
has its foreign keys, with the ratios. Only loopback traffic; every loop is bounded.
"""

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from measure import DatabaseCPU, cpu_seconds, peak_rss_mb  # bench/measure.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_DB = "giamsat_bench"
PASSWORD = "mat-khau-do-hieu-nang-2025"  # noqa: S105 - a throwaway benchmark database, never logged into
PERIOD, HISTORY_PERIOD = "202502", "202501"
PROVINCES = 34


# --- Building the database (runs in a child process with Django set up) ---------------


def _indicator_kind(i: int) -> str:
    return ("fraction", "count", "percent")[i % 3]


def setup_database(units: int, values: int) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from giamsat.kpi.models import Aggregation, Indicator, Target, ValueType
    from giamsat.orgs import tokens
    from giamsat.orgs.models import PATH_STEP, Level, Membership, Role, Unit
    from giamsat.plans.models import Plan
    from giamsat.reporting import rules
    from giamsat.reporting.models import ReportingPeriod, Submission, Value

    with transaction.atomic():
        nation = Unit.objects.create(code="VN", name="Trung ương", level=Level.NATIONAL)
        nation.path = f"{nation.pk:0{PATH_STEP}d}."
        nation.save(update_fields=["path"])
        provinces = Unit.objects.bulk_create(
            [Unit(code=f"T{p:02d}", name=f"Tỉnh {p}", level=Level.PROVINCE, parent=nation, depth=1) for p in range(PROVINCES)]
        )
        for p in provinces:
            p.path = f"{nation.path}{p.pk:0{PATH_STEP}d}."
        Unit.objects.bulk_update(provinces, ["path"])
        communes = Unit.objects.bulk_create([
            Unit(code=f"X{c:05d}", name=f"Xã {c}", level=Level.COMMUNE, parent=provinces[c % PROVINCES], depth=2)
            for c in range(units)
        ])
        for c in communes:
            c.path = f"{provinces[int(c.code[1:]) % PROVINCES].path}{c.pk:0{PATH_STEP}d}."
        Unit.objects.bulk_update(communes, ["path"], batch_size=1000)

        kinds = {
            "fraction": (ValueType.PERCENT, Aggregation.RATIO),
            "count": (ValueType.COUNT, Aggregation.SUM),
            "percent": (ValueType.PERCENT, Aggregation.WEIGHTED_MEAN),
        }
        indicators = Indicator.objects.bulk_create([
            Indicator(code=f"CT-{i:03d}", name=f"Chỉ tiêu thử {i}", value_type=kinds[_indicator_kind(i)][0],
                      aggregation=kinds[_indicator_kind(i)][1])
            for i in range(values)
        ])
        plans = Plan.objects.bulk_create([Plan(number=f"{p}/KH", title="Kế hoạch thử", issuing_unit=prov) for p, prov in enumerate(provinces)])
        Target.objects.bulk_create([
            Target(plan=plan, indicator=ind, unit=plan.issuing_unit, indicator_text=ind.name, year=2030, value=80)
            for plan in plans for ind in indicators
        ], batch_size=2000)
        for spec in rules.periods_of_year(2025, [rules.MONTH])[:2]:
            ReportingPeriod.objects.create(kind=spec.kind, year=spec.year, number=spec.number, start=spec.start, end=spec.end, due=spec.due)

        user = get_user_model().objects.create_user(username="bench", password=PASSWORD)
        Membership.objects.create(user=user, unit=nation, role=Role.ADMIN)
        _token, key = tokens.create_token(user, "bench", via="cli")
        Path(os.environ["GIAMSAT_VAR_DIR"], "token.txt").write_text(key)

        # one delivered month of history, so outlier checks compare against something
        history = ReportingPeriod.objects.get(kind="month", number=1)
        subs = Submission.objects.bulk_create([Submission(unit=c, period=history, status="approved") for c in communes], batch_size=2000)
        rng = random.Random(1)
        rows = []
        for sub in subs:
            for i, ind in enumerate(indicators):
                number = _value(rng, i)
                rows.append(Value(submission=sub, indicator=ind, value=number.get("value", 0), numerator=number.get("numerator"), denominator=number.get("denominator")))
            if len(rows) >= 20000:
                Value.objects.bulk_create(rows, batch_size=5000)
                rows = []
        Value.objects.bulk_create(rows, batch_size=5000)


def _value(rng: random.Random, i: int) -> dict:
    kind = _indicator_kind(i)
    if kind == "fraction":
        den = rng.randint(1000, 30000)
        return {"numerator": rng.randint(den // 2, den), "denominator": den}
    if kind == "count":
        return {"value": rng.randint(10, 40)}
    return {"value": round(rng.uniform(40, 99), 1)}


# --- The server --------------------------------------------------------------------------


def _env(db: str, workdir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({
        "GIAMSAT_VAR_DIR": str(workdir), "DEBUG": "false", "AXES_ENABLED": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "GIAMSAT_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "giamsat.settings", "PYTHONPATH": str(ROOT),
    })
    if db == "postgres":
        env["DATABASE_URL"] = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + PG_DB
    return env


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, port: int, args) -> subprocess.Popen:
    cmd = [str(VENV_BIN / "gunicorn"), "giamsat.wsgi:application", "--bind", f"127.0.0.1:{port}",
           "--workers", str(args.workers), "--worker-class", "sync", "--timeout", "120", "--log-level", "warning"]
    if args.profile or args.gc_freeze:  # hooks in bench/gunicorn_hooks.py
        env = {**env, "PYTHONPATH": f"{ROOT / 'bench'}:{env['PYTHONPATH']}",
               "BENCH_PROFILE_DIR": str(Path(args.profile).resolve()) if args.profile else "",
               "BENCH_GC_FREEZE": "1" if args.gc_freeze else ""}
        cmd += ["--config", "python:gunicorn_hooks"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/dang-nhap/")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    raise SystemExit("the server did not start within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


# --- The client --------------------------------------------------------------------------


def token_headers(workdir: Path) -> dict:
    """The API token the setup made (``Authorization: Bearer``), as a system integrating would call."""
    return {"Authorization": f"Bearer {(workdir / 'token.txt').read_text().strip()}", "Content-Type": "application/json"}


def build_bodies(units: int, values: int, per_request: int = 1) -> list[bytes]:
    """One body per ``per_request`` communes; with more than one, each value names its unit (DHIS2 style)."""
    rng = random.Random(2)
    bodies = []
    for first in range(0, units, per_request):
        group = range(first, min(first + per_request, units))
        if per_request == 1:
            items = [{"indicator": f"CT-{i:03d}", **_value(rng, i)} for i in range(values)]
            bodies.append(json.dumps({"unit": f"X{first:05d}", "period": PERIOD, "values": items}).encode())
        else:
            items = [{"unit": f"X{c:05d}", "indicator": f"CT-{i:03d}", **_value(rng, i)} for c in group for i in range(values)]
            bodies.append(json.dumps({"period": PERIOD, "values": items}).encode())
    return bodies


def send_all(port: int, headers: dict, bodies: list[bytes], threads: int) -> tuple[float, list[str]]:
    queue = list(enumerate(bodies))
    lock = threading.Lock()
    failures: list[str] = []

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                if not queue:
                    return
                i, body = queue.pop()
            conn.request("POST", "/api/reports/values", body=body, headers={**headers, "Idempotency-Key": f"bench-{i}"})
            resp = conn.getresponse()
            data = resp.read()
            if resp.status != 200:
                with lock:
                    failures.append(f"{i}: HTTP {resp.status} {data[:300]!r}")

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return time.perf_counter() - started, failures


# --- Checks and COPY ---------------------------------------------------------------------


def count_rows(env: dict) -> tuple[int, int]:
    code = (
        "import django; django.setup()\n"
        "from giamsat.reporting.models import Value\n"
        "from giamsat.audit.models import AuditEvent\n"
        f"print(Value.objects.filter(submission__period__kind='month', submission__period__number={int(PERIOD[-2:])}).count(),"
        " AuditEvent.objects.filter(action='save_values').count())"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    stored, events = out.split()
    return int(stored), int(events)


def copy_seconds(bodies: list[bytes]) -> tuple[float, float, int]:
    """Load the same rows with COPY into a table shaped like reporting_value (same indexes),
    then into one that also has reporting_value's two foreign keys (checked at commit, as
    there): the physical limit, and the limit with the integrity the API's table keeps."""
    import psycopg

    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + PG_DB
    rows = []
    with psycopg.connect(url) as conn:
        ids = dict(conn.execute("SELECT code, id FROM kpi_indicator").fetchall())
        subs = dict(conn.execute(
            "SELECT u.code, s.id FROM reporting_submission s JOIN orgs_unit u ON u.id = s.unit_id"
            " JOIN reporting_reportingperiod p ON p.id = s.period_id WHERE p.number = 2").fetchall())
        for body in bodies:
            data = json.loads(body)
            for v in data["values"]:
                sub = subs[v.get("unit", data.get("unit"))]
                rows.append((sub, ids[v["indicator"]], v.get("value"), v.get("numerator"), v.get("denominator"), "", False))
        keys = (
            "ALTER TABLE bench_copy ADD FOREIGN KEY (submission_id) REFERENCES reporting_submission (id) DEFERRABLE INITIALLY DEFERRED,"
            " ADD FOREIGN KEY (indicator_id) REFERENCES kpi_indicator (id) DEFERRABLE INITIALLY DEFERRED"
        )
        elapsed = []
        for extra in ("", keys):
            conn.execute("DROP TABLE IF EXISTS bench_copy")
            conn.execute("CREATE TABLE bench_copy (LIKE reporting_value INCLUDING ALL)")
            if extra:
                conn.execute(extra)
            conn.commit()
            started = time.perf_counter()
            columns = "submission_id, indicator_id, value, numerator, denominator, note, outlier_confirmed"
            with conn.cursor() as cur, cur.copy(f"COPY bench_copy ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()
            elapsed.append(time.perf_counter() - started)
        conn.execute("DROP TABLE bench_copy")
        conn.commit()
    return elapsed[0], elapsed[1], len(rows)


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


# --- One run -----------------------------------------------------------------------------


def run(db: str, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"giamsat-bench-{db}-"))
    env = _env(db, workdir)
    if db == "postgres":
        _pg(f"DROP DATABASE IF EXISTS {PG_DB}")
        _pg(f"CREATE DATABASE {PG_DB}")
    try:
        print(f"[{db}] migrating and building {args.units:,} units × {args.values} indicators …", flush=True)
        subprocess.run([str(VENV_BIN / "giamsat"), "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--setup", "--units", str(args.units), "--values", str(args.values)], env=env, cwd=ROOT, check=True)
        print(f"[{db}] built in {time.perf_counter() - started:.0f} s; building request bodies …", flush=True)
        bodies = build_bodies(args.units, args.values, args.per_request)
        port = _free_port()
        server = start_server(env, port, args)
        try:
            headers = token_headers(workdir)
            print(f"[{db}] sending {len(bodies):,} requests ({sum(map(len, bodies)) / 1e6:.1f} MB) with {args.threads} client threads …", flush=True)
            load_before = os.getloadavg()[0]
            cpu_before, client_before = cpu_seconds(server.pid), time.process_time()
            with DatabaseCPU(PG_DB if db == "postgres" else "") as database_cpu:
                seconds, failures = send_all(port, headers, bodies, args.threads)
            server_cpu, client_cpu = cpu_seconds(server.pid) - cpu_before, time.process_time() - client_before
            load_after = os.getloadavg()[0]
            peak_one, peak_all = peak_rss_mb(server.pid)
        finally:
            stop_server(server)
        if failures:
            print(f"[{db}] {len(failures)} requests failed, first: {failures[0]}")
        stored, events = count_rows(env)
        result = {
            "db": db, "requests": len(bodies), "values": args.units * args.values, "seconds": seconds,
            "values_per_s": args.units * args.values / seconds, "stored": stored, "audit_events": events,
            "failures": len(failures), "peak_worker_mb": peak_one, "peak_server_mb": peak_all,
            "server_cpu_s": server_cpu, "client_cpu_s": client_cpu, "load_before": load_before, "load_after": load_after,
        }
        if db == "postgres":
            result["db_backend_cpu_s"], result["db_shared_cpu_s"] = database_cpu.seconds("backend"), database_cpu.seconds("shared")
        if db == "postgres":
            result["copy_seconds"], result["copy_keys_seconds"], rows = copy_seconds(bodies)
            result["copy_values_per_s"] = rows / result["copy_seconds"]
            result["copy_keys_values_per_s"] = rows / result["copy_keys_seconds"]
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if db == "postgres" and not args.keep:
            _pg(f"DROP DATABASE IF EXISTS {PG_DB}")


def report(results: list[dict], args) -> None:
    print()
    print(f"giamsat bulk API: {args.units:,} units × {args.values} values, {args.per_request} unit(s) per request,"
          f" gunicorn {args.workers} workers{' with gc.freeze()' if args.gc_freeze else ''}, {args.threads} client threads")
    for r in results:
        line = (
            f"  {r['db']:<9} {r['values']:,} values in {r['seconds']:.1f} s = {r['values_per_s']:,.0f} values/s;"
            f" stored {r['stored']:,}, audit events {r['audit_events']:,}, failed requests {r['failures']};"
            f" server peak RSS {r['peak_worker_mb']:.0f} MB per worker, {r['peak_server_mb']:.0f} MB all processes"
        )
        print(line)
        print(f"  {'':<9} server CPU {r['server_cpu_s']:.1f} s = {r['server_cpu_s'] / r['requests'] * 1000:.1f} ms per request"
              f" = {r['server_cpu_s'] / r['values'] * 1e6:.0f} µs per value ({r['values'] / r['server_cpu_s']:,.0f} values per server"
              f" CPU-second); client CPU {r['client_cpu_s']:.1f} s; load average {r['load_before']:.1f} before the run,"
              f" {r['load_after']:.1f} after")
        if "db_backend_cpu_s" in r:
            print(f"  {'':<9} PostgreSQL CPU: bench backends {r['db_backend_cpu_s']:.1f} s = {r['db_backend_cpu_s'] / r['values'] * 1e6:.0f} µs"
                  f" per value, shared processes {r['db_shared_cpu_s']:.1f} s")
        if "copy_seconds" in r:
            print(f"  {'':<9} COPY of the same rows: {r['copy_seconds']:.2f} s = {r['copy_values_per_s']:,.0f} values/s;"
                  f" the API reaches {r['values_per_s'] / r['copy_values_per_s']:.1%} of COPY (COPY is {r['copy_values_per_s'] / r['values_per_s']:.1f}× faster)")
            print(f"  {'':<9} COPY into a table with reporting_value's foreign keys: {r['copy_keys_seconds']:.2f} s ="
                  f" {r['copy_keys_values_per_s']:,.0f} values/s; the API reaches {r['values_per_s'] / r['copy_keys_values_per_s']:.1%} of it")
    goal = all(r["values_per_s"] >= 20000 for r in results)
    print(f"  goal ≥ 20,000 values/s: {'met' if goal else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--units", type=int, default=3400)
    parser.add_argument("--values", type=int, default=150)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--per-request", type=int, default=1, help="communes per request (1 = one request per commune)")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL bench database")
    parser.add_argument("--profile", metavar="DIR", help="profile each server worker with cProfile into DIR (slows the server)")
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() in each worker once the application is loaded")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        setup_database(args.units, args.values)
        return 0
    results = [run(db, args) for db in (["sqlite", "postgres"] if args.db == "both" else [args.db])]
    report(results, args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0 if all(r["failures"] == 0 and r["stored"] == r["values"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
