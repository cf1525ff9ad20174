"""Drafts used by the tests, written the way drafters write them (seed 000 style)."""

from __future__ import annotations

from drafts.model import Draft, Item, Metadata, Paragraph, Provenance

CHAPEAU = (
    "Nous, Ministres et Chefs de délégation des États et gouvernements membres de la "
    "Francophonie, réunis à Paris, le 25 novembre 2017,"
)
PREAMBULAR = [
    "Réaffirmant notre attachement aux buts et principes énoncés dans la Charte des Nations "
    "unies ;",
    "Nous fondant sur la Charte de la Francophonie ainsi que sur la Déclaration de Bamako ;",
    "Indignés par ces violations intolérables des droits de l’Homme ;",
]
OPERATIVE = [
    "Appelons la communauté internationale à une action immédiate, concertée et coordonnée ;",
    "Condamnons avec la plus grande fermeté ces violations graves des droits de l’Homme ;",
    "Encourageons les instances judiciaires à poursuivre les auteurs de ces actes :",
    "Invitons la Secrétaire générale de la Francophonie à lancer un appel à la mobilisation.",
]


def sample_draft() -> Draft:
    """Return a « Nous » declaration with items, provenance, brackets and an alternative."""
    preambular = [Paragraph(text) for text in PREAMBULAR]
    preambular[0].provenance = Provenance(
        clause_id=17, source="Déclaration de Paris", position="PP1",
        precedent_text=PREAMBULAR[0], body="OIF", date="2017-11-25", document_id=1,
    )
    operative = [Paragraph(text) for text in OPERATIVE]
    operative[2].items = [
        Item("a) de renforcer la coopération judiciaire ;"),
        Item("b) de protéger les victimes :", items=[Item("i) en particulier les enfants ;")]),
    ]
    operative[1].bracketed = True
    alternative = Paragraph(
        "Condamnons [fermement] ces violations ;", alternative="bis",
        alternative_of=operative[1].id,
    )
    operative.insert(2, alternative)
    return Draft(
        title="Déclaration de Paris sur les migrations",
        chapeau=CHAPEAU,
        preambular=preambular,
        operative=operative,
        closing="FIN",
        house_style="oif",
        metadata=Metadata(body="Conférence ministérielle de la Francophonie",
                          meeting="34e session", place="Paris", date="2017-11-25",
                          symbol="CMF/34/DECL"),
    )
