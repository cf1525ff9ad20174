"""Word numbering definitions for operative paragraphs, sub-items and labels."""

from __future__ import annotations

import zlib

from lxml import etree

from exports.house_styles import NUMBERINGS, HouseStyle, Level, abstract_name, numbering_levels
from exports.ooxml import VAL, W_NS, w

_ABSTRACT = w("abstractNum")
_NUM = w("num")
_ABSTRACT_ID = w("abstractNumId")
_NUM_ID = w("numId")


def abstract_num(abstract_id: int, name: str, levels: tuple[Level, ...], *, bold: bool = False):
    """Return a w:abstractNum element named *name* with *levels*."""
    node = etree.Element(_ABSTRACT, nsmap={"w": W_NS})
    node.set(_ABSTRACT_ID, str(abstract_id))
    etree.SubElement(node, w("nsid")).set(VAL, f"{zlib.crc32(name.encode()):08X}")
    etree.SubElement(node, w("multiLevelType")).set(VAL, "multilevel")
    etree.SubElement(node, w("name")).set(VAL, name)
    for index, level in enumerate(levels):
        node.append(_level(index, level, bold=bold and index == 0))
    return node


def _level(index: int, level: Level, *, bold: bool):
    lvl = etree.Element(w("lvl"))
    lvl.set(w("ilvl"), str(index))
    etree.SubElement(lvl, w("start")).set(VAL, "1")
    etree.SubElement(lvl, w("numFmt")).set(VAL, level.fmt)
    etree.SubElement(lvl, w("lvlText")).set(VAL, level.text)
    etree.SubElement(lvl, w("lvlJc")).set(VAL, "left")
    ppr = etree.SubElement(lvl, w("pPr"))
    tabs = etree.SubElement(ppr, w("tabs"))
    tab = etree.SubElement(tabs, w("tab"))
    tab.set(VAL, "num")
    tab.set(w("pos"), str(level.tab if level.tab is not None else level.left))
    ind = etree.SubElement(ppr, w("ind"))
    ind.set(w("left"), str(level.left))
    if level.hanging:
        ind.set(w("hanging"), str(level.hanging))
    else:
        ind.set(w("firstLine"), str(level.first_line))
    if bold or level.fmt == "bullet":
        rpr = etree.SubElement(lvl, w("rPr"))
        if bold:
            etree.SubElement(rpr, w("b"))
    return lvl


def ensure_definitions(numbering, style: HouseStyle, language: str) -> dict[str, int]:
    """Return abstractNum ids of the declaration numberings, adding the missing ones."""
    existing = {
        node.find(w("name")).get(VAL): int(node.get(_ABSTRACT_ID))
        for node in numbering.iterchildren(_ABSTRACT)
        if node.find(w("name")) is not None
    }
    next_id = max((int(n.get(_ABSTRACT_ID)) for n in numbering.iterchildren(_ABSTRACT)),
                  default=-1) + 1
    found = {}
    for name in NUMBERINGS:
        label = abstract_name(name, language)
        if label not in existing:
            node = abstract_num(next_id, label, numbering_levels(style, name, language),
                                bold=name != "operative")
            _insert_abstract(numbering, node)
            existing[label] = next_id
            next_id += 1
        found[name] = existing[label]
    return found


def _insert_abstract(numbering, node) -> None:
    # The schema wants every abstractNum before the first num.
    first_num = numbering.find(_NUM)
    if first_num is None:
        numbering.append(node)
    else:
        first_num.addprevious(node)


def add_instance(numbering, abstract_id: int, *, levels: int = 4) -> int:
    """Add a w:num restarting every level of *abstract_id* at 1; return its numId."""
    num_id = max((int(n.get(_NUM_ID)) for n in numbering.iterchildren(_NUM)), default=0) + 1
    num = etree.SubElement(numbering, _NUM)
    num.set(_NUM_ID, str(num_id))
    etree.SubElement(num, _ABSTRACT_ID).set(VAL, str(abstract_id))
    for index in range(levels):
        override = etree.SubElement(num, w("lvlOverride"))
        override.set(w("ilvl"), str(index))
        etree.SubElement(override, w("startOverride")).set(VAL, "1")
    return num_id


def all_definitions(numbering, style: HouseStyle) -> None:
    """Add the declaration numberings for both languages (used to build templates)."""
    for language in ("fr", "en"):
        ensure_definitions(numbering, style, language)
