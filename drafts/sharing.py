"""Who may see a draft: its owner, and the users it is shared with as editor or reader."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

import accounts
from storage.models import Draft as DraftRow
from storage.models import Share, User

ROLES = ("editor", "reader")


class ShareError(ValueError):
    """A share that cannot be made: unknown user, unknown role, the owner themself."""


@dataclass(frozen=True)
class ShareInfo:
    """One person a draft is shared with."""

    username: str
    role: str


def role_for(session: Session, draft_id: int, user_id: int | None) -> str | None:
    """Return "owner", "editor", "reader", or None when *user_id* may not see the draft."""
    if user_id is None:
        return None
    owner_id = session.scalar(select(DraftRow.owner_id).where(DraftRow.id == draft_id))
    if owner_id is None:
        return None
    if owner_id == user_id:
        return "owner"
    return session.scalar(
        select(Share.role).where(Share.draft_id == draft_id, Share.user_id == user_id)
    )


def share_draft(session: Session, draft_id: int, *, username: str, role: str) -> None:
    """Share a draft with *username* as editor or reader (changing the role if already shared)."""
    if role not in ROLES:
        raise ShareError(f"role: expected one of {', '.join(ROLES)}, got {role!r}")
    owner_id = _owner_id(session, draft_id)
    user = _user(session, username)
    if user.id == owner_id:
        raise ShareError(f"user name: {user.username} owns this draft")
    share = session.get(Share, (draft_id, user.id))
    if share is None:
        session.add(Share(draft_id=draft_id, user_id=user.id, role=role))
    else:
        share.role = role
    session.commit()


def unshare_draft(session: Session, draft_id: int, *, username: str) -> None:
    """Stop sharing a draft with *username*."""
    _owner_id(session, draft_id)
    user = _user(session, username)
    result = session.execute(
        delete(Share).where(Share.draft_id == draft_id, Share.user_id == user.id)
    )
    if result.rowcount != 1:
        session.rollback()
        raise ShareError(f"user name: the draft is not shared with {user.username}")
    session.commit()


def shares_of(session: Session, draft_id: int) -> list[ShareInfo]:
    """Return the people a draft is shared with, by user name."""
    rows = session.execute(
        select(User.username, Share.role)
        .join(Share, Share.user_id == User.id)
        .where(Share.draft_id == draft_id)
        .order_by(User.username)
    )
    return [ShareInfo(username, role) for username, role in rows]


def _owner_id(session: Session, draft_id: int) -> int:
    owner_id = session.scalar(select(DraftRow.owner_id).where(DraftRow.id == draft_id))
    if owner_id is None:
        raise ShareError(f"no draft {draft_id}")
    return owner_id


def _user(session: Session, username: str) -> User:
    user = accounts.find_user(session, username.strip())
    if user is None:
        raise ShareError(f"user name: no such user: {username.strip()}")
    return user
