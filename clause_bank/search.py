"""Search the clause bank: full-text candidates, then re-ranking with rapidfuzz.

Candidates come from the full-text index in tiers that follow the score from the top down
(``run_query``); ``score`` re-ranks them, the same function the benchmark's brute force
applies to every clause. See docs/search.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from clause_bank import filters, index, matching
from clause_bank.precedents import Precedent, nearest
from clause_bank.query import Query, QueryError, parse
from clause_bank.store import position, source_of
from storage.models import Clause, Document

__all__ = ["Hit", "Precedent", "Query", "QueryError", "SearchResult", "nearest", "rank", "score",
           "search", "run_query"]

CANDIDATES = 300
DEPTH = 1000  # a tier lists at least one clause in DEPTH of the bank
MAX_LIMIT = 100
MAX_OFFSET = 1000
SUBSETS = range(2, 9)  # queries of 2-8 terms run the tiers of _plan; longer ones, fewer
MIN_COVERAGE = 0.5


@dataclass
class Hit:
    """One clause found, with its source and the words that matched."""

    clause_id: int
    text: str
    items: list[str]
    kind: str
    position: str  # "PP3", "OP7"
    number: str | None
    opener: str | None
    opener_lemma: str | None
    language: str
    score: float  # 0-100
    highlights: list[tuple[int, int]]  # spans of matched words in ``text``
    item_highlights: list[list[tuple[int, int]]]
    document: dict  # id, title, body, date, year, language
    family_id: int | None = None


@dataclass
class SearchResult:
    """A page of hits and what the query became after processing."""

    query: str
    terms: list[str]
    corrections: dict[str, str]
    hits: list[Hit] = field(default_factory=list)
    candidates: int = 0


def score(query: list[str], terms: list[str]) -> float:
    """Return how well a clause's terms answer the query's terms (0-100; 0 below coverage).

    Coverage (the share of query terms the clause contains) counts 30, their order and
    contiguity (rapidfuzz's partial ratio over terms) 60, and the clause's brevity (its
    length class) 10. A clause with less than ``MIN_COVERAGE`` of the terms is not a hit.
    Equal scores go to the newest clause.
    """
    if not query or not terms:
        return 0.0
    wanted = set(query)
    coverage = len(wanted.intersection(terms)) / len(wanted)
    if coverage < MIN_COVERAGE:
        return 0.0
    return combine(fuzz.partial_ratio(query, terms), coverage, len(terms))


def combine(order: float, coverage: float, clause_size: int) -> float:
    """Return the score from its parts (shared with the benchmark's brute force)."""
    brevity = 1 - matching.length_class(clause_size) / len(matching.LENGTH_BOUNDS)
    return round(0.6 * order + 30 * coverage + 10 * brevity, 2)


def search(
    session: Session,
    query: str | None,
    *,
    user_id: int | None = None,
    kind: str | None = None,
    opener: str | None = None,
    source: str | int | None = None,
    body: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    language: str | None = None,
    reference: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Return the clauses visible to *user_id* that best match *query* and the filters."""
    if not 1 <= limit <= MAX_LIMIT or not 0 <= offset <= MAX_OFFSET:
        raise QueryError(f"limit must be 1-{MAX_LIMIT} and offset 0-{MAX_OFFSET}")
    where = filters.conditions(
        session, user_id=user_id, kind=kind, opener=opener, source=source, body=body,
        year_from=year_from, year_to=year_to, language=language, reference=reference,
    )
    vocabulary = index.vocabulary(session)
    parsed = parse(query, vocabulary)
    result = SearchResult(parsed.text, parsed.terms, parsed.corrections)
    if not parsed.terms:
        ranked = filters.browse(session, where, limit=limit, offset=offset)
        result.hits = hits(session, ranked, parsed)
        return result
    if filters.is_everything(session, where, user_id=user_id):
        where = None
    ranked = run_query(session, parsed, where=where, need=offset + limit,
                       counts=vocabulary.counts)
    result.candidates = len(ranked)
    result.hits = hits(session, ranked[offset : offset + limit], parsed)
    return result


def run_query(session: Session, parsed: Query, *, where, need: int,
              counts: dict[str, int]) -> list[tuple[int, float]]:
    """Return (clause id, score) of the hits for *parsed*, best first.

    Tiers fetch classes of clauses from the best score down: the terms as a phrase; all of
    them with two close enough to align; two of them so; all of them; half of them. Each
    tier lists its best ``size`` clauses (shortest first, as the score does), and the search
    stops as soon as the hits found score at least as high as anything the next tiers could
    bring.
    """
    groups = parsed.groups
    # A large bank has more equally good clauses per tier: list deeper.
    size = max(CANDIDATES, 2 * need, index.bank_size(session) // DEPTH)
    scores: dict[int, float] = {}

    def tier(chosen, mode: str, ranked: bool = False) -> list[tuple[int, float]]:
        rows = index.candidates(session, chosen, mode=mode, where=where, limit=size,
                                ranked=ranked)
        for clause_id, norm in rows:
            if clause_id not in scores:
                scores[clause_id] = score(parsed.terms, norm.split())
        return _best_first(scores)

    if len(groups) == 1:
        return tier(groups, "any")
    if len(groups) > max(SUBSETS):
        tier(groups, "all")
        tier(groups, "chunks", ranked=True)
        return tier(index.rarest(groups, counts), "any", ranked=True)
    ranked: list[tuple[int, float]] = []
    for mode, bound in _plan(len(groups)):
        ranked = tier(groups, mode)
        if len(ranked) >= need and ranked[need - 1][1] >= bound:
            break
    return ranked


def _plan(n: int) -> list[tuple[str, float]]:
    """Return the tiers for *n* terms, each with the best score left outside it and before it.

    Outside "phrase", a clause aligns at most n - 1 terms in order; outside "all_near" too,
    it lacks a term or aligns at most one; outside "all" it lacks a term; outside
    "all_but_one" it lacks two; outside "near_pairs" too, it aligns at most one. "half" holds
    every clause that can be a hit.
    """
    def best(aligned: int, present: int) -> float:
        # partial_ratio also aligns the query on a shorter window at either end of a clause
        return combine(200 * aligned / (n + aligned), present / n, 0) if present > 0 else 0.0

    if n < 3:
        return [("phrase", best(n - 1, n)), ("all", best(1, n - 1)), ("any", 0.0)]
    plan = [("phrase", best(n - 1, n)),
            ("all_near", max(best(1, n), best(n - 1, n - 1))),
            ("all", best(n - 1, n - 1))]
    if n >= 4:
        plan.append(("all_but_one", best(n - 2, n - 2)))
    plan += [("near_pairs", best(1, n - 2 if n >= 4 else n - 1)), ("half", 0.0)]
    return plan


def rank(parsed: Query, found: dict[int, str]) -> list[tuple[int, float]]:
    """Return (clause id, score) of the hits among *found* (id: norm), best first."""
    return _best_first({clause_id: score(parsed.terms, norm.split())
                        for clause_id, norm in found.items()})


def _best_first(scores: dict[int, float]) -> list[tuple[int, float]]:
    """Return the hits (score above 0), best first, ties to the newest clause."""
    hits = [pair for pair in scores.items() if pair[1] > 0]
    hits.sort(key=lambda pair: (-pair[1], -pair[0]))
    return hits


def hits(session: Session, ranked: list[tuple[int, float]], parsed: Query) -> list[Hit]:
    """Return the hits for (clause id, score) pairs, in that order."""
    if not ranked:
        return []
    ids = [clause_id for clause_id, _ in ranked]
    rows = session.execute(
        select(Clause, Document).join(Document).where(Clause.id.in_(ids))
    )
    by_id = {clause.id: (clause, document) for clause, document in rows}
    wanted = parsed.all_terms
    return [_hit(*by_id[clause_id], value, wanted) for clause_id, value in ranked]


def _hit(clause: Clause, document: Document, value: float, wanted: frozenset[str]) -> Hit:
    return Hit(
        clause_id=clause.id,
        text=clause.text,
        items=list(clause.items or []),
        kind=clause.kind,
        position=position(clause),
        number=clause.number,
        opener=clause.opener,
        opener_lemma=clause.opener_lemma,
        language=clause.language,
        score=value,
        highlights=highlight(clause.text, wanted),
        item_highlights=[highlight(item, wanted) for item in clause.items or []],
        document=source_of(document),
        family_id=clause.family_id,
    )


def highlight(text: str, wanted: frozenset[str]) -> list[tuple[int, int]]:
    """Return the spans of the words of *text* whose term is one of *wanted*."""
    return [(start, end) for term, start, end in matching.term_spans(text) if term in wanted]
