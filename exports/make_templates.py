"""Generate the house-style reference templates: ``python -m exports.make_templates``.

Each template is python-docx's default document stripped to the styles a declaration
uses, plus the declaration styles and numbering definitions of one house style.
An organisation restyles its documents by editing its template in Word.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.shared import Twips

from exports.house_styles import (
    BUILT_IN,
    CHARACTER_STYLES,
    HOUSE_STYLES,
    PARAGRAPH_STYLES,
    HouseStyle,
)
from exports.numbering import all_definitions
from exports.ooxml import w

TEMPLATES = Path(__file__).resolve().parent / "templates"
KEEP = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Heading1", "Heading2",
        "Heading3", "ListParagraph", "Hyperlink"}
PAGE = {"width": 11906, "height": 16838, "margin": 1418}  # A4, 2.5 cm margins
TEXT_WIDTH = PAGE["width"] - 2 * PAGE["margin"]


def _run_props(props: tuple[str, ...]) -> str:
    xml = {"i": "<w:i/><w:iCs/>", "b": "<w:b/><w:bCs/>", "caps": "<w:caps/>"}
    return "".join(xml[p] for p in props)


def _paragraph_styles(style: HouseStyle) -> dict[str, tuple[str, str]]:
    """Return role -> (pPr, rPr) inner XML of every declaration paragraph style."""
    jc = '<w:jc w:val="both"/>' if style.justify else ""
    indent = f'<w:ind w:firstLine="{style.preambular_indent}"/>'
    caps = "<w:caps/>" if style.title_caps else ""
    title_color = style.colors["title"]
    return {
        "title": ('<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>',
                  f'<w:b/><w:bCs/>{caps}<w:color w:val="{title_color}"/><w:sz w:val="30"/>'),
        "note": ('<w:spacing w:after="360"/><w:jc w:val="center"/>',
                 '<w:i/><w:color w:val="404040"/><w:sz w:val="21"/>'),
        "chapeau": (f'<w:spacing w:after="160"/>{indent}{jc}', ""),
        "preambular": (f'<w:spacing w:after="120"/>{indent}{jc}', ""),
        "heading": ('<w:keepNext/><w:spacing w:before="200" w:after="160"/>', "<w:b/><w:bCs/>"),
        "operative": (f'<w:spacing w:after="120"/>{jc}', ""),
        "item1": (f'<w:spacing w:after="80"/>{jc}', ""),
        "item2": (f'<w:spacing w:after="60"/>{jc}', ""),
        "item3": (f'<w:spacing w:after="60"/>{jc}', ""),
        "closing": ('<w:spacing w:before="360" w:after="120"/><w:jc w:val="center"/>',
                    "<w:b/><w:bCs/>"),
        "end": ('<w:spacing w:before="360"/><w:jc w:val="center"/>',
                '<w:color w:val="808080"/>'),
        "header": (f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
                   f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>',
                   '<w:color w:val="404040"/><w:sz w:val="18"/>'),
        "footer": ('<w:jc w:val="center"/>', '<w:color w:val="404040"/><w:sz w:val="18"/>'),
        "comment": ("", '<w:sz w:val="20"/>'),
    }


def _character_styles(style: HouseStyle) -> dict[str, tuple[str, str | None]]:
    """Return role -> (rPr, basedOn) of every declaration character style."""
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="FFF2A8"/>'
    accent = style.colors["accent"]
    return {
        "opener": (_run_props(style.opener), None),
        "label": (f'<w:b/><w:bCs/><w:color w:val="{accent}"/>', None),
        "bracketed": (shade, None),
        "bracketed_opener": (_run_props(style.opener) + shade, "opener"),
        "paragraph_bracket": (f'<w:b/><w:bCs/><w:color w:val="{accent}"/>{shade}', None),
        "comment_reference": ('<w:sz w:val="16"/>', None),
    }


def _style_xml(kind: str, style_id: str, name: str, inner: str, based_on: str | None) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    custom = "" if style_id in BUILT_IN else ' w:customStyle="1"'
    return (f'<w:style {nsdecls("w")} w:type="{kind}"{custom} w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/>{based}<w:qFormat/>{inner}</w:style>')


def build_styles(styles, style: HouseStyle) -> None:
    """Replace the styles of *styles* (w:styles) by those of *style*."""
    ours = {i for i, _n in PARAGRAPH_STYLES.values()} | {i for i, _n in CHARACTER_STYLES.values()}
    for node in list(styles.iterchildren(w("style"))):
        if node.get(w("styleId")) not in KEEP or node.get(w("styleId")) in ours:
            styles.remove(node)
        for link in node.iterchildren(w("link")):
            node.remove(link)
    _document_defaults(styles, style)
    for role, (ppr, rpr) in _paragraph_styles(style).items():
        style_id, name = PARAGRAPH_STYLES[role]
        inner = f"<w:pPr>{ppr}</w:pPr>" + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
        styles.append(parse_xml(_style_xml("paragraph", style_id, name, inner, "Normal")))
    for role, (rpr, based_on) in _character_styles(style).items():
        style_id, name = CHARACTER_STYLES[role]
        base = CHARACTER_STYLES[based_on][0] if based_on else "DefaultParagraphFont"
        styles.append(parse_xml(_style_xml("character", style_id, name,
                                           f"<w:rPr>{rpr}</w:rPr>", base)))


def _document_defaults(styles, style: HouseStyle) -> None:
    defaults = styles.find(w("docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    font = style.font
    styles.insert(0, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        f'<w:sz w:val="{style.size}"/><w:szCs w:val="{style.size}"/>'
        '<w:lang w:val="fr-FR" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"))
    normal = styles.xpath('w:style[@w:styleId="Normal"]')[0]
    for child in list(normal):
        if child.tag in (w("pPr"), w("rPr")):
            normal.remove(child)


def _strip_package(document) -> None:
    """Drop the parts a declaration template does not need (thumbnail, bibliography …)."""
    main = document.part
    for rid, rel in list(main.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            main.drop_rel(rid)
    package_rels = main.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE["width"]), Twips(PAGE["height"])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(PAGE["margin"]))
    section.header_distance = section.footer_distance = Twips(709)


def build(style: HouseStyle) -> bytes:
    """Return the reference template of *style* as .docx bytes."""
    import io

    document = docx.Document()
    _strip_package(document)
    build_styles(document.styles.element, style)
    numbering = document.part.numbering_part.element
    for child in list(numbering):  # the default list styles were pruned with their styles
        numbering.remove(child)
    all_definitions(numbering, style)
    _page_setup(document)
    body = document.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    core = document.core_properties
    core.title, core.author, core.last_modified_by = f"Déclaration — {style.name}", "", ""
    core.created = core.modified = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    core.revision, core.comments = 1, "Modèle de présentation : modifier les styles dans Word."
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write one template per house style into exports/templates/."""
    TEMPLATES.mkdir(exist_ok=True)
    for key, style in HOUSE_STYLES.items():
        path = TEMPLATES / f"{key}.docx"
        path.write_bytes(build(style))
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
