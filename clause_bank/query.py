"""A search query as terms, each with its spelling corrections against the bank's vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from clause_bank import matching
from clause_bank.index import Vocabulary

MAX_QUERY_CHARS = 10_000
MAX_SCORED_TERMS = 400  # a pasted page is scored on its first terms only
MAX_ALTERNATIVES = 3
MAX_CORRECTED = 30  # spelling is checked for the first distinct terms only (a pasted page)
# A known term this rare is checked for a far more frequent neighbour (« néssaire »).
RARE = 2
DOMINANCE = 10


class QueryError(ValueError):
    """A query that cannot be run; the message says why."""


@dataclass
class Query:
    """The processed query: distinct terms in order, with their alternatives."""

    text: str
    terms: list[str]  # as scored: best alternative of each term, in the query's order
    groups: list[list[str]]  # one group per distinct term: the term or its corrections
    corrections: dict[str, str] = field(default_factory=dict)  # word as typed -> term searched

    @property
    def matching(self) -> str:
        """Return the processed query compared with ``Clause.norm``."""
        return " ".join(self.terms)

    @property
    def all_terms(self) -> frozenset[str]:
        """Return every term a clause may contain to match (for highlighting)."""
        return frozenset(term for group in self.groups for term in group)


def check(text: str | None) -> str:
    """Return *text* stripped, or raise QueryError when it is too long."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text)} characters, at most {MAX_QUERY_CHARS})")
    return text


def parse(text: str | None, vocabulary: Vocabulary) -> Query:
    """Return the query for *text*, typos corrected against *vocabulary*."""
    text = check(text)
    spans = matching.term_spans(text)[:MAX_SCORED_TERMS]
    groups: dict[str, list[str]] = {}
    corrections = {}
    for term, start, end in spans:
        if term not in groups:
            word = text[start:end]
            groups[term] = (alternatives(term, vocabulary, word=word)
                            if len(groups) < MAX_CORRECTED else [term])
            if groups[term][0] != term:
                corrections[text[start:end]] = groups[term][0]
    scored = [groups[term][0] for term, _, _ in spans]
    return Query(text, scored, list(groups.values()), corrections)


def alternatives(term: str, vocabulary: Vocabulary, *, word: str = "") -> list[str]:
    """Return *term* or its likely corrections, the best first.

    A misspelt *word* may stem oddly (« persones » to « pers »), so its folded form, with
    and without a plural, is compared with the bank's terms too.
    """
    count = vocabulary.counts.get(term, 0)
    spread = _max_distance(term, max(len(word), len(term)))
    if spread == 0 or count > RARE or term.isdigit():
        return [term]
    folded = matching.fold(word) if word else term
    forms = {term, folded, folded.rstrip("sx") or folded}
    distances: dict[str, int] = {}
    for form in forms:
        found = process.extract(form, vocabulary.near_length(form, spread),
                                scorer=Levenshtein.distance, score_cutoff=spread, limit=None)
        for candidate, distance, _ in found:
            distances[candidate] = min(distance, distances.get(candidate, spread))
    ranked = sorted((distance, -vocabulary.counts[candidate], candidate)
                    for candidate, distance in distances.items() if candidate != term)
    if count:
        better = [w for _, neg, w in ranked if -neg >= DOMINANCE * count][: MAX_ALTERNATIVES - 1]
        return [term, *better]
    best = [candidate for _, _, candidate in ranked][:MAX_ALTERNATIVES]
    return best or [term]


def _max_distance(term: str, typed: int) -> int:
    # Short words have too many neighbours: « mer » is not a typo for « pays ». The length
    # of the word as typed counts: stemming shortens « migrans » more than « migrants ».
    if len(term) <= 3:
        return 0
    return 1 if typed <= 6 else 2
