"""Search filters as SQL conditions on clauses joined to their documents.

Values typed by people (an opener, a body, a reference) are compared folded, so « reaffirmer »
finds « réaffirmer » and « oea » finds « OEA ».
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from clause_bank import matching
from clause_bank.model import KINDS
from clause_bank.query import QueryError
from storage.models import Clause, Document

YEARS = range(1900, 2200)


def visible(user_id: int | None) -> ColumnElement[bool]:
    """Return the condition on Document: bundled, shared, or owned by *user_id*."""
    public = or_(Document.owner_id.is_(None), Document.shared.is_(True))
    return public if user_id is None else or_(public, Document.owner_id == user_id)


def conditions(
    session: Session,
    *,
    user_id: int | None,
    kind: str | None = None,
    opener: str | None = None,
    source: str | int | None = None,
    body: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    language: str | None = None,
    reference: str | None = None,
) -> list[ColumnElement[bool]]:
    """Return the SQL conditions for the filters given; raise QueryError on a bad value."""
    where = [visible(user_id)]
    if kind:
        if kind not in KINDS:
            raise QueryError(f"unknown kind {kind!r} (expected {' or '.join(KINDS)})")
        where.append(Clause.kind == kind)
    for year in (year_from, year_to):
        if year is not None and year not in YEARS:
            raise QueryError(f"year {year} out of range")
    if year_from is not None:
        where.append(Document.year >= year_from)
    if year_to is not None:
        where.append(Document.year <= year_to)
    if language:
        where.append(Clause.language == language.strip().lower())
    if opener:
        where.append(Clause.opener_lemma.in_(_lemmas(session, opener)))
    if source:
        where.append(_source(source))
    if body:
        where.append(Document.id.in_(_documents_by_body(session, body)))
    if reference:
        folded = matching.folded_text(reference)
        if not folded:
            raise QueryError("empty reference filter")
        where.append(Clause.ref_norm.contains(folded, autoescape=True))
    return where


def is_everything(session: Session, where: list[ColumnElement[bool]], *, user_id) -> bool:
    """Return True when *where* is only visibility and hides no document from *user_id*."""
    if len(where) > 1:
        return False
    # Written so that the (owner_id, source_key) index answers it without a scan.
    hidden = select(Document.id).where(Document.owner_id.is_not(None),
                                       Document.shared.is_(False))
    if user_id is not None:
        hidden = hidden.where(Document.owner_id != user_id)
    return session.scalar(hidden.limit(1)) is None


def _lemmas(session: Session, opener: str) -> list[str]:
    wanted = matching.folded_text(opener)
    lemmas = session.scalars(select(Clause.opener_lemma).distinct())
    return [lemma for lemma in lemmas if lemma and matching.folded_text(lemma) == wanted]


def _source(source: str | int) -> ColumnElement[bool]:
    value = str(source).strip()
    if value.isdigit():
        return Document.id == int(value)
    return or_(Document.source_key == value, Document.file_name == value)


def _documents_by_body(session: Session, body: str) -> list[int]:
    wanted = matching.folded_text(body)
    rows = session.execute(select(Document.id, Document.body).where(Document.body.is_not(None)))
    return [doc_id for doc_id, name in rows if wanted in matching.folded_text(name)]


def browse(
    session: Session, where: list[ColumnElement[bool]], *, limit: int, offset: int
) -> list[tuple[int, float]]:
    """Return (clause id, 0) of the clauses matching *where*, in document order."""
    statement = (
        select(Clause.id)
        .join(Document, Document.id == Clause.document_id)
        .where(*where)
        .order_by(Clause.document_id, Clause.position)
        .limit(limit)
        .offset(offset)
    )
    return [(clause_id, 0.0) for clause_id in session.scalars(statement)]
