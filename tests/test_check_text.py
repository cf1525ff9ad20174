"""Checks on the text itself: punctuation, typography, spelling, language, brackets."""

import pytest

from checks import apply_fix, build_context
from drafts.model import Paragraph
from tests.check_helpers import AG, findings, make, where

NB = "\u00a0"
OIF_PP = ["Réaffirmant notre attachement à la Charte des Nations Unies ;",
          "Nous fondant sur la Charte de la Francophonie ;",
          "Interpellés par la récurrence des violations graves des droits de l'Homme ;"]
OIF_OP = ["Appelons la communauté internationale à une action immédiate ;",
          "Condamnons avec la plus grande fermeté ces violations graves ;",
          "Invitons la Secrétaire générale de la Francophonie à lancer un appel."]

MUST_FIND = [
    ("punctuation", make([*OIF_PP[:2], "Indignés par ces violations intolérables,", OIF_PP[2]],
                         OIF_OP), ("preambular", 2, None), NB + ";"),
    ("punctuation", make(OIF_PP, [*OIF_OP[:2], "Saluons l'initiative de la France ;"]),
     ("operative", 2, None), "."),
    ("punctuation", make(OIF_PP, [OIF_OP[0], "Condamnons ces violations graves.", *OIF_OP[1:]]),
     ("operative", 1, None), NB + ";"),
    ("punctuation", make(OIF_PP, OIF_OP, chapeau="Nous, Ministres, réunis à Paris."),
     ("chapeau", None, None), ","),
    ("punctuation", make(OIF_PP, [OIF_OP[0], "Condamnons ces violations graves ;;", OIF_OP[2]]),
     ("operative", 1, None), ";"),
    ("punctuation", make(OIF_PP, [OIF_OP[0], "Condamnons ces violations,, graves ;", OIF_OP[2]]),
     ("operative", 1, None), ","),
    ("punctuation", make(["Rappelant sa résolution 70/1,", "Réaffirmant la Charte;",
                          "Consciente de la menace,", "Ayant examiné le rapport,"],
                         ["Décide de rester saisie de la question."], chapeau=AG,
                         house_style="un"),
     ("preambular", 1, None), ","),
    ("typography", make(OIF_PP, [OIF_OP[0], "Renforcer la coopération pénale;", OIF_OP[2]]),
     ("operative", 1, None), NB + ";"),
    ("typography", make(OIF_PP, [OIF_OP[0], "Condamnons  ces violations ;", OIF_OP[2]]),
     ("operative", 1, None), " "),
    ("typography", make(["Réaffirmant l’attachement à la Charte ;", "Rappelant l’urgence ;",
                         "Soulignant l'importance de l’action ;"], OIF_OP),
     ("preambular", 2, None), "Soulignant l’importance de l’action ;"),
    ("typography", make(OIF_PP, [OIF_OP[0], "**Condamnons** ces violations graves ;", OIF_OP[2]]),
     ("operative", 1, None), "Condamnons"),
    ("typography", make(OIF_PP, [OIF_OP[0], "Condamnons ces violations\ufffd ;", OIF_OP[2]]),
     ("operative", 1, None), ""),
    ("typography", make(OIF_PP, [OIF_OP[0], f"Réitérons «{NB}la nécessité de promouvoir» ;",
                                 OIF_OP[2]]),
     ("operative", 1, None), NB + "»"),
    ("spelling", make(OIF_PP, [OIF_OP[0], "Promouvons l'accès à une assistance pour la "
                               "réinsertion, si néssaire ;", OIF_OP[2]]),
     ("operative", 1, None), "nécessaire"),
    ("spelling", make(OIF_PP, [OIF_OP[0], "Renforçons la coopérasion régionale ;", OIF_OP[2]]),
     ("operative", 1, None), "coopération"),
    ("language", make(op=["Renforcer les capacités techniques des forces de sécurité dans les pays "
                          "de transit;Reinforce criminal justice cooperation;",
                          "Renforcer les contrôles aux frontières."], chapeau="",
                      operative_intro="Les participants ont convenu des actions suivantes :"),
     ("operative", 0, None), None),
    ("language", make(OIF_PP, [OIF_OP[0], "Calls upon all States to strengthen the protection "
                               "of victims of trafficking;", OIF_OP[2]]),
     ("operative", 1, None), None),
    ("language", make(["Recalling its resolution 70/1,"],
                      ["Décide de renforcer la coopération entre les États membres ;",
                       "Requests the Secretary-General to report to it."],
                      chapeau="The General Assembly,", language="en"),
     ("operative", 0, None), None),
    ("brackets", make(OIF_PP, [OIF_OP[0], "Condamnons ces violations (voir la note ;", OIF_OP[2]]),
     ("operative", 1, None), None),
    ("brackets", make(OIF_PP, [OIF_OP[0], "Réitérons la nécessité de promouvoir » ;", OIF_OP[2]]),
     ("operative", 1, None), None),
    ("punctuation", make(["RECALLING the Charter of the Organization of American States;",
                          "REAFFIRMING that poverty eradication remains a central objective,",
                          "TAKING NOTE of the annual report of the Council; and",
                          "CONSIDERING the challenges of the small island developing states,"],
                         ["To reiterate the commitment of member states;",
                          "To request the Permanent Council to report on this resolution."],
                         chapeau="THE GENERAL ASSEMBLY,", operative_intro="RESOLVES:",
                         language="en"),
     ("preambular", 1, None), ";"),
    ("brackets", make(OIF_PP, [OIF_OP[0], "Invitons le Fonds (FNUAP à appliquer les mesures "
                               "énoncées à l’alinéa b) du paragraphe 3 ;", OIF_OP[2]]),
     ("operative", 1, None), None),
    ("brackets", make(OIF_PP, [OIF_OP[0], "Réitérons « la nécessité [de promouvoir ;",
                               OIF_OP[2]]),
     ("operative", 1, None), None),
]


@pytest.mark.parametrize(("code", "draft", "place", "suggestion"), MUST_FIND)
def test_finds(code, draft, place, suggestion):
    found = findings(draft, code)
    assert place in [where(f) for f in found]
    assert len({where(f) for f in found}) == 1
    assert suggestion in [f.suggestion for f in found]


UN = make(["Réaffirmant les buts et principes consacrés par la Charte des Nations Unies,",
           "Rappelant sa résolution 70/1 du 25 septembre 2015, intitulée « Transformer notre "
           "monde : le Programme de développement durable à l’horizon 2030 »,",
           "Profondément préoccupée par l’augmentation du nombre de victimes (art. 7, par. 2, "
           "etc.), notamment des femmes et des filles,",
           "Ayant examiné le rapport du Secrétaire général (A/73/263),"],
          ["Condamne énergiquement la traite des personnes ;",
           ("Prie le Secrétaire général de lui présenter un rapport portant notamment sur :",
            ["a) l’application de la présente résolution ;",
             "b) les mesures prises, y compris les points a) et c) du paragraphe 3 ;"]),
           "Décide de poursuivre l’examen de la question à sa soixante-quatorzième session."],
          chapeau="L’Assemblée générale,")
OAS = make(["RECONNAISSANT que la traite des personnes constitue un problème grave ;",
            "SOULIGNANT le rôle que joue la société civile ;",
            "RAPPELANT les résolutions du Conseil permanent CP/RES. 1087/17 ; et",
            "RÉAFFIRMANT les objectifs du deuxième Plan de travail 2015-2018,"],
           ["De rejeter tout acte susceptible de constituer le délit de traite.",
            "De promouvoir, s’il y a lieu, des mécanismes de coopération bilatérale.",
            "D’appuyer la Plateforme des connaissances sur la traite des personnes."],
           chapeau="", operative_intro="AFFIRMONS L’IMPORTANCE :")
CALL = make(op=["Nous nous engageons à lutter contre l'exploitation des êtres humains, que ce "
                "service obligatoire soit qualifié de trafic d'êtres humains ou de travail forcé.",
                "Nous reconnaissons que ces crimes ne respectent ni les frontières ni les "
                "juridictions. Une telle exploitation détruit la vie des individus.",
                "Nous réaffirmons notre détermination à traduire en justice ceux qui commettent "
                "ces crimes, à des fins personnelles ou commerciales.",
                "Nous constatons avec vive préoccupation l'ampleur du problème."],
            chapeau="Nous, soussignés, dirigeants d'un groupe divers d'États Membres,")
SUMMIT = make(op=["Nous avons adopté une vision commune pour un partenariat renouvelé.",
                  "Nous soutenons la production locale de vaccins et de médicaments.",
                  "Nous convenons de nous réunir de nouveau lors du prochain sommet."],
              chapeau="Nous, les membres du Conseil européen et les chefs d'État et de "
                      "gouvernement de l'Union africaine, nous sommes réunis à Bruxelles.")
DAKAR = make(op=["Nous constatons que la jeunesse représente une chance.",
                 "Nous nous engageons à renforcer les politiques publiques en faveur des jeunes.",
                 "Nous convenons de nous réunir de nouveau en 2026."],
             chapeau="Nous, ministres de la Jeunesse, réunis à Dakar du 14 au 16 mai 2024, "
                     "adoptons la présente déclaration.")
DECIDED = make(op=["We reaffirmed our commitment to multilateralism.",
                  "We welcomed the progress made in the implementation of the Plan.",
                  "establish a working group on food security;",
                  "hold our next meeting in Luanda in 2023;",
                  "mandate the Executive Secretariat to prepare a report.",
                  "We thanked the Government of Portugal for its warm hospitality."],
               chapeau="We, the Foreign Ministers, met in Lisbon on 12 May 2022.",
               operative_intro="We have decided to:", language="en")
SYMBOLS = make(["AYANT VU le rapport annuel du Conseil permanent (AG/doc.5678/20) ;",
                "RAPPELANT la résilience des sociétés et les enjeux sociétaux ;"],
               ["De prendre note du document A/RES/78/3 ;", "De renforcer la coopération."],
               chapeau="", operative_intro="AFFIRMONS L’IMPORTANCE :")
FRENCH_WORDS = make(["Réaffirmant la Déclaration d'Antananarivo et la Résolution d'Erevan ;",
                     "Soulignant la conscientisation et l'interculturalité comme apport des "
                     "migrants, ainsi que la ré-exploitation des victimes et la situation "
                     "socio-économique ;"],
                    ["Appelons Human Rights Watch et le Comité ad hoc à agir de facto ;",
                     "Chargeons la présidence pro tempore de convoquer la réunion sine die ;",
                     "Prenons note des accords émanés de la Septième conférence, adoptés "
                     "ad referendum à 10:30 et publiés sur https://www.oas.org/fr ;",
                     f"Réitérons «{NB}la nécessité de promouvoir et de défendre efficacement les "
                     f"libertés{NB}» (article 7){NB};",
                     "Rappelons le slogan « Leave no one behind » du Programme 2030 ;",
                     "Invitons la Secrétaire générale à lancer un appel (voir l'alinéa b) du "
                     "paragraphe 3 et les alinéas a) et c) du paragraphe 4)."])
ENGLISH = make(["Recalling its resolution 70/1 of 25 September 2015,",
                "Deeply concerned about the increase in the number of victims,"],
               ["Calls upon all States to ratify the Protocol;",
                "Decides to remain seized of the matter."],
               chapeau="The General Assembly,", language="en", title="Trafficking in persons")
CLEAN = (UN, OAS, CALL, SUMMIT, DAKAR, DECIDED, SYMBOLS, FRENCH_WORDS, ENGLISH,
         make(OIF_PP, OIF_OP))
CODES = ("punctuation", "typography", "spelling", "language", "brackets")


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("draft", CLEAN, ids=["un", "oas", "call", "summit", "dakar", "decided",
                                             "symbols", "words",
                                             "english", "oif"])
def test_leaves_good_text_alone(code, draft):
    assert findings(draft, code) == []


def test_bank_vocabulary_is_spelling():
    draft = make(OIF_PP, [OIF_OP[0], "Encourageons la transversalisation du genre ;", OIF_OP[2]])
    assert findings(draft, "spelling", severities=("warning", "info"))
    context = build_context(["La transversalisation du genre.", "Sur la transversalisation."])
    assert findings(draft, "spelling", context=context, severities=("warning", "info")) == []


def test_the_bank_vocabulary_of_another_language_is_no_french():
    draft = make(OIF_PP, [OIF_OP[0], "Renforçons la cooperation régionale ;", OIF_OP[2]])
    context = build_context(["Strengthens the cooperation of the States,",
                             "Calls for regional cooperation and for the exchange of data;"])
    assert "cooperation" in context.vocabularies["en"]
    [finding] = findings(draft, "spelling", context=context)
    assert finding.suggestion == "coopération"


def test_square_brackets_are_reported_as_information():
    draft = make(OIF_PP, [OIF_OP[0], "Invitons [le Secrétaire général] à faire rapport ;",
                          Paragraph("Décidons de créer un fonds.", bracketed=True)])
    found = findings(draft, "brackets", severities=("info",))
    assert [(where(f), f.severity) for f in found] == [(("operative", 1, None), "info"),
                                                       (("operative", 2, None), "info")]
    assert findings(draft, "brackets") == []


def test_brackets_may_span_a_paragraph_and_its_items():
    draft = make(OIF_PP, [OIF_OP[0], ("[Décidons :", ["a) de créer un fonds ;",
                                                      "b) de le doter.]"])])
    assert findings(draft, "brackets") == []


def test_plain_spaces_are_one_note_for_the_draft_and_fixed_everywhere():
    draft = make(OIF_PP, OIF_OP)
    [found] = findings(draft, "typography", severities=("info",))
    assert "5" in found.message and where(found) == ("preambular", 0, None)
    fixed = apply_fix(draft, found)
    assert fixed.preambular[0].text.endswith(f"Unies{NB};")
    assert fixed.operative[1].text.endswith(f"graves{NB};")
    assert findings(fixed, "typography", severities=("info",)) == []


def test_english_paragraph_is_reported_once():
    draft = make(OIF_PP, [OIF_OP[0], "Strengthen border controls. Protect the victims of "
                          "smuggling and trafficking.", OIF_OP[2]])
    found = findings(draft, "language")
    assert [(where(f), f.span) for f in found] == [(("operative", 1, None), None)]
    assert findings(draft, "spelling", severities=("warning", "info")) == []
