"""Store mined documents in the clause bank; list what it holds.

A document is identified by its source key for its owner (a file name, or the corpus path
for bundled texts) and by its content: importing either again replaces the old copy. Each
import updates the full-text index (database triggers) and the agreed-language families
(``clause_bank.families``) for the new clauses only, then commits.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from clause_bank import families, index, matching
from clause_bank.filters import visible
from clause_bank.model import Segmentation, SegmentedParagraph
from clause_bank.readers import read_source
from clause_bank.segment import segment_text
from storage.models import Clause, Document

CORPUS = Path(__file__).resolve().parent / "corpus"
CORPUS_PREFIX = "corpus/"
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
DOCUMENT_FIELDS = ("title", "body", "place", "date", "language", "text_kind")


def import_document(session: Session, source, *, owner_id: int | None = None,
                    meta: dict | None = None) -> Document:
    """Segment *source* (a ``Source`` or a text) and store it, replacing an earlier copy."""
    meta = dict(meta or {})
    text = source if isinstance(source, str) else source.text
    file_name = meta.pop("file_name", None) or getattr(source, "file_name", None) or "texte"
    segmentation = segment_text(text, language=meta.get("language"))
    return store_segmentation(
        session, segmentation, owner_id=owner_id, meta=meta, file_name=file_name,
        source_key=meta.pop("source_key", None) or file_name,
        content_sha=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def store_segmentation(session: Session, segmentation: Segmentation, *, owner_id: int | None,
                       meta: dict, file_name: str, source_key: str,
                       content_sha: str) -> Document:
    """Store one segmented document, replacing the owner's copy with the same key or content."""
    touched = _remove_previous(session, owner_id=owner_id, source_key=source_key,
                               content_sha=content_sha)
    document = Document(owner_id=owner_id, source_key=source_key[:255],
                        file_name=file_name[:255], content_sha=content_sha,
                        chapeau=segmentation.chapeau, shared=bool(meta.get("shared")),
                        meta=_plain(meta), **_document_fields(segmentation, meta))
    session.add(document)
    session.flush()
    rows = _clause_rows(document, segmentation.paragraphs)
    if rows:
        # Core executemany: the ORM's bulk path costs more than the rest of an import.
        session.execute(insert(Clause.__table__), rows)
    ids = session.scalars(select(Clause.id).where(Clause.document_id == document.id)
                          .order_by(Clause.position)).all()
    families.regroup(session, touched)
    families.link_document(session, document.id, [(clause_id, row["norm"]) for clause_id, row
                                                   in zip(ids, rows, strict=True)])
    session.commit()
    index.changed()
    return document


def _remove_previous(session: Session, *, owner_id, source_key: str, content_sha: str) -> set:
    owner = Document.owner_id.is_(None) if owner_id is None else Document.owner_id == owner_id
    same = or_(Document.source_key == source_key, Document.content_sha == content_sha)
    old = session.scalars(select(Document.id).where(owner, same)).all()
    if not old:
        return set()
    clauses = session.execute(select(Clause.id, Clause.norm, Clause.family_id)
                              .where(Clause.document_id.in_(old))).all()
    families.forget(session, [(clause_id, norm) for clause_id, norm, _ in clauses])
    session.execute(delete(Document).where(Document.id.in_(old)))
    touched = {family for _, _, family in clauses if family is not None}
    return touched


def _document_fields(segmentation: Segmentation, meta: dict) -> dict:
    fields = {name: meta.get(name) for name in DOCUMENT_FIELDS}
    fields["text_kind"] = fields["text_kind"] or meta.get("kind")
    fields["title"] = fields["title"] or segmentation.title
    fields["language"] = fields["language"] or segmentation.language or "fr"
    fields["year"] = meta.get("year") or _year(fields["date"])
    for name in ("body", "place", "date", "text_kind"):
        if fields[name] is not None:
            fields[name] = str(fields[name])[:255]
    return fields


def _year(date: str | None) -> int | None:
    found = _YEAR.search(str(date or ""))
    return int(found.group()) if found else None


def _plain(meta: dict) -> dict:
    """Return *meta* as JSON-safe values (dates and paths become strings)."""
    return json.loads(json.dumps(meta, default=str))


def _clause_rows(document: Document, paragraphs: Iterable[SegmentedParagraph]) -> list[dict]:
    ordinals = {"preambular": 0, "operative": 0}
    rows = []
    for place, paragraph in enumerate(paragraphs):
        ordinals[paragraph.kind] += 1
        references = [_reference(ref) for ref in paragraph.references]
        terms = matching.terms(full_text(paragraph.text, paragraph.items))
        rows.append({
            "document_id": document.id, "position": place, "kind": paragraph.kind,
            "ordinal": ordinals[paragraph.kind], "number": _cut(paragraph.number, 16),
            "opener": _cut(paragraph.opener, 255),
            "opener_lemma": _cut(paragraph.opener_lemma, 255),
            "opener_form": paragraph.opener_form, "text": paragraph.text,
            "items": list(paragraph.items), "references": references,
            "language": paragraph.language or document.language,
            "norm": " ".join(terms), "length_class": matching.length_class(len(terms)),
            "ref_norm": _ref_norm(references),
        })
    return rows


def _ref_norm(references: list[dict]) -> str:
    values = {matching.folded_text(value) for ref in references
              for value in (ref["text"], ref["key"]) if value}
    return " | ".join(sorted(values))


def _reference(reference) -> dict:
    if isinstance(reference, dict):
        return {"kind": reference.get("kind"), "text": reference.get("text"),
                "key": reference.get("key")}
    return {"kind": reference.kind, "text": reference.text, "key": reference.key}


def _cut(value: str | None, size: int) -> str | None:
    return value[:size] if value else value


def full_text(text: str, items: Iterable[str]) -> str:
    """Return a clause's text followed by its sub-items, one per line (what is matched)."""
    return "\n".join([text, *items])


def ensure_bundled_corpus(session: Session, corpus: Path = CORPUS) -> int:
    """Import the bundled texts that are missing or changed; return how many were imported."""
    rows = session.execute(
        select(Document.source_key, Document.content_sha).where(Document.owner_id.is_(None))
    )
    known = {key: sha for key, sha in rows}
    imported = 0
    for path in sorted(corpus.glob("*.txt")):
        source = read_source(path)
        key = CORPUS_PREFIX + path.name
        sha = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
        if known.get(key) == sha:
            continue
        meta = _corpus_meta(path)
        segmentation = _segment_bundled(source.text, meta.get("language"))
        store_segmentation(session, segmentation, owner_id=None, meta=meta,
                           file_name=path.name, source_key=key, content_sha=sha)
        imported += 1
    return imported


@lru_cache(maxsize=16)
def _segment_bundled(text: str, language: str | None) -> Segmentation:
    # Every new database (each test, each worker's first start) imports the same texts;
    # segmenting them once per process is enough. The result is only read.
    return segment_text(text, language=language)


def _corpus_meta(path: Path) -> dict:
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    return json.loads(sidecar.read_text(encoding="utf-8"))


def visible_documents(user_id: int | None):
    """Return the select of documents *user_id* may read: bundled, shared and their own."""
    return select(Document).where(visible(user_id))


def get_document(session: Session, document_id: int, *, user_id: int | None = None):
    """Return the document if *user_id* may read it, else None."""
    return session.scalar(visible_documents(user_id).where(Document.id == document_id))


def get_clause(session: Session, clause_id: int, *, user_id: int | None = None):
    """Return the clause if *user_id* may read its document, else None."""
    statement = (select(Clause).join(Document).where(Clause.id == clause_id, visible(user_id)))
    return session.scalar(statement)


def list_documents(session: Session, *, user_id: int | None = None) -> list[dict]:
    """Return one summary per visible document, with its clause counts."""
    counts = (
        select(Clause.document_id, Clause.kind, func.count()).group_by(Clause.document_id,
                                                                         Clause.kind)
    )
    by_doc: dict[int, dict[str, int]] = {}
    for doc_id, kind, number in session.execute(counts):
        by_doc.setdefault(doc_id, {})[kind] = number
    documents = session.scalars(visible_documents(user_id).order_by(Document.id))
    return [_summary(doc, by_doc.get(doc.id, {})) for doc in documents]


def _summary(document: Document, counts: dict[str, int]) -> dict:
    return {
        "id": document.id, "title": document.title, "body": document.body,
        "date": document.date, "year": document.year, "language": document.language,
        "file_name": document.file_name, "source_key": document.source_key,
        "owner_id": document.owner_id, "shared": document.shared,
        "preambular": counts.get("preambular", 0), "operative": counts.get("operative", 0),
    }


def bank_stats(session: Session, *, user_id: int | None = None) -> dict:
    """Return counts of what the bank holds for *user_id*."""
    base = select(Clause).join(Document).where(visible(user_id)).subquery()
    rows = session.execute(select(base.c.kind, base.c.language, func.count())
                           .group_by(base.c.kind, base.c.language)).all()
    openers = session.execute(
        select(base.c.opener_lemma, func.count()).where(base.c.opener_lemma.is_not(None))
        .group_by(base.c.opener_lemma).order_by(func.count().desc(), base.c.opener_lemma).limit(10)
    ).all()
    in_families = session.scalar(select(func.count()).where(base.c.family_id.is_not(None)))
    return {
        "documents": session.scalar(select(func.count()).select_from(
            visible_documents(user_id).subquery())),
        "clauses": sum(n for _, _, n in rows),
        "preambular": sum(n for kind, _, n in rows if kind == "preambular"),
        "operative": sum(n for kind, _, n in rows if kind == "operative"),
        "languages": _by_language(rows),
        "families": session.scalar(select(func.count(func.distinct(base.c.family_id)))),
        "clauses_in_families": in_families or 0,
        "top_openers": [{"lemma": lemma, "count": n} for lemma, n in openers],
    }


def _by_language(rows) -> dict[str, int]:
    languages: dict[str, int] = {}
    for _kind, language, number in rows:
        languages[language] = languages.get(language, 0) + number
    return languages


def share_document(session: Session, document_id: int, *, user_id: int, shared: bool = True):
    """Let every signed-in user read the document *user_id* imported (or stop it)."""
    document = session.get(Document, document_id)
    if document is None or document.owner_id != user_id:
        raise LookupError(f"no document {document_id} of yours")
    document.shared = shared
    session.commit()


def position(clause: Clause) -> str:
    """Return the negotiation label of a clause: PP3, OP7."""
    return f"{'PP' if clause.kind == 'preambular' else 'OP'}{clause.ordinal}"


def source_of(document: Document) -> dict:
    """Return what a hit says about its source document."""
    return {
        "id": document.id,
        "title": document.title,
        "body": document.body,
        "date": document.date,
        "year": document.year,
        "language": document.language,
    }
