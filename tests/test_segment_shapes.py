"""Shapes of declarations the seeds do not show, as snippets written for these tests."""

from __future__ import annotations

import pytest

from clause_bank.segment import segment_text
from tests.conftest import ROOT

UN_RESOLUTION = """Nations Unies\tA/RES/72/179
Assemblée générale\tDistr. générale
29 janvier 2018

Soixante-douzième session
Point 72 b) de l’ordre du jour

Résolution adoptée par l’Assemblée générale le 19 décembre 2017
[sur la base du rapport de la Troisième Commission (A/72/439/Add.2)]

72/179. Protection des migrants

L’Assemblée générale,

Rappelant toutes ses résolutions antérieures sur la protection des migrants, dont la plus \
récente est la résolution 70/147 du 17 décembre 2015,

Réaffirmant la Déclaration universelle des droits de l’homme,

Consciente que, dans le cadre de la mondialisation, les migrations internationales se sont \
intensifiées,

Profondément préoccupée par le grand nombre de migrants qui ont perdu la vie,

1. Demande aux États de protéger efficacement les droits de l’homme de tous les migrants ;

2. Prie les États :

a) De protéger les droits des enfants migrants ;

b) D’adopter des mesures concrètes pour prévenir la violation des droits des migrants en \
transit, notamment :

i) Dans les ports et les aéroports ;

ii) Aux frontières ;

3. Encourage tous les États à veiller à ce que leurs politiques migratoires soient conformes \
au droit international ;

4. Décide de poursuivre l’examen de la question à sa soixante-quatorzième session.

73e séance plénière
19 décembre 2017
"""

ANNEXED = """71/1. Déclaration de New York pour les réfugiés et les migrants

L’Assemblée générale

Adopte le document final de la réunion plénière de haut niveau sur la gestion des \
déplacements massifs de réfugiés et de migrants, dont le texte figure en annexe.

3e séance plénière
19 septembre 2016

Annexe

Déclaration de New York pour les réfugiés et les migrants

Nous, chefs d’État et de gouvernement et hauts représentants, réunis au Siège de \
l’Organisation des Nations Unies à New York le 19 septembre 2016, avons adopté la \
déclaration politique ci-après.

I. Introduction

1. Depuis la nuit des temps, les hommes se déplacent pour trouver de nouvelles perspectives.

2. Nous sommes profondément préoccupés par le nombre croissant de personnes déplacées.

II. Engagements

3. Nous réaffirmons les buts et principes de la Charte des Nations Unies.

4. Nous nous engageons à protéger la sécurité et la dignité de tous les migrants.
"""

FUSED = """Déclaration de Djibouti

Nous, Ministres de la Justice des États membres de l’Autorité intergouvernementale pour le \
développement, réunis à Djibouti le 12 mai 2019, réaffirmons notre attachement aux principes \
de la Charte africaine des droits de l’homme et des peuples ;

Condamnons fermement toutes les formes de traite des personnes ;

Décidons de créer un groupe de travail régional.
"""

PREAMBLE_FIRST = """Déclaration de Rabat sur la jeunesse

Considérant que la jeunesse représente plus de la moitié de la population du continent ;

Conscients du rôle essentiel des jeunes dans le développement durable ;

Rappelant la Charte africaine de la jeunesse adoptée à Banjul en 2006 ;

Nous, ministres en charge de la jeunesse, réunis à Rabat les 3 et 4 avril 2019, déclarons ce \
qui suit :

1. Nous engageons à accroître les investissements en faveur de l’emploi des jeunes ;

2. Appelons les partenaires techniques et financiers à appuyer nos efforts ;

3. Décidons de nous réunir de nouveau en 2021.

Fait à Rabat, le 4 avril 2019.
"""

WHEREAS = """RÉSOLUTION SUR LA PROTECTION DES DÉFENSEURS DES DROITS DE L’HOMME

La Commission africaine des droits de l’homme et des peuples, réunie en sa 60e session \
ordinaire à Niamey, du 8 au 22 mai 2017,

Attendu que l’article 45 de la Charte africaine confie à la Commission le mandat de \
promouvoir les droits de l’homme ;

Attendu que les défenseurs des droits de l’homme jouent un rôle essentiel ;

Préoccupée par les actes d’intimidation dont ils font l’objet ;

Exhorte les États parties à reconnaître le rôle des défenseurs ;

Demande aux États parties de mener des enquêtes sur toutes les violations.

Fait à Niamey, le 22 mai 2017
"""

DASHES = """Déclaration finale du Forum des femmes du Sahel

Nous, participantes au Forum des femmes du Sahel, réunies à Bamako les 6 et 7 mars 2020,

1 – Constatons que les femmes sont les premières victimes des crises sécuritaires ;
2 – Saluons les efforts des gouvernements pour la mise en œuvre de la résolution 1325 ;
3 – Recommandons la création d’un fonds régional pour l’autonomisation des femmes ;
4 – Nous engageons à assurer le suivi de la présente déclaration.

Bamako, le 7 mars 2020
"""

PDF = """Déclaration de Lomé sur la sécurité maritime
Nous, chefs d’État et de gouvernement des États membres de l’Union
africaine, réunis en session extraordinaire à Lomé (Togo), le 15 octobre
2016,
Reconnaissant que les océans, les mers et les voies navigables
constituent un patrimoine commun de l’humanité et un facteur essentiel de
développement pour le continent,
Profondément préoccupés par la recrudescence de la piraterie, des vols à
main armée à l’encontre des navires et des trafics illicites en mer,
Rappelant la Stratégie africaine intégrée pour les mers et les océans à
l’horizon 2050, adoptée en janvier 2014,
Adoptons la présente Charte sur la sûreté et la sécurité maritimes et le
développement en Afrique ;
Nous engageons à prendre toutes les mesures nécessaires pour la mettre en
œuvre dans les meilleurs délais. Nous invitons à cet égard la Commission
de l’Union africaine à coordonner son suivi ;
Demandons à la Commission de faire rapport à la Conférence sur l’état de
mise en œuvre de la présente déclaration.
Fait à Lomé, le 15 octobre 2016
"""

ONE_LINE = (
    "Résolution sur la traite des personnes L’Assemblée générale, Rappelant sa résolution 70/1 "
    "du 25 septembre 2015, intitulée « Transformer notre monde : le Programme de développement "
    "durable à l’horizon 2030 », Réaffirmant son attachement à la lutte contre la traite des "
    "personnes, Consciente que la traite des personnes touche particulièrement les femmes et les "
    "enfants, 1. Décide de proclamer le 30 juillet Journée mondiale de la lutte contre la traite "
    "d’êtres humains ; 2. Invite tous les États Membres à célébrer cette journée ; 3. Prie le "
    "Secrétaire général de lui présenter un rapport : a) sur les mesures prises ; b) sur les "
    "difficultés rencontrées ; 4. Décide de rester saisie de la question."
)

ENGLISH = """Resolution adopted by the General Assembly on 18 December 2019

74/176. Trafficking in women and girls

The General Assembly,

Recalling all international conventions relevant to trafficking in persons,

Reaffirming the Universal Declaration of Human Rights,

Deeply concerned that the number of women and girls trafficked continues to rise,

Noting with appreciation the efforts of the United Nations Office on Drugs and Crime,

1. Welcomes the report of the Secretary-General;

2. Urges Governments to take appropriate measures:

(a) To address the root causes of trafficking;

(b) To strengthen the criminal justice response;

3. Requests the Secretary-General to submit a report at its seventy-sixth session.

50th plenary meeting
18 December 2019
"""

NARRATIVE_EN = """Kigali Declaration on Migration

We, the Heads of State and Government of the African Union, meeting in Kigali on 21 March 2018,

1. We recognize that migration is an integral part of the history of Africa.

2. Migration, when well governed, is a source of prosperity for countries of origin, transit \
and destination.

3. We commit to strengthen regional cooperation on labour mobility.

Done at Kigali, 21 March 2018
"""

OAS_CAPS = """LA CONFÉRENCE DES MINISTRES DE LA JUSTICE DES AMÉRIQUES,

CONSIDÉRANT que la coopération judiciaire est indispensable à la lutte contre la criminalité \
organisée;

RÉAFFIRMANT ses engagements antérieurs;

DÉCLARE :

1. Son engagement à renforcer l’entraide judiciaire en matière pénale.

2. Sa volonté de promouvoir l’échange d’informations entre autorités centrales.
"""

WEB_MARKDOWN = """* [Accueil](/)
* [Actualités](/news)

# Déclaration de Ouagadougou

Partager

**Nous, Ministres de l’Éducation**, réunis à Ouagadougou le 9 juin 2021,

- **Conscients** que l’éducation est un droit fondamental ;
- **Préoccupés** par la déscolarisation des filles ;

***Décidons*** de renforcer la scolarisation des filles ;

***Appelons*** les partenaires à soutenir le Plan d’action régional.

© 2021 Ministère de l’Éducation. Tous droits réservés.
"""

LABELS = """[Projet – Rev.2]

Déclaration de Genève

PP1 Rappelant la Déclaration de Vienne de 1993,

PP2 [Réaffirmant l’universalité des droits de l’homme,]

OP1 Décide de créer un groupe de travail ;

OP1 bis Décide également de créer un fonds de contributions volontaires ;

OP2 Prie le Secrétariat d’en assurer le suivi.
"""


# pdftotext -layout of a UN resolution: columns, running heads, footnotes at the page foot.
UN_PDF_LAYOUT = (ROOT / "tests" / "data" / "shapes" / "un_pdf_layout.txt").read_text(
    encoding="utf-8"
)


def _summary(text):
    result = segment_text(text)
    return {
        "title": result.title,
        "chapeau": result.chapeau,
        "paragraphs": [(p.kind[0].upper() + p.kind[1], p.number, p.opener_lemma)
                       for p in result.paragraphs],
        "items": [len(p.items) for p in result.paragraphs if p.items],
        "headings": result.headings,
        "closing": result.closing,
    }


SHAPES = [
    ("un-resolution", UN_RESOLUTION, {
        "title": "72/179. Protection des migrants",
        "chapeau": "L’Assemblée générale,",
        "paragraphs": [("Pr", None, "rappeler"), ("Pr", None, "réaffirmer"),
                       ("Pr", None, "conscient"), ("Pr", None, "profondément préoccupé"),
                       ("Op", "1", "demander"), ("Op", "2", "prier"), ("Op", "3", "encourager"),
                       ("Op", "4", "décider")],
        "items": [2],
        "headings": [],
        "closing": "73e séance plénière\n19 décembre 2017",
    }),
    ("annexed-declaration", ANNEXED, {
        "title": "71/1. Déclaration de New York pour les réfugiés et les migrants",
        "chapeau": "L’Assemblée générale",
        "paragraphs": [("Op", None, "adopter"), ("Op", "1", None),
                       ("Op", "2", "profondément préoccupé"), ("Op", "3", "réaffirmer"),
                       ("Op", "4", "s'engager")],
        "items": [],
        "headings": ["Annexe", "Déclaration de New York pour les réfugiés et les migrants",
                     "I. Introduction", "II. Engagements"],
        "closing": "3e séance plénière\n19 septembre 2016",
    }),
    ("fused-chapeau", FUSED, {
        "title": "Déclaration de Djibouti",
        "chapeau": "Nous, Ministres de la Justice des États membres de l’Autorité "
                   "intergouvernementale pour le développement, réunis à Djibouti le 12 mai 2019,",
        "paragraphs": [("Op", None, "réaffirmer"), ("Op", None, "condamner"),
                       ("Op", None, "décider")],
        "items": [],
        "headings": [],
        "closing": None,
    }),
    ("preamble-before-chapeau", PREAMBLE_FIRST, {
        "title": "Déclaration de Rabat sur la jeunesse",
        "chapeau": "Nous, ministres en charge de la jeunesse, réunis à Rabat les 3 et 4 avril "
                   "2019,",
        "paragraphs": [("Pr", None, "considérer"), ("Pr", None, "conscient"),
                       ("Pr", None, "rappeler"), ("Op", "1", "s'engager"),
                       ("Op", "2", "appeler"), ("Op", "3", "décider")],
        "items": [],
        "headings": ["Déclarons ce qui suit :"],
        "closing": "Fait à Rabat, le 4 avril 2019.",
    }),
    ("attendu-que", WHEREAS, {
        "title": "RÉSOLUTION SUR LA PROTECTION DES DÉFENSEURS DES DROITS DE L’HOMME",
        "chapeau": "La Commission africaine des droits de l’homme et des peuples, réunie en sa "
                   "60e session ordinaire à Niamey, du 8 au 22 mai 2017,",
        "paragraphs": [("Pr", None, "attendu que"), ("Pr", None, "attendu que"),
                       ("Pr", None, "préoccupé"), ("Op", None, "exhorter"),
                       ("Op", None, "demander")],
        "items": [],
        "headings": [],
        "closing": "Fait à Niamey, le 22 mai 2017",
    }),
    ("numbered-dashes", DASHES, {
        "title": "Déclaration finale du Forum des femmes du Sahel",
        "chapeau": "Nous, participantes au Forum des femmes du Sahel, réunies à Bamako les 6 et "
                   "7 mars 2020,",
        "paragraphs": [("Op", "1", "constater"), ("Op", "2", "saluer"),
                       ("Op", "3", "recommander"), ("Op", "4", "s'engager")],
        "items": [],
        "headings": [],
        "closing": "Bamako, le 7 mars 2020",
    }),
    ("pdf-hard-breaks", PDF, {
        "title": "Déclaration de Lomé sur la sécurité maritime",
        "chapeau": "Nous, chefs d’État et de gouvernement des États membres de l’Union africaine, "
                   "réunis en session extraordinaire à Lomé (Togo), le 15 octobre 2016,",
        "paragraphs": [("Pr", None, "reconnaître"), ("Pr", None, "profondément préoccupé"),
                       ("Pr", None, "rappeler"), ("Op", None, "adopter"),
                       ("Op", None, "s'engager"), ("Op", None, "demander")],
        "items": [],
        "headings": [],
        "closing": "Fait à Lomé, le 15 octobre 2016",
    }),
    ("one-line", ONE_LINE, {
        "title": "Résolution sur la traite des personnes",
        "chapeau": "L’Assemblée générale,",
        "paragraphs": [("Pr", None, "rappeler"), ("Pr", None, "réaffirmer"),
                       ("Pr", None, "conscient"), ("Op", "1", "décider"), ("Op", "2", "inviter"),
                       ("Op", "3", "prier"), ("Op", "4", "décider")],
        "items": [2],
        "headings": [],
        "closing": None,
    }),
    ("english-resolution", ENGLISH, {
        "title": "74/176. Trafficking in women and girls",
        "chapeau": "The General Assembly,",
        "paragraphs": [("Pr", None, "recall"), ("Pr", None, "reaffirm"),
                       ("Pr", None, "deeply concerned"), ("Pr", None, "note"),
                       ("Op", "1", "welcome"), ("Op", "2", "urge"), ("Op", "3", "request")],
        "items": [2],
        "headings": [],
        "closing": "50th plenary meeting\n18 December 2019",
    }),
    ("english-narrative", NARRATIVE_EN, {
        "title": "Kigali Declaration on Migration",
        "chapeau": "We, the Heads of State and Government of the African Union, meeting in "
                   "Kigali on 21 March 2018,",
        "paragraphs": [("Op", "1", "recognize"), ("Op", "2", None), ("Op", "3", "commit")],
        "items": [],
        "headings": [],
        "closing": "Done at Kigali, 21 March 2018",
    }),
    ("oas-capitals", OAS_CAPS, {
        "title": None,
        "chapeau": "LA CONFÉRENCE DES MINISTRES DE LA JUSTICE DES AMÉRIQUES,",
        "paragraphs": [("Pr", None, "considérer"), ("Pr", None, "réaffirmer"),
                       ("Op", "1", None), ("Op", "2", None)],
        "items": [],
        "headings": ["DÉCLARE :"],
        "closing": None,
    }),
    ("web-markdown", WEB_MARKDOWN, {
        "title": "Déclaration de Ouagadougou",
        "chapeau": "Nous, Ministres de l’Éducation, réunis à Ouagadougou le 9 juin 2021,",
        "paragraphs": [("Pr", None, "conscient"), ("Pr", None, "préoccupé"),
                       ("Op", None, "décider"), ("Op", None, "appeler")],
        "items": [],
        "headings": [],
        "closing": None,
    }),
    ("un-pdf-layout", UN_PDF_LAYOUT, {
        "title": "70/1. Transformer notre monde : le Programme de développement durable à "
                 "l’horizon 2030",
        "chapeau": "L’Assemblée générale,",
        "paragraphs": [("Pr", None, "rappeler"), ("Pr", None, "rappeler"),
                       ("Pr", None, "conscient"), ("Op", "1", "adopter"), ("Op", "2", "prier"),
                       ("Op", "3", "décider")],
        "items": [],
        "headings": [],
        "closing": "4e séance plénière\n25 septembre 2015",
    }),
    ("negotiation-labels", LABELS, {
        "title": "Déclaration de Genève",
        "chapeau": None,
        "paragraphs": [("Pr", "PP1", "rappeler"), ("Pr", "PP2", "réaffirmer"),
                       ("Op", "OP1", "décider"), ("Op", "OP1 bis", "décider"),
                       ("Op", "OP2", "prier")],
        "items": [],
        "headings": [],
        "closing": None,
    }),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_shape(text, expected):
    assert _summary(text) == expected


def test_one_line_items_and_texts():
    result = segment_text(ONE_LINE)
    third = result.paragraphs[5]
    assert third.text == "Prie le Secrétaire général de lui présenter un rapport :"
    assert third.items == ["sur les mesures prises ;", "sur les difficultés rencontrées ;"]
    assert result.paragraphs[0].text.endswith("à l’horizon 2030 »,")


def test_annex_paragraphs_are_marked():
    result = segment_text(ANNEXED)
    assert [p.annex for p in result.paragraphs] == [None] + ["Annexe"] * 4
    assert result.annexes[0]["chapeau"].startswith("Nous, chefs d’État et de gouvernement")


def test_pdf_paragraph_with_two_sentences_stays_whole():
    result = segment_text(PDF)
    assert result.paragraphs[4].text == (
        "Nous engageons à prendre toutes les mesures nécessaires pour la mettre en œuvre dans "
        "les meilleurs délais. Nous invitons à cet égard la Commission de l’Union africaine à "
        "coordonner son suivi ;"
    )


def test_web_page_furniture_is_dropped():
    result = segment_text(WEB_MARKDOWN)
    assert "Partager" in result.dropped
    assert not any("Accueil" in p.text or "©" in p.text for p in result.paragraphs)
    assert result.paragraphs[0].text == "Conscients que l’éducation est un droit fondamental ;"


def test_bracketed_paragraph_keeps_its_brackets():
    result = segment_text(LABELS)
    assert result.paragraphs[1].text == "[Réaffirmant l’universalité des droits de l’homme,]"
    assert result.paragraphs[1].opener == "Réaffirmant"
    assert result.notes == ["[Projet – Rev.2]"]


def test_pdf_layout_footnotes_and_running_heads():
    result = segment_text(UN_PDF_LAYOUT)
    assert result.notes == [
        "Résolution 66/288, annexe.",
        "Voir le rapport du Secrétaire général (A/69/700), qui synthétise les contributions.",
    ]
    assert result.paragraphs[0].text.endswith("« L’avenir que nous voulons »,")
    assert result.paragraphs[3].text.endswith("pour l’après-2015 ;")
    assert "15-16301" in result.dropped and "2/35" in result.dropped
