"""The clause bank as the editor sees it: a clause to insert, results for the bank panel."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from clause_bank.filters import visible
from clause_bank.store import get_clause, position, visible_documents
from drafts.editing import Precedent
from storage.models import Clause, Document


@dataclass
class ResultView:
    """One search hit as the panel shows it."""

    clause_id: int
    text_html: Markup  # the clause with its matched words in <mark>
    kind: str
    position: str
    source: str
    date: str | None
    score: int | None
    family_count: int = 0
    family_years: list[int] = field(default_factory=list)


def precedent_for(session: Session, clause_id: int, *, user_id: int) -> Precedent | None:
    """Return the clause *clause_id* ready to insert, or None if the user cannot see it."""
    clause = get_clause(session, clause_id, user_id=user_id)
    if clause is None:
        return None
    document = clause.document
    return Precedent(
        clause_id=clause.id, text=clause.text, items=list(clause.items or []),
        source=document.title or document.file_name, position=position(clause),
        body=document.body, date=document.date, document_id=document.id,
    )


def source_choices(session: Session, *, user_id: int) -> list[tuple[int, str]]:
    """Return (document id, label) of the bank texts the user can filter on."""
    documents = session.scalars(visible_documents(user_id).order_by(Document.year,
                                                                      Document.title))
    return [(d.id, (d.title or d.file_name)[:70] + (f" ({d.year})" if d.year else ""))
            for d in documents]


def search_results(session: Session, params: dict, *, user_id: int, limit: int):
    """Return (hits, total) for the panel's parameters; raise ValueError for a bad query."""
    from clause_bank.search import search

    result = search(
        session, params.get("q") or "", user_id=user_id, kind=params.get("kind") or None,
        opener=params.get("opener") or None, source=params.get("source") or None,
        year_from=_year(params, "year_from"), year_to=_year(params, "year_to"), limit=limit,
    )
    families = family_sizes(session, [h.family_id for h in result.hits if h.family_id],
                            user_id=user_id)
    views = [
        ResultView(
            clause_id=hit.clause_id, text_html=highlighted(hit.text, hit.highlights),
            kind=hit.kind, position=hit.position,
            source=hit.document.get("title") or "", date=hit.document.get("date"),
            score=round(hit.score) if hit.score is not None else None,
            family_count=families.get(hit.family_id, (0, []))[0],
            family_years=families.get(hit.family_id, (0, []))[1],
        )
        for hit in result.hits
    ]
    return views, max(result.candidates, len(views))


def family_sizes(session: Session, family_ids: list[int], *, user_id: int
                 ) -> dict[int, tuple[int, list[int]]]:
    """Return, per family, how many visible texts hold it and their years."""
    if not family_ids:
        return {}
    rows = session.execute(
        select(Clause.family_id, Document.id, Document.year).join(Document)
        .where(Clause.family_id.in_(set(family_ids)), visible(user_id))
    )
    documents: dict[int, dict[int, int | None]] = {}
    for family_id, document_id, year in rows:
        documents.setdefault(family_id, {})[document_id] = year
    return {family_id: (len(found), sorted({y for y in found.values() if y}))
            for family_id, found in documents.items()}


def highlighted(text: str, spans) -> Markup:
    """Return *text* escaped, with the spans of matched words in <mark>."""
    parts, at = [], 0
    for start, end in sorted(tuple(span) for span in spans or []):
        if start < at or end <= start:
            continue
        parts.append(escape(text[at:start]))
        parts.append(Markup("<mark>%s</mark>") % text[start:end])
        at = end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)


def _year(params: dict, key: str) -> int | None:
    value = (params.get(key) or "").strip()
    if value and not (value.isdigit() and len(value) == 4):
        raise ValueError(_("Année : quatre chiffres, par exemple 2017."))
    return int(value) if value else None
