"""Planted-defect evaluation of the checks: recall per check, false alarms on clean text.

    python -m bench.checks_eval [--repeats N] [--seed S]

Clean drafts live in tests/data/checks_eval/ (the five seeds with their real defects
corrected, and declarations typed in). Each check gets one defect planted at a known place,
*repeats* times per draft; it is found when a finding of that check points at that place.
The bank each draft is checked against holds the other drafts only.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import bench.planting_draft  # noqa: F401  (registers the draft-wide planters)
from bench.planting import PLANTERS, Plant
from bench.planting_draft import plant_drift
from checks import CheckContext, build_context, run_checks
from drafts.jsonio import loads
from drafts.model import Draft, Item, Paragraph

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "checks_eval"
SERIOUS = ("error", "warning")


@dataclass
class Report:
    """Recall per check on planted defects, and serious findings on clean drafts."""

    planted: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # code, draft, note
    paragraphs: int = 0
    false_alarms: Counter = field(default_factory=Counter)  # code -> serious findings
    alarms: list[tuple[str, str, str]] = field(default_factory=list)  # draft, code, message

    def recall(self, code: str) -> float:
        return self.found[code] / self.planted[code] if self.planted[code] else float("nan")

    @property
    def overall_recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.planted.values()))

    @property
    def false_alarm_rate(self) -> float:
        """Return error and warning findings per 100 clean paragraphs."""
        return 100 * sum(self.false_alarms.values()) / max(1, self.paragraphs)


def load_drafts(folder: Path = DATA, names: list[str] | None = None) -> dict[str, Draft]:
    """Return the clean drafts of *folder* by name (all, or those in *names*)."""
    paths = sorted(folder.glob("*.json"))
    return {p.stem: loads(p.read_text(encoding="utf-8")) for p in paths
            if names is None or p.stem in names}


def drafts_from_text(text: str) -> list[Draft]:
    """Return the draft a declaration's text segments into, and one per annexed declaration."""
    from clause_bank.segment import segment_text

    segmentation = segment_text(text)
    labels = [None] + [a["label"] for a in segmentation.annexes]
    chapeaux = [segmentation.chapeau] + [a.get("chapeau") for a in segmentation.annexes]
    headings = [h for h in segmentation.headings if h not in labels]
    drafts = []
    for label, chapeau in zip(labels, chapeaux, strict=True):
        paragraphs = [p for p in segmentation.paragraphs if getattr(p, "annex", None) == label]
        draft = Draft(title=segmentation.title or "", chapeau=chapeau or "",
                      language=segmentation.language, closing=segmentation.closing,
                      operative_intro=headings[-1] if headings and label is None else None)
        for paragraph in paragraphs:
            draft.paragraphs(paragraph.kind).append(
                Paragraph(paragraph.text, items=[Item(t) for t in paragraph.items]))
        drafts.append(draft)
    return drafts


def false_alarms_on_texts(folder: Path, *, bank: dict[str, Draft]) -> Report:
    """Segment the .txt/.md texts of *folder* into drafts and count serious findings."""
    report = Report()
    context = build_context([t for d in bank.values() for t in clause_texts(d)])
    for path in sorted(folder.iterdir()):
        if path.suffix in (".txt", ".md"):
            for draft in drafts_from_text(path.read_text(encoding="utf-8")):
                _clean(report, draft, context, name=path.stem)
    return report


SEEDS = Path(__file__).resolve().parent.parent / "clause_bank" / "corpus"


def seed_reports(*, severities=SERIOUS) -> dict[str, list]:
    """Return, for each seed turned into a draft, the findings against the other seeds."""
    drafts = {p.stem[:3]: drafts_from_text(p.read_text(encoding="utf-8"))[0]
              for p in sorted(SEEDS.glob("*.txt"))}
    reports = {}
    for name, draft in drafts.items():
        bank = [t for other, d in drafts.items() if other != name for t in clause_texts(d)]
        reports[name] = [f for f in run_checks(draft, context=build_context(bank))
                         if f.severity in severities]
    return reports


def clause_texts(draft: Draft) -> list[str]:
    """Return the chapeau, paragraphs and sub-items of *draft*, as a bank would hold them."""
    texts = [draft.chapeau] if draft.chapeau else []
    for paragraph in draft.preambular + draft.operative:
        texts.append(paragraph.text)
        texts.extend(item.text for item in paragraph.items)
    return texts


def evaluate(drafts: dict[str, Draft], *, repeats: int = 5, seed: int = 0,
             bank: dict[str, Draft] | None = None) -> Report:
    """Plant each kind of defect *repeats* times in every draft and score the checks."""
    bank = drafts if bank is None else bank
    report = Report()
    rng = random.Random(seed)
    for name, draft in drafts.items():
        others = [t for other, d in bank.items() if other != name for t in clause_texts(d)]
        context = build_context(others)
        _clean(report, draft, context, name=name)
        for code, plant in PLANTERS.items():
            for _ in range(repeats):
                _score(report, code, name, plant(draft, rng), context)
        for _ in range(repeats):
            _score(report, "precedent-drift", name, plant_drift(draft, rng, others), context)
    return report


def _clean(report: Report, draft: Draft, context: CheckContext, *, name: str = "") -> None:
    report.paragraphs += len(draft.preambular) + len(draft.operative)
    for finding in run_checks(draft, context=context):
        if finding.severity in SERIOUS:
            report.false_alarms[finding.code] += 1
            report.alarms.append((name, finding.code, finding.message))


def _score(report: Report, code: str, name: str, plant: Plant | None, context) -> None:
    if plant is None:
        return
    report.planted[code] += 1
    findings = run_checks(plant.draft, context=context, codes=[code])
    places = {(plant.part, plant.index, plant.item), *plant.also}
    if any((f.part, f.index, f.item) in places for f in findings):
        report.found[code] += 1
    else:
        report.missed.append((code, name, plant.note))


def as_markdown(report: Report) -> str:
    """Return the report as the Markdown table docs/quality.md records."""
    lines = ["| check | planted | found | recall | serious findings on clean text |",
             "|---|---:|---:|---:|---:|"]
    for code in sorted(set(report.planted) | set(report.false_alarms)):
        lines.append(f"| `{code}` | {report.planted[code]} | {report.found[code]} | "
                     f"{report.recall(code):.0%} | {report.false_alarms[code]} |")
    lines.append(f"| **all** | {sum(report.planted.values())} | {sum(report.found.values())} | "
                 f"{report.overall_recall:.1%} | {sum(report.false_alarms.values())} |")
    lines.append("")
    lines.append(f"Clean paragraphs: {report.paragraphs}; error/warning findings per 100 clean "
                 f"paragraphs: {report.false_alarm_rate:.2f}.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--missed", action="store_true", help="list the defects not found")
    parser.add_argument("--seeds", action="store_true",
                        help="print what the checks find in the five seeds")
    parser.add_argument("--texts", type=Path, help="also count serious findings on the "
                        "declarations of this folder (.txt/.md), segmented into drafts")
    args = parser.parse_args()
    if args.seeds:
        for name, findings in seed_reports().items():
            for f in findings:
                print(f"{name} {f.severity:8} {f.code:16} {f.message[:110]}")
    report = evaluate(load_drafts(), repeats=args.repeats, seed=args.seed)
    print(as_markdown(report))
    if args.missed:
        for code, name, note in report.missed:
            print(f"missed {code:16} {name:28} {note}")
    if args.texts:
        texts = false_alarms_on_texts(args.texts, bank=load_drafts())
        print(f"\n{args.texts}: {texts.paragraphs} paragraphs, "
              f"{sum(texts.false_alarms.values())} error/warning findings "
              f"({texts.false_alarm_rate:.2f} per 100 paragraphs)")
        for name, code, message in texts.alarms:
            print(f"  {name:26} {code:16} {message[:110]}")


if __name__ == "__main__":
    main()
