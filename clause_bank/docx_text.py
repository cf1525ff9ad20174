"""Plain text of a Word document: paragraphs in order, automatic numbers written out, footnotes.

Word keeps paragraph numbers (« 1. », « a) ») in the numbering definitions, not in the text; the
segmenter needs them, so they are rendered here. Footnotes come last as Markdown footnotes.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from clause_bank.numbering import roman_numeral

_FORMATS = {
    "decimal": str,
    "lowerLetter": lambda n: _letters(n),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": roman_numeral,
    "upperRoman": lambda n: roman_numeral(n).upper(),
}
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def docx_text(path: Path) -> str:
    """Return the text of the .docx at *path*, one paragraph a line, blank lines between."""
    document = docx.Document(str(path))
    levels = _numbering_levels(document)
    counters: dict[str, list[int]] = {}
    lines = []
    for paragraph in _paragraphs(document):
        text = _paragraph_text(paragraph)
        if not text.strip():
            continue
        marker = _marker(paragraph, levels, counters)
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        prefix = "# " if style.startswith(("heading", "titre", "title")) else ""
        lines.append(prefix + (marker + " " if marker else "") + text.strip())
    notes = _footnotes(document)
    return "\n\n".join(lines + notes) + "\n"


def _paragraphs(document):
    """Yield the body's paragraphs in order, table cells included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _paragraph_text(paragraph) -> str:
    """Return the text of *paragraph*, footnote references written as ``[^n]``."""
    parts = []
    for node in paragraph._p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:footnoteReference")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:footnoteReference"):
            parts.append(f"[^{node.get(qn('w:id'))}]")
        else:
            parts.append(" ")
    return "".join(parts)


def _numbering_levels(document) -> dict[str, dict[str, tuple[str, str, int]]]:
    """Return numId -> ilvl -> (format, level text, start) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {}
    for node in numbering.iterchildren(qn("w:abstractNum")):
        lvls = {}
        for lvl in node.iterchildren(qn("w:lvl")):
            lvls[lvl.get(qn("w:ilvl"))] = (
                _val(lvl, "w:numFmt", "decimal"),
                _val(lvl, "w:lvlText", "%1."),
                int(_val(lvl, "w:start", "1")),
            )
        abstract[node.get(qn("w:abstractNumId"))] = lvls
    return {
        num.get(qn("w:numId")): abstract.get(_val(num, "w:abstractNumId", ""), {})
        for num in numbering.iterchildren(qn("w:num"))
    }


def _val(node, tag: str, default: str) -> str:
    child = node.find(qn(tag))
    return child.get(qn("w:val"), default) if child is not None else default


def _num_pr(paragraph):
    """Return (numId, ilvl) of *paragraph*, from its own properties or its style's."""
    sources = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
            ilvl = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0
            return str(ppr.numPr.numId.val), str(ilvl)
    return None


def _marker(paragraph, levels, counters) -> str:
    found = _num_pr(paragraph)
    if found is None or found[0] not in levels:
        return ""
    num_id, ilvl = found
    lvls = levels[num_id]
    depth = int(ilvl)
    counts = counters.setdefault(num_id, [])
    while len(counts) <= depth:
        counts.append(lvls.get(str(len(counts)), ("decimal", "", 1))[2] - 1)
    counts[depth] += 1
    del counts[depth + 1 :]
    fmt, text, _ = lvls.get(ilvl, ("decimal", "%1.", 1))
    if fmt == "bullet":
        return "•"
    for level, count in enumerate(counts):
        level_fmt = lvls.get(str(level), ("decimal", "", 1))[0]
        text = text.replace(f"%{level + 1}", _FORMATS.get(level_fmt, str)(count))
    return text.strip()


def _footnotes(document) -> list[str]:
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/footnotes.xml":
            root = etree.fromstring(part.blob, parser=_SAFE)
            notes = []
            for note in root.iterchildren(qn("w:footnote")):
                number = note.get(qn("w:id"))
                text = "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
                if text and number not in ("-1", "0"):
                    notes.append(f"[^{number}]: {text}")
            return notes
    return []


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(97 + rest) + out
    return out
