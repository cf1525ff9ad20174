"""Full-text candidate retrieval and the bank's vocabulary, on SQLite FTS5 or PostgreSQL.

Both backends index ``Clause.norm`` (already folded and stemmed, see ``clause_bank.matching``),
so a query is a list of term groups (alternatives of one term: the word and its corrections).
Terms are word characters only, and are quoted here, so no FTS syntax from a user reaches
the engine.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, column, func, literal_column, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from clause_bank.matching import LENGTH_BOUNDS
from storage.models import Clause, Document

FTS = table("clause_fts", column("rowid"), column("rank"), column("clause_fts"))
SQLITE_VOCABULARY = "SELECT term, doc FROM clause_fts_vocab WHERE col = 'norm'"
PG_VOCABULARY = "SELECT word, ndoc FROM ts_stat('SELECT tsv FROM clauses')"
MAX_PHRASES = 16  # alternatives multiply in a phrase query; beyond this, drop the phrase tier
ANY_TERMS = 8  # an "any" query uses the rarest terms only: common ones match half the bank
RANKED_MATCHES = 20_000  # ranking costs per match: rare terms only
SHARED_LIMIT = 2_000  # clauses read per fingerprint lookup
POSTINGS = 50  # per fingerprint, the newest clauses kept: one member is enough to find a family


@dataclass
class Vocabulary:
    """Terms of the bank with the number of clauses containing each."""

    counts: dict[str, int]
    by_length: dict[int, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for word in self.counts:
            self.by_length.setdefault(len(word), []).append(word)

    def near_length(self, word: str, spread: int) -> list[str]:
        """Return the terms whose length is within *spread* of *word*'s."""
        size = len(word)
        lengths = range(size - spread, size + spread + 1)
        return [t for n in lengths for t in self.by_length.get(n, ())]


_vocabularies: dict[str, tuple[tuple, Vocabulary]] = {}
_lock = threading.Lock()


def generation(session: Session) -> tuple:
    """Return a value that changes whenever clauses are added or documents removed."""
    return session.execute(
        select(select(func.max(Clause.id)).scalar_subquery(), func.count(Document.id))
    ).one()._tuple()


def vocabulary(session: Session) -> Vocabulary:
    """Return the bank's vocabulary, read from the index once per change of the bank."""
    key = str(session.get_bind().url)
    current = generation(session)
    cached = _vocabularies.get(key)
    if cached and cached[0] == current:
        return cached[1]
    with _lock:
        if session.get_bind().dialect.name == "sqlite":
            rows = session.execute(text(SQLITE_VOCABULARY))
        else:
            rows = session.execute(text(PG_VOCABULARY))
        built = Vocabulary({term: count for term, count in rows})
        _vocabularies[key] = (current, built)
    return built


def match_expression(groups: Sequence[Sequence[str]], mode: str, dialect: str) -> str | None:
    """Return the engine's query string for *groups* in *mode*, or None when impossible.

    Modes: "phrase" (consecutive), "all", "all_but_one" (any set of all terms but one),
    "any"; each group is a term and its alternatives.
    """
    sqlite = dialect == "sqlite"
    quoted = [[f'"{t}"' if sqlite else f"'{t}'" for t in group] for group in groups]
    either = [_join(group, " OR " if sqlite else " | ") for group in quoted]
    both, one_of = (" AND ", " OR ") if sqlite else (" & ", " | ")
    if mode == "phrase" and sqlite:
        phrases = list(itertools.islice(itertools.product(*quoted), MAX_PHRASES + 1))
        if len(phrases) > MAX_PHRASES:
            return None
        return one_of.join(_join(phrase, " + ") for phrase in phrases)
    if mode == "phrase":
        return _join(either, " <-> ")
    if mode == "all":
        return _join(either, both)
    if mode == "all_but_one":
        subsets = [either[:n] + either[n + 1 :] for n in range(len(either))]
        return one_of.join(_join(subset, both) for subset in subsets)
    return _join(either, one_of)


def _join(parts: Sequence[str], separator: str) -> str:
    return "(" + separator.join(parts) + ")"


SQLITE_MATCH = text("SELECT rowid, norm FROM clause_fts WHERE clause_fts MATCH :match "
                    "ORDER BY rowid DESC LIMIT :size")
SQLITE_RANKED = text("SELECT rowid, norm FROM clause_fts WHERE clause_fts MATCH :match "
                     "ORDER BY rank LIMIT :size")


def candidates(
    session: Session,
    groups: Sequence[Sequence[str]],
    *,
    mode: str,
    where: Sequence[ColumnElement] | None,
    limit: int,
    ranked: bool = False,
) -> list[tuple[int, str]]:
    """Return up to *limit* (clause id, norm) matching *groups*: shortest first, then newest.

    That order is the tie-break of ``clause_bank.search.score``, and both engines produce it
    without ranking every match. *ranked* orders by the engine's relevance instead (BM25 or
    ts_rank), which costs a score per match: only for queries of rare terms. *where* holds
    conditions on clauses joined to documents; None means every clause may be returned,
    which spares the join.
    """
    dialect = session.get_bind().dialect.name
    expression = match_expression(groups, mode, dialect) if groups else None
    if expression is None:
        return []
    if dialect != "sqlite":
        return _run(session, _postgres(where, ranked=ranked), expression, limit)
    if ranked:
        statement = SQLITE_RANKED if where is None else _sqlite(where, ranked=True)
        return _run(session, statement, f"norm : {expression}", limit)
    statement = SQLITE_MATCH if where is None else _sqlite(where)
    found = _run(session, statement, f"norm : {expression}", limit + 1)
    if len(found) <= limit:
        return found
    # More matches than wanted: list them length class by length class.
    found = []
    for number in range(len(LENGTH_BOUNDS) + 1):
        match = f'norm : {expression} AND length_class : "{number}"'
        found += _run(session, statement, match, limit - len(found))
        if len(found) >= limit:
            break
    return found


def _run(session: Session, statement, match: str, size: int) -> list[tuple[int, str]]:
    rows = session.execute(statement, {"match": match, "size": size})
    return [(clause_id, norm) for clause_id, norm in rows]


def _sqlite(where: Sequence[ColumnElement], *, ranked: bool = False):
    return (
        select(Clause.id, Clause.norm)
        .select_from(FTS)
        .join(Clause, Clause.id == FTS.c.rowid)
        .join(Document, Document.id == Clause.document_id)
        .where(FTS.c.clause_fts.op("MATCH")(bindparam("match")), *where)
        .order_by(FTS.c.rank if ranked else FTS.c.rowid.desc())
        .limit(bindparam("size"))
    )


def _postgres(where: Sequence[ColumnElement] | None, *, ranked: bool = False):
    tsv = literal_column("clauses.tsv")
    query = func.to_tsquery("simple", bindparam("match"))
    order = ((func.ts_rank(tsv, query, 1).desc(),) if ranked
             else (Clause.length_class, Clause.id.desc()))
    statement = (
        select(Clause.id, Clause.norm)
        .where(tsv.op("@@")(query))
        .order_by(*order)
        .limit(bindparam("size"))
    )
    if where:
        statement = statement.join(Document, Document.id == Clause.document_id).where(*where)
    return statement


def rarest(groups: list[list[str]], counts: dict[str, int]) -> list[list[str]]:
    """Return the rarest term groups, at most ``ANY_TERMS`` and ``RANKED_MATCHES`` matches."""
    ordered = sorted(groups, key=lambda g: sum(counts.get(t, 0) for t in g))
    chosen, total = [], 0
    for group in ordered[:ANY_TERMS]:
        total += sum(counts.get(t, 0) for t in group)
        if len(chosen) >= 2 and total > RANKED_MATCHES:
            break
        chosen.append(group)
    return chosen


SQLITE_PRINTS = text("SELECT rowid, prints FROM clause_fts WHERE clause_fts MATCH :match "
                     "AND rowid < :below ORDER BY rowid DESC LIMIT :size")
PG_PRINTS = text("SELECT id, prints FROM clauses WHERE string_to_array(prints, ' ') && :tokens "
                 "AND id < :below ORDER BY id DESC LIMIT :size")


def sharing_fingerprints(session: Session, tokens: set[str], *, below: int) -> dict[str, set]:
    """Return, per fingerprint token, the newest clauses with an id below *below* carrying it.

    A fingerprint found in more than ``POSTINGS`` of the clauses read is boilerplate; when
    such fingerprints fill the answer, they are dropped and the lookup runs again.
    """
    rows = _prints(session, tokens, below)
    if len(rows) >= SHARED_LIMIT:
        counts = Counter(t for _, prints in rows for t in prints.split() if t in tokens)
        rows = _prints(session, {t for t in tokens if counts[t] <= POSTINGS}, below)
    postings: dict[str, set] = defaultdict(set)
    for clause_id, prints in rows:
        for token in prints.split():
            if token in tokens and len(postings[token]) < POSTINGS:
                postings[token].add(clause_id)
    return postings


def sharing(tokens: Sequence[str], postings: dict[str, set]) -> set[int]:
    """Return the clauses of *postings* that carry one of *tokens*."""
    return set().union(*(postings.get(token, ()) for token in tokens))


def _prints(session: Session, tokens: set[str], below: int) -> list[tuple[int, str]]:
    if not tokens:
        return []
    params = {"below": below, "size": SHARED_LIMIT}
    if session.get_bind().dialect.name == "sqlite":
        match = "prints : (" + " OR ".join(f'"{t}"' for t in sorted(tokens)) + ")"
        rows = session.execute(SQLITE_PRINTS, params | {"match": match})
    else:
        rows = session.execute(PG_PRINTS, params | {"tokens": sorted(tokens)})
    return [(clause_id, prints) for clause_id, prints in rows]
