"""The five bundled seeds, segmented: every value below was checked by reading the seed."""

from __future__ import annotations

import json

import pytest

from clause_bank.segment import segment_text
from tests.conftest import SEEDS

SEED_FILES = {path.name[:3]: path for path in SEEDS.glob("*.txt")}

# Per seed: title, start and end of the chapeau, preambular openers (written, lemma),
# operative openers, printed numbers of the OPs, sub-item counts per OP, headings, notes
# (start of each), dropped boilerplate, closing.
EXPECTED = {
    "000": {
        "title": "Déclaration",
        "chapeau": ("Nous, Ministres et Chefs de délégation des États et gouvernements",
                    "34e session de la Conférence ministérielle de la Francophonie,"),
        "preambular": [("Réaffirmant", "réaffirmer"), ("Nous fondant", "se fonder"),
                       ("Interpellés", "interpellé"), ("Indignés", "indigné")],
        "operative": [
            ("Appelons", "appeler"), ("Affirmons", "affirmer"),
            ("Condamnons avec la plus grande fermeté", "condamner"), ("Souignons", None),
            ("Encourageons également", "encourager"), ("Saluons", "saluer"),
            ("Réitérons", "réitérer"), ("Soutenons", "soutenir"),
            ("Nous engageons", "s'engager"), ("Réitérons", "réitérer"), ("Réitérons", "réitérer"),
            ("Nous engageons", "s'engager"), ("Invitons", "inviter"),
        ],
        "numbers": [None] * 13,
        "items": [0] * 13,
        "headings": [],
        "notes": [],
        "dropped": [],
        "closing": None,
    },
    "001": {
        "title": "Appel à l'action pour mettre fin au travail forcé, à l'esclavage moderne et à "
                 "la traite des êtres humains",
        "chapeau": ("Nous, soussignés, les dirigeants (et leurs représentants)",
                    "dans notre monde d'ici 2030,"),
        "preambular": [
            ("Nous engageons", "s'engager"), ("Reconnaissons", "reconnaître"),
            ("Réaffirmons", "réaffirmer"), ("Constatons avec vive préoccupation", "constater"),
            ("Reconnaissons", "reconnaître"), ("Accueillons favorablement", "accueillir"),
            ("Nous engageons", "s'engager"),
        ],
        "operative": [("Nous convenons", "convenir"), ("Nous appelons", "appeler"),
                      ("Nous nous engageons", "s'engager")],
        "numbers": ["1", "2", "3"],
        "items": [6, 6, 0],
        "headings": ["En conséquence de quoi :"],
        "notes": [],
        "dropped": ["Appel à l'action pour mettre fin au travail forcé, à l'esclavage moderne et "
                    "à la traite des êtres humains"],
        "closing": "FIN",
    },
    "002": {
        "title": "EFFORTS CONSENTIS À L’ÉCHELLE CONTINENTALE POUR LUTTER CONTRE LA TRAITE DES "
                 "PERSONNES (DÉCLARATION DU MEXIQUE)",
        "chapeau": None,
        "preambular": [
            ("RECONNAISSANT", "reconnaître"), ("SOULIGNANT", "souligner"),
            ("RECONNAISSANT ÉGALEMENT", "reconnaître"), ("SOULIGNANT", "souligner"),
            ("RÉITÉRANT", "réitérer"), ("RECONNAISSANT", "reconnaître"),
            ("NOTANT AVEC SATISFACTION", "noter"), ("RECONNAISSANT", "reconnaître"),
            ("PRENANT NOTE", "prendre note"), ("SOULIGNANT", "souligner"),
            ("RECONNAISSANT", "reconnaître"), ("RECONNAISSANT", "reconnaître"),
            ("RAPPELANT", "rappeler"), ("RÉAFFIRMANT", "réaffirmer"),
        ],
        "operative": [
            ("De rejeter", "rejeter"), ("De contribuer", "contribuer"),
            ("De promouvoir", "promouvoir"), ("De prendre", "prendre"),
            ("D’encourager", "encourager"), ("D’encourager", "encourager"),
            ("D’encourager", "encourager"), ("D’encourager", "encourager"),
            ("De demander instamment", "demander"), ("De promouvoir", "promouvoir"),
            ("De promouvoir", "promouvoir"), ("De promouvoir", "promouvoir"),
            ("D’encourager", "encourager"), ("De promouvoir", "promouvoir"),
            ("D’adopter", "adopter"), ("De promouvoir", "promouvoir"),
            ("De renforcer", "renforcer"), ("De promouvoir", "promouvoir"),
            ("De continuer", "continuer"), ("De renforcer", "renforcer"),
            ("D’élaborer", "élaborer"), ("D’envisager", "envisager"),
            ("De promouvoir", "promouvoir"), ("De veiller", "veiller"),
            ("D’augmenter", "augmenter"), ("D’accroître", "accroître"),
            ("D’encourager", "encourager"), ("De charger", "charger"),
            ("D’appuyer", "appuyer"), ("De féliciter", "féliciter"),
            ("De prolonger", "prolonger"), ("D’inviter", "inviter"),
        ],
        "numbers": [str(n) for n in range(1, 33)],
        "items": [0] * 32,
        "headings": ["AFFIRMONS L’IMPORTANCE :"],
        "notes": ["(Approuvé dans le cadre du groupe de travail", "Le 5 mars, la Délégation du",
                  "Le Protocole de la Convention de Palerme auquel"],
        "dropped": ["/", "Groupe de travail chargé des préparatifs de la Cinquième réunion des "
                    "autorités nationales en matière de traite des personnes"],
        "closing": None,
    },
    "003": {
        "title": "Communiqué spécial sur la situation des droits de l'homme des personnes "
                 "migrantes",
        "chapeau": ("Les chefs d'État et de gouvernement de l'Amérique latine et de la Caraïbe,",
                    "de l'Amérique latine et des Caraïbes (CELAC),"),
        "preambular": [],
        "operative": [
            ("Se félicitent", "se féliciter"), ("Réaffirment également", "réaffirmer"),
            ("Prennent note", "prendre note"), ("Soulignent", "souligner"),
            ("Expriment", "exprimer"), ("De même, ils réitèrent", "réitérer"),
            ("Reconnaittent", None), ("Réaffirment", "réaffirmer"), ("Expriment", "exprimer"),
        ],
        "numbers": [str(n) for n in range(2, 11)],
        "items": [0] * 9,
        "headings": [],
        "notes": [],
        "dropped": ["(sic)", "(sic)", "(sic)"],
        "closing": None,
    },
    "004": {
        "title": "La Déclaration de Niamey",
        "chapeau": ("En 2018, les ministres des affaires étrangères et les ministres de",
                    "ont également participé à la réunion."),
        "preambular": [],
        "operative": [("Renforcer", "renforcer")] * 5
        + [("Protéger", "protéger"), ("Assurer", "assurer"), ("Assurer", "assurer")],
        "numbers": [str(n) for n in range(1, 9)],
        "items": [0] * 8,
        "headings": ["Les participants ont convenu des actions suivantes :"],
        "notes": ["En octobre 2019 s’est tenue la 2ème conférence régionale",
                  "La conférence visait à mesurer les progrès",
                  "La conférence d’Abidjan était la 2ème conférence"],
        "dropped": ["top of page", "FR", "Profil Régional", "bottom of page"],
        "closing": None,
    },
}


@pytest.fixture(scope="module")
def segmented():
    return {key: segment_text(path.read_text(encoding="utf-8")) for key, path in SEED_FILES.items()}


def _block(segmentation, kind):
    return [p for p in segmentation.paragraphs if p.kind == kind]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_title_chapeau_headings_closing(segmented, seed):
    result, expected = segmented[seed], EXPECTED[seed]
    assert result.title == expected["title"]
    if expected["chapeau"] is None:
        assert result.chapeau is None
    else:
        start, end = expected["chapeau"]
        assert result.chapeau.startswith(start) and result.chapeau.endswith(end)
    assert result.headings == expected["headings"]
    assert result.closing == expected["closing"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
@pytest.mark.parametrize("kind", ["preambular", "operative"])
def test_every_opener_and_lemma(segmented, seed, kind):
    found = [(p.opener, p.opener_lemma) for p in _block(segmented[seed], kind)]
    assert found == EXPECTED[seed][kind]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_blocks_do_not_interleave(segmented, seed):
    kinds = [p.kind for p in segmented[seed].paragraphs]
    assert kinds == sorted(kinds, key=("preambular", "operative").index)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_numbers_and_sub_items(segmented, seed):
    operative = _block(segmented[seed], "operative")
    assert [p.number for p in operative] == EXPECTED[seed]["numbers"]
    assert [len(p.items) for p in operative] == EXPECTED[seed]["items"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_notes_and_dropped(segmented, seed):
    result, expected = segmented[seed], EXPECTED[seed]
    assert len(result.notes) == len(expected["notes"])
    for note, start in zip(result.notes, expected["notes"], strict=True):
        assert note.startswith(start)
    assert result.dropped == expected["dropped"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_clean_text(segmented, seed):
    """No markup or conversion residue; the opener opens the text; wording kept."""
    for paragraph in segmented[seed].paragraphs:
        for text in [paragraph.text, *paragraph.items, *sum(paragraph.item_children, [])]:
            assert not any(mark in text for mark in ("**", "<sup>", "\ufffd", "(sic)", "  "))
            assert text == text.strip()
        assert paragraph.opener is None or paragraph.text.startswith(paragraph.opener)


def test_seed_001_items_and_their_bullets(segmented):
    first, second, _ = _block(segmented["001"], "operative")
    assert first.text.endswith("nous nous efforcerons de :")
    assert first.items[0].startswith("Ratifier et assurer la mise en œuvre effective")
    assert first.items[1] == "Élaborer et publier des stratégies nationales qui :"
    assert [len(children) for children in first.item_children] == [0, 4, 0, 0, 0, 0]
    assert first.item_children[1][0].startswith("établissent une approche globale")
    assert first.items[5].startswith("Renforcer la coopération au niveau régional")
    assert second.items[5].startswith("qu'il soit assuré que les victimes")
    assert {"8.7", "2030"} <= {r.key for r in first.references}
    palermo = [r for r in first.references if r.key == "Protocole de Palerme"]
    assert palermo and palermo[0].kind == "instrument"


def test_seed_002_broken_lines_and_paragraphs_kept_whole(segmented):
    preambular = _block(segmented["002"], "preambular")
    noting = preambular[6]
    assert "(Protocole de la Convention de Palerme) additionnel à la Convention" in noting.text
    assert preambular[-2].text.endswith("traite des personnes ; et")
    eighteen = _block(segmented["002"], "operative")[17]
    assert "D’identifier les contenus essentiels" in eighteen.text  # one paragraph, two sentences
    belem = {r.key for r in preambular[11].references}
    assert "Convention de Belém do Pará" in belem


def test_seed_003_unknown_opener_and_joined_lines(segmented):
    operative = _block(segmented["003"], "operative")
    reconnaittent = operative[6]
    assert (reconnaittent.opener_form, reconnaittent.opener_lemma) == ("third_plural", None)
    assert "combattre le racisme et la xénophobie" in operative[4].text
    assert "migratoires, et de la promotion" in reconnaittent.text


def test_seed_004_english_sentence_kept(segmented):
    third = _block(segmented["004"], "operative")[2]
    assert third.text.endswith("pays de transit;Reinforce criminal justice cooperation;")
    assert third.language == "fr"


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_cli_json_contract(runner, seed):
    result = runner.invoke(args=["bank", "segment", str(SEED_FILES[seed]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"title", "chapeau", "paragraphs", "headings", "notes", "dropped"} <= set(data)
    keys = {"kind", "number", "opener", "opener_lemma", "opener_form", "text", "items"}
    for paragraph in data["paragraphs"]:
        assert keys <= set(paragraph)
        assert paragraph["kind"] in ("preambular", "operative")
        assert all(isinstance(item, str) for item in paragraph["items"])
    expected = EXPECTED[seed]
    assert len(data["paragraphs"]) == len(expected["preambular"]) + len(expected["operative"])
