"""Tables of the clause bank, the drafts and the accounts.

Every schema change goes through a migration in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bumped on logout and password change so that old session cookies stop working.
    session_token: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Document(Base):
    """A source text of the clause bank (bundled or imported by a user)."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("owner_id", "source_key", name="uq_document_source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # NULL owner: bundled corpus, visible to every signed-in user.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str] = mapped_column(String(255))
    content_sha: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(String(255))
    place: Mapped[str | None] = mapped_column(String(255))
    date: Mapped[str | None] = mapped_column(String(32))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    language: Mapped[str] = mapped_column(String(8), default="fr")
    text_kind: Mapped[str | None] = mapped_column(String(64))
    chapeau: Mapped[str | None] = mapped_column(Text)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    clauses: Mapped[list[Clause]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Clause.position"
    )


class Family(Base):
    """Clauses that recur across documents with small edits (agreed language)."""

    __tablename__ = "families"

    id: Mapped[int] = mapped_column(primary_key=True)
    size: Mapped[int] = mapped_column(Integer, default=1)
    document_count: Mapped[int] = mapped_column(Integer, default=1)


class Clause(Base):
    """One preambular or operative paragraph mined from a document."""

    __tablename__ = "clauses"
    __table_args__ = (Index("ix_clause_doc_pos", "document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # order in the document, from 0
    kind: Mapped[str] = mapped_column(String(16), index=True)  # preambular | operative
    ordinal: Mapped[int] = mapped_column(Integer)  # n in PP n / OP n, from 1
    number: Mapped[str | None] = mapped_column(String(16))  # as printed
    opener: Mapped[str | None] = mapped_column(String(255))
    opener_lemma: Mapped[str | None] = mapped_column(String(255), index=True)
    opener_form: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    items: Mapped[list] = mapped_column(JSON, default=list)
    references: Mapped[list] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8), default="fr")
    # Text processed once for matching (lower case, no accents, no punctuation).
    norm: Mapped[str] = mapped_column(Text, default="")
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("families.id", ondelete="SET NULL"), index=True
    )
    # Referenced instruments and organisations, folded, for the reference filter.
    ref_norm: Mapped[str] = mapped_column(Text, default="", server_default="")
    # clause_bank.matching.length_class of the matching text (0 = shortest).
    length_class: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    document: Mapped[Document] = relationship(back_populates="clauses")


class ClauseFingerprint(Base):
    """A winnowed hash of consecutive terms of a clause: finds agreed-language passages."""

    __tablename__ = "clause_fingerprints"
    # One B-tree; no foreign key (clause_bank.families deletes a clause's fingerprints).
    __table_args__ = {"sqlite_with_rowid": False}

    hash: Mapped[int] = mapped_column(Integer, primary_key=True)
    clause_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(Integer)


class Draft(Base):
    """A declaration being written; its content lives in its revisions."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str | None] = mapped_column(String(255))
    date: Mapped[str | None] = mapped_column(String(32))  # of the meeting, from the metadata
    house_style: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8), default="fr")
    # Optimistic lock: a save must name the revision it was based on.
    current_revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Revision(Base):
    """One saved state of a draft, as declaration-draft/1 JSON."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("draft_id", "number", name="uq_revision_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(String(255))
    data: Mapped[dict] = mapped_column(JSON)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Share(Base):
    """A user other than the owner who may read or edit a draft."""

    __tablename__ = "shares"

    draft_id: Mapped[int] = mapped_column(
        ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16))  # editor | reader


class LoginFailure(Base):
    """A failed sign-in, kept a few minutes to slow down password guessing.

    In the database rather than in memory so that every worker process of the server counts
    the same failures, and a restart does not reset them.
    """

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)  # as typed, lower case
    address: Mapped[str] = mapped_column(String(64), index=True)  # client IP address
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                index=True)
