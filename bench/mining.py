"""Time mining: the bundled corpus, and a ~1 MB synthetic declaration, against a naive baseline.

The baseline runs in the same process on the same texts: read the file and split it into
paragraphs at blank lines (what a segmenter that understands nothing would do). Figures are
ratios to it, plus wall-clock seconds for the record.

    python bench/mining.py [--json] [--size 1000000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clause_bank.readers import read_source  # noqa: E402
from clause_bank.segment import segment_text  # noqa: E402

REPEAT = 9
CORPUS = sorted((ROOT / "clause_bank" / "corpus").glob("*.txt"))


def baseline(path: Path) -> list[str]:
    """Read *path* and split it at blank lines: the naive segmenter."""
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def mine(path: Path) -> int:
    """Read and segment *path*; return the number of paragraphs found."""
    return len(segment_text(read_source(path).text).paragraphs)


def timed(function, *args) -> tuple[float, float]:
    """Return (wall-clock seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def corpus_once(miner) -> tuple[float, float]:
    times = [timed(miner, path) for path in CORPUS]
    return sum(w for w, _ in times), sum(c for _, c in times)


def best(runs) -> tuple[float, float]:
    """Return the least disturbed (wall, CPU) pair: the machine is shared."""
    runs = list(runs)
    return min(w for w, _ in runs), min(c for _, c in runs)


def synthetic(size: int) -> str:
    """Return a UN-style resolution of about *size* characters built from seed sentences."""
    sentences = []
    for path in CORPUS:
        for paragraph in segment_text(path.read_text(encoding="utf-8")).paragraphs:
            body = paragraph.text[len(paragraph.opener or "") :].strip(" ;.,")
            if len(body) > 40:
                sentences.append(body)
    preambular = ["Rappelant", "Réaffirmant", "Consciente", "Profondément préoccupée par le fait",
                  "Prenant note avec satisfaction", "Soulignant", "Reconnaissant"]
    operative = ["Décide", "Prie le Secrétaire général", "Engage les États", "Invite",
                 "Encourage", "Demande instamment", "Souligne", "Se félicite"]
    parts = ["72/999. Résolution de synthèse", "L’Assemblée générale,"]
    size_so_far = [sum(len(p.encode("utf-8")) + 2 for p in parts)]

    def add(paragraph: str) -> None:
        parts.append(paragraph)
        size_so_far[0] += len(paragraph.encode("utf-8")) + 2

    cycle = itertools.cycle(sentences)
    openers = itertools.cycle(preambular)
    while size_so_far[0] < size // 3:
        add(f"{next(openers)} {next(cycle)},")
    openers = itertools.cycle(operative)
    number = 0
    while size_so_far[0] < size:
        number += 1
        add(f"{number}. {next(openers)} {next(cycle)} ;")
        if number % 7 == 0:
            add(f"a) {next(cycle)} ;")
            add(f"b) {next(cycle)} ;")
    parts[-1] = parts[-1].rstrip(" ;") + "."
    return "\n\n".join(parts) + "\n"


def run(size: int) -> dict:
    cold = corpus_once(mine)  # first use: lexicon, rules and lemmatiser are loaded here
    warm = best(corpus_once(mine) for _ in range(REPEAT))
    base = best(corpus_once(baseline) for _ in range(REPEAT))
    text = synthetic(size)
    big = ROOT / "instance" / "bench-synthetic.txt"
    big.parent.mkdir(exist_ok=True)
    big.write_text(text, encoding="utf-8")
    try:
        found = mine(big)
        big_time = best(timed(mine, big) for _ in range(3))
        big_base = best(timed(baseline, big) for _ in range(3))
    finally:
        big.unlink()
    return {
        "corpus_texts": len(CORPUS),
        "corpus_bytes": sum(path.stat().st_size for path in CORPUS),
        "corpus_cold_wall_s": round(cold[0], 3),
        "corpus_cold_cpu_s": round(cold[1], 3),
        "corpus_warm_wall_s": round(warm[0], 4),
        "corpus_warm_cpu_s": round(warm[1], 4),
        "corpus_baseline_cpu_s": round(base[1], 5),
        "corpus_ratio_cpu": round(warm[1] / max(base[1], 1e-6)),
        "synthetic_bytes": len(text.encode("utf-8")),
        "synthetic_paragraphs": found,
        "synthetic_wall_s": round(big_time[0], 3),
        "synthetic_cpu_s": round(big_time[1], 3),
        "synthetic_baseline_cpu_s": round(big_base[1], 4),
        "synthetic_ratio_cpu": round(big_time[1] / max(big_base[1], 1e-6)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--size", type=int, default=1_000_000, help="synthetic text size")
    args = parser.parse_args()
    figures = run(args.size)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for name, value in figures.items():
        print(f"{name:24} {value}")


if __name__ == "__main__":
    main()
