"""Word export of a 40-preambular / 300-operative draft, against the naive python-docx way.

Run: ``.venv/bin/python bench/export.py``. Both exports start from the same template and
write the same paragraphs, sub-items, numbering and provenance comments; the naive one
names styles on every paragraph and run (python-docx then looks each name up in the styles
part) and lets python-docx append the comments' text character by character.
"""

from __future__ import annotations

import io
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from drafts.model import Draft, Item, Paragraph, Provenance  # noqa: E402
from exports import export_docx  # noqa: E402
from exports.blocks import layout  # noqa: E402
from exports.house_styles import HOUSE_STYLES, PARAGRAPH_STYLES  # noqa: E402
from exports.provenance import comment_lines  # noqa: E402
from exports.template import TEMPLATES  # noqa: E402

TARGET_MS = 150
RUNS = 15


def sentences() -> list[str]:
    """Return real clause-length sentences from the bundled corpus."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(
        (ROOT / "clause_bank" / "corpus").glob("*.txt")))
    text = re.sub(r"[*#<>/]|sup", " ", text)
    found = [" ".join(s.split()) for s in re.split(r"(?<=[;.])\s", text)]
    return [s for s in found if 80 <= len(s) <= 600]


def big_draft() -> Draft:
    """Return a 40 PP / 300 OP draft: a third from the bank, every tenth OP with sub-items."""
    pool = sentences()

    def paragraph(index: int, kind: str) -> Paragraph:
        text = pool[index % len(pool)]
        made = Paragraph(text)
        if index % 3 == 0:
            made.provenance = Provenance(index, "Déclaration de Paris", f"{kind}{index}",
                                         pool[(index + 1) % len(pool)], body="OIF",
                                         date="2017-11-25")
        if kind == "OP" and index % 10 == 0:
            made.items = [Item(pool[(index + k) % len(pool)]) for k in (2, 3)]
        return made

    return Draft(title="Déclaration de référence", chapeau="Nous, Ministres, réunis à Paris,",
                 preambular=[paragraph(i, "PP") for i in range(40)],
                 operative=[paragraph(i + 40, "OP") for i in range(300)], house_style="oif")


def naive_export(draft: Draft) -> bytes:
    """Export the way a python-docx tutorial would: styles by name, API calls per run."""
    style = HOUSE_STYLES["oif"]
    document = docx.Document(str(TEMPLATES / "oif.docx"))
    names = {role: name for role, (_id, name) in PARAGRAPH_STYLES.items()}
    for block in layout(draft, style, labels=False):
        paragraph = document.add_paragraph(style=names[block.role])
        if block.numbering:
            numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = block.level
            numpr.get_or_add_numId().val = 1
        if block.opener:
            paragraph.add_run(block.text[:block.opener], style="Opener")
        runs = [paragraph.add_run(block.text[block.opener:])]
        if block.provenance is not None:
            lines = comment_lines(block.provenance, block.text, language="fr")
            document.add_comment(runs, text="\n".join(lines), author="Assistant")
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Page ")
    run = footer.add_run()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run._r.append(field)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(function, draft: Draft) -> tuple[float, float, bytes]:
    """Return the median wall and CPU times in ms of RUNS calls, and the last result."""
    function(draft)  # warm caches: templates, imports
    walls, cpus, result = [], [], b""
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(draft)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> int:
    """Print the figures recorded in docs/benchmarks.md."""
    draft = big_draft()
    fast_wall, fast_cpu, data = timed(export_docx, draft)
    naive_wall, naive_cpu, naive_data = timed(naive_export, draft)
    reopened = docx.Document(io.BytesIO(data))
    comments = len(reopened.comments)
    assert comments == len(docx.Document(io.BytesIO(naive_data)).comments)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"draft: {len(draft.preambular)} PP, {len(draft.operative)} OP, "
          f"{len(reopened.paragraphs)} Word paragraphs, {comments} provenance comments; "
          f"load average {load:.1f} on {os.cpu_count()} cores")
    print(f"export_docx (style ids, lxml):   median {fast_wall:.0f} ms wall, "
          f"{fast_cpu:.0f} ms CPU over {RUNS} runs")
    print(f"naive python-docx (style names): median {naive_wall:.0f} ms wall, "
          f"{naive_cpu:.0f} ms CPU")
    print(f"ratio naive / export_docx: {naive_wall / fast_wall:.1f}x wall, "
          f"{naive_cpu / fast_cpu:.1f}x CPU")
    within = fast_wall <= TARGET_MS
    print(f"target {TARGET_MS} ms: {'met' if within else 'missed'} on wall time"
          + ("" if within else " (compare CPU time when the machine is busy)"))
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
