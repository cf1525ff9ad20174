"""Voice inference from the chapeau and heading, and openers adapted to a draft's voice."""

import pytest

from drafts.voice import adapt_opener, infer_agreement, infer_voice, match_case

OAS_HEADING = "AFFIRMONS L’IMPORTANCE :"


@pytest.mark.parametrize(
    ("chapeau", "intro", "voice"),
    [
        ("Nous, Ministres et Chefs de délégation des États et gouvernements membres de la "
         "Francophonie, réunis à Paris, le 25 novembre 2017,", None, "first_plural"),
        ("**Nous, Ministres et Chefs de délégation**, réunis à huis clos à Paris,", None,
         "first_plural"),
        ("*Nous, soussignés, les dirigeants (et leurs représentants) d'un groupe divers*",
         "En conséquence de quoi :", "first_plural"),
        ("Les chefs d'État et de gouvernement de l'Amérique latine et de la Caraïbe, réunis à "
         "Caracas,", None, "third_plural"),
        ("L'Assemblée générale,", None, "third_singular"),
        ("Le Conseil de sécurité,", None, "third_singular"),
        ("", OAS_HEADING, "infinitive"),
        ("Nous, Ministres,", OAS_HEADING, "infinitive"),
        ("En 2018, les ministres se sont réunis à Niamey.",
         "Les participants ont convenu des actions suivantes :", "infinitive"),
        ("We, the Heads of State and Government,", None, "first_plural"),
        ("The General Assembly,", None, "third_singular"),
        ("The Heads of State and Government of Latin America,", None, "third_plural"),
        ("", None, None),
        ("Réunis à Paris le 3 mars,", None, None),
    ],
)
def test_infer_voice(chapeau, intro, voice):
    assert infer_voice(chapeau, intro) == voice


@pytest.mark.parametrize(
    ("chapeau", "agreement"),
    [
        ("Nous, Ministres de la Francophonie,", ("m", "p")),
        ("Nous, femmes chefs d'État et de gouvernement,", ("f", "p")),
        ("L'Assemblée générale,", ("f", "s")),
        ("Le Conseil de sécurité,", ("m", "s")),
        ("La Conférence des Parties,", ("f", "s")),
        ("Les chefs d'État et de gouvernement,", ("m", "p")),
        ("Les délégations participantes,", ("f", "p")),
    ],
)
def test_infer_agreement(chapeau, agreement):
    assert infer_agreement(chapeau) == agreement


@pytest.mark.parametrize(("chapeau", "voice", "agreement"), [
    ("L’ASSEMBLÉE GÉNÉRALE,", "infinitive", ("f", "s")),  # then « DÉCIDE : 1. De réitérer »
    ("LES MINISTRES, réunis à Lima,", "infinitive", ("m", "p")),
    ("", "infinitive", ("m", "p")),
])
def test_agreement_is_the_chapeau_subject_whatever_the_operative_voice(chapeau, voice, agreement):
    assert infer_agreement(chapeau, voice) == agreement


NOUS = "Nous, Ministres de la Francophonie, réunis à Paris,"
CHEFS = "Les chefs d'État et de gouvernement, réunis à Caracas,"
AG = "L'Assemblée générale,"


@pytest.mark.parametrize(
    ("text", "kind", "voice", "chapeau", "expected"),
    [
        ("Réaffirment leur attachement à la Charte ;", "operative", "first_plural", NOUS,
         "Réaffirmons leur attachement à la Charte ;"),
        ("Réaffirment leur attachement à la Charte ;", "preambular", "first_plural", NOUS,
         "Réaffirmant leur attachement à la Charte ;"),
        ("Réaffirment leur attachement à la Charte ;", "operative", "infinitive", None,
         "De réaffirmer leur attachement à la Charte ;"),
        ("Encourageons les États à agir ;", "operative", "infinitive", None,
         "D'encourager les États à agir ;"),
        ("Réaffirmant son attachement à la Charte,", "operative", "third_singular", AG,
         "Réaffirme son attachement à la Charte,"),
        ("Conscients de la gravité de la situation,", "preambular", "third_singular", AG,
         "Consciente de la gravité de la situation,"),
        ("Consciente de la gravité de la situation,", "preambular", "first_plural", NOUS,
         "Conscients de la gravité de la situation,"),
        ("Nous engageons à intensifier nos actions ;", "operative", "third_plural", CHEFS,
         "S'engagent à intensifier nos actions ;"),
        ("S'engagent à intensifier leurs actions ;", "operative", "first_plural", NOUS,
         "Nous engageons à intensifier leurs actions ;"),
        ("Se fondant sur la Charte ;", "preambular", "first_plural", NOUS,
         "Nous fondant sur la Charte ;"),
        ("Prennent note des accords réalisés ;", "operative", "first_plural", NOUS,
         "Prenons note des accords réalisés ;"),
        ("De rejeter tout acte de traite ;", "operative", "third_plural", CHEFS,
         "Rejettent tout acte de traite ;"),
        ("RECONNAISSANT que la traite est un problème grave ;", "operative", "first_plural", NOUS,
         "RECONNAISSONS que la traite est un problème grave ;"),
        ("Réaffirmons notre attachement ;", "operative", "first_plural", NOUS,
         "Réaffirmons notre attachement ;"),
        ("Une telle exploitation détruit des vies.", "operative", "first_plural", NOUS,
         "Une telle exploitation détruit des vies."),
        ("Conscients de la gravité,", "operative", "first_plural", NOUS,
         "Conscients de la gravité,"),
        ("Réaffirment leur attachement ;", "operative", None, None,
         "Réaffirment leur attachement ;"),
    ],
)
def test_adapt_opener(text, kind, voice, chapeau, expected):
    assert adapt_opener(text, kind=kind, voice=voice, chapeau=chapeau) == expected


@pytest.mark.parametrize(
    ("text", "kind", "voice", "expected"),
    [
        ("Reaffirms its commitment to the Charter;", "operative", "first_plural",
         "Reaffirm its commitment to the Charter;"),
        ("Reaffirm our commitment to the Charter;", "preambular", "first_plural",
         "Reaffirming our commitment to the Charter;"),
        ("Reaffirming its commitment to the Charter,", "operative", "third_singular",
         "Reaffirms its commitment to the Charter,"),
        ("Urges member states to act;", "operative", "infinitive",
         "To urge member states to act;"),
        ("To urge member states to act.", "operative", "third_singular",
         "Urges member states to act."),
    ],
)
def test_adapt_opener_in_english(text, kind, voice, expected):
    assert adapt_opener(text, kind=kind, voice=voice, language="en") == expected


def test_adapt_opener_bare_infinitive_after_a_list_heading():
    text = "Renforçons les contrôles aux frontières ;"
    intro = "Les participants ont convenu des actions suivantes :"
    assert adapt_opener(text, kind="operative", voice="infinitive",
                        operative_intro=intro) == "Renforcer les contrôles aux frontières ;"


@pytest.mark.parametrize(
    ("new", "written", "expected"),
    [("réaffirmons", "RÉAFFIRMENT", "RÉAFFIRMONS"), ("réaffirmons", "Réaffirment", "Réaffirmons"),
     ("réaffirmons", "réaffirment", "réaffirmons")],
)
def test_match_case(new, written, expected):
    assert match_case(new, written) == expected
