"""Page furniture: header, footer with page fields, watermark, line numbers, language."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from lxml import etree

from drafts.model import Draft
from exports.ooxml import PPR, VAL, W_NS, XML_SPACE, R, add_run, paragraph, w

LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB", "es": "es-ES", "pt": "pt-PT", "ar": "ar-SA"}
WORDS = {
    "fr": {"draft": "Projet", "page": "Page ", "of": " sur ", "watermark": "PROJET"},
    "en": {"draft": "Draft", "page": "Page ", "of": " of ", "watermark": "DRAFT"},
}
# Where w:lnNumType goes among the section properties (the schema fixes their order).
_AFTER_LINE_NUMBERS = ("pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
                       "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")
_VML = ('xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word"')
_SHAPE_TYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(f'<v:f eqn="{e}"/>' for e in (
        "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3",
        "if @0 @3 0", "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6",
        "mid @8 @5", "mid @7 @8", "mid @6 @7", "sum @6 0 @5"))
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
)


def word_language(language: str) -> str:
    """Return the w:lang tag for a draft language."""
    return LANGUAGE_TAGS.get(language, language)


def interface(language: str) -> dict[str, str]:
    """Return the words written around the draft (French unless the draft is English)."""
    return WORDS["en" if language == "en" else "fr"]


def status_line(language: str, revision_label: str | None, day: dt.date) -> str:
    """Return « Projet — Rev.2 — 12 mars 2026 »."""
    locale = "en_GB" if language == "en" else "fr_FR"
    parts = [interface(language)["draft"], revision_label, format_date(day, "d MMMM y",
                                                                          locale=locale)]
    return " — ".join(p for p in parts if p)


def set_language(document, language: str) -> None:
    """Set the language of the text, so that Word checks its spelling in that language."""
    styles = document.styles.element
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        styles.insert(0, defaults)
    rpr = _child(_child(defaults, "rPrDefault", first=True), "rPr")
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = etree.SubElement(rpr, w("lang"))
    lang.set(VAL, word_language(language))


def _child(parent, tag: str, *, first: bool = False):
    node = parent.find(w(tag))
    if node is None:
        node = etree.Element(w(tag))
        parent.insert(0, node) if first else parent.append(node)
    return node


def header_and_footer(document, ids: dict[str, str], draft: Draft, *, status: str,
                      watermark: bool) -> None:
    """Write the header (body, symbol, status, watermark) and the « Page X sur Y » footer."""
    section = document.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    root = header._element
    _drop_empty_paragraphs(root)
    first = paragraph(root, ids["header"])
    add_run(first, f"{draft.metadata.body or ''}\t\t{draft.metadata.symbol or ''}")
    second = paragraph(root, ids["header"])
    _bottom_border(second.find(PPR))
    add_run(second, status)
    if watermark:
        first.append(_watermark(interface(draft.language)["watermark"]))
    footer = section.footer
    footer.is_linked_to_previous = False
    _drop_empty_paragraphs(footer._element)
    words = interface(draft.language)
    line = paragraph(footer._element, ids["footer"])
    add_run(line, words["page"])
    _field(line, "PAGE", "1")
    add_run(line, words["of"])
    _field(line, "NUMPAGES", "1")


def _drop_empty_paragraphs(root) -> None:
    for p in root.findall(w("p")):
        if not "".join(p.itertext()).strip():
            root.remove(p)


def _bottom_border(ppr) -> None:
    borders = etree.Element(w("pBdr"))
    bottom = etree.SubElement(borders, w("bottom"))
    for name, value in (("val", "single"), ("sz", "4"), ("space", "4"), ("color", "808080")):
        bottom.set(w(name), value)
    ppr.append(borders)


def _field(p, instruction: str, cached: str) -> None:
    for kind in ("begin", "instr", "separate", "result", "end"):
        if kind == "result":
            add_run(p, cached)
            continue
        run = etree.SubElement(p, R)
        if kind == "instr":
            node = etree.SubElement(run, w("instrText"))
            node.set(XML_SPACE, "preserve")
            node.text = f" {instruction} "
        else:
            etree.SubElement(run, w("fldChar")).set(w("fldCharType"), kind)


def _watermark(text: str):
    shape = (
        f'<w:r xmlns:w="{W_NS}" {_VML}><w:rPr><w:noProof/></w:rPr><w:pict>{_SHAPE_TYPE}'
        '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:430pt;height:120pt;'
        "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
        'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d9d9d9" '
        'stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="{text}"/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
    )
    return etree.fromstring(shape)


def line_numbers(document) -> None:
    """Number every line in the margin, continuously through the document."""
    sect = document.sections[0]._sectPr
    node = etree.Element(w("lnNumType"))
    for name, value in (("countBy", "1"), ("distance", "340"), ("restart", "continuous")):
        node.set(w(name), value)
    following = next((c for c in sect if c.tag in {w(t) for t in _AFTER_LINE_NUMBERS}), None)
    if following is None:
        sect.append(node)
    else:
        following.addprevious(node)


def track_revisions(document) -> None:
    """Switch on change tracking, so that a delegation's edits to a redline are tracked too."""
    settings = document.settings.element
    if settings.find(w("trackRevisions")) is not None:
        return
    anchor = settings.find(w("defaultTabStop"))
    node = etree.Element(w("trackRevisions"))
    if anchor is None:
        settings.append(node)
    else:
        anchor.addprevious(node)
