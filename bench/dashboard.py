"""Server time of the dashboards at national scale, and how soon an approval shows.

    # PostgreSQL, national scale (after: giamsat simulate --scale 1 into that database)
    .venv/bin/python bench/dashboard.py --database-url postgres://postgres@127.0.0.1:5432/giamsat_national

    # SQLite, provincial scale, the embedded default (after: giamsat simulate --province 01)
    .venv/bin/python bench/dashboard.py --sqlite var/bench/province.sqlite3

It starts a real server (gunicorn, one worker, one thread) on 127.0.0.1, logs in as the
simulated leaders, and requests each page or endpoint ``--requests`` times after two
warm-up requests, through real HTTP: the national dashboard page and its ranking part
(loaded by the page over HTMX), a provincial page and ranking part, the national
dashboard as JSON, the national roll-up of one indicator and the public page of the
nation and of the province, without login (a ranking is remembered
until its data change, so these repeated requests mostly find it remembered; the
"right after a change" rows measure the other case: each request follows an approval).
It approves a submitted report through the reporting API and polls the national roll-up
until it counts the report, then approves up to ``--requests`` more, one before each
pair of ranking requests. So that every run has reports to approve, it first sets
``--resubmit`` (default 30) approved reports of the province's communes back to
submitted, straight in the table: use it on a bench database only. It prints p50, p95 and max, the time to visible, and the peak
resident memory (VmHWM) of the server processes, and writes them to
``var/bench/dashboard-<database>.json``. Only loopback traffic; every loop is bounded.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PASSWORD = "mo-phong-giamsat-2026"  # noqa: S105 - the simulated database's printed demo password
INDICATOR = "TL-001"  # share of residents with a level-2 e-ID account (a ratio roll-up)


def _env(args) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "GIAMSAT_SQLITE_PATH")}
    env.update({"DJANGO_SETTINGS_MODULE": "giamsat.settings", "DEBUG": "false", "PYTHONPATH": str(ROOT)})
    if args.sqlite:
        env["GIAMSAT_SQLITE_PATH"] = str(Path(args.sqlite).resolve())
    else:
        env["DATABASE_URL"] = args.database_url
    return env


def prepare(args) -> dict:
    """In a child process with Django: the ids, a token per leader, a report to approve."""
    code = r'''
import json, os, django
django.setup()
from django.contrib.auth import get_user_model
from giamsat.orgs import tokens
from giamsat.orgs.models import Unit
from giamsat.reporting.models import ReportingPeriod, Submission
from giamsat.reporting.rules import period_code
users = get_user_model().objects
nation = Unit.objects.get(code="VN")
province = Unit.objects.filter(parent=nation, level="province").order_by("admin_code").first()
period = ReportingPeriod.objects.filter(kind="month", submissions__status="approved").order_by("-end").first()
resubmit = int(os.environ.get("BENCH_RESUBMIT", "0"))
if resubmit:  # approvals to measure: set approved reports back to submitted, straight in the table
    from django.db.models import Exists, F, OuterRef
    from giamsat.evaluation import rollup
    from giamsat.reporting.models import Value
    again = (Submission.objects.filter(status="approved", period=period, unit__parent=province, unit__kind="area")
             .filter(Exists(Value.objects.filter(submission=OuterRef("pk")))).order_by("unit__admin_code"))
    Submission.objects.filter(pk__in=list(again.values_list("pk", flat=True)[:resubmit])).update(
        status="submitted", version=F("version") + 1)
    rollup.refresh()  # the roll-up cache lets go of them
submitted = list(Submission.objects.filter(status="submitted", period=period, unit__path__startswith=province.path)
                 .select_related("unit").order_by("unit__admin_code")[:41])
submitted = [s for s in submitted if s.values.exists()]  # a report with values changes the roll-ups
pending = submitted[0] if submitted else None
out = {
    "nation": nation.pk, "province": province.pk, "province_name": province.name,
    "period": period_code(period.kind, period.year, period.number), "period_id": period.pk,
    "national_token": tokens.create_token(users.get(username="tw_lanhdao"), "bench/dashboard")[1],
    "province_token": tokens.create_token(users.get(username="t%s_lanhdao" % province.admin_code), "bench/dashboard")[1],
    "province_user": "t%s_lanhdao" % province.admin_code,
    "pending": {"unit": pending.unit.code, "version": pending.version} if pending else None,
    "more": [{"unit": s.unit.code, "version": s.version} for s in submitted[1:]],
}
print("BENCH" + json.dumps(out))
'''
    env = _env(args) | {"BENCH_RESUBMIT": str(args.resubmit)}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)
    if done.returncode != 0:
        sys.exit(f"Could not read the database:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.split("BENCH", 1)[1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, port: int) -> subprocess.Popen:
    cmd = [str(VENV_BIN / "gunicorn"), "giamsat.wsgi:application", "--bind", f"127.0.0.1:{port}",
           "--workers", "1", "--threads", "1", "--timeout", "300", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    sys.exit("The server did not start.")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def peak_rss_mb(pid: int) -> dict:
    """VmHWM (peak resident size) of the master and each worker, in MB."""
    found = {}
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        try:
            m = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{p}/status").read_text())
        except OSError:
            continue
        if m:
            found["master" if p == pid else f"worker {p}"] = round(int(m.group(1)) / 1024, 1)
    return found


class Browser:
    """One keep-alive connection with cookies (a logged-in session) or a bearer token."""

    def __init__(self, port: int, token: str = ""):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        self.cookies: dict[str, str] = {}
        self.token = token

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, data

    def login(self, username: str) -> None:
        _, page = self.request("GET", "/dang-nhap/")
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf}).encode()
        status, _ = self.request("POST", "/dang-nhap/", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                               "Referer": "http://127.0.0.1/dang-nhap/"})
        if status != 302:
            sys.exit(f"Could not log in as {username} (status {status}).")


def timed(client: Browser, path: str, n: int, headers: dict | None = None) -> dict:
    for _ in range(2):  # warm up
        status, _ = client.request("GET", path, headers=headers)
        if status != 200:
            sys.exit(f"GET {path} answered {status}.")
    times = []
    for _ in range(n):
        start = time.perf_counter()
        client.request("GET", path, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50": round(statistics.median(times)), "p95": round(times[max(0, int(len(times) * 0.95 + 0.5) - 1)]),
            "max": round(times[-1]), "n": n}


def approval_visible(api: Browser, approver: Browser, ids: dict) -> dict | None:
    """Approve a submitted report through the reporting API; poll the national roll-up."""
    pending = ids["pending"]
    if pending is None:
        return None
    rollup = f"/api/evaluation/units/{ids['nation']}/rollup?" + urlencode({"indicator": INDICATOR, "period": ids["period_id"]})
    before = json.loads(api.request("GET", rollup)[1])["units_reporting"]
    start = time.perf_counter()
    status, body = approver.request("POST", f"/api/reports/{pending['unit']}/{ids['period']}/approve",
                                    json.dumps({"version": pending["version"]}).encode(),
                                    {"Content-Type": "application/json"})
    approved = time.perf_counter()
    if status != 200:
        return {"error": f"approve answered {status}: {body[:300].decode(errors='replace')}"}
    polls = 0
    while time.perf_counter() - approved < 30:
        polls += 1
        now = json.loads(api.request("GET", rollup)[1])["units_reporting"]
        if now == before + 1:
            seen = time.perf_counter()
            return {"approve_ms": round((approved - start) * 1000), "visible_after_ms": round((seen - approved) * 1000),
                    "polls": polls, "units_reporting": [before, now]}
        time.sleep(0.05)
    return {"error": "not visible after 30 s"}


def after_changes(approver: Browser, national: Browser, provincial: Browser, ids: dict, n: int) -> dict:
    """The ranking parts right after a change of the data: up to ``n`` times, another
    submitted report of the province is approved through the reporting API (each
    approval moves the roll-up cache's generation, so nothing remembered applies), then
    both ranking parts are requested once."""
    hx = {"HX-Request": "true"}
    paths = {"national ranking part": f"/danh-gia/don-vi/{ids['nation']}/xep-hang/",
             "provincial ranking part": f"/danh-gia/don-vi/{ids['province']}/xep-hang/"}
    times: dict[str, list[float]] = {name: [] for name in paths}
    more = ids["more"][:n]
    if not more:
        return {}
    for report in more:  # each approval moves the roll-up cache's generation
        status, answer = approver.request("POST", f"/api/reports/{report['unit']}/{ids['period']}/approve",
                                          json.dumps({"version": report["version"]}).encode(),
                                          {"Content-Type": "application/json"})
        if status != 200:
            return {"after a change": {"error": f"approve answered {status}: {answer[:300].decode(errors='replace')}"}}
        for name, path in paths.items():
            start = time.perf_counter()
            (national if name.startswith("national") else provincial).request("GET", path, headers=hx)
            times[name].append((time.perf_counter() - start) * 1000)
    result = {}
    for name, values in times.items():
        values.sort()
        result[name + " right after a change"] = {
            "p50": round(statistics.median(values)), "p95": round(values[max(0, int(len(values) * 0.95 + 0.5) - 1)]),
            "max": round(values[-1]), "n": len(values)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--database-url", help="a PostgreSQL database filled by giamsat simulate")
    where.add_argument("--sqlite", help="a SQLite file filled by giamsat simulate --province CODE")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--resubmit", type=int, default=30, metavar="N",
                        help="first set up to N approved reports of the province's communes for the latest month back"
                             " to submitted (straight in the table: a bench database only), so that each run has"
                             " approvals to measure 'right after a change' with (0: leave the reports alone)")
    args = parser.parse_args()
    ids = prepare(args)
    port = _free_port()
    server = start_server(_env(args), port)
    try:
        national, provincial = Browser(port), Browser(port)
        national.login("tw_lanhdao")
        provincial.login(ids["province_user"])
        api = Browser(port, ids["national_token"])
        hx = {"HX-Request": "true"}
        results = {
            "national page": timed(national, f"/danh-gia/don-vi/{ids['nation']}/", args.requests),
            "national ranking part": timed(national, f"/danh-gia/don-vi/{ids['nation']}/xep-hang/", args.requests, hx),
            "provincial page": timed(provincial, f"/danh-gia/don-vi/{ids['province']}/", args.requests),
            "provincial ranking part": timed(provincial, f"/danh-gia/don-vi/{ids['province']}/xep-hang/", args.requests, hx),
            "national dashboard JSON": timed(api, f"/api/evaluation/units/{ids['nation']}/dashboard", args.requests),
            f"national roll-up of {INDICATOR}": timed(
                api, f"/api/evaluation/units/{ids['nation']}/rollup?indicator={INDICATOR}", args.requests),
            "public page, nation (no login)": timed(Browser(port), f"/danh-gia/cong-khai/{ids['nation']}/", args.requests),
            "public page, province (no login)": timed(Browser(port), f"/danh-gia/cong-khai/{ids['province']}/",
                                                      args.requests),
        }
        approver = Browser(port, ids["province_token"])
        approval = approval_visible(api, approver, ids)
        if approval and "error" not in approval:  # the approver may approve
            results |= after_changes(approver, national, provincial, ids, args.requests)
        memory = peak_rss_mb(server.pid)
    finally:
        stop_server(server)
    database = "sqlite" if args.sqlite else "postgresql"
    print(f"\n{database}: {ids['province_name']} as the province, period {ids['period']}")
    print(f"{'':52} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, r in results.items():
        if "error" in r:
            print(f"{name:52} {r['error']}")
            continue
        print(f"{name:52} {r['p50']:>8} {r['p95']:>8} {r['max']:>8}")
    print(f"approval visible in the national roll-up: {approval}")
    print(f"peak resident memory (MB): {memory}")
    load = os.getloadavg()
    print(f"load average during the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    out = ROOT / "var" / "bench" / f"dashboard-{database}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"results": results, "approval": approval, "memory_mb": memory, "ids": {
        k: v for k, v in ids.items() if "token" not in k}, "load": load}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
