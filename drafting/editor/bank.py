"""The clause bank as the editor sees it: a clause to insert, results for the bank panel."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from drafts.editing import Precedent
from storage.models import Clause, Document


def _visible(user_id: int):
    return or_(Document.owner_id.is_(None), Document.owner_id == user_id,
               Document.shared.is_(True))


def precedent_for(session: Session, clause_id: int, *, user_id: int) -> Precedent | None:
    """Return the clause *clause_id* ready to insert, or None if the user cannot see it."""
    row = session.execute(
        select(Clause, Document).join(Document, Document.id == Clause.document_id)
        .where(Clause.id == clause_id, _visible(user_id))
    ).first()
    if row is None:
        return None
    clause, document = row
    prefix = "PP" if clause.kind == "preambular" else "OP"
    return Precedent(
        clause_id=clause.id, text=clause.text, items=list(clause.items or []),
        source=document.title or document.file_name, position=f"{prefix}{clause.ordinal}",
        body=document.body, date=document.date, document_id=document.id,
    )


def source_choices(session: Session, *, user_id: int) -> list[tuple[int, str]]:
    """Return (document id, label) of the bank texts the user can filter on."""
    rows = session.execute(
        select(Document.id, Document.title, Document.file_name, Document.year)
        .where(_visible(user_id)).order_by(Document.year, Document.title)
    )
    return [(i, f"{(title or name)[:70]}" + (f" ({year})" if year else ""))
            for i, title, name, year in rows]


def search_results(session: Session, params: dict, *, user_id: int, limit: int):
    """Return (hits, total) for the panel's parameters; raise ValueError for a bad query."""
    from clause_bank.search import search

    def number(key: str) -> int | None:
        value = params.get(key) or ""
        if value and not value.isdigit():
            raise ValueError(f"{key}: expected a year")
        return int(value) if value else None

    result = search(
        session, params.get("q") or "", user_id=user_id, kind=params.get("kind") or None,
        opener=params.get("opener") or None, source=number("source"),
        year_from=number("year_from"), year_to=number("year_to"), limit=limit,
    )
    return list(result.hits), getattr(result, "total", len(result.hits))
