"""What the bank knows about one paragraph: its nearest precedents and its family."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from clause_bank import families, index, matching
from clause_bank.diff import Change, word_diff
from clause_bank.filters import visible
from clause_bank.query import parse
from clause_bank.store import full_text, get_clause, position, source_of
from storage.models import Clause, Document

CANDIDATES = 200
RESCORED = 30  # candidates compared word for word with the paragraph


@dataclass
class Precedent:
    """A clause close to a paragraph, how close (0-100), and what differs word by word."""

    clause_id: int
    text: str  # the part compared: the clause, one of its sub-items, or both
    kind: str
    position: str
    opener: str | None
    similarity: float
    diff: list[Change]  # from the precedent to the paragraph
    document: dict
    family_id: int | None = None
    items: list[str] = field(default_factory=list)


def nearest(session: Session, text: str, *, user_id: int | None = None, k: int = 5,
            exclude: Iterable[int] = ()) -> list[Precedent]:
    """Return the *k* visible clauses most similar to *text*, the closest first."""
    parsed = parse(text, index.vocabulary(session))
    if not parsed.groups or k < 1:
        return []
    where = [visible(user_id)]
    excluded = list(exclude)
    if excluded:
        where.append(Clause.id.not_in(excluded))
    terms = index.rarest(parsed.groups, index.vocabulary(session).counts)
    found = index.candidates(session, terms, mode="any", where=where, limit=CANDIDATES,
                             ranked=True)
    query = parsed.terms
    shortlist = sorted(found, key=lambda row: (-closeness(query, row[1].split()), row[0]))
    shortlist = shortlist[:RESCORED]
    rows = session.execute(
        select(Clause, Document).join(Document)
        .where(Clause.id.in_([clause_id for clause_id, _ in shortlist]))
    )
    folded = matching.folded_text(text)
    compared = sorted((_closest_part(clause, folded) + (clause, document)
                       for clause, document in rows), key=lambda c: (-c[0], c[2].id))
    # The word diff is the costly part: only for the precedents returned.
    return [_precedent(clause, document, part, similarity, text)
            for similarity, part, clause, document in compared[:k]]


def closeness(a, b) -> float:
    """Return how close two texts (or term lists) are, 0-100.

    The ratio of the whole, or 90% of the best partial alignment: a paragraph that is a
    fragment of a precedent, or the reverse, is close without being the same.
    """
    return max(fuzz.ratio(a, b), 0.9 * fuzz.partial_ratio(a, b))


def _closest_part(clause: Clause, folded: str) -> tuple[float, str]:
    """Return (similarity, part) for the part of *clause* closest to the folded paragraph."""
    parts = [clause.text]
    if clause.items:
        parts += [*clause.items, full_text(clause.text, clause.items)]
    return max(((closeness(folded, matching.folded_text(part)), part) for part in parts),
               key=lambda pair: pair[0])


def _precedent(clause: Clause, document: Document, best: str, similarity: float,
               text: str) -> Precedent:
    return Precedent(
        clause_id=clause.id, text=best, kind=clause.kind, position=position(clause),
        opener=clause.opener, similarity=round(similarity, 1), diff=word_diff(best, text),
        document=source_of(document), family_id=clause.family_id, items=list(clause.items or []),
    )


def family(session: Session, clause_id: int, *, user_id: int | None = None) -> dict | None:
    """Return the visible members of the clause's family, with the words each shares."""
    clause = get_clause(session, clause_id, user_id=user_id)
    if clause is None or clause.family_id is None:
        return None
    rows = session.execute(
        select(Clause, Document).join(Document)
        .where(Clause.family_id == clause.family_id, visible(user_id))
        .order_by(Document.year, Document.id, Clause.position)
    ).all()
    mine = clause.norm.split()
    members = [_member(member, document, mine, member.id == clause.id) for member, document in rows]
    years = sorted({document.year for _, document in rows if document.year})
    return {
        "id": clause.family_id,
        "documents": len({document.id for _, document in rows}),
        "years": years,
        "members": members,
    }


def _member(clause: Clause, document: Document, focus: list[str], is_self: bool) -> dict:
    text = full_text(clause.text, clause.items or [])
    spans = matching.term_spans(text)
    tiles = [] if is_self else families.shared_tiles(focus, clause.norm.split())
    shared = sorted((spans[j][1], spans[j + size - 1][2]) for _, j, size in tiles)
    return {
        "clause_id": clause.id, "text": text, "kind": clause.kind, "position": position(clause),
        "document": source_of(document), "self": is_self, "shared": shared,
    }
