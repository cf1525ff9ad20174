"""Where the body starts: chapeaux under headers, participle titles, cover notes, spoken intros."""

from __future__ import annotations

import pytest

from clause_bank.cleaning import is_scrap
from clause_bank.openers import find_opener
from clause_bank.segment import segment_text

INDENTED_PDF = """\
                                                          A/HRC/RES/41/2
      Human Rights Council
      Forty-first session

      41/2. Promotion of the right to education
         The Human Rights Council,
         Recalling all previous resolutions on the right to
      education,
         Deeply concerned that millions of children remain out
      of school,
         1. Calls upon States to ensure free primary education
      for all;
         2. Decides to remain seized of the matter.
"""

CAPITAL_HEADER = """\
PARLEMENT DE LA CEDEAO
SESSION ORDINAIRE
Le Parlement communautaire,
Vu le Traité révisé de la CEDEAO ;
Considérant la situation sécuritaire dans la région ;
1. Recommande aux États membres de renforcer leur coopération ;
2. Invite la Commission à faire rapport.
"""

PARTICIPLE_TITLE = """\
Strengthening the United Nations system for humanitarian assistance

The General Assembly,

Recalling its resolution 46/182,

Noting with concern the growing needs,

1. Requests the Secretary-General to report;

2. Decides to remain seized of the matter.
"""

COVER_NOTE = """\
Conseil de l'Union européenne
(OR. en)

Les délégations trouveront en annexe les conclusions du Conseil sur l'eau.

ANNEXE

Conclusions du Conseil sur l'eau

LE CONSEIL DE L'UNION EUROPÉENNE,

1. RAPPELLE que l'eau est un bien commun ;

2. INVITE la Commission à présenter une stratégie.
"""

SPOKEN_INTRO = """\
We reaffirmed our commitment to multilateralism.

We welcomed the progress made in the implementation of the Plan.

We have decided to:

- establish a working group on food security;
- hold our next meeting in Luanda.
"""

CONNECTIVE_INTRO = """\
Constatons avec préoccupation l'ampleur du problème.

Reconnaissons les progrès réalisés dans la lutte contre ce fléau.

En conséquence de quoi :

1. Nous convenons de renforcer notre coopération ;

2. Nous engageons à faire rapport.
"""

SUPERSCRIPT_AFTER_NUMBER = """\
L'Assemblée générale,

Rappelant sa résolution 71/179 du 19 décembre 2016¹,

1. Décide de rester saisie de la question.
"""


@pytest.mark.parametrize(("text", "title", "chapeau", "kinds"), [
    (INDENTED_PDF, "41/2. Promotion of the right to education", "The Human Rights Council,",
     "PPOO"),
    (CAPITAL_HEADER, "PARLEMENT DE LA CEDEAO SESSION ORDINAIRE", "Le Parlement communautaire,",
     "PPOO"),
    (PARTICIPLE_TITLE, "Strengthening the United Nations system for humanitarian assistance",
     "The General Assembly,", "PPOO"),
    (COVER_NOTE, "Conclusions du Conseil sur l'eau", "LE CONSEIL DE L'UNION EUROPÉENNE,", "OO"),
    (SPOKEN_INTRO, None, None, "OOOO"),
    (CONNECTIVE_INTRO, None, None, "PPOO"),
    (SUPERSCRIPT_AFTER_NUMBER, None, "L'Assemblée générale,", "PO"),
], ids=["indented-pdf-chapeau", "chapeau-under-capitals", "participle-title", "cover-note",
        "spoken-intro", "connective-intro", "superscript-after-number"])
def test_front_and_kinds(text, title, chapeau, kinds):
    result = segment_text(text)
    assert (result.title, result.chapeau) == (title, chapeau)
    assert "".join(p.kind[0].upper() for p in result.paragraphs) == kinds


def test_cover_note_is_kept_as_a_note():
    result = segment_text(COVER_NOTE)
    assert "Les délégations trouveront en annexe les conclusions du Conseil sur l'eau." in (
        result.notes)
    assert all(p.annex is None for p in result.paragraphs)


def test_footnote_mark_after_a_number_is_removed():
    result = segment_text(SUPERSCRIPT_AFTER_NUMBER)
    assert result.paragraphs[0].text.endswith("du 19 décembre 2016,")


@pytest.mark.parametrize(("text", "language", "form"), [
    ("We welcomed the progress", "en", "first_plural"),
    ("They noted with concern the report", "en", "third_plural"),
    ("Welcoming the progress", "en", "present_participle"),
    ("Noted with concern the report", "en", "past_participle"),
])
def test_past_tense_after_a_subject(text, language, form):
    assert find_opener(text, language=language).form == form


@pytest.mark.parametrize(("line", "scrap"), [
    ("Doc. EX.CL/1234(XXXIX)", True),
    ("EX.CL/Dec.1145(XXXIX)", True),
    ("(OR. en)", True),
    ("41 C/Résolution 15", True),
    ("and/or", False),
    ("Le Conseil exécutif,", False),
])
def test_document_references_are_page_furniture(line, scrap):
    assert is_scrap(line) is scrap


def test_capital_title_stops_before_the_document_reference():
    text = ("DÉCISION SUR LE RAPPORT D'ACTIVITÉ DE LA COMMISSION\nDoc. EX.CL/1234(XXXIX)\n\n"
            "Le Conseil exécutif,\n\n1. PREND NOTE du rapport ;\n\n2. DEMANDE à la Commission "
            "de faire rapport.\n")
    assert segment_text(text).title == "DÉCISION SUR LE RAPPORT D'ACTIVITÉ DE LA COMMISSION"
