"""Simulated drafters against the app served by gunicorn on 127.0.0.1.

Run: ``.venv/bin/python bench/load.py [--database sqlite|postgresql] [--users 20]
[--duration 60] [--think 2] [--max-requests 100000] [--json]``. Each drafter signs in, then
loops: search the bank (JSON API), open the editor, save an edited paragraph, apply the safe
fixes of the checks, export to Word, pausing ``--think`` seconds on average before each action
as a drafter reading the page would (0: a stress test of back-to-back requests). A static
file fetched in the same run is the baseline. The run is
bounded in time and in requests; every request has a timeout. It reports, per action, the
count, throughput, p50/p95/p99 latency (also as a ratio to the baseline's p50) and errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "load-test password"
QUERIES = ["traite des personnes", "migrations", "travail forcé", "coopération internationale",
           "droits de l'homme", "réaffirmant", "victimes", "protocole de Palerme",
           "esclavage moderne", "développement durable"]
ACTIONS = ("baseline", "sign_in", "search", "open", "save", "check", "export")
TIMEOUT = 30  # seconds for any one request
# Mean pause before each action (uniform from half to one and a half times): a drafter reads
# the page, types, then clicks. 0 turns the run into a stress test of back-to-back requests.
THINK = 2.0
ARRIVALS = 10.0  # seconds over which the drafters sign in, with a think time


class ActionError(RuntimeError):
    """A request that did not give what a drafter expects."""


@dataclass
class Recorder:
    """Latencies and errors per action, shared by the drafters."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ACTIONS})
    errors: dict[str, list[str]] = field(default_factory=lambda: {a: [] for a in ACTIONS})
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, action: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.requests += 1
            (self.errors[action].append(error) if error
             else self.latencies[action].append(seconds))


class Drafter:
    """One browser: its own connection and cookie, its own draft."""

    def __init__(self, port: int, username: str, draft_id: int, recorder: Recorder, seed: int,
                 think: float = 0.0):
        self.think = think
        self.stop, self.limit = threading.Event(), lambda: True  # set by run()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        self.cookie = ""
        self.username, self.draft_id, self.recorder = username, draft_id, recorder
        self.random = random.Random(seed)
        self.counter = 0

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, dict, bytes]:
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # reconnect once: the server may have recycled a worker
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            if header.startswith("session="):
                self.cookie = header.split(";", 1)[0]
        return response.status, response.headers, data

    def timed(self, action: str, step) -> object:
        if self.think:  # the drafter reads the page before the next click
            self.stop.wait(self.random.uniform(0.5, 1.5) * self.think)
        if self.stop.is_set() or not self.limit():
            return None
        start = time.perf_counter()
        try:
            result = step()
        except Exception as error:  # every failure is counted, none stops the run
            self.recorder.add(action, 0.0, f"{type(error).__name__}: {error}"[:200])
            return None
        self.recorder.add(action, time.perf_counter() - start, None)
        return result

    def form_post(self, path: str, fields: list[tuple[str, str]]):
        return self.request("POST", path, urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    # ---- actions ----------------------------------------------------------------------
    def sign_in(self) -> None:
        status, _, page = self.request("GET", "/auth/login")
        token = _csrf(page)
        status, headers, _ = self.form_post("/auth/login", [
            ("csrf_token", token), ("username", self.username), ("password", PASSWORD)])
        if status != 302 or "/auth/login" in headers.get("Location", ""):
            raise ActionError(f"sign-in answered {status}")

    def baseline(self) -> None:
        _expect(self.request("GET", "/static/app.css"), 200)

    def search(self) -> None:
        query = urlencode({"q": self.random.choice(QUERIES), "limit": 20})
        status, headers, data = self.request("GET", f"/api/clauses?{query}")
        _expect((status, headers, data), 200)
        if "hits" not in json.loads(data):
            raise ActionError("search answered without hits")

    def open(self) -> bytes:
        status, headers, page = self.request("GET", f"/drafts/{self.draft_id}")
        _expect((status, headers, page), 200)
        return page

    def save(self, page: bytes, action: str = "save") -> None:
        fields = _editor_fields(page, self.draft_id)
        self.counter += 1
        for index, (name, value) in enumerate(fields):
            if name.startswith("text-"):  # edit the first paragraph, as a drafter would
                fields[index] = (name, f"{value.split(' [v')[0]} [v{self.counter}]")
                break
        fields.append(("action", action))
        status, headers, data = self.form_post(f"/drafts/{self.draft_id}", fields)
        if status != 303:
            raise ActionError(f"{action} answered {status}: {data[-200:]!r}")

    def export(self) -> None:
        status, headers, data = self.request(
            "GET", f"/drafts/{self.draft_id}/export/download?format=docx&house_style=")
        _expect((status, headers, data), 200)
        if not data.startswith(b"PK"):
            raise ActionError("export did not return a .docx")

    def run(self, stop: threading.Event, limit, arrival: float) -> None:
        self.stop, self.limit = stop, limit
        stop.wait(arrival)  # drafters come in one by one, not all in the same second
        if self.timed("sign_in", self.sign_in) is None and not self.cookie:
            return
        while not stop.is_set() and limit():
            self.timed("baseline", self.baseline)
            self.timed("search", self.search)
            page = self.timed("open", self.open)
            if page is not None:
                self.timed("save", lambda page=page: self.save(page))
                page = self.timed("open", self.open)  # the page after the save
                if page is not None:
                    self.timed("check", lambda page=page: self.save(page, "fixall"))
            self.timed("export", self.export)
        self.connection.close()


def _expect(response, status: int) -> None:
    if response[0] != status:
        raise ActionError(f"answered {response[0]}, expected {status}")


def _csrf(page: bytes) -> str:
    match = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page)
    if match is None:
        raise ActionError("no CSRF token on the page")
    return match.group(1).decode()


def _editor_fields(page: bytes, draft_id: int) -> list[tuple[str, str]]:
    import lxml.html

    for form in lxml.html.fromstring(page).forms:
        if form.action and form.action.rstrip("/").endswith(f"/drafts/{draft_id}"):
            return list(form.form_values())
    raise ActionError("no editor form on the page")


# ---- set-up: database, accounts, drafts, server -----------------------------------------
def prepare_database(url: str, users: int) -> list[tuple[str, int]]:
    """Migrate, seed the bank, create the drafters and one draft each; return (name, id)."""
    from sqlalchemy import select

    import accounts
    from drafts import store
    from drafts.model import Paragraph
    from drafts.starters import new_draft
    from storage import make_engine, make_sessionmaker, upgrade_schema
    from storage.models import Clause

    engine = make_engine(url)
    upgrade_schema(engine)
    sessions = make_sessionmaker(engine)
    made = []
    with sessions() as session:
        from clause_bank.store import ensure_bundled_corpus

        ensure_bundled_corpus(session)
        # Real clauses of the bundled corpus: the checks and the export see real text.
        pool = list(session.scalars(select(Clause.text).order_by(Clause.id).limit(200)))
        for index in range(users):
            name = f"drafter{index:02d}"
            user = accounts.create_user(session, name, PASSWORD)
            draft = new_draft("ministerial", title=f"Déclaration de charge {index}")
            draft.preambular = [Paragraph(text) for text in pool[index:index + 8]]
            draft.operative = [Paragraph(text) for text in pool[index + 8:index + 23]]
            draft_id = store.create_draft(session, draft, owner_id=user.id)
            made.append((name, draft_id))
    engine.dispose()
    return made


def start_server(url: str, workers: int, threads: int, instance: Path) -> tuple:
    """Start gunicorn with the project's configuration on a free port; return (process, port)."""
    port = _free_port()
    env = dict(os.environ, DATABASE_URL=url, DRAFTING_SECRET_KEY="load-bench-only",
               DRAFTING_BIND=f"127.0.0.1:{port}", DRAFTING_WORKERS=str(workers),
               DRAFTING_THREADS=str(threads))
    log = open(instance / "gunicorn.log", "w")  # noqa: SIM115 - closed with the server
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
         "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {(instance / 'gunicorn.log').read_text()}")
        try:  # ready when a worker answers, not when the master listens
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/static/app.css")
            if connection.getresponse().status == 200:
                connection.close()
                return process, port, log
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
    stop_server(process, log)
    raise RuntimeError("gunicorn did not start within 120 s")


def stop_server(process, log) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # our own session: gunicorn and its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    log.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---- the run ----------------------------------------------------------------------------
def run_load(*, database: str = "sqlite", users: int = 20, duration: float = 60.0,
             max_requests: int = 100_000, workers: int | None = None, threads: int = 4,
             think: float = THINK, database_url: str | None = None) -> dict:
    """Set up, run the drafters, tear down; return the report.

    Without *database_url*, a fresh SQLite file or a throw-away PostgreSQL cluster is used.
    """
    with tempfile.TemporaryDirectory(prefix="drafting-load-") as folder:
        folder = Path(folder)
        cluster = None
        if database_url is not None:
            url = database_url
            database = "postgresql" if url.startswith("postgres") else "sqlite"
        elif database == "postgresql":
            from tests.pgcluster import PostgresCluster

            cluster = PostgresCluster()
            cluster.start()
            url = cluster.url(cluster.create_database())
        else:
            url = f"sqlite:///{folder / 'load.sqlite'}"
        try:
            drafters = prepare_database(url, users)
            process, port, log = start_server(url, workers or (os.cpu_count() or 2) + 1,
                                              threads, folder)
            try:
                report = _drive(port, drafters, duration, max_requests, think)
            finally:
                stop_server(process, log)
        finally:
            if cluster is not None:
                cluster.stop()
    report.update(database=database, users=users, duration_limit_s=duration,
                  max_requests=max_requests, think_s=think)
    return report


def _drive(port: int, drafters: list[tuple[str, int]], duration: float,
           max_requests: int, think: float) -> dict:
    recorder, stop = Recorder(), threading.Event()
    spread = min(ARRIVALS, duration / 6) if think else 0.0
    threads = [threading.Thread(target=Drafter(port, name, draft_id, recorder, seed,
                                               think).run,
                                args=(stop, lambda: recorder.requests < max_requests,
                                      spread * seed / len(drafters)))
               for seed, (name, draft_id) in enumerate(drafters)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    stop.wait(duration)
    stop.set()
    for thread in threads:
        thread.join(timeout=TIMEOUT * 3)
    elapsed = time.perf_counter() - start
    return {"elapsed_s": round(elapsed, 1), "requests": recorder.requests,
            "actions": _summary(recorder, elapsed)}


def _summary(recorder: Recorder, elapsed: float) -> dict:
    base = _percentile(recorder.latencies["baseline"], 50) or None
    summary = {}
    for action in ACTIONS:
        times = recorder.latencies[action]
        p50 = _percentile(times, 50)
        summary[action] = {
            "count": len(times), "errors": len(recorder.errors[action]),
            "per_s": round(len(times) / elapsed, 1),
            "p50_ms": round(p50 * 1000, 1), "p95_ms": round(_percentile(times, 95) * 1000, 1),
            "p99_ms": round(_percentile(times, 99) * 1000, 1),
            "x_baseline": round(p50 / base, 1) if base else None,
            "first_errors": recorder.errors[action][:3],
        }
    return summary


def _percentile(values: list[float], q: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def print_report(report: dict) -> None:
    print(f"{report['database']}: {report['users']} drafters, think {report['think_s']} s, "
          f"{report['elapsed_s']} s, {report['requests']} requests")
    print(f"{'action':10} {'count':>6} {'per s':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'x base':>7} {'errors':>6}")
    for action, row in report["actions"].items():
        print(f"{action:10} {row['count']:6} {row['per_s']:6} {row['p50_ms']:8} "
              f"{row['p95_ms']:8} {row['p99_ms']:8} {row['x_baseline'] or '':>7} "
              f"{row['errors']:6}")
        for error in row["first_errors"]:
            print(f"    {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--think", type=float, default=THINK,
                        help="Mean pause before each action, in seconds (0: stress test).")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args()
    report = run_load(database=args.database, users=args.users, duration=args.duration,
                      max_requests=args.max_requests, workers=args.workers,
                      threads=args.threads, think=args.think)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
