"""Drafts for the check tests: realistic chapeaux and a compact way to build paragraphs."""

from __future__ import annotations

from checks import run_checks
from drafts.model import Draft, Item, Paragraph

NOUS = ("Nous, Ministres et Chefs de délégation des États et gouvernements membres de la "
        "Francophonie, réunis à Paris, le 25 novembre 2017,")
CHEFS = ("Les chefs d'État et de gouvernement de l'Amérique latine et de la Caraïbe, réunis à "
         "Caracas, le 3 décembre 2011,")
AG = "L'Assemblée générale,"
AFFIRMONS = "AFFIRMONS L’IMPORTANCE :"


def paragraph(value) -> Paragraph:
    """Build a Paragraph from a text, a (text, [items]) pair, or a Paragraph."""
    if isinstance(value, Paragraph):
        return value
    if isinstance(value, tuple):
        text, items = value
        return Paragraph(text, items=[Item(i) if isinstance(i, str) else i for i in items])
    return Paragraph(value)


def make(pp=(), op=(), *, chapeau=NOUS, title="Déclaration de Paris sur les migrations",
         **fields) -> Draft:
    """Return a draft with these preambular and operative paragraphs."""
    return Draft(title=title, chapeau=chapeau, preambular=[paragraph(p) for p in pp],
                 operative=[paragraph(p) for p in op], **fields)


def findings(draft: Draft, code: str, *, context=None, severities=("error", "warning")):
    """Return the findings of check *code* on *draft*, of the given severities."""
    return [f for f in run_checks(draft, context=context, codes=[code])
            if f.severity in severities]


def where(finding) -> tuple:
    return finding.part, finding.index, finding.item
