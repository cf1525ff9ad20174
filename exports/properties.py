"""What a Word page does not show but a round trip needs, as a custom document property."""

from __future__ import annotations

import json
from dataclasses import asdict

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from drafts.model import Draft, Item

CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
NAME = "DeclarationDraft"
FORMAT = "declaration-draft/1 (docx)"


def draft_properties(draft: Draft, house_style: str) -> dict:
    """Return the draft's settings and unknown keys that the page itself does not carry."""
    extras = {p.id: p.extra for p in draft.preambular + draft.operative if p.extra}
    item_extras = {}
    for paragraph in draft.preambular + draft.operative:
        _item_extras(paragraph.items, paragraph.id, item_extras)
    return {
        "format": FORMAT,
        "language": draft.language,
        "house_style": draft.house_style,
        "exported_style": house_style,
        "voice": draft.voice,
        "metadata": {k: v for k, v in asdict(draft.metadata).items() if v is not None},
        "extra": draft.extra,
        "paragraph_extra": extras,
        "item_extra": item_extras,
    }


def _item_extras(items: list[Item], path: str, out: dict) -> None:
    for index, item in enumerate(items):
        here = f"{path}/{index}"
        if item.extra:
            out[here] = item.extra
        _item_extras(item.items, here, out)


def write(document, values: dict) -> None:
    """Store *values* (JSON) in the document's custom properties, keeping any others."""
    package = document.part.package
    part = _existing(package)
    root = (etree.fromstring(part.blob) if part is not None
            else etree.Element(f"{{{_NS}}}Properties", nsmap={None: _NS, "vt": _VT}))
    for node in root.findall(f"{{{_NS}}}property"):
        if node.get("name") == NAME:
            root.remove(node)
    pids = [int(n.get("pid", "1")) for n in root.findall(f"{{{_NS}}}property")]
    node = etree.SubElement(root, f"{{{_NS}}}property", fmtid=_FMTID,
                            pid=str(max(pids, default=1) + 1), name=NAME)
    etree.SubElement(node, f"{{{_VT}}}lpwstr").text = json.dumps(values, ensure_ascii=True)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is None:
        package.relate_to(Part(PackURI("/docProps/custom.xml"), CUSTOM_TYPE, blob, package),
                          CUSTOM_REL)
    else:
        part._blob = blob


def read(document) -> dict | None:
    """Return the values stored by write(), or None for a document we did not export."""
    part = _existing(document.part.package)
    if part is None:
        return None
    try:
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    for node in root.findall(f"{{{_NS}}}property"):
        if node.get("name") == NAME:
            try:
                values = json.loads("".join(node.itertext()))
            except ValueError:
                return None
            return values if isinstance(values, dict) and values.get("format") == FORMAT else None
    return None


def _existing(package):
    for rel in package.rels.values():
        if rel.reltype == CUSTOM_REL and not rel.is_external:
            return rel.target_part
    return None
