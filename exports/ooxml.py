"""WordprocessingML building blocks: names, text checks, runs (built with lxml, no proxies)."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from exports.errors import ExportError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MAX_CHARACTERS = 20_000_000  # a whole draft; a declaration is rarely above 100 000


def w(tag: str) -> str:
    """Return the Clark name of WordprocessingML element or attribute *tag*."""
    return f"{{{W_NS}}}{tag}"


VAL = w("val")
P, R, T, DEL_TEXT = w("p"), w("r"), w("t"), w("delText")
PPR, RPR, PSTYLE, RSTYLE = w("pPr"), w("rPr"), w("pStyle"), w("rStyle")
TAB, BR, CR = w("tab"), w("br"), w("cr")

# XML 1.0 cannot carry these; Word's own line break (U+000B) is refused too, because a
# silent conversion would change the text of the draft.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("([\t\n\r])")
_BREAK_TAGS = {"\t": TAB, "\n": BR, "\r": CR}
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL_RUN = re.compile(f"[{_RTL}](?:[{_RTL}\\s\\d.,:;!?()«»\"'’\\-]*[{_RTL}])?")


def check_text(text: str, where: str) -> None:
    """Raise ExportError when *text* holds a character a Word document cannot carry."""
    match = _FORBIDDEN.search(text)
    if match is None:
        return
    char = match.group()
    kind = "lone surrogate" if "\ud800" <= char <= "\udfff" else "control character"
    raise ExportError(
        f"{where}: {kind} U+{ord(char):04X} at position {match.start() + 1} "
        "cannot be written to a Word document; remove it from the text"
    )


def is_rtl(text: str) -> bool:
    """Tell whether the first strongly directional character of *text* is right-to-left."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


def rtl_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of right-to-left script in *text*."""
    return [m.span() for m in _RTL_RUN.finditer(text)]


def add_run(parent, text: str, style: str | None = None, *, rtl: bool = False,
            deleted: bool = False):
    """Append a run of *text* to *parent*; tabs and line breaks become Word elements."""
    run = etree.SubElement(parent, R)
    if style or rtl:
        rpr = etree.SubElement(run, RPR)
        if style:
            etree.SubElement(rpr, RSTYLE).set(VAL, style)
        if rtl:
            etree.SubElement(rpr, w("rtl"))
    text_tag = DEL_TEXT if deleted else T
    for piece in _BREAKS.split(text) if ("\t" in text or "\n" in text or "\r" in text) else (text,):
        if not piece:
            continue
        tag = _BREAK_TAGS.get(piece)
        if tag is not None:
            etree.SubElement(run, tag)
            continue
        node = etree.SubElement(run, text_tag)
        node.text = piece
        node.set(XML_SPACE, "preserve")
    return run


def paragraph(parent, style: str, *, level: int | None = None, num_id: int | None = None,
              bidi: bool = False, indent=None):
    """Append a w:p with style id *style* and, when numbered, its w:numPr.

    *indent* (a house_styles.Level) places an unnumbered paragraph as if it were numbered.
    """
    p = etree.SubElement(parent, P)
    ppr = etree.SubElement(p, PPR)
    etree.SubElement(ppr, PSTYLE).set(VAL, style)
    if num_id is not None:
        numpr = etree.SubElement(ppr, w("numPr"))
        etree.SubElement(numpr, w("ilvl")).set(VAL, str(level or 0))
        etree.SubElement(numpr, w("numId")).set(VAL, str(num_id))
    if indent is not None:
        tab = etree.SubElement(etree.SubElement(ppr, w("tabs")), w("tab"))
        tab.set(VAL, "left")
        tab.set(w("pos"), str(indent.tab if indent.tab is not None else indent.left))
    if bidi:
        etree.SubElement(ppr, w("bidi"))
    if indent is not None:
        ind = etree.SubElement(ppr, w("ind"))
        ind.set(w("left"), str(indent.left))
        ind.set(w("hanging") if indent.hanging else w("firstLine"),
                str(indent.hanging or indent.first_line))
    return p
