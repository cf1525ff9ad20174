"""Time the editor page for a 40-preambular / 300-operative draft, server side.

Run: ``.venv/bin/python bench/render.py [--json]``. The app runs in this process on a fresh
SQLite file (bank built from the bundled corpus); the page is fetched through the Flask test
client as a signed-in user, so the figure covers the whole request: access check, loading the
revision, the checks panel (from the cache the save fills), the bank's source list and the
template. Baselines in the same process, timed in turn with the page so that a busy
machine slows all three alike: the same paragraphs written out by a bare template (one text
area each, nothing else), the least any editor page must do; and the sign-in page, the least
any request costs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import render_template_string  # noqa: E402

from bench.draft_store import big_draft  # noqa: E402
from drafting import create_app  # noqa: E402
from drafts import store  # noqa: E402
from drafts.model import Provenance  # noqa: E402

RUNS = 41
PASSWORD = "bench password 1"
BARE = """<!doctype html><form method="post">{% for p in draft.preambular %}
<textarea name="text-{{ p.id }}">{{ p.text }}</textarea>{% endfor %}{% for p in draft.operative %}
<textarea name="text-{{ p.id }}">{{ p.text }}</textarea>{% endfor %}</form>"""


def bench_draft():
    """Return the 40 PP / 300 OP draft, one paragraph in five inserted from the bank."""
    draft = big_draft()
    draft.voice, draft.house_style = "first_plural", "oif"
    for n, paragraph in enumerate(draft.preambular + draft.operative):
        if n % 5 == 0:
            paragraph.provenance = Provenance(clause_id=None, source="Déclaration de Paris",
                                              position=f"OP{n}", precedent_text=paragraph.text)
    return draft


def timings(actions: dict, runs: int = RUNS) -> dict[str, list[float]]:
    """Return wall and CPU times of each action in milliseconds, the actions taken in turn.

    CPU time (``time.process_time``: the request runs in this process) says what the page
    costs when other processes share the cores; wall time says what a drafter waits.
    """
    found: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, action in actions.items():
            wall, cpu = time.perf_counter(), time.process_time()
            action()
            found.setdefault(name, []).append((time.perf_counter() - wall) * 1000)
            found.setdefault(f"{name}_cpu", []).append((time.process_time() - cpu) * 1000)
    return found


def sign_in(client) -> None:
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    client.post("/auth/login", data={"username": "bench", "password": PASSWORD,
                                     "csrf_token": token})


def measure() -> dict:
    """Return the figures: page (cold checks, warm), bare baseline, page size."""
    import accounts

    folder = tempfile.mkdtemp(prefix="bench-render-")
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "BOOTSTRAP": True,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite"})
    draft = bench_draft()
    with app.extensions["sessionmaker"]() as session:
        user = accounts.create_user(session, "bench", PASSWORD)
        draft_id = store.create_draft(session, draft, owner_id=user.id)
    client = app.test_client()
    sign_in(client)
    url = f"/drafts/{draft_id}"
    start = time.perf_counter()
    response = client.get(url)  # first view: the checks run once and are kept
    cold = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, response.status_code
    def bare() -> None:
        with app.test_request_context():  # its own, so the page's requests keep theirs
            render_template_string(BARE, draft=draft)

    found = timings({
        "page": lambda: client.get(url).get_data(),
        "bare": bare,
        "sign_in": lambda: client.get("/auth/login").get_data(),
    })
    app.extensions["engine"].dispose()
    page = found["page"]
    median = statistics.median(page)
    baseline = statistics.median(found["bare"])
    return {
        "paragraphs": len(draft.preambular) + len(draft.operative),
        "page_bytes": len(response.data),
        "first_view_ms": round(cold, 1),
        "median_ms": round(median, 1),
        "p95_ms": round(sorted(page)[int(len(page) * 0.95) - 1], 1),
        "baseline_ms": round(baseline, 2),
        "ratio": round(median / baseline, 1),
        "cpu_ms": round(statistics.median(found["page_cpu"]), 1),
        "baseline_cpu_ms": round(statistics.median(found["bare_cpu"]), 2),
        "sign_in_page_ms": round(statistics.median(found["sign_in"]), 1),
        "target_ms": 50,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}",
        "date": datetime.now(UTC).date().isoformat(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    figures = measure()
    if args.json:
        print(json.dumps(figures))
        return
    print(f"editor page, {figures['paragraphs']} paragraphs, {figures['page_bytes']} bytes")
    print(f"  first view (checks run): {figures['first_view_ms']} ms")
    print(f"  median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms "
          f"(target ≤ {figures['target_ms']} ms); CPU {figures['cpu_ms']} ms")
    print(f"  baseline (bare template): {figures['baseline_ms']} ms, "
          f"CPU {figures['baseline_cpu_ms']} ms → × {figures['ratio']}")
    print(f"  sign-in page (any request): {figures['sign_in_page_ms']} ms")


if __name__ == "__main__":
    main()
