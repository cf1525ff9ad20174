"""Storing mined documents: fields, replacement, privacy, listing and figures."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

import accounts
from clause_bank import matching
from clause_bank.store import (
    bank_stats,
    ensure_bundled_corpus,
    get_clause,
    import_document,
    list_documents,
    share_document,
)
from storage.models import Clause, ClauseFingerprint, Document
from tests.conftest import BACKENDS, SEEDS
from tests.test_bank_search import SEED_001, SEED_002, clause_id

pytestmark = pytest.mark.parametrize("database_url", BACKENDS, indirect=True)

TEXT = """Déclaration de Lomé sur la traite

Nous, Ministres,

Réaffirmant notre attachement à la Charte des Nations Unies ;

Conscients de la gravité de la traite des personnes ;

1. Condamnons la traite des personnes sous toutes ses formes ;

2. Appelons les États à ratifier le Protocole de Palerme :
a) en adoptant des lois nationales ;
b) en formant les agents de l'État.
"""


def test_clauses_carry_their_mined_fields(session):
    document = import_document(session, TEXT, meta={"body": "CEDEAO", "date": "2019-05-02"})
    assert (document.title, document.body, document.year) == (
        "Déclaration de Lomé sur la traite", "CEDEAO", 2019)
    assert document.chapeau.startswith("Nous, Ministres")
    rows = [(c.position, c.kind, c.ordinal, c.number, c.opener, c.opener_lemma)
            for c in document.clauses]
    assert rows == [
        (0, "preambular", 1, None, "Réaffirmant", "réaffirmer"),
        (1, "preambular", 2, None, "Conscients", "conscient"),
        (2, "operative", 1, "1", "Condamnons", "condamner"),
        (3, "operative", 2, "2", "Appelons", "appeler"),
    ]
    last = document.clauses[-1]
    assert last.items == ["en adoptant des lois nationales ;", "en formant les agents de l'État."]
    assert last.norm == matching.matching_text("\n".join([last.text, *last.items]))
    assert "protocole de palerme" in last.ref_norm
    assert {ref["key"] or ref["text"] for ref in last.references} >= {"Protocole de Palerme"}
    assert last.language == "fr"


def test_same_source_key_or_same_content_replaces(session):
    count = session.scalar(select(func.count(Document.id)))
    first = import_document(session, TEXT, meta={"source_key": "lome.txt"})
    second = import_document(session, TEXT.replace("Lomé", "Lomé (révisée)"),
                             meta={"source_key": "lome.txt"})
    third = import_document(session, TEXT.replace("Lomé", "Lomé (révisée)"),
                            meta={"source_key": "another-name.txt"})
    assert session.scalar(select(func.count(Document.id))) == count + 1
    kept = session.scalar(select(Document).where(Document.title.contains("Lomé")))
    assert (kept.id, kept.source_key) == (third.id, "another-name.txt")
    assert kept.title == "Déclaration de Lomé (révisée) sur la traite"
    assert first.id <= third.id and second.id <= third.id
    # No clause, index entry or fingerprint is left of the replaced copies.
    ids = set(session.scalars(select(Clause.id)))
    printed = set(session.scalars(select(ClauseFingerprint.clause_id)))
    assert printed <= ids


def test_bundled_corpus_is_imported_once(session):
    assert ensure_bundled_corpus(session) == 0
    assert session.scalar(select(func.count(Document.id))) == len(list(SEEDS.glob("*.txt")))
    titles = {doc["title"] for doc in list_documents(session)}
    assert "Déclaration de Niamey" in titles


def test_imports_are_private_unless_shared(session, make_user):
    make_user("bob")
    make_user("carol")
    bob = accounts.find_user(session, "bob").id
    carol = accounts.find_user(session, "carol").id
    document = import_document(session, TEXT, owner_id=bob)
    private = document.clauses[0].id
    bundled = clause_id(session, SEED_001, "Nous convenons que")
    assert get_clause(session, private, user_id=bob) is not None
    assert get_clause(session, private, user_id=carol) is None
    assert get_clause(session, private) is None
    assert get_clause(session, bundled, user_id=carol) is not None
    assert document.id in {d["id"] for d in list_documents(session, user_id=bob)}
    assert document.id not in {d["id"] for d in list_documents(session, user_id=carol)}
    with pytest.raises(LookupError):
        share_document(session, document.id, user_id=carol)
    share_document(session, document.id, user_id=bob)
    assert get_clause(session, private, user_id=carol) is not None
    # Bob importing the same text again replaces his copy, not the bundled one of others.
    import_document(session, TEXT, owner_id=bob)
    assert session.scalar(select(func.count()).where(Document.owner_id == bob)) == 1


def test_stats_and_list(session):
    figures = bank_stats(session)
    total = session.scalar(select(func.count(Clause.id)))
    assert figures["documents"] == 5
    assert figures["clauses"] == total == figures["preambular"] + figures["operative"]
    assert figures["languages"] == {"fr": total}
    assert figures["families"] == 1 and figures["clauses_in_families"] == 3
    assert figures["top_openers"][0]["count"] >= figures["top_openers"][-1]["count"]
    summary = next(d for d in list_documents(session)
                   if d["source_key"] == f"corpus/{SEED_002}")
    assert (summary["preambular"], summary["operative"]) == (14, 32)
    assert summary["body"] == "Organisation des États américains (OEA)"


def test_the_vocabulary_follows_a_replacement(session):
    from clause_bank.search import search

    charter = "la Charte des Nations Unies"
    import_document(session, TEXT.replace(charter, "la Charte de Zanzibar"),
                    meta={"source_key": "k.txt"})
    assert search(session, "Zanzibra", limit=1).corrections == {"Zanzibra": "zanzibar"}
    # Same key, same number of clauses: on SQLite the new rows take the old ids again.
    import_document(session, TEXT.replace(charter, "la Charte de Tombouctou"),
                    meta={"source_key": "k.txt"})
    result = search(session, "Tombouctu", limit=1)
    assert result.corrections == {"Tombouctu": "tombouctou"}
    assert "Tombouctou" in result.hits[0].text
