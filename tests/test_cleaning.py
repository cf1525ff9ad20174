"""Line cleaning and paragraph markers: the residue real inputs carry."""

from __future__ import annotations

import pytest

from clause_bank.cleaning import clean_line, clean_lines, is_closing, is_scrap
from clause_bank.numbering import Marker, parse_marker, roman_index


@pytest.mark.parametrize(
    ("raw", "text", "marker"),
    [
        ("**Réaffirmant** notre attachement ;", "Réaffirmant notre attachement ;", None),
        ("***Nous engageons*** à lutter", "Nous engageons à lutter", None),
        ("- 1.** Les chefs d'État,", "Les chefs d'État,", Marker("1", "number")),
        ("- 9.** Réaffirment l'importance", "Réaffirment l'importance", Marker("9", "number")),
        ("  - (i) **Ratifier**", "Ratifier", Marker("i", "ambiguous")),
        ("    - o établissent une approche", "établissent une approche", Marker("o", "bullet")),
        ("(vi) qu'il soit assuré", "qu'il soit assuré", Marker("vi", "roman")),
        ("a) De protéger les droits ;", "De protéger les droits ;", Marker("a", "letter")),
        ("(b) To strengthen", "To strengthen", Marker("b", "letter")),
        ("12. De promouvoir", "De promouvoir", Marker("12", "number")),
        ("1 – Constatons que", "Constatons que", Marker("1", "number")),
        ("7 bis. Décide également", "Décide également", Marker("7 bis", "number")),
        ("OP 3 Prie le Secrétaire", "Prie le Secrétaire", Marker("OP 3", "number")),
        ("3.1. à ratifier le Protocole", "à ratifier le Protocole", Marker("3.1", "subnumber")),
        ("II. Engagements", "Engagements", Marker("II", "section")),
        ("• En octobre 2019", "En octobre 2019", Marker("•", "bullet")),
        ("\ufffd.\tLe 5 mars, la Délégation", "Le 5 mars, la Délégation",
         Marker("\ufffd", "footnote")),
        ("[^2]: A/73/263.", "A/73/263.", Marker("[^2]:", "footnote")),
        ("34<sup>e</sup> session", "34e session", None),
        ("de la traite¹, et", "de la traite, et", None),
        ("migratoires, (*sic*) et de la", "migratoires, et de la", None),
        ("[Accueil](/) et ![logo](x.png)", "Accueil et", None),
        ("## **Appel à l'action**", "Appel à l'action", None),
        ("l'objectif 8.7 des ODD", "l'objectif 8.7 des ODD", None),
        ("2030, les États", "2030, les États", None),
    ],
)
def test_clean_line(raw, text, marker):
    line = clean_line(raw)
    assert (line.text, line.marker) == (text, marker)


def test_clean_line_records_sic_and_headings():
    assert clean_line("le développement. *(sic)*").dropped == ("(sic)",)
    assert clean_line("## Déclaration").heading
    assert clean_line("   ") is None


def test_tab_after_a_marker_keeps_the_line_whole():
    text = "\ufffd.\tA/73/263.\n\n1.\tDécide de rester saisie.\nNations Unies\tA/RES/1"
    lines = clean_lines(text)
    assert [(line.marker, line.text) for line in lines] == [
        (Marker("\ufffd", "footnote"), "A/73/263."),
        (Marker("1", "number"), "Décide de rester saisie."),
        (None, "Nations Unies"),
        (None, "A/RES/1"),
    ]


def test_marker_alone_on_its_line():
    assert parse_marker("12.") == (Marker("12", "number"), "")
    assert parse_marker("1") == (Marker("1", "number"), "")


@pytest.mark.parametrize(
    ("value", "rank"), [("i", 1), ("iv", 4), ("vi", 6), ("ix", 9), ("xii", 12)]
)
def test_roman(value, rank):
    assert roman_index(value) == rank


@pytest.mark.parametrize(
    "text",
    ["top of page", "FR", "Profil Régional", "bottom of page", "/", "- 2 -", "Page 3 sur 12",
     "A/RES/72/179", "Distr. générale", "Partager : Facebook | Twitter", "GE.17-12345 (F)",
     "Accueil > Actualités > Appel de Dakar", "*1720703*"],
)
def test_scraps(text):
    assert is_scrap(text)


@pytest.mark.parametrize(
    "text",
    ["La Déclaration de Niamey", "Renforcer les contrôles aux frontières;", "FIN DE LA TRAITE",
     "Nations Unies et Union africaine"],
)
def test_not_scraps(text):
    assert not is_scrap(text)


@pytest.mark.parametrize(
    ("text", "closing"),
    [("FIN", True), ("Fait à Paris, le 25 novembre 2017", True), ("73e séance plénière", True),
     ("Done at Kigali, 21 March 2018", True), ("Bamako, le 7 mars 2020", True),
     ("Adopte la présente déclaration.", False), ("Finalement, décidons", False)],
)
def test_closings(text, closing):
    assert is_closing(text) is closing
