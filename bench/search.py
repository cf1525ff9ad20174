"""Benchmark the clause bank's search against brute force, on synthetic banks.

    python bench/search.py --size 100000 [--json] [--db PATH] [--keep]

Builds a bank of SIZE clauses (bench/synthetic.py) through the normal import path
(``import_document`` on each declaration's text), then runs 20 representative queries and
measures, in the same process: our search (p50/p95); brute-force rapidfuzz with the same
score over every clause; a naive difflib scan on a subsample, extrapolated; recall@10 of our
search against the brute-force ranking (a hit scoring as high as the brute force's tenth
counts: among equal scores any is as good; the strict figure, which requires the same ids,
is reported beside it); build time and database size.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.queries import make_queries  # noqa: E402
from bench.synthetic import Generator  # noqa: E402
from clause_bank import index  # noqa: E402
from clause_bank.model import Segmentation, SegmentedParagraph  # noqa: E402
from clause_bank.query import parse  # noqa: E402
from clause_bank.search import MIN_COVERAGE, combine, search  # noqa: E402
from clause_bank.store import import_document, store_segmentation  # noqa: E402
from storage import make_engine, make_sessionmaker, upgrade_schema  # noqa: E402
from storage.models import Clause  # noqa: E402

WORD = re.compile(r"[^\W\d_]+")
DOC_SIZE = 50  # paragraphs per synthetic declaration
DIFFLIB_SAMPLE = 2_000
REPEAT = 5  # each query is timed this many times; its median counts
BRUTE_REPEAT = 1  # brute force takes seconds a query: once is precise enough


def build(session, size: int, seed: int, *, direct: bool = False) -> tuple[float, list]:
    """Import SIZE clauses of synthetic declarations; return seconds and the paragraphs."""
    generator = Generator(seed)
    paragraphs, started, number = [], time.perf_counter(), 0
    while len(paragraphs) < size:
        number += 1
        text, meta, drawn = generator.declaration(min(DOC_SIZE, size - len(paragraphs)), number)
        if direct:
            _store_direct(session, text, meta, drawn)
        else:
            import_document(session, text, meta=meta)
        paragraphs += drawn
        if number % 200 == 0:
            print(f"  {len(paragraphs)} clauses, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)
    return time.perf_counter() - started, paragraphs


def _store_direct(session, text: str, meta: dict, drawn: list) -> None:
    """Store the generated paragraphs without segmenting (isolates the segmenter's cost)."""
    segmentation = Segmentation(paragraphs=[
        SegmentedParagraph(kind=p.kind, text=f"{p.opener} {p.body}", opener=p.opener)
        for p in drawn
    ])
    meta = dict(meta)
    key = meta.pop("source_key")
    store_segmentation(session, segmentation, owner_id=None, meta=meta, file_name=key,
                       source_key=key, content_sha=hashlib.sha256(text.encode()).hexdigest())


def timed(function, *args, repeat: int = REPEAT, **kwargs):
    """Return (result, wall ms, CPU ms), medians of *repeat* calls.

    CPU time is reported beside wall-clock time because the machine is shared: under load,
    wall-clock time grows with the other processes' work, CPU time much less.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(*args, **kwargs)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return result, statistics.median(walls), statistics.median(cpus)


def brute_force(query: list[str], clauses: list[list[str]],
                ids: list[int]) -> tuple[list[int], set[int]]:
    """Return the ten best clause ids by ``clause_bank.search.score`` over every clause, and
    every clause that scores as high as the tenth (ties: any of them is as good an answer)."""
    if not query:
        return [], set()
    wanted = set(query)
    orders = process.extract(query, clauses, scorer=fuzz.partial_ratio, limit=None)
    scored = []
    for terms, order, position in orders:
        coverage = len(wanted.intersection(terms)) / len(wanted)
        if coverage < MIN_COVERAGE:
            continue
        scored.append((-combine(order, coverage, len(terms)), -ids[position]))
    scored.sort()
    best = [-negative_id for _, negative_id in scored[:10]]
    tenth = scored[len(best) - 1][0] if best else 0
    return best, {-negative_id for value, negative_id in scored if value <= tenth}


def naive_difflib(query: str, texts: list[str]) -> None:
    """Compare the query with each text as a naive implementation would."""
    folded = query.lower()
    for text in texts:
        difflib.SequenceMatcher(None, folded, text.lower()).ratio()


def measure(session, queries: list[dict], total: int) -> dict:
    """Run every query with our search, brute force and difflib; return the figures."""
    rows = session.execute(select(Clause.id, Clause.norm, Clause.text).order_by(Clause.id)).all()
    ids, clauses = [r.id for r in rows], [r.norm.split() for r in rows]
    sample = [r.text for r in rows[:: max(1, len(rows) // DIFFLIB_SAMPLE)]][:DIFFLIB_SAMPLE]
    vocabulary = index.vocabulary(session)  # loaded once, as a running app has it
    search(session, queries[0]["q"], limit=10)  # warm the caches
    ours, ours_cpu, brute, brute_cpu, naive, recalls, detail = [], [], [], [], [], [], []
    stricts = []
    for query in queries:
        result, ms, cpu = timed(search, session, query["q"], limit=10)
        ours.append(ms)
        ours_cpu.append(cpu)
        processed = parse(query["q"], vocabulary).terms
        best, brute_ms, brute_ms_cpu = timed(brute_force, processed, clauses, ids,
                                             repeat=BRUTE_REPEAT)
        brute.append(brute_ms)
        brute_cpu.append(brute_ms_cpu)
        _, _, difflib_cpu = timed(naive_difflib, query["q"], sample, repeat=1)
        naive.append(difflib_cpu * total / len(sample))
        best, as_good = best
        found = {hit.clause_id for hit in result.hits}
        strict = len(found & set(best)) / len(best) if best else 1.0
        recall = min(len(best), len(found & as_good)) / len(best) if best else 1.0
        recalls.append(recall)
        stricts.append(strict)
        detail.append({"q": query["q"][:60], "kind": query["kind"], "ms": round(ms, 2),
                       "cpu_ms": round(cpu, 2), "bruteforce_ms": round(brute_ms, 1),
                       "recall": recall, "strict_recall": strict})
    return {
        "p50_ms": round(statistics.median(ours), 2),
        "p95_ms": round(_percentile(ours, 95), 2),
        "p50_cpu_ms": round(statistics.median(ours_cpu), 2),
        "p95_cpu_ms": round(_percentile(ours_cpu, 95), 2),
        "bruteforce_p50_ms": round(statistics.median(brute), 1),
        "bruteforce_p95_ms": round(_percentile(brute, 95), 1),
        "bruteforce_p50_cpu_ms": round(statistics.median(brute_cpu), 1),
        "difflib_p50_cpu_ms": round(statistics.median(naive), 1),
        "recall_at_10": round(statistics.mean(recalls), 3),
        "strict_recall_at_10": round(statistics.mean(stricts), 3),
        "speedup_vs_bruteforce": round(statistics.median(brute_cpu) /
                                       statistics.median(ours_cpu), 1),
        "queries": detail,
    }


def _percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def database_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--db", type=Path, help="SQLite file to build (default: a temp file)")
    parser.add_argument("--reuse", action="store_true", help="measure an existing --db")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--direct", action="store_true",
                        help="store generated paragraphs without the segmenter")
    return parser.parse_args()


def run(args: argparse.Namespace, path: Path) -> dict:
    """Build (unless reusing) and measure the bank at *path*; return the report."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    load_before = os.getloadavg()[0]
    report: dict = {"build_s": None, "build_cpu_s": None, "distinct_words": None}
    with make_sessionmaker(engine)() as session:
        if not args.reuse:
            cpu = time.process_time()
            build_s, paragraphs = build(session, args.size, args.seed, direct=args.direct)
            report["build_s"] = round(build_s, 1)
            report["build_cpu_s"] = round(time.process_time() - cpu, 1)
            report["distinct_words"] = len({w.lower() for p in paragraphs
                                            for w in WORD.findall(f"{p.opener} {p.body}")})
        total = session.scalar(select(func.count(Clause.id)))
        figures = measure(session, make_queries(session, seed=args.seed), total)
        report["distinct_terms"] = len(index.vocabulary(session).counts)
    engine.dispose()
    return {
        "size": total, **report,
        "clauses_per_s": round(total / report["build_s"]) if report["build_s"] else None,
        "path": "store_segmentation (no segmenter)" if args.direct else "import_document",
        "db_mb": round(database_size(path) / 2**20, 1), **figures,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                   f"Python {platform.python_version()}, SQLite {_sqlite_version()}",
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }


def main() -> None:
    args = arguments()
    path = args.db or Path(tempfile.mkdtemp(prefix="bench-search-")) / "bank.sqlite"
    if not args.reuse:
        for old in path.parent.glob(path.name + "*"):
            old.unlink()
    report = run(args, path)
    print(json.dumps(report) if args.json else json.dumps(report, indent=2, ensure_ascii=False))
    if not args.db:
        for old in path.parent.glob(path.name + "*"):
            old.unlink()
        path.parent.rmdir()


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


if __name__ == "__main__":
    main()
