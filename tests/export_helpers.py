"""Shared by the export tests: sample drafts, reading .docx XML, accepting/rejecting changes.

The accept/reject functions are written here, independently of the exporter and importer,
so that the tests judge the redline by Word's rules rather than by the code under test.
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import docx
from lxml import etree

from drafts.model import Draft, Item, Metadata, Paragraph, Provenance

SEEDS = Path(__file__).resolve().parent.parent / "clause_bank" / "corpus"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "v": "urn:schemas-microsoft-com:vml"}


def q(tag: str) -> str:
    """Return the Clark name of w:*tag*."""
    return f"{{{W}}}{tag}"


def sample_draft(*, house_style: str | None = "un", language: str = "fr") -> Draft:
    """Return a resolution with every feature the export handles."""
    pp = [
        Paragraph("Réaffirmant les buts et principes énoncés dans la Charte des Nations Unies,",
                  provenance=Provenance(
                      12, "Déclaration de Paris sur les migrations", "PP1",
                      "Réaffirmant notre attachement aux buts et principes énoncés dans la "
                      "Charte des Nations unies ;", body="OIF", date="2017-11-25",
                      document_id=3)),
        Paragraph("Prenant note du rapport [du Secrétaire général] sur la question,"),
        Paragraph("Profondément préoccupée par la persistance de la traite des êtres humains,"),
    ]
    pp.append(Paragraph("Profondément préoccupée par la traite,", alternative="bis",
                        alternative_of=pp[2].id))
    op = [
        Paragraph("Décide de renforcer la coopération internationale\u00a0:", items=[
            Item("en protégeant les victimes\u00a0;", items=[Item("notamment les enfants\u00a0;"),
                                                        Item("et les femmes\u00a0;")]),
            Item("en poursuivant les trafiquants\u00a0;")]),
        Paragraph("Prie le Secrétaire général de lui présenter un rapport\u00a0;", bracketed=True),
        Paragraph("Invite les États Membres à ratifier le « Protocole de Palerme »\u00a0;",
                  provenance=Provenance(
                      40, "Déclaration du Mexique", "OP4",
                      "Invite les États Membres à ratifier le « Protocole de Palerme »\u00a0;",
                      body="OEA", date="2018-05-09")),
        Paragraph("Décide de rester saisie de la question."),
    ]
    return Draft(
        title="Projet de résolution sur la traite des personnes",
        chapeau="L'Assemblée générale,", preambular=pp, operative=op, closing="FIN",
        house_style=house_style, language=language,
        metadata=Metadata(body="Assemblée générale des Nations Unies", symbol="A/C.3/80/L.12",
                          meeting="Quatre-vingtième session", place="New York",
                          date="12 mars 2026"))


def english_draft() -> Draft:
    """Return a short English resolution."""
    return Draft(
        title="Draft resolution on trafficking in persons",
        chapeau="The General Assembly,",
        preambular=[Paragraph("Recalling its previous resolutions on the subject,"),
                    Paragraph("Deeply concerned by the persistence of trafficking,")],
        operative=[Paragraph("Decides to strengthen international cooperation:", items=[
                       Item("by protecting victims;"), Item("by prosecuting traffickers;")]),
                   Paragraph("Requests the Secretary-General to report to it.")],
        language="en", house_style="un")


def revised(draft: Draft) -> Draft:
    """Return a revision of sample_draft with word edits, insertions and deletions."""
    new = copy.deepcopy(draft)
    new.operative[0].text = ("Décide de renforcer encore la coopération internationale et "
                             "régionale\u00a0:")
    new.operative[0].items[1].text = "en poursuivant et en condamnant les trafiquants\u00a0;"
    new.operative.insert(2, Paragraph("Engage les États à protéger les victimes\u00a0;"))
    del new.preambular[1]
    return new


def open_docx(data: bytes):
    """Re-open exported bytes with python-docx."""
    return docx.Document(io.BytesIO(data))


def body(data: bytes):
    """Return the w:body element of exported bytes."""
    return open_docx(data).element.body


def style_of(p) -> str | None:
    """Return the style id of w:p *p*."""
    node = p.find(f"{q('pPr')}/{q('pStyle')}")
    return node.get(q("val")) if node is not None else None


def numbering_of(p) -> tuple[int, int] | None:
    """Return (numId, ilvl) of w:p *p*, or None."""
    numpr = p.find(f"{q('pPr')}/{q('numPr')}")
    if numpr is None:
        return None
    return (int(numpr.find(q("numId")).get(q("val"))),
            int(numpr.find(q("ilvl")).get(q("val"))))


def text_of(p, *, deleted: bool = False) -> str:
    """Return the visible text of w:p *p* (w:delText too when *deleted*)."""
    out = []
    for node in p.iter(q("t"), q("delText"), q("tab"), q("br"), q("cr")):
        if node.tag == q("t") or (deleted and node.tag == q("delText")):
            out.append(node.text or "")
        elif node.tag in (q("tab"), q("br"), q("cr")) and node.getparent().tag == q("r"):
            out.append({"tab": "\t", "br": "\n", "cr": "\r"}[etree.QName(node).localname])
    return "".join(out)


def visible(body_element) -> list[tuple[str | None, str]]:
    """Return (style id, text) of each paragraph of a body."""
    return [(style_of(p), text_of(p)) for p in body_element.iter(q("p"))]


def accept_all(body_element):
    """Return a copy of *body_element* with every tracked change accepted, as Word does."""
    root = copy.deepcopy(body_element)
    _drop(root, "del", keep_marks=True)
    _merge_marked(root, "del")
    _unwrap(root, "ins")
    return root


def reject_all(body_element):
    """Return a copy of *body_element* with every tracked change rejected, as Word does."""
    root = copy.deepcopy(body_element)
    _drop(root, "ins", keep_marks=True)
    _merge_marked(root, "ins")
    for node in root.iter(q("delText")):
        node.tag = q("t")
    _unwrap(root, "del")
    return root


def _is_mark(node) -> bool:
    return node.getparent().tag == q("rPr")


def _drop(root, tag: str, *, keep_marks: bool) -> None:
    for node in list(root.iter(q(tag))):
        if not (keep_marks and _is_mark(node)):
            node.getparent().remove(node)


def _unwrap(root, tag: str) -> None:
    for node in list(root.iter(q(tag))):
        parent = node.getparent()
        if _is_mark(node):
            parent.remove(node)
            continue
        index = parent.index(node)
        for offset, child in enumerate(list(node)):
            parent.insert(index + offset, child)
        parent.remove(node)


def _merge_marked(root, tag: str) -> None:
    """Join each paragraph whose mark is removed (tracked *tag*) with the next paragraph."""
    for p in list(root.iter(q("p"))):
        if p.find(f"{q('pPr')}/{q('rPr')}/{q(tag)}") is None:
            continue
        following = p.getnext()
        assert following is not None and following.tag == q("p"), "a removed final mark"
        content = [c for c in p if c.tag != q("pPr")]
        position = 1 if following.find(q("pPr")) is not None else 0
        for child in reversed(content):
            following.insert(position, child)
        p.getparent().remove(p)


def seed_paragraphs(prefix: str) -> list[tuple[str, str]]:
    """Return (bold opening words, rest) of each paragraph of a Markdown seed."""
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    text = re.sub(r"<sup>(.*?)</sup>", r"\1", text)
    out = []
    for block in text.split("\n\n"):
        block = " ".join(block.split())
        if not block or block.startswith("#"):
            continue
        match = re.match(r"\*\*(.+?)\*\*(.*)", block)
        bold, rest = (match.group(1), match.group(2)) if match else ("", block)
        out.append((bold, rest.replace("*", "")))
    return out
