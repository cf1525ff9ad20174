"""References found in clauses: instruments, organisations, acronyms, SDG targets, dates."""

from __future__ import annotations

import pytest

from clause_bank.references import find_references


def _found(text, language="fr"):
    return [(r.kind, r.text, r.key) for r in find_references(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tel qu'établi dans le Protocole de Palerme,",
         ("instrument", "Protocole de Palerme", "Protocole de Palerme")),
        ("le Protocole de la Convention de Palerme",
         ("instrument", "Protocole de la Convention de Palerme", "Protocole de Palerme")),
        ("en accord avec la Convention de Belém do Pará.",
         ("instrument", "Convention de Belém do Pará", "Convention de Belém do Pará")),
        ("la Charte des Nations unies", ("instrument", "Charte des Nations unies",
                                         "Charte des Nations Unies")),
        ("notamment la Déclaration de Bamako (2000)",
         ("instrument", "Déclaration de Bamako", None)),
        ("la Résolution d'Erevan sur les réfugiés et les migrants (2015)",
         ("instrument", "Résolution d'Erevan sur les réfugiés et les migrants", None)),
        ("sa résolution 70/1 du 25 septembre 2015", ("instrument", "résolution 70/1", None)),
        ("les résolutions CP/RES. 1087/17", ("instrument", "CP/RES. 1087/17", None)),
        ("l'Organisation internationale pour les migrations (OIM)",
         ("organisation", "OIM", "Organisation internationale pour les migrations")),
        ("des Nations unies", ("organisation", "Nations unies", "Organisation des Nations Unies")),
        ("des Nations Unies", ("organisation", "Nations Unies", "Organisation des Nations Unies")),
        ("la CENSAD", ("organisation", "CENSAD", "Communauté des États sahélo-sahariens")),
        ("les objectifs de développement durable (ODD)", ("acronym", "ODD", None)),
        ("cibles 5.2, 8.7 et 16.2 des Objectifs", ("sdg_target", "16.2", "16.2")),
        ("l'objectif 8.7 des ODD", ("sdg_target", "8.7", "8.7")),
        ("adoptée le 5 décembre 2014;", ("date", "5 décembre 2014", "2014-12-05")),
        ("tenue les 27 et 28 juin 2011 à Lima", ("date", "27 et 28 juin 2011", "2011-06-28")),
        ("de 1994 à 2030", ("year", "1994", "1994")),
    ],
)
def test_reference_found(text, expected):
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recalling the 2030 Agenda for Sustainable Development and target 8.7,",
         {("instrument", "2030 Agenda for Sustainable Development", "Programme 2030"),
          ("sdg_target", "8.7", "8.7")}),
        ("meeting in Abuja on 21 December 2019 with the United Nations (UN)",
         {("date", "21 December 2019", "2019-12-21"),
          ("organisation", "United Nations", "Organisation des Nations Unies"),
          ("organisation", "UN", "Organisation des Nations Unies")}),
    ],
)
def test_english_references(text, expected):
    assert expected <= set(_found(text, "en"))


@pytest.mark.parametrize(
    "text",
    [
        "NOTANT AVEC SATISFACTION que 172 États parties ont ratifié",  # capitals, not acronyms
        "la déclaration finale et les résolutions adoptées",  # no name
        "le chapitre VII et l'article 7",  # roman numeral, article number
        "au paragraphe 8.7 ci-dessus",  # a paragraph, not an SDG target
    ],
)
def test_nothing_spurious(text):
    kinds = {kind for kind, _, _ in _found(text)}
    assert not kinds & {"acronym", "instrument", "sdg_target"}


def test_order_and_no_duplicates():
    text = "l'OIM, le HCR et l'OIM encore, selon le Protocole de Palerme (Protocole de Palerme)"
    found = _found(text)
    assert [t for _, t, _ in found] == ["OIM", "HCR", "Protocole de Palerme"]
