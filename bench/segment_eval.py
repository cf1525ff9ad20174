"""Measure the segmenter on texts it was not built from: paragraph precision/recall/F1, kinds.

Each ``tests/data/segment_eval/NAME.{txt,md}`` has a hand-written ``NAME.gold.json`` listing its
paragraphs in order: kind, first words, last words (markup-free), and sub-item count. A found
paragraph matches a gold one when its text starts and ends with the same words.

    python bench/segment_eval.py            # table and totals
    python bench/segment_eval.py --json     # totals as JSON
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clause_bank.segment import segment_text  # noqa: E402

EVAL = ROOT / "tests" / "data" / "segment_eval"


@dataclass
class Score:
    """Counts for one document or for the whole set."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    kind_right: int = 0
    items_right: int = 0
    fronts: int = 0  # titles and chapeaux given by the gold
    fronts_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add *other*'s counts to these."""
        for name in ("gold", "found", "matched", "kind_right", "items_right", "fronts",
                     "fronts_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def figures(self) -> dict[str, float]:
        """Return precision, recall, F1 of paragraphs, F1 with their kind, kind accuracy."""
        def f1(hits: int) -> tuple[float, float, float]:
            precision = hits / self.found if self.found else 0.0
            recall = hits / self.gold if self.gold else 0.0
            total = precision + recall
            return precision, recall, (2 * precision * recall / total if total else 0.0)

        precision, recall, paragraph_f1 = f1(self.matched)
        _, _, typed_f1 = f1(self.kind_right)
        return {
            "documents": 0,
            "gold_paragraphs": self.gold,
            "found_paragraphs": self.found,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(paragraph_f1, 4),
            "kind_accuracy": round(self.kind_right / self.matched, 4) if self.matched else 0.0,
            "typed_f1": round(typed_f1, 4),
            "items_accuracy": round(self.items_right / self.matched, 4) if self.matched else 0.0,
            "front_accuracy": round(self.fronts_right / self.fronts, 4) if self.fronts else 0.0,
        }


def norm(text: str) -> str:
    """Return *text* for comparison: no markup, one apostrophe, spaces folded, lower case."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.lower().split())


def score_document(text: str, gold: dict) -> Score:
    """Return the score of the segmentation of *text* against *gold*."""
    segmentation = segment_text(text)
    found = segmentation.paragraphs
    expected = gold["paragraphs"]
    score = Score(gold=len(expected), found=len(found))
    used: set[int] = set()
    for entry in expected:
        start, end = norm(entry["start"]), norm(entry["end"])
        match = next((i for i, p in enumerate(found) if i not in used
                      and norm(p.text).startswith(start) and norm(p.text).endswith(end)), None)
        if match is None:
            score.misses.append(f"missed: {entry['kind']} « {entry['start']} … {entry['end']} »")
            continue
        used.add(match)
        score.matched += 1
        paragraph = found[match]
        if paragraph.kind == entry["kind"]:
            score.kind_right += 1
        else:
            score.misses.append(f"kind: « {entry['start']} » is {paragraph.kind}")
        if len(paragraph.items) == entry.get("items", 0):
            score.items_right += 1
    _score_front(segmentation, gold, score)
    for index, paragraph in enumerate(found):
        if index not in used:
            score.misses.append(f"extra: {paragraph.kind} « {paragraph.text[:60]} »")
    return score


def _score_front(segmentation, gold: dict, score: Score) -> None:
    """Count the title (found may add a symbol or a subtitle) and the chapeau (its opening)."""
    title, chapeau = norm(segmentation.title or ""), norm(segmentation.chapeau or "")
    checks = []
    if "title" in gold:
        want = norm(gold["title"])
        checks.append(("title", title.startswith(want) or title.endswith(want), title))
    if "chapeau" in gold:
        checks.append(("chapeau", chapeau.startswith(norm(gold["chapeau"]).rstrip(",")), chapeau))
    for name, right, got in checks:
        score.fronts += 1
        score.fronts_right += right
        if not right:
            score.misses.append(f"{name}: « {got[:60]} »")


def evaluate(folder: Path = EVAL) -> tuple[dict, list[tuple[str, Score]]]:
    """Return the totals and the per-document scores of the evaluation set in *folder*."""
    rows = []
    total = Score()
    for gold_path in sorted(folder.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        source = next(p for p in folder.glob(stem + ".*") if p.suffix in (".txt", ".md"))
        score = score_document(source.read_text(encoding="utf-8"),
                               json.loads(gold_path.read_text(encoding="utf-8")))
        rows.append((stem, score))
        total.add(score)
    figures = total.figures()
    figures["documents"] = len(rows)
    return figures, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args()
    figures, rows = evaluate()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{'document':32} gold found  P      R      F1     kinds")
    for stem, score in rows:
        f = score.figures()
        print(f"{stem:32} {score.gold:4} {score.found:5}  {f['precision']:.3f}  {f['recall']:.3f}"
              f"  {f['f1']:.3f}  {f['kind_accuracy']:.3f}")
        for miss in score.misses:
            print(f"    {miss}")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
