"""Openers: recognition at a paragraph start, inflection, lexicon, nearest spelling."""

from __future__ import annotations

import json

import pytest

from clause_bank.lexicon import DATA
from clause_bank.openers import Opener, closest_opener, find_opener, inflect, known_lemmas
from drafts.model import FORMS

FRENCH = [
    # text, opener as written, lemma, form
    ("Réaffirmant notre attachement aux buts", "Réaffirmant", "réaffirmer", "present_participle"),
    ("Nous fondant sur la Charte", "Nous fondant", "se fonder", "present_participle"),
    ("Interpellés par la récurrence", "Interpellés", "interpellé", "past_participle"),
    ("Indignés par ces violations", "Indignés", "indigné", "past_participle"),
    ("Appelons la communauté internationale", "Appelons", "appeler", "first_plural"),
    ("Nous engageons à intensifier", "Nous engageons", "s'engager", "first_plural"),
    ("Nous nous engageons à évaluer", "Nous nous engageons", "s'engager", "first_plural"),
    ("Nous convenons que, conformément", "Nous convenons", "convenir", "first_plural"),
    ("Nous appelons à une coopération", "Nous appelons", "appeler", "first_plural"),
    (
        "Constatons avec vive préoccupation l'ampleur",
        "Constatons avec vive préoccupation",
        "constater",
        "first_plural",
    ),
    ("Accueillons favorablement la prochaine", "Accueillons favorablement", "accueillir",
     "first_plural"),
    ("Prenant note avec satisfaction du rapport", "Prenant note avec satisfaction",
     "prendre note", "present_participle"),
    ("Prennent note des accords", "Prennent note", "prendre note", "third_plural"),
    ("Se félicitent des résultats", "Se félicitent", "se féliciter", "third_plural"),
    ("Réaffirment également leur préoccupation", "Réaffirment également", "réaffirmer",
     "third_plural"),
    ("De même, ils réitèrent leur soutien", "De même, ils réitèrent", "réitérer", "third_plural"),
    ("RECONNAISSANT ÉGALEMENT la nécessité", "RECONNAISSANT ÉGALEMENT", "reconnaître",
     "present_participle"),
    ("NOTANT AVEC SATISFACTION que 172 États", "NOTANT AVEC SATISFACTION", "noter",
     "present_participle"),
    ("PRENANT NOTE de la Déclaration", "PRENANT NOTE", "prendre note", "present_participle"),
    ("RÉITÉRANT la Déclaration", "RÉITÉRANT", "réitérer", "present_participle"),
    ("REAFFIRMANT sans accents", "REAFFIRMANT", "réaffirmer", "present_participle"),
    ("De rejeter tout acte", "De rejeter", "rejeter", "infinitive"),
    ("D’encourager les partenariats", "D’encourager", "encourager", "infinitive"),
    ("De demander instamment au Secrétariat", "De demander instamment", "demander", "infinitive"),
    ("Renforcer les cadres juridiques", "Renforcer", "renforcer", "infinitive"),
    ("Décide de rester saisi", "Décide", "décider", "third_singular"),
    ("Prie le Secrétaire général", "Prie", "prier", "third_singular"),
    ("Demande instamment aux États", "Demande instamment", "demander", "third_singular"),
    ("Reconnaît que", "Reconnaît", "reconnaître", "third_singular"),
    ("Se félicite en outre", "Se félicite en outre", "se féliciter", "third_singular"),
    ("Consciente de", "Consciente", "conscient", "past_participle"),
    ("Profondément préoccupés par", "Profondément préoccupés", "profondément préoccupé",
     "past_participle"),
    ("Se déclarant profondément préoccupé par", "Se déclarant profondément préoccupé",
     "se déclarer", "present_participle"),
    ("Ayant examiné le rapport", "Ayant examiné", "examiner", "present_participle"),
    ("Ayant à l'esprit que", "Ayant à l'esprit", "avoir à l'esprit", "present_participle"),
    ("Tenant compte de", "Tenant compte", "tenir compte", "present_participle"),
    ("Attendu que les États", "Attendu que", "attendu que", "past_participle"),
    ("Considérant que", "Considérant", "considérer", "present_participle"),
    ("Nous sommes convaincus que", "Nous sommes convaincus", "convaincu", "first_plural"),
    ("Condamnons avec la plus grande fermeté ces violations",
     "Condamnons avec la plus grande fermeté", "condamner", "first_plural"),
    # Not in the lexicon, recognised by the lemmatiser.
    ("Vilipendons ces actes", "Vilipendons", "vilipender", "first_plural"),
]

ENGLISH = [
    ("Recalling its resolution 70/1,", "Recalling", "recall", "present_participle"),
    ("Also recalling", "Also recalling", "recall", "present_participle"),
    ("Deeply concerned by", "Deeply concerned", "deeply concerned", "past_participle"),
    ("Decides to remain seized", "Decides", "decide", "third_singular"),
    ("Requests the Secretary-General", "Requests", "request", "third_singular"),
    ("Calls upon all States", "Calls upon", "call upon", "third_singular"),
    ("Takes note with appreciation of", "Takes note with appreciation", "take note",
     "third_singular"),
    ("Further requests", "Further requests", "request", "third_singular"),
    ("We reaffirm our commitment", "We reaffirm", "reaffirm", "first_plural"),
    ("We are deeply concerned", "We are deeply concerned", "deeply concerned", "first_plural"),
    ("Having considered the report", "Having considered", "consider", "present_participle"),
    ("To promote decent work", "To promote", "promote", "infinitive"),
    ("Recognising that", "Recognising", "recognise", "present_participle"),
]


@pytest.mark.parametrize(("text", "written", "lemma", "form"), FRENCH)
def test_french_openers(text, written, lemma, form):
    opener = find_opener(text)
    assert opener == Opener(written, lemma, form, lemma in known_lemmas("fr"))
    assert text.startswith(opener.text)


@pytest.mark.parametrize(("text", "written", "lemma", "form"), ENGLISH)
def test_english_openers(text, written, lemma, form):
    assert find_opener(text, language="en") == Opener(written, lemma, form, True)


@pytest.mark.parametrize(
    ("text", "form"),
    [("Souignons à nouveau l'importance", "first_plural"),
     ("Reconnaittent les personnes migrantes", "third_plural")],
)
def test_misspelt_openers_are_unknown(text, form):
    opener = find_opener(text)
    assert opener == Opener(text.split()[0], None, form, False)


@pytest.mark.parametrize(
    "text",
    [
        "Nous, Ministres et Chefs de délégation, réunis à Paris,",
        "Les chefs d'État et de gouvernement de l'Amérique latine",
        "L'Assemblée générale,",
        "En 2018, les ministres des affaires étrangères",
        "La conférence visait à mesurer les progrès",
        "Ministre de l'intérieur",
        "Premier ministre",
        "Gouvernement du Niger",
        "",
        "12.",
    ],
)
def test_no_opener(text):
    assert find_opener(text) is None


@pytest.mark.parametrize("text", ["The General Assembly,", "Member States", "Nations"])
def test_no_english_opener(text):
    assert find_opener(text, language="en") is None


@pytest.mark.parametrize(
    ("lemma", "form", "options", "expected"),
    [
        ("réaffirmer", "first_plural", {}, "réaffirmons"),
        ("réaffirmer", "third_singular", {}, "réaffirme"),
        ("réaffirmer", "infinitive", {}, "réaffirmer"),
        ("prendre note", "present_participle", {}, "prenant note"),
        ("prendre note", "third_plural", {}, "prennent note"),
        ("s'engager", "first_plural", {}, "nous engageons"),
        ("s'engager", "third_singular", {}, "s'engage"),
        ("se fonder", "present_participle", {}, "se fondant"),
        ("se fonder", "present_participle", {"voice": "first_plural"}, "nous fondant"),
        ("conscient", "past_participle", {"gender": "f", "number": "s"}, "consciente"),
        ("conscient", "past_participle", {}, "conscients"),
        ("préoccupé", "past_participle", {"gender": "f", "number": "p"}, "préoccupées"),
        ("soucieux", "past_participle", {"gender": "f", "number": "s"}, "soucieuse"),
        ("reconnaître", "third_singular", {}, "reconnaît"),
        ("rappeler", "third_plural", {}, "rappellent"),
        ("réitérer", "third_singular", {}, "réitère"),
        ("conscient", "first_plural", {}, None),
        ("inconnu", "first_plural", {}, None),
        ("decide", "third_singular", {"language": "en"}, "decides"),
        ("recall", "present_participle", {"language": "en"}, "recalling"),
    ],
)
def test_inflect(lemma, form, options, expected):
    assert inflect(lemma, form, **options) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Souignons", "Soulignons"),
        ("Reconnaittent", "Reconnaissent"),
        ("SOUIGNONS", "SOULIGNONS"),
        ("Réaffirmant", "Réaffirmant"),
        ("Xylophone", None),
    ],
)
def test_closest_opener(word, expected):
    assert closest_opener(word) == expected


def test_lexicon_covers_drafting_practice():
    lemmas = known_lemmas("fr")
    assert len(lemmas) >= 150
    required = {
        "réaffirmer", "rappeler", "reconnaître", "souligner", "noter", "prendre note",
        "se féliciter", "saluer", "condamner", "décider", "prier", "inviter", "engager",
        "exhorter", "demander", "encourager", "appeler", "affirmer", "soutenir", "s'engager",
        "convenir", "constater", "accueillir", "exprimer", "réitérer", "insister", "considérer",
        "conscient", "préoccupé", "indigné", "interpellé", "convaincu", "résolu", "déterminé",
        "profondément préoccupé",
    }
    assert required <= lemmas
    assert {"recall", "decide", "request", "take note", "concerned"} <= known_lemmas("en")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_form_is_a_known_form(language):
    data = json.loads(DATA.read_text(encoding="utf-8"))[language]["openers"]
    for entry in data:
        assert set(entry["forms"]) <= set(FORMS) - {"none"}, entry["lemma"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_form_is_found_again(language):
    """Each written form of the lexicon, capitalised, reads back as its lemma."""
    data = json.loads(DATA.read_text(encoding="utf-8"))[language]["openers"]
    for entry in data:
        for form in entry["forms"]:
            written = inflect(entry["lemma"], form, language=language)
            opener = find_opener(written[:1].upper() + written[1:] + " x", language=language)
            assert opener is not None, written
            assert opener.known, written
