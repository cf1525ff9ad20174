"""Agreed-language families: the rule on hand-made pairs, and the families of the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from clause_bank import families, matching
from clause_bank.precedents import family
from clause_bank.store import import_document
from storage.models import Clause, Document, Family
from tests.conftest import BACKENDS
from tests.test_bank_search import SEED_001, SEED_002, clause_id

PALERMO = [
    (SEED_001, "Nous convenons que"),  # its item (i) names the Protocol
    (SEED_002, "NOTANT AVEC SATISFACTION"),
    (SEED_002, "De promouvoir la mise en œuvre du Protocole"),
]


def palermo_ids(session) -> list[int]:
    return [clause_id(session, seed, start) for seed, start in PALERMO]


def test_the_three_palermo_clauses_form_one_family(bank_session):
    ids = palermo_ids(bank_session)
    family_ids = {bank_session.get(Clause, i).family_id for i in ids}
    assert len(family_ids) == 1 and None not in family_ids
    members = set(bank_session.scalars(select(Clause.id).where(Clause.family_id.in_(family_ids))))
    assert members == set(ids)
    row = bank_session.get(Family, family_ids.pop())
    assert (row.size, row.document_count) == (3, 2)


def test_family_view_says_where_the_wording_appears(bank_session):
    view = family(bank_session, palermo_ids(bank_session)[1])
    assert view["documents"] == 2
    assert view["years"] == [2017, 2018]
    focus = next(m for m in view["members"] if m["self"])
    assert focus["shared"] == []
    for member in view["members"]:
        if member["self"]:
            continue
        shared = " ".join(member["text"][a:b] for a, b in member["shared"])
        # The instrument's long title is the agreed language they share.
        assert "réprimer et punir la traite" in shared
        assert "criminalité transnationale organisée" in shared


def test_clauses_without_shared_language_have_no_family(bank_session):
    lonely = clause_id(bank_session, SEED_002, "De prolonger jusqu’en 2020")
    assert bank_session.get(Clause, lonely).family_id is None
    assert family(bank_session, lonely) is None


def terms(text: str) -> list[str]:
    return matching.terms(text)


PROTOCOL = ("Protocole additionnel à la Convention des Nations Unies contre la criminalité "
            "transnationale organisée visant à prévenir, réprimer et punir la traite des "
            "personnes, en particulier des femmes et des enfants")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # A long shared title with one word changed: agreed language.
        (f"Rappelant le {PROTOCOL} ;",
         f"Ratifions le {PROTOCOL.replace('personnes', 'êtres humains')}.", True),
        # The same passage in another order of clauses, inside longer paragraphs.
        (f"Décide de promouvoir le {PROTOCOL} et ses indicateurs ;",
         f"Notant que 172 États ont ratifié le {PROTOCOL}, qui fournit un cadre juridique ;",
         True),
        # A near-duplicate short clause, one word changed.
        ("Condamnons fermement la traite des êtres humains sous toutes ses formes ;",
         "Condamnent fermement la traite des êtres humains sous toutes ses formes ;", True),
        # Only an instrument's name in common: not a family.
        ("Rappelant la Convention des Nations Unies contre la criminalité transnationale "
         "organisée et ses protocoles ;",
         "Félicitons les États qui ont ratifié la Convention des Nations Unies contre la "
         "criminalité transnationale organisée et appelons à sa mise en œuvre ;", False),
        # Same topic, different wording.
        ("Encourageons la coopération régionale contre la traite des personnes ;",
         "Appelons à renforcer les partenariats internationaux pour combattre l'exploitation ;",
         False),
    ],
)
def test_link_rule(first, second, expected):
    assert families.linked(terms(first), terms(second)) is expected
    assert families.linked(terms(second), terms(first)) is expected


def test_shared_tiles_are_exact_runs():
    a = ["a", "b", "c", "d", "e", "f", "g", "h"]
    b = ["x", "e", "f", "g", "h", "y", "a", "b", "c", "z"]
    assert sorted(families.shared_tiles(a, b)) == [(0, 6, 3), (4, 1, 4)]
    assert families.shared_tiles(a, ["a", "b", "x", "c", "d"]) == []


WORDS = st.lists(st.sampled_from([f"w{n}" for n in range(40)]), min_size=0, max_size=30)


@settings(max_examples=200, deadline=None)
@given(WORDS, WORDS, st.lists(st.sampled_from([f"p{n}" for n in range(10)]), min_size=7,
                              max_size=15))
def test_a_shared_run_of_seven_terms_always_shares_a_fingerprint(before, after, passage):
    first = before + passage
    second = passage + after
    assert families.fingerprints(first) & families.fingerprints(second)


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_reimport_replaces_and_regroups(session):
    ids = palermo_ids(session)
    doc_002 = session.get(Clause, ids[1]).document
    key, owner = doc_002.source_key, doc_002.owner_id
    # The same file, edited so that it no longer quotes the Protocol.
    text = "\n\n".join([
        "L'Assemblée générale,",
        "Rappelant ses résolutions antérieures sur la traite des personnes,",
        "1. Décide de poursuivre l'examen de la question.",
    ])
    import_document(session, text, owner_id=owner, meta={"source_key": key})
    assert session.scalar(select(Document).where(Document.source_key == key)) is not None
    assert len(session.scalars(select(Document).where(Document.source_key == key)).all()) == 1
    assert session.get(Clause, ids[0]).family_id is None  # alone again
    assert session.scalars(select(Family)).all() == []


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_a_private_copy_joins_the_family_but_only_its_owner_sees_it(session, make_user):
    import accounts

    make_user("bob")
    make_user("carol")
    bob = accounts.find_user(session, "bob").id
    carol = accounts.find_user(session, "carol").id
    ids = palermo_ids(session)
    quoting = (f"Nous, Ministres,\n\nRéaffirmons notre attachement au {PROTOCOL} ;\n\n"
               "Décidons de nous revoir en 2026.")
    document = import_document(session, quoting, owner_id=bob, meta={"date": "2024"})
    mine = [c.id for c in document.clauses if "Protocole" in c.text]
    assert len(mine) == 1
    assert session.get(Clause, mine[0]).family_id == session.get(Clause, ids[0]).family_id
    assert family(session, ids[0], user_id=bob)["years"] == [2017, 2018, 2024]
    assert family(session, ids[0], user_id=carol)["years"] == [2017, 2018]
    seen_by_carol = family(session, ids[0], user_id=carol)["members"]
    assert mine[0] not in {member["clause_id"] for member in seen_by_carol}
