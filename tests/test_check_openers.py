"""Opener checks: unknown openers, forms against block and voice, agreement with the subject."""

import pytest

from checks import apply_fix
from tests.check_helpers import AFFIRMONS, AG, CHEFS, findings, make, where

SEED_PP = ["Réaffirmant notre attachement aux buts et principes de la Charte des Nations Unies ;",
           "Nous fondant sur la Charte de la Francophonie ;",
           "Indignés par ces violations intolérables des droits de l'Homme ;"]
SEED_OP = ["Appelons la communauté internationale à une action immédiate ;",
           "Condamnons avec la plus grande fermeté ces violations graves ;",
           "Invitons la Secrétaire générale de la Francophonie à lancer un appel."]

MUST_FIND = [
    ("opener-unknown", make(SEED_PP, ["Souignons à nouveau l'importance de poursuivre les "
                                      "trafiquants ;", *SEED_OP]),
     ("operative", 0, None), "Soulignons"),
    ("opener-unknown", make(op=["Se félicitent des résultats de la Réunion régionale ;",
                                "Reconnaittent les personnes migrantes comme axe des politiques "
                                "migratoires ;", "Expriment leur préoccupation."], chapeau=CHEFS),
     ("operative", 1, None), "Reconnaissent"),
    ("opener-unknown", make(["Rapellant la Déclaration de Bamako ;", *SEED_PP], SEED_OP),
     ("preambular", 0, None), "Rappelant"),
    ("opener-form", make(SEED_PP, [*SEED_OP[:2], "Réaffirment leur attachement à la Charte ;",
                                   SEED_OP[2]]),
     ("operative", 2, None), "Réaffirmons"),
    ("opener-form", make([*SEED_PP, "Réaffirmons notre attachement à la Charte ;"], SEED_OP),
     ("preambular", 3, None), "Réaffirmant"),
    ("opener-form", make(["Rappelant sa résolution 70/1 du 25 septembre 2015,"],
                         ["Prie le Secrétaire général de lui présenter un rapport ;",
                          "Décidons de poursuivre l'examen de la question."], chapeau=AG),
     ("operative", 1, None), "Décide"),
    ("opener-form", make(["RECONNAISSANT que la traite est un problème grave ;"],
                         ["De rejeter tout acte de traite des personnes.",
                          "Promouvons la mise en œuvre du Protocole.",
                          "De prendre des mesures immédiates et effectives."], chapeau="",
                         operative_intro=AFFIRMONS),
     ("operative", 1, None), "De promouvoir"),
    ("opener-form", make(op=["Se félicitent des résultats de la Réunion régionale ;",
                             "Soulignons la nécessité de promouvoir des actions coordonnées ;",
                             "Expriment leur rejet de la criminalisation des migrants."],
                         chapeau=CHEFS),
     ("operative", 1, None), "Soulignent"),
    ("opener-form", make(op=["Se félicitent des résultats de la Réunion régionale ;",
                             "Nous engageons à promouvoir des actions coordonnées ;",
                             "Expriment leur rejet de la criminalisation des migrants."],
                         chapeau=CHEFS),
     ("operative", 1, None), "S'engagent"),
    ("opener-agreement", make(["Rappelant sa résolution 70/1,", "Conscients que la traite "
                               "constitue une grave menace,"], ["Décide de rester saisie."],
                              chapeau=AG),
     ("preambular", 1, None), "Consciente"),
    ("opener-agreement", make([*SEED_PP, "Indignée par la vente de migrants aux enchères ;"],
                              SEED_OP),
     ("preambular", 3, None), "Indignés"),
]


G20 = ["We are deeply concerned that more than 735 million people faced hunger in 2022.",
       "We commit to strengthening research cooperation on climate-resilient grains.",
       "We call on members to refrain from imposing export restrictions on foodstuffs.",
       "We look forward to further cooperation on these issues in 2024."]
G20_CHAPEAU = "We, the Leaders of the G20, met in New Delhi on 9 and 10 September 2023."
MUST_FIND += [
    ("opener-unknown", make(op=[*G20[:3], "estailish a working group on food security;",
                                "hold our next meeting in Luanda in 2023.", G20[3]],
                            chapeau=G20_CHAPEAU, operative_intro="We have decided to:",
                            language="en"),
     ("operative", 3, None), "establish"),
    ("opener-form", make(op=[G20[0], "Commit to strengthening research cooperation.", *G20[2:]],
                         chapeau=G20_CHAPEAU, language="en"),
     ("operative", 1, None), "We commit to strengthening research cooperation."),
    ("opener-form", make(op=["Nous constatons que la jeunesse représente une chance.",
                             "Réaffirmons notre attachement au sport pour tous.",
                             "Nous invitons les partenaires à soutenir les Jeux.",
                             "Nous convenons de nous réunir de nouveau en 2026."],
                         chapeau="Nous, ministres, réunis à Dakar, adoptons la déclaration."),
     ("operative", 1, None), "Nous réaffirmons notre attachement au sport pour tous."),
]


@pytest.mark.parametrize(("code", "draft", "place", "suggestion"), MUST_FIND)
def test_finds(code, draft, place, suggestion):
    found = findings(draft, code)
    assert [where(f) for f in found] == [place]
    assert found[0].severity == "error"
    assert found[0].suggestion == suggestion


NARRATIVE = make(op=["Nous réaffirmons notre détermination à traduire en justice ceux qui "
                     "commettent ces crimes.",
                     "Une telle exploitation détruit la vie des individus.",
                     "Nous reconnaissons les progrès réalisés dans la lutte contre ce fléau."],
                 chapeau="*Nous, soussignés, les dirigeants d'un groupe divers d'États Membres,*")
DECLARING_PREAMBLE = make(
    ["Nous engageons à lutter contre l'exploitation des êtres humains.",
     "Reconnaissons que ces crimes ne respectent ni les frontières ni les juridictions.",
     "Réaffirmons notre détermination à traduire en justice ceux qui commettent ces crimes.",
     "Accueillons favorablement la prochaine révision du Plan d'action mondial."],
    ["Nous convenons que nous nous efforcerons de ratifier les conventions pertinentes :",
     "Nous appelons à une coopération internationale renforcée.",
     "Nous nous engageons à évaluer de manière transparente nos progrès."],
    chapeau="Nous, soussignés, les dirigeants d'un groupe divers d'États Membres,",
    operative_intro="En conséquence de quoi :")
CELAC = make(op=["Se félicitent des résultats de la Réunion régionale ;",
                 "Réaffirment également leur préoccupation quant à la situation des migrants ;",
                 "Prennent note des accords réalisés durant la Réunion ministérielle ;",
                 "De même, ils réitèrent leur soutien le plus ferme à tous les efforts ;",
                 "Expriment leur préoccupation au sujet de l'impact de la crise."], chapeau=CHEFS)
UN_RESOLUTION = make(
    ["Réaffirmant les buts et principes consacrés par la Charte des Nations Unies,",
     "Profondément préoccupée par l'augmentation du nombre de victimes de la traite,",
     "Consciente que la traite des personnes constitue une grave menace pour la dignité "
     "humaine,",
     "Ayant examiné le rapport du Secrétaire général,"],
    ["Condamne énergiquement la traite des personnes ;",
     "Exhorte les États Membres à ratifier le Protocole ;",
     "Prie le Secrétaire général de lui présenter un rapport ;",
     "Décide de poursuivre l'examen de la question."], chapeau=AG)
NIAMEY = make(op=["Renforcer les cadres juridiques nationaux concernant la lutte contre la "
                  "traite ;",
                  "Renforcer les contrôles aux frontières ;",
                  "Protéger les migrants illégaux et les victimes de la contrebande ;",
                  "Assurer le suivi des engagements."],
              chapeau="", operative_intro="Les participants ont convenu des actions suivantes :")
WE = make(op=["Reaffirm the right of every human being to the highest attainable standard of "
                 "health;", "Decide to convene a high-level meeting in 2027."],
           chapeau="We, Heads of State and Government, assembled at the United Nations,",
           language="en", title="Political declaration")
FEMININE = make(["Indignées par ces violations intolérables ;",
                 "Conscientes de la gravité de la situation ;",
                 "Préoccupées par le sort des migrantes ;"], SEED_OP)
SEED_LIKE = make(SEED_PP, SEED_OP)
G20_CLEAN = make(op=G20, chapeau=G20_CHAPEAU, language="en")
DECIDED = make(op=[*G20[:3], "establish a working group on food security;",
                  "hold our next meeting in Luanda in 2023.", G20[3]],
               chapeau=G20_CHAPEAU, operative_intro="We have decided to:", language="en")
WE_THEN_VERBS = make(op=[*G20[:3], "Decide to meet again in 2024."],
                     chapeau="We, the Leaders of the G20, meeting in New Delhi,", language="en")
MUST_NOT = [(code, draft) for code in ("opener-unknown", "opener-form", "opener-agreement")
            for draft in (NARRATIVE, DECLARING_PREAMBLE, CELAC, UN_RESOLUTION, NIAMEY, FEMININE,
                          SEED_LIKE, WE, G20_CLEAN, WE_THEN_VERBS, DECIDED)]


@pytest.mark.parametrize(("code", "draft"), MUST_NOT)
def test_leaves_good_text_alone(code, draft):
    assert findings(draft, code) == []


def test_fix_puts_the_opener_in_the_draft_voice():
    draft = make(SEED_PP, [*SEED_OP[:2], "Réaffirment leur attachement à la Charte ;", SEED_OP[2]])
    fixed = apply_fix(draft, findings(draft, "opener-form")[0])
    assert fixed.operative[2].text == "Réaffirmons leur attachement à la Charte ;"
    assert draft.operative[2].text.startswith("Réaffirment")  # the original is left alone
