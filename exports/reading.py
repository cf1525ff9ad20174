"""Read the paragraphs of a Word body: text, style role, numbering level, labels, anchors."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from exports.house_styles import CHARACTER_STYLES, PARAGRAPH_STYLES
from exports.ooxml import PPR, PSTYLE, RPR, RSTYLE, VAL, P, R, w

_TEXT_OF = {w("t"): None, w("tab"): "\t", w("br"): "\n", w("cr"): "\r",
            w("noBreakHyphen"): "\u2011", w("softHyphen"): "\u00ad"}
# Containers whose runs belong to the paragraph's text (after changes are accepted).
_TRANSPARENT = {w("ins"), w("moveTo"), w("hyperlink"), w("smartTag"), w("fldSimple"),
                w("customXml"), w("sdt"), w("sdtContent"), w("dir"), w("bdo")}
_SKIPPED_RUNS = ("label", "paragraph_bracket", "comment_reference")


@dataclass
class SourceParagraph:
    """What the importer needs of one w:p."""

    text: str
    role: str | None  # our paragraph role, from the style
    style_name: str
    level: int | None  # numbering level, None when not numbered
    label: str = ""
    bracketed: bool = False
    comment_ids: list[str] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    bold: bool = False  # every character bold (foreign drafts: titles, openers)
    centered: bool = False


class StyleMap:
    """Style ids of a document mapped to our roles, names and numbering levels."""

    def __init__(self, styles_element):
        self.roles: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.levels: dict[str, int] = {}
        self.bold: set[str] = set()
        by_name: dict[tuple[str, str], str] = {}
        present: set[tuple[str, str]] = set()
        for node in styles_element.iterchildren(w("style")):
            style_id, kind = node.get(w("styleId")), node.get(w("type"))
            name = node.find(w("name"))
            self.names[style_id] = name.get(VAL, "") if name is not None else style_id
            by_name.setdefault((kind, self.names[style_id].lower()), style_id)
            present.add((kind, style_id))
            self._numbering(node, style_id)
        for kind, registry in (("paragraph", PARAGRAPH_STYLES), ("character", CHARACTER_STYLES)):
            for role, (style_id, name) in registry.items():
                found = style_id if (kind, style_id) in present else by_name.get(
                    (kind, name.lower()))
                if found:
                    self.roles.setdefault(found, role)

    def _numbering(self, node, style_id: str) -> None:
        numpr = node.find(f"{PPR}/{w('numPr')}")
        if numpr is not None:
            ilvl = numpr.find(w("ilvl"))
            self.levels[style_id] = int(ilvl.get(VAL, "0")) if ilvl is not None else 0
        if is_on(node.find(f"{RPR}/{w('b')}")):
            self.bold.add(style_id)


def accept_changes(body):
    """Return a copy of *body* with every tracked change accepted."""
    body = copy.deepcopy(body)
    for node in list(body.iter(w("del"), w("moveFrom"))):
        if node.getparent().tag != RPR:
            node.getparent().remove(node)
    for p in list(body.iter(P)):
        if p.find(f"{PPR}/{RPR}/{w('del')}") is not None:
            following = p.getnext()
            if following is not None and following.tag == P:
                anchor = following.find(PPR)
                index = 0 if anchor is None else following.index(anchor) + 1
                for child in reversed([c for c in p if c.tag != PPR]):
                    following.insert(index, child)
                p.getparent().remove(p)
    for node in list(body.iter(w("ins"), w("moveTo"))):
        parent = node.getparent()
        if parent.tag == RPR:
            continue
        index = parent.index(node)
        for offset, child in enumerate(list(node)):
            parent.insert(index + offset, child)
        parent.remove(node)
    return body


def body_paragraphs(body) -> list:
    """Return the w:p of *body* in reading order, table cells included, text boxes not."""
    out = []
    for child in body:
        if child.tag == P:
            out.append(child)
        elif child.tag == w("tbl"):
            out.extend(p for p in child.iter(P) if _in_cell(p))
    return out


def _in_cell(p) -> bool:
    parent = p.getparent()
    return parent is not None and parent.tag == w("tc")


def read_paragraph(p, styles: StyleMap) -> SourceParagraph:
    """Return the text and what styles, numbers and anchors paragraph *p*."""
    ppr = p.find(PPR)
    style_id = _style(ppr)
    level = _level(ppr, styles, style_id)
    source = SourceParagraph("", styles.roles.get(style_id) if style_id else None,
                             styles.names.get(style_id or "", ""), level)
    if ppr is not None:
        jc = ppr.find(w("jc"))
        source.centered = jc is not None and jc.get(VAL) == "center"
    pieces: list[str] = []
    bold_runs = [True, False]  # all bold so far, any text seen
    _walk(p, styles, source, pieces, bold_runs, style_id)
    source.text = "".join(pieces)
    source.bold = bold_runs[0] and bold_runs[1]
    return source


def _style(ppr) -> str | None:
    node = ppr.find(PSTYLE) if ppr is not None else None
    return node.get(VAL) if node is not None else None


def _level(ppr, styles: StyleMap, style_id: str | None) -> int | None:
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    if numpr is not None:
        num_id = numpr.find(w("numId"))
        if num_id is not None and num_id.get(VAL) == "0":
            return None  # numbering switched off on this paragraph
        ilvl = numpr.find(w("ilvl"))
        return int(ilvl.get(VAL, "0")) if ilvl is not None else styles.levels.get(style_id, 0)
    return styles.levels.get(style_id or "")


def _walk(node, styles: StyleMap, source: SourceParagraph, pieces: list[str],
          bold: list[bool], paragraph_style: str | None) -> None:
    for child in node:
        tag = child.tag
        if tag == R:
            _run(child, styles, source, pieces, bold, paragraph_style)
        elif tag in _TRANSPARENT:
            _walk(child, styles, source, pieces, bold, paragraph_style)
        elif tag == w("commentRangeStart"):
            source.comment_ids.append(child.get(w("id")))
        elif tag == w("bookmarkStart"):
            source.bookmarks.append(child.get(w("name"), ""))


def _run(run, styles: StyleMap, source: SourceParagraph, pieces: list[str],
         bold: list[bool], paragraph_style: str | None) -> None:
    rpr = run.find(RPR)
    style = rpr.find(RSTYLE) if rpr is not None else None
    role = styles.roles.get(style.get(VAL)) if style is not None else None
    if role in _SKIPPED_RUNS:
        text = "".join(child.text or "" for child in run.iter(w("t")))
        if role == "label":
            source.label += text
        elif role == "paragraph_bracket":
            source.bracketed = True
        return
    text = []
    for child in run:
        if child.tag in _TEXT_OF:
            text.append(child.text or "" if _TEXT_OF[child.tag] is None else _TEXT_OF[child.tag])
        elif child.tag == w("sym"):
            text.append(_symbol(child))
    text = "".join(text)
    if text.strip():
        bold[1] = True
        own = rpr.find(w("b")) if rpr is not None else None
        is_bold = is_on(own) if own is not None else paragraph_style in styles.bold
        bold[0] = bold[0] and is_bold
    pieces.append(text)


def is_on(toggle) -> bool:
    """Tell whether a toggle property such as w:b is present and not switched off."""
    return toggle is not None and toggle.get(VAL, "true") not in ("0", "false", "off")


def plain_text(p) -> str:
    """Return the text of w:p *p* as written by ooxml.add_run (tabs, breaks, returns)."""
    out = []
    for run in p.iter(R):
        for child in run:
            if child.tag in _TEXT_OF:
                out.append(child.text or "" if _TEXT_OF[child.tag] is None else _TEXT_OF[child.tag])
    return "".join(out)


def _symbol(node) -> str:
    try:
        return chr(int(node.get(w("char"), ""), 16))
    except ValueError:
        return ""
