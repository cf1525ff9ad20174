"""Checks across the draft: numbering, duplicates, acronyms, names, references, emptiness,
length and drift from precedents."""

import pytest

from checks import build_context
from drafts.model import Paragraph, Provenance
from tests.check_helpers import AG, findings, make, where

PP = ["Réaffirmant notre attachement à la Charte des Nations Unies ;",
      "Nous fondant sur la Charte de la Francophonie ;"]
OP = ["Appelons la communauté internationale à une action immédiate ;",
      "Condamnons avec la plus grande fermeté ces violations graves ;",
      "Encourageons les instances judiciaires à poursuivre les auteurs de ces actes ;",
      "Invitons la Secrétaire générale de la Francophonie à lancer un appel."]
UNODC = "l'Office des Nations Unies contre la drogue et le crime (ONUDC)"
LONG = " ".join(["Encourageons les États à renforcer la coopération régionale et internationale "
                 "en matière de prévention, de protection des victimes et de poursuites,"] * 12)
BANK = build_context([
    "Réaffirmant les buts et principes consacrés par la Charte des Nations Unies,",
    "Saluant le travail de l'Office des Nations Unies contre la drogue et le crime (ONUDC),",
    "Rappelant la Convention des Nations Unies contre la criminalité transnationale organisée,",
    "Rappelant le Protocole de Palerme et la Charte des Nations Unies,",
])

MUST_FIND = [
    ("numbering", make(PP, ["3. Appelons la communauté internationale à agir ;", *OP[1:]]),
     ("operative", 0, None), "1", None),
    ("numbering", make(PP, [OP[0], ("Soutenons les actions suivantes :",
                                    ["a) la consolidation de la démocratie ;",
                                     "b) l'accès à l'éducation ;", "d) la création d'emplois."]),
                            *OP[2:]]), ("operative", 1, 2), "c", None),
    ("numbering", make(PP, [OP[0], ("Nous efforcerons de :",
                                    ["(i) ratifier les conventions ;", "(ii) élaborer des "
                                     "stratégies ;", "(iv) renforcer les mesures."])]),
     ("operative", 1, 2), "iii", None),
    ("duplicate", make(PP, [*OP, "Condamnons avec la plus grande fermeté ces graves violations ;"]),
     ("operative", 4, None), None, None),
    ("duplicate", make([*PP, OP[2]], OP), ("operative", 2, None), None, None),
    ("acronym", make(PP, ["Saluons le travail de l'ONUDC ;", *OP[1:]]),
     ("operative", 0, None), None, None),
    ("acronym", make(PP, ["Saluons le travail de l'ONUDC ;", *OP[1:]]),
     ("operative", 0, None), "Office des Nations Unies contre la drogue et le crime (ONUDC)", BANK),
    ("acronym", make(PP, ["Saluons le travail de l'ONUDC ;", OP[1], f"Invitons {UNODC} à agir."]),
     ("operative", 0, None), "Office des Nations Unies contre la drogue et le crime (ONUDC)", None),
    ("acronym", make(PP, [f"Invitons {UNODC} à agir ;", "Invitons l'Organisation des Nations Unies "
                                                        "pour le développement du crime (ONUDC) à "
                                                        "agir."]),
     ("operative", 1, None), None, None),
    ("acronym", make(PP, ["Saluons les objectifs internationaux majeurs du plan ;",
                          "Travaillons avec l'OIM ;", *OP[2:]]),
     ("operative", 1, None), None, None),
    ("name-variant", make(PP, ["Appelons l'Organisation des Nations unies à agir ;", *OP[1:]]),
     ("operative", 0, None), "Nations Unies", None),
    ("name-variant", make(["Rappelant le Protocole de Palerme ;", *PP],
                          [*OP[:3], "Appelons les États à appliquer le Protocole de la Convention "
                           "de Palerme."]),
     ("operative", 3, None), "Protocole de Palerme", None),
    ("cross-reference", make(PP, [OP[0], "Rappelons le paragraphe 7 ci-dessus ;", *OP[2:]]),
     ("operative", 1, None), None, None),
    ("cross-reference", make(PP, [OP[0], "Rappelons le paragraphe 3 ci-dessus ;", *OP[2:]]),
     ("operative", 1, None), "ci-dessous", None),
    ("cross-reference", make(["Gardant à l'esprit le paragraphe 2 ci-dessus ;"], OP),
     ("preambular", 0, None), "ci-dessous", None),
    ("empty", make(PP, [OP[0], "", *OP[1:]]), ("operative", 1, None), None, None),
    ("empty", make(PP, [OP[0], "18.", *OP[1:]]), ("operative", 1, None), None, None),
    ("empty", make(PP, OP, title=""), ("title", None, None), None, None),
    ("empty", make(PP, OP, chapeau=""), ("chapeau", None, None), None, None),
    ("length", make(PP, [OP[0], LONG, *OP[1:]]), ("operative", 1, None), None, None),
]


@pytest.mark.parametrize(("code", "draft", "place", "suggestion", "context"), MUST_FIND)
def test_finds(code, draft, place, suggestion, context):
    found = findings(draft, code, context=context)
    assert [where(f) for f in found] == [place]
    assert found[0].suggestion == suggestion


SEED_002 = make(
    ["RECONNAISSANT le Programme 2030 : cibles 5.2, 8.7 et 16.2 des Objectifs de développement "
     "durable (ODD) ;", "RAPPELANT la résolution adoptée par l'Assemblée générale de l'OEA en "
     "juin 2017 et les résolutions CP/RES. 1087/17 et CP/RES. 1089/17 ;",
     "RECONNAISSANT ÉGALEMENT que la Convention de Belém do Pará – MESECVI – inclut la traite ;"],
    ["D'encourager la création de partenariats entre le secteur public, le secteur privé, la "
     "société civile et d'autres acteurs sociaux afin de mettre en commun des renseignements.",
     "De promouvoir les partenariats entre le secteur public, le secteur privé, la société civile "
     "et d'autres acteurs sociaux, pour fournir un logement aux victimes.",
     "De contribuer à la réalisation de l'objectif 8.7 des ODD et au renforcement du MESECVI.",
     "De renforcer la coopération avec le Secrétariat du XXIe siècle, au sens du paragraphe 3 "
     "de la résolution 70/1 et du paragraphe 2 ci-dessus."],
    chapeau="LES AUTORITÉS NATIONALES EN MATIÈRE DE TRAITE DES PERSONNES, réunies à Washington,",
    operative_intro="AFFIRMONS L’IMPORTANCE :")
NIAMEY = make(op=["Renforcer les contrôles aux frontières ;",
                  "Renforcer la coopération en matière de justice pénale ;",
                  "Protéger les migrants et les victimes de la contrebande ;",
                  "Assurer le suivi des engagements."], chapeau="",
              operative_intro="Les participants ont convenu des actions suivantes :")
NAMES = make(["Rappelant la Déclaration de Bamako et la Déclaration de Brasilia ;",
              "Rappelant la Convention de Palerme et le Protocole de Palerme ;",
              "Soulignant la prospérité des nations et le rôle des Nations Unies ;"], OP)
ALTERNATIVES = make(PP, [OP[0], Paragraph(OP[1], id="op2"),
                         Paragraph("Condamnons avec la plus grande fermeté ces graves violations ;",
                                   alternative="bis", alternative_of="op2"), *OP[2:]])
NUMBERED = make(PP, ["1. Appelons la communauté internationale à agir ;",
                     ("2. Soutenons les actions suivantes :",
                      ["a) la consolidation de la démocratie ;", "b) l'accès à l'éducation."])])
ROMAN_ITEMS = make(PP, [("Nous efforcerons de :", ["i) ratifier ;", "ii) élaborer ;",
                                                   "iii) renforcer ;", "iv) donner ;",
                                                   "v) éradiquer."])])
CEMAC = make(["Vu le Traité de la Communauté économique et monétaire de l’Afrique centrale ;"],
             ["Invitons la Commission de la CEMAC à agir ;", "Saluons le travail de l'ONU."])
AFRICA_CDC = make(["Saluant le Centre africain de contrôle et de prévention des maladies "
                   "(Africa CDC) et l'Entité des Nations Unies pour l'égalité des sexes et "
                   "l'autonomisation des femmes (ONU Femmes) ;"],
                  ["Invitons l'Africa CDC et ONU Femmes à agir ;", "Saluons le travail de l'ONU."])
CLEAN = {"cemac": CEMAC, "africa-cdc": AFRICA_CDC, "seed-002": SEED_002, "niamey": NIAMEY,
         "names": NAMES,
         "bis": ALTERNATIVES, "numbered": NUMBERED, "roman": ROMAN_ITEMS, "oif": make(PP, OP)}
CODES = ("numbering", "duplicate", "acronym", "name-variant", "cross-reference", "empty",
         "length")


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("name", list(CLEAN))
def test_leaves_good_text_alone(code, name):
    draft = CLEAN[name]
    assert findings(draft, code, context=BANK) == []


def test_precedent_drift_shows_what_changed_from_agreed_language():
    draft = make(["Réaffirmant les buts et principes énoncés dans la Charte des Nations Unies,"],
                 ["Décide de rester saisie de la question."], chapeau=AG)
    [finding] = findings(draft, "precedent-drift", context=BANK, severities=("info",))
    assert where(finding) == ("preambular", 0, None)
    assert "consacrés par" in finding.message and "énoncés dans" in finding.message
    assert finding.suggestion == BANK.nearest(finding.suggestion)[0][0]
    assert finding.detail["similarity"] >= 85


def test_precedent_drift_from_the_paragraph_provenance():
    precedent = ("Réaffirment leur attachement aux buts et principes de la Charte des Nations "
                 "Unies ;")
    paragraph = Paragraph("Réaffirmons notre attachement aux principes de la Charte des Nations "
                          "Unies ;", provenance=Provenance(7, "Déclaration de Caracas", "OP3",
                                                           precedent))
    [finding] = findings(make(PP, [paragraph, *OP]), "precedent-drift", severities=("info",))
    assert finding.detail["clause_id"] == 7
    # The voice adaptation is expected; only what the drafter changed is drift.
    assert finding.suggestion == "Réaffirmons leur attachement aux buts et principes de la " \
                                 "Charte des Nations Unies ;"


@pytest.mark.parametrize("text", [
    "Réaffirmant les buts et principes consacrés par la Charte des Nations Unies,",
    "Saluant le travail accompli par le Comité contre la torture,",
])
def test_no_drift_when_identical_or_far(text):
    draft = make([text], ["Décide de rester saisie de la question."], chapeau=AG)
    assert findings(draft, "precedent-drift", context=BANK, severities=("info",)) == []


def test_adapted_precedent_is_no_drift():
    precedent = "Réaffirment leur attachement à la Charte des Nations Unies ;"
    paragraph = Paragraph("Réaffirmons leur attachement à la Charte des Nations Unies ;",
                          provenance=Provenance(3, "Communiqué", "OP2", precedent))
    assert findings(make(PP, [paragraph]), "precedent-drift", severities=("info",)) == []


@pytest.mark.parametrize(("words", "found"), [(135, False), (159, False), (170, True)])
def test_a_bank_of_short_clauses_does_not_shorten_the_house_norm(words, found):
    short_clauses = build_context([f"a) à renforcer la coopération no {n} ;" for n in range(40)])
    body = " ".join(["coopération"] * (words - 2))
    draft = make(PP[:1], [OP[0], f"Encourageons les {body} ;"])  # too few to set its own habit
    assert bool(findings(draft, "length", context=short_clauses)) is found


def test_an_acronym_that_reads_as_a_word_is_still_an_acronym_once_spelt_out():
    draft = make(op=["We welcome the report, prepared with the support of GEOGLAM.",
                     "We will support the Group on Earth Observations Global Agricultural "
                     "Monitoring Initiative (GEOGLAM) to increase transparency.",
                     "We look forward to further cooperation in 2024."],
                 chapeau="We, the Leaders of the G20, meeting in New Delhi,", language="en")
    [finding] = findings(draft, "acronym")
    assert where(finding) == ("operative", 0, None)
    assert finding.suggestion.endswith("Monitoring Initiative (GEOGLAM)")


@pytest.mark.parametrize("draft", [
    make(["Rappelant le Cadre « L'EDD pour 2030 » ;",
          "Reconnaissant le rôle de l'UNESCO dans l'éducation en vue du développement durable "
          "(EDD) ;"], ["Invitons les États à intégrer l'EDD dans leurs politiques."]),
    make(op=["We note that trade is projected to reach US$2 trillion by 2030.",
             "We welcome the support of the UK and the US to the programme."],
         chapeau="We, the Heads of Government, meeting in Apia,", language="en"),
], ids=["quoted-title", "us-dollars"])
def test_acronyms_that_need_no_spelling_out_here(draft):
    assert findings(draft, "acronym") == []
