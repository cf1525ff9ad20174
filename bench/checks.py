"""Time all checks on a 300-paragraph draft, and near-duplicates against naive difflib.

    python -m bench.checks [--paragraphs 300] [--runs 7]

(Run it as a module: as a script, ``import checks`` would find this file.)
The draft is made of the clean evaluation drafts' paragraphs, recombined so that no two
are alike; the bank context holds all of them. Near-duplicates are found by sorting each
paragraph's words once, then ``fuzz.ratio`` with a score cutoff over all pairs through
``process.cdist``; the baseline scores every pair with ``difflib.SequenceMatcher`` in the
same run, on the same sorted-word strings.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import os
import platform
import random
import re
import statistics
import time

from bench.checks_eval import clause_texts, load_drafts
from checks import REGISTRY, build_context, run_checks
from checks.reading import Reading
from checks.rules.similarity import DUPLICATE_CUTOFF, check_duplicate, sorted_words
from drafts.model import Draft, Paragraph
from drafts.voice import adapt_opener


def big_draft(paragraphs: int = 300, *, seed: int = 0) -> Draft:
    """Return a French « Nous » draft of *paragraphs* paragraphs, two fifths preambular.

    Each paragraph joins two precedents, its opener put in the draft's voice as the editor
    does when a precedent is inserted.
    """
    drafts = load_drafts()
    french = [d for d in drafts.values() if d.language == "fr"]
    rng = random.Random(seed)
    sources = {"preambular": [p.text for d in french for p in d.preambular],
               "operative": [p.text for d in french for p in d.operative]}
    chapeau = drafts["seed_000_oif_paris"].chapeau
    draft = Draft(title="Déclaration de synthèse", chapeau=chapeau)
    for n in range(paragraphs):
        part = "preambular" if n < paragraphs * 2 // 5 else "operative"
        text = adapt_opener(_recombine(sources[part], rng), kind=part, voice="first_plural",
                            chapeau=chapeau)
        draft.paragraphs(part).append(Paragraph(text))
    return draft


def _recombine(texts: list[str], rng: random.Random) -> str:
    """Join the head of one paragraph to the tail of another, at a comma."""
    head, tail = rng.choice(texts), rng.choice(texts)
    cut = [m.end() for m in re.finditer(r",\s", head)] or [len(head) // 2]
    rest = [m.end() for m in re.finditer(r",\s", tail)] or [len(tail) // 2]
    return head[: rng.choice(cut)] + tail[rng.choice(rest):]


def timed(function, runs: int, *, before=None) -> tuple[float, float, object]:
    """Return the median wall and CPU times of *runs* calls (seconds), and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        if before is not None:
            before()
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus), result


def forget_texts() -> None:
    """Empty the caches that hold what was read from texts (openers, passages, words)."""
    from checks.dictionary import is_known
    from checks.reading import mask_urls
    from checks.rules.words import foreign_spans
    from drafts.voice import _lead, _opener_of_head

    for cached in (is_known, mask_urls, foreign_spans, _lead, _opener_of_head):
        cached.cache_clear()


def naive_duplicates(texts: list[str]) -> list[tuple[int, int, float]]:
    """Return the pairs whose sorted words difflib finds at least as similar as the cutoff."""
    keys = [sorted_words(t) for t in texts]
    pairs = []
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            ratio = difflib.SequenceMatcher(None, keys[i], keys[j]).ratio()
            if ratio * 100 >= DUPLICATE_CUTOFF:
                pairs.append((i, j, ratio * 100))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    draft = big_draft(args.paragraphs)
    context = build_context([t for d in load_drafts().values() for t in clause_texts(d)])
    run_checks(draft, context=context)  # loads the dictionaries and the lexicon once
    rows = [("all checks, new text (caches of text readings emptied)",
             timed(lambda: run_checks(draft, context=context), args.runs, before=forget_texts)),
            ("all checks, checked again (the editor after an edit)",
             timed(lambda: run_checks(draft, context=context), args.runs)),
            ("all checks, no bank context", timed(lambda: run_checks(draft), args.runs))]
    findings = rows[1][1][2]
    rows += [(f"`{code}` alone", timed(lambda c=code: run_checks(draft, context=context,
                                                                  codes=[c]), args.runs))
             for code in REGISTRY]
    reading = Reading(draft, "fr")
    fast = timed(lambda: check_duplicate(reading, None), args.runs)
    texts = [u.text for u in reading.units if u.part in ("preambular", "operative")]
    slow = timed(lambda: naive_duplicates(texts), 1)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}; "
          f"{datetime.date.today().isoformat()}")
    print(f"Draft: {args.paragraphs} paragraphs, {len(findings)} findings; medians of "
          f"{args.runs} runs.\n")
    print("| measure | wall | CPU |\n|---|---:|---:|")
    for label, (wall, cpu, _) in rows:
        print(f"| {label} | {wall * 1000:.1f} ms | {cpu * 1000:.1f} ms |")
    print(f"| near-duplicates: sorted words + `process.cdist` | {fast[0] * 1000:.1f} ms | "
          f"{fast[1] * 1000:.1f} ms |")
    print(f"| near-duplicates: naive all-pairs `difflib` | {slow[0] * 1000:.0f} ms | "
          f"{slow[1] * 1000:.0f} ms |")
    print(f"\nNear-duplicate pairs found: cdist {len(fast[2])}, difflib {len(slow[2])}; "
          f"speed-up {slow[1] / max(fast[1], 1e-9):.0f}× (CPU).")


if __name__ == "__main__":
    main()
