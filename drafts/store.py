"""Drafts in the database: every save a revision, optimistic locking, history and restore.

Store functions that write commit their own unit of work. Sharing lives in
``drafts.sharing`` and is re-exported here so callers need one import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, aliased

from drafts.compare import Comparison, compare
from drafts.jsonio import DraftFormatError, check_storable, from_dict, to_dict
from drafts.model import Draft
from drafts.sharing import (
    ROLES,
    ShareError,
    ShareInfo,
    role_for,
    share_draft,
    shares_of,
    unshare_draft,
)
from storage.models import Draft as DraftRow
from storage.models import Revision, Share, User, utcnow

__all__ = [
    "ROLES", "Comparison", "DraftFormatError", "DraftNotFound", "DraftSummary", "RevisionInfo",
    "ShareError", "ShareInfo", "StaleRevision", "compare", "compare_revisions",
    "compare_with_current", "create_draft", "current_revision", "delete_draft", "draft_summary",
    "drafts_for_user", "list_revisions", "load_draft", "name_revision", "restore_revision",
    "role_for", "save_draft", "share_draft", "shares_of", "unshare_draft",
]

MAX_NAME = 255  # revisions.name


class DraftNotFound(ValueError):
    """No draft (or no revision of it) with that number."""


class StaleRevision(ValueError):
    """A save based on a revision that is no longer the current one; nothing was written.

    ``draft`` is the refused text, kept so that it can be offered back for merging.
    """

    def __init__(self, draft_id: int, *, base: int, current: int, draft: Draft):
        super().__init__(
            f"draft {draft_id} was saved by someone else: revision {current} is current, "
            f"this save was based on revision {base}"
        )
        self.draft_id = draft_id
        self.base = base
        self.current = current
        self.draft = draft


@dataclass(frozen=True)
class RevisionInfo:
    """One entry of a draft's history."""

    number: int
    name: str | None
    author: str | None
    created_at: datetime
    current: bool


@dataclass(frozen=True)
class DraftSummary:
    """What the list of drafts shows about one draft."""

    id: int
    title: str
    body: str | None
    date: str | None  # the date of the meeting, as written in the metadata
    revision: int
    updated_at: datetime
    updated_by: str | None
    owner: str
    role: str  # owner | editor | reader


def create_draft(session: Session, draft: Draft, *, owner_id: int, name: str | None = None) -> int:
    """Store a new draft owned by *owner_id* as its revision 1; return its id."""
    data = _storable(draft)
    row = DraftRow(owner_id=owner_id, current_revision=1, updated_by=owner_id)
    _copy_columns(row, draft)
    session.add(row)
    session.flush()
    session.add(Revision(draft_id=row.id, number=1, data=data, author_id=owner_id,
                         name=_clean_name(name)))
    session.commit()
    return row.id


def load_draft(
    session: Session, draft_id: int, *, revision: int | None = None
) -> tuple[Draft, int]:
    """Return the draft at *revision* (the current one by default) and that revision's number."""
    if revision is None:
        revision = current_revision(session, draft_id)
    data = session.scalar(
        select(Revision.data).where(Revision.draft_id == draft_id, Revision.number == revision)
    )
    if data is None:
        raise DraftNotFound(f"draft {draft_id} has no revision {revision}")
    return from_dict(data), revision


def current_revision(session: Session, draft_id: int) -> int:
    """Return the number of the latest revision of a draft."""
    current = session.scalar(select(DraftRow.current_revision).where(DraftRow.id == draft_id))
    if current is None:
        raise DraftNotFound(f"no draft {draft_id}")
    return current


def save_draft(
    session: Session,
    draft_id: int,
    draft: Draft,
    *,
    base_revision: int,
    author_id: int | None,
    name: str | None = None,
) -> int:
    """Store *draft* as the revision after *base_revision*; return its number.

    Raise StaleRevision, writing nothing, when *base_revision* is no longer current, and
    DraftFormatError (a ValueError naming the field) for text no database can store.
    """
    name = _clean_name(name)
    data = _storable(draft)
    number = base_revision + 1
    values = {"current_revision": number, "updated_at": utcnow(), "updated_by": author_id}
    values.update(_column_values(draft))
    # The conditional UPDATE is the lock: of two saves based on the same revision, the
    # database lets exactly one match the WHERE clause (row lock on PostgreSQL, the single
    # writer on SQLite), so the loser sees rowcount 0 and no check-then-write race exists.
    result = session.execute(
        update(DraftRow)
        .where(DraftRow.id == draft_id, DraftRow.current_revision == base_revision)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        session.rollback()
        current = current_revision(session, draft_id)
        raise StaleRevision(draft_id, base=base_revision, current=current, draft=draft)
    session.add(Revision(draft_id=draft_id, number=number, data=data,
                         author_id=author_id, name=name))
    session.commit()
    return number


def list_revisions(session: Session, draft_id: int) -> list[RevisionInfo]:
    """Return the history of a draft, newest first."""
    current = current_revision(session, draft_id)
    rows = session.execute(
        select(Revision.number, Revision.name, User.username, Revision.created_at)
        .outerjoin(User, User.id == Revision.author_id)
        .where(Revision.draft_id == draft_id)
        .order_by(Revision.number.desc())
    )
    return [RevisionInfo(number, name, author, created, number == current)
            for number, name, author, created in rows]


def name_revision(session: Session, draft_id: int, number: int, name: str | None) -> None:
    """Give revision *number* a name (« Rev.1 — after informals of 12 March »); empty clears it."""
    revision = session.scalar(
        select(Revision).where(Revision.draft_id == draft_id, Revision.number == number)
    )
    if revision is None:
        raise DraftNotFound(f"draft {draft_id} has no revision {number}")
    revision.name = _clean_name(name)
    session.commit()


def restore_revision(
    session: Session,
    draft_id: int,
    number: int,
    *,
    author_id: int | None,
    base_revision: int | None = None,
) -> int:
    """Save the text of revision *number* as a new revision; return the new number.

    Without *base_revision* the restore applies to whatever is current (a deliberate act);
    with it, a restore races like any other save.
    """
    draft, _number = load_draft(session, draft_id, revision=number)
    if base_revision is None:
        base_revision = current_revision(session, draft_id)
    return save_draft(session, draft_id, draft, base_revision=base_revision, author_id=author_id)


def compare_revisions(session: Session, draft_id: int, old: int, new: int) -> Comparison:
    """Compare two revisions of a draft, paragraph by paragraph."""
    before, _ = load_draft(session, draft_id, revision=old)
    after, _ = load_draft(session, draft_id, revision=new)
    return compare(before, after)


def compare_with_current(session: Session, stale: StaleRevision) -> Comparison:
    """Compare the current text with the refused one, to offer the refused text for merging."""
    current, _ = load_draft(session, stale.draft_id, revision=stale.current)
    return compare(current, stale.draft)


def drafts_for_user(session: Session, user_id: int) -> list[DraftSummary]:
    """Return the drafts *user_id* owns or that are shared with them, latest edit first."""
    shared = select(Share.draft_id).where(Share.user_id == user_id)
    rows = _summary_rows().where(
        (DraftRow.owner_id == user_id) | DraftRow.id.in_(shared)
    )
    roles = dict(session.execute(
        select(Share.draft_id, Share.role).where(Share.user_id == user_id)
    ).all())
    return [_summary(row, "owner" if row.owner_id == user_id else roles[row.id])
            for row in session.execute(rows.order_by(DraftRow.updated_at.desc(),
                                                     DraftRow.id.desc()))]


def draft_summary(session: Session, draft_id: int, *, user_id: int) -> DraftSummary:
    """Return the summary of one draft as *user_id* sees it."""
    row = session.execute(_summary_rows().where(DraftRow.id == draft_id)).first()
    role = role_for(session, draft_id, user_id)
    if row is None or role is None:
        raise DraftNotFound(f"no draft {draft_id}")
    return _summary(row, role)


def delete_draft(session: Session, draft_id: int) -> None:
    """Delete a draft with its revisions and shares."""
    # Revisions and shares go with it through ON DELETE CASCADE.
    result = session.execute(delete(DraftRow).where(DraftRow.id == draft_id))
    if result.rowcount != 1:
        session.rollback()
        raise DraftNotFound(f"no draft {draft_id}")
    session.commit()


def _summary_rows():
    owner, editor = aliased(User), aliased(User)
    return (
        select(DraftRow.id, DraftRow.title, DraftRow.body, DraftRow.date,
               DraftRow.current_revision, DraftRow.updated_at, DraftRow.owner_id,
               editor.username.label("updated_by"), owner.username.label("owner"))
        .join(owner, owner.id == DraftRow.owner_id)
        .outerjoin(editor, editor.id == DraftRow.updated_by)
    )


def _summary(row, role: str) -> DraftSummary:
    return DraftSummary(row.id, row.title, row.body, row.date, row.current_revision,
                        row.updated_at, row.updated_by, row.owner, role)


def _storable(draft: Draft) -> dict:
    # A Draft built by a view never went through the JSON reader; a NUL or a lone surrogate
    # typed into a form would make PostgreSQL (or the UTF-8 encoder) fail mid-save.
    data = to_dict(draft)
    check_storable(data)
    return data


def _column_values(draft: Draft) -> dict:
    # The columns only serve the list of drafts; the revision keeps the full text, so
    # clipping to the column widths (which PostgreSQL enforces) loses nothing.
    return {
        "title": draft.title,
        "body": _clip(draft.metadata.body, 255),
        "date": _clip(draft.metadata.date, 32),
        "house_style": draft.house_style,
        "language": _clip(draft.language, 8) or "fr",
    }


def _copy_columns(row: DraftRow, draft: Draft) -> None:
    for key, value in _column_values(draft).items():
        setattr(row, key, value)


def _clip(value: str | None, width: int) -> str | None:
    return value[:width] if value else value


def _clean_name(name: str | None) -> str | None:
    name = (name or "").strip()
    if "\x00" in name:
        raise ValueError("revision name: contains a NUL character")
    if len(name) > MAX_NAME:
        raise ValueError(f"revision name: at most {MAX_NAME} characters")
    return name or None
