"""Full-text candidate retrieval and the bank's vocabulary, on SQLite FTS5 or PostgreSQL.

Both backends index ``Clause.norm`` (already folded and stemmed, see ``clause_bank.matching``),
so a query is a list of term groups (alternatives of one term: the word and its corrections).
Terms are word characters only, and are quoted here, so no FTS syntax from a user reaches
the engine.
"""

from __future__ import annotations

import itertools
import threading
import time
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
CHUNK_TERMS = 3  # a pasted paragraph is also looked up by its runs of three terms
MAX_CHUNKS = 40


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
_checked: dict[str, tuple[float, tuple]] = {}
_lock = threading.Lock()
RECHECK = 1.0  # seconds between two checks that the bank has not changed under the cache
_epoch = [0]  # bumped by this process's imports: their effect is seen at once


def changed() -> None:
    """Note that this process changed the bank (the cached vocabulary is stale)."""
    _epoch[0] += 1


def generation(session: Session) -> tuple:
    """Return a value that changes whenever documents are imported or removed.

    SQLite gives a new row the highest id plus one, so ids can come back after a removal;
    the creation time of the newest document tells such a re-import apart.
    """
    newest = select(Document.created_at).order_by(Document.id.desc()).limit(1)
    return tuple(session.execute(
        select(select(func.max(Clause.id)).scalar_subquery(), func.count(Document.id),
               newest.scalar_subquery())
    ).one())


def _current(session: Session, key: str) -> tuple:
    """Return the bank's generation, asked of the database at most once per RECHECK."""
    now = time.monotonic()
    checked = _checked.get(key)
    if checked and now - checked[0] < RECHECK and checked[1][0] == _epoch[0]:
        return checked[1]
    current = (_epoch[0], *generation(session))
    _checked[key] = (now, current)
    return current


def bank_size(session: Session) -> int:
    """Return about how many clauses the bank holds (the highest clause id, cached)."""
    return _current(session, str(session.get_bind().url))[1] or 0


def vocabulary(session: Session) -> Vocabulary:
    """Return the bank's vocabulary, read from the index once per change of the bank.

    Another process's import is noticed within ``RECHECK`` seconds; until then only spelling
    corrections can miss its new words.
    """
    key = str(session.get_bind().url)
    current = _current(session, key)
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

    Modes: "phrase" (consecutive), "near_pairs" (two of them with at most n - 2 words
    between, so that they align in a window of n words), "all_near" (all, and a near pair),
    "all", "all_but_one", "half" (at least half of them), "chunks" (three consecutive terms
    of the query close together; on PostgreSQL, anywhere), "any"; each group is a term and
    its alternatives.
    """
    sqlite = dialect == "sqlite"
    quoted = [[f'"{t}"' if sqlite else f"'{t}'" for t in group] for group in groups]
    either = [_join(group, " OR " if sqlite else " | ") for group in quoted]
    both, one_of = (" AND ", " OR ") if sqlite else (" & ", " | ")
    pairs = list(itertools.combinations(range(len(groups)), 2))
    gap = len(groups) - 2
    if mode == "chunks":
        windows = [quoted[i : i + CHUNK_TERMS] for i in range(len(quoted) - CHUNK_TERMS + 1)]
        spans = [_products(window, lambda p: f"NEAR({' '.join(p)}, {CHUNK_TERMS})")
                 for window in windows[:MAX_CHUNKS]]
        spans = [span for span in spans if span is not None]
        if not sqlite:
            spans = [_join([_join(group, " | ") for group in window], " & ")
                     for window in windows[:MAX_CHUNKS]]
        return one_of.join(spans) if spans else None
    if mode == "all_near":
        near = match_expression(groups, "near_pairs", dialect)
        return None if near is None else _join([_join(either, both), _join([near], "")], both)
    if sqlite and mode == "near_pairs":
        spans = [_products([quoted[i], quoted[j]], lambda p: f"NEAR({' '.join(p)}, {gap})")
                 for i, j in pairs]
        return None if None in spans else one_of.join(spans)
    if sqlite and mode == "phrase":
        return _products(quoted, lambda p: _join(p, " + "))
    if mode == "phrase":
        return _join(either, " <-> ")
    if mode == "near_pairs":
        return one_of.join(f"({either[i]} <{k}> {either[j]})" for i, j in pairs
                           for k in range(1, gap + 2))
    if mode == "all":
        return _join(either, both)
    if mode in ("half", "all_but_one"):
        size = (len(either) + 1) // 2 if mode == "half" else len(either) - 1
        subsets = itertools.combinations(either, size)
        return one_of.join(_join(subset, both) for subset in subsets)
    return _join(either, one_of)


def _products(quoted: list[list[str]], render) -> str | None:
    """Return the OR of *render* over every choice of alternatives (None when too many)."""
    choices = list(itertools.islice(itertools.product(*quoted), MAX_PHRASES + 1))
    if len(choices) > MAX_PHRASES:
        return None
    return " OR ".join(_join([render(choice)], "") for choice in choices)


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

