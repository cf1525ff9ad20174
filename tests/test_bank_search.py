"""Search the bank built from the bundled corpus: precedents, filters, hostile queries."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clause_bank.query import QueryError
from clause_bank.search import search
from storage.models import Clause, Document


def clause_id(session, seed: str, start: str) -> int:
    """Return the id of the clause of seed file *seed* whose text starts with *start*."""
    statement = select(Clause.id).join(Document).where(
        Document.source_key == f"corpus/{seed}", Clause.text.startswith(start)
    )
    ids = session.scalars(statement).all()
    assert len(ids) == 1, (seed, start, ids)
    return ids[0]


SEED_000 = "000_a9c76f7b99a1ff7f.txt"
SEED_001 = "001_6a329bf6ac7c8a8c.txt"
SEED_002 = "002_7a236687f3e638f3.txt"
SEED_003 = "003_da563d301c0450ee.txt"


@pytest.mark.parametrize(
    ("query", "seed", "start"),
    [
        # Paraphrases of a remembered idea, in the drafter's own words.
        ("traduire en justice ceux qui commettent ces crimes", SEED_001, "Réaffirmons notre"),
        ("coopération internationale renforcée contre le travail forcé", SEED_001,
         "Nous appelons à une coopération"),
        ("renforcer la coopération avec la société civile et les universités", SEED_002,
         "De renforcer la coopération avec les organisations"),
        ("assistance juridique gratuite aux victimes de la traite", SEED_002,
         "De promouvoir l’accès à l’assistance juridique"),
        ("criminalisation des migrants", SEED_003, "Expriment leur rejet"),
        ("vendus aux enchères en Libye", SEED_000, "Interpellés par la récurrence"),
        # Without accents, in capitals.
        ("cooperation internationale renforcee", SEED_001, "Nous appelons à une coopération"),
        ("ASSISTANCE JURIDIQUE GRATUITE", SEED_002, "De promouvoir l’accès à l’assistance"),
        ("developpement durable cible 8.7", SEED_002, "RECONNAISSANT le Programme 2030"),
        # With typos.
        ("assistence juridqiue gratuite", SEED_002, "De promouvoir l’accès à l’assistance"),
        ("criminalisaton des migrans", SEED_003, "Expriment leur rejet"),
        ("vendus aux enchere en Lybie", SEED_000, "Interpellés par la récurrence"),
    ],
)
def test_known_precedent_comes_first(bank_session, query, seed, start):
    result = search(bank_session, query, limit=5)
    assert result.hits, query
    assert result.hits[0].clause_id == clause_id(bank_session, seed, start)


def test_typo_of_the_issue_finds_trafficking_in_persons(bank_session):
    result = search(bank_session, "traite des persones", limit=20)
    assert result.corrections == {"persones": "personn"}
    assert result.hits
    for hit in result.hits:
        words = [hit.text[a:b].lower() for a, b in hit.highlights]
        assert "traite" in words and "personnes" in words, hit.text


def test_hit_carries_its_source_and_position(bank_session):
    hit = search(bank_session, "Protocole visant à prévenir réprimer et punir", kind="operative",
                 limit=1).hits[0]
    assert hit.clause_id == clause_id(bank_session, SEED_002, "De promouvoir la mise en œuvre")
    assert hit.position == "OP3"
    assert hit.number == "3"
    assert hit.kind == "operative"
    assert hit.opener == "De promouvoir"
    assert hit.document["body"] == "Organisation des États américains (OEA)"
    assert hit.document["year"] == 2018
    assert hit.document["title"].startswith("Efforts consentis à l'échelle continentale")
    assert 0 < hit.score <= 100


def test_highlights_are_the_matched_words(bank_session):
    hit = search(bank_session, "réprimer et punir la traite", limit=1).hits[0]
    marked = [hit.text[start:end] for start, end in hit.highlights]
    assert marked[:3] == ["réprimer", "punir", "traite"]
    assert all(word.lower() in {"réprimer", "punir", "traite"} for word in marked)


def test_matches_in_sub_items_are_highlighted_in_the_items(bank_session):
    hit = search(bank_session, "Protocole de Palerme", limit=1).hits[0]
    assert hit.clause_id == clause_id(bank_session, SEED_001, "Nous convenons que")
    first_item = hit.items[0]
    assert [first_item[a:b] for a, b in hit.item_highlights[0]][-1] == "Palerme"


def ids_of(result) -> set[int]:
    return {hit.clause_id for hit in result.hits}


def all_of(session, *conditions) -> set[int]:
    return set(session.scalars(select(Clause.id).join(Document).where(*conditions)))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "preambular"}, lambda s: all_of(s, Clause.kind == "preambular")),
        ({"kind": "operative"}, lambda s: all_of(s, Clause.kind == "operative")),
        ({"opener": "reconnaitre"}, lambda s: all_of(s, Clause.opener_lemma == "reconnaître")),
        ({"opener": "Réaffirmer"}, lambda s: all_of(s, Clause.opener_lemma == "réaffirmer")),
        ({"source": f"corpus/{SEED_000}"},
         lambda s: all_of(s, Document.source_key == f"corpus/{SEED_000}")),
        ({"body": "oea"}, lambda s: all_of(s, Document.source_key == f"corpus/{SEED_002}")),
        ({"body": "Francophonie"},
         lambda s: all_of(s, Document.source_key == f"corpus/{SEED_000}")),
        ({"year_from": 2018}, lambda s: all_of(s, Document.year == 2018)),
        ({"year_to": 2011}, lambda s: all_of(s, Document.year == 2011)),
        ({"year_from": 2017, "year_to": 2017}, lambda s: all_of(s, Document.year == 2017)),
        ({"language": "fr"}, lambda s: all_of(s)),
        ({"language": "en"}, lambda s: set()),
    ],
)
def test_filters_without_query_list_exactly_the_matching_clauses(bank_session, filters, expected):
    result = search(bank_session, "", limit=100, **filters)
    assert ids_of(result) == expected(bank_session)


def test_reference_filter(bank_session):
    result = search(bank_session, "", reference="Palerme", limit=100)
    palermo = {clause.id for clause in bank_session.scalars(select(Clause))
               if "palerme" in clause.ref_norm}
    assert ids_of(result) == palermo
    assert clause_id(bank_session, SEED_001, "Nous convenons que") in palermo
    assert len(palermo) >= 5


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"kind": "preambular"}, lambda hit: hit.kind == "preambular"),
        ({"opener": "promouvoir"}, lambda hit: hit.opener_lemma == "promouvoir"),
        ({"body": "CELAC"}, lambda hit: "CELAC" in hit.document["body"]),
        ({"year_from": 2012, "year_to": 2017}, lambda hit: hit.document["year"] == 2017),
        ({"reference": "convention de belem do para"},
         lambda hit: "Belém do Pará" in hit.text),
    ],
)
def test_filters_combine_with_a_query(bank_session, filters, check):
    result = search(bank_session, "traite des personnes victimes migrants", limit=50,
                    **filters)
    assert result.hits
    assert all(check(hit) for hit in result.hits)


@pytest.mark.parametrize(
    "query",
    ['"', "*", "NEAR(", "-", '"traite* NEAR(personnes -', "traite -personnes", "AND OR NOT",
     "^traite", "col : traite", "(((", "'", "\\", "%_", "x" * 10_000, "   ", "🙂", "",
     " ".join(f"mot{n}" for n in range(1500))[:10_000]],
)
def test_hostile_queries_give_a_clean_result(bank_session, query):
    result = search(bank_session, query, limit=5)
    assert isinstance(result.hits, list)


def test_fts_syntax_is_searched_as_words(bank_session):
    plain = search(bank_session, "traite personnes", limit=10)
    hostile = search(bank_session, '"traite* (personnes -"', limit=10)
    assert ids_of(hostile) == ids_of(plain)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"query": "x" * 10_001}, "query too long"),
        ({"query": "traite", "kind": "chapeau"}, "unknown kind"),
        ({"query": "traite", "limit": 0}, "limit must be"),
        ({"query": "traite", "limit": 101}, "limit must be"),
        ({"query": "traite", "offset": -1}, "offset"),
        ({"query": "traite", "year_from": 99999}, "out of range"),
        ({"query": "traite", "reference": "«»"}, "empty reference"),
    ],
)
def test_bad_queries_raise_a_clear_error(bank_session, options, message):
    options = dict(options)
    query = options.pop("query")
    with pytest.raises(QueryError, match=message):
        search(bank_session, query, **options)


def test_paging_continues_the_ranking(bank_session):
    everything = search(bank_session, "traite des personnes", limit=30).hits
    page = search(bank_session, "traite des personnes", limit=10, offset=10).hits
    assert [hit.clause_id for hit in page] == [hit.clause_id for hit in everything[10:20]]


def test_results_are_ordered_by_score(bank_session):
    scores = [hit.score for hit in search(bank_session, "coopération régionale", limit=50).hits]
    assert scores == sorted(scores, reverse=True)
