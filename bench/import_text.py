"""Time the import of one large text (1 MB by default) through ``import_document``.

    python bench/import_text.py [--kb 1024] [--json]

Builds a declaration of synthetic paragraphs (bench/synthetic.py) of the requested size,
imports it into a fresh SQLite bank that already holds the bundled corpus, and reports, in
the same process, the time of the segmenter alone (the baseline), of storing its result
(clauses, index, families), of the whole import, and of a second import of the same text
(which replaces the first). The first store and the import share their clauses: the
import also links them into families.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import Generator  # noqa: E402
from clause_bank.segment import segment_text  # noqa: E402
from clause_bank.store import (  # noqa: E402
    ensure_bundled_corpus,
    import_document,
    store_segmentation,
)
from storage import make_engine, make_sessionmaker, upgrade_schema  # noqa: E402


def large_text(kb: int) -> str:
    """Return a declaration of at least *kb* kilobytes (UTF-8)."""
    generator, size = Generator(seed=7), 50
    while True:
        text, _meta, _paragraphs = generator.declaration(size, 1)
        if len(text.encode("utf-8")) >= kb * 1024:
            return text
        size *= 2


def seconds(function, *args, **kwargs) -> tuple[object, float, float]:
    """Return the result, the wall-clock and the CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=1024)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    text = large_text(args.kb)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bank.sqlite'}")
        upgrade_schema(engine)
        with make_sessionmaker(engine)() as session:
            ensure_bundled_corpus(session)  # also loads the lemmatiser's dictionary
            segmentation, segment_s, segment_cpu = seconds(segment_text, text)
            _, store_s, store_cpu = seconds(
                store_segmentation, session, segmentation, owner_id=None, meta={},
                file_name="stored.txt", source_key="stored.txt", content_sha="0" * 64)
            meta = {"source_key": "large.txt", "title": "Large"}
            document, import_s, import_cpu = seconds(import_document, session, text, meta=meta)
            clauses = len(document.clauses)
            _, again_s, again_cpu = seconds(import_document, session, text, meta=meta)
        engine.dispose()
    report = {
        "kb": round(len(text.encode("utf-8")) / 1024), "paragraphs": len(segmentation.paragraphs),
        "clauses_stored": clauses, "segment_s": round(segment_s, 2),
        "segment_cpu_s": round(segment_cpu, 2), "store_s": round(store_s, 2),
        "store_cpu_s": round(store_cpu, 2), "import_s": round(import_s, 2),
        "import_cpu_s": round(import_cpu, 2), "reimport_s": round(again_s, 2),
        "reimport_cpu_s": round(again_cpu, 2),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                   f"load {os.getloadavg()[0]:.1f}",
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }
    print(json.dumps(report, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
