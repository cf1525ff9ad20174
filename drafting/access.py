"""The only way a view reaches a draft: who may see it and who may write, checked here once.

A draft the signed-in user may not see answers 404 (its existence is confidential too);
a reader who tries to write gets 403; an anonymous visitor is sent to the login page.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app
from flask_login import current_user

from drafting.database import get_session
from drafts import store
from drafts.model import Draft


@dataclass(frozen=True)
class OpenDraft:
    """A draft as the current user may use it."""

    id: int
    draft: Draft
    revision: int  # the revision loaded
    current_revision: int
    role: str  # owner | editor | reader

    @property
    def is_current(self) -> bool:
        """Return True when the loaded revision is the latest one."""
        return self.revision == self.current_revision

    @property
    def can_write(self) -> bool:
        """Return True when the user may save over this (current) revision."""
        return self.role in ("owner", "editor") and self.is_current

    @property
    def is_owner(self) -> bool:
        """Return True for the draft's owner (who alone shares and deletes it)."""
        return self.role == "owner"


@dataclass(frozen=True)
class SaveOutcome:
    """The result of a save from the web: the new revision, or the conflict to show."""

    revision: int | None
    conflict: store.StaleRevision | None = None
    comparison: store.Comparison | None = None  # current text against the refused one

    @property
    def saved(self) -> bool:
        """Return True when the save went through."""
        return self.conflict is None


def current_user_id() -> int | None:
    """Return the id of the signed-in user, or None."""
    return current_user.id if current_user.is_authenticated else None


def draft_or_404(
    draft_id: int, *, write: bool = False, owner: bool = False, revision: int | None = None
) -> OpenDraft:
    """Return the draft if the current user may see it (and write it / own it when asked).

    An older *revision* opens read-only, so asking to write one is refused with 403.
    """
    role = role_or_404(draft_id)
    if (write and (role == "reader" or revision is not None)) or (owner and role != "owner"):
        abort(403)
    session = get_session()
    try:
        draft, number = store.load_draft(session, draft_id, revision=revision)
        current = number if revision is None else store.current_revision(session, draft_id)
    except store.DraftNotFound:
        abort(404)
    return OpenDraft(draft_id, draft, number, current, role)


def role_or_404(draft_id: int) -> str:
    """Return the current user's role on a draft; 404 if they may not see it, login if anonymous."""
    if not current_user.is_authenticated:
        abort(current_app.login_manager.unauthorized())
    role = store.role_for(get_session(), draft_id, current_user.id)
    if role is None:
        abort(404)
    return role


def save_or_conflict(
    opened: OpenDraft, draft: Draft, *, base_revision: int, name: str | None = None
) -> SaveOutcome:
    """Save *draft* for the current user; on a stale base, return the conflict, writing nothing.

    *opened* must come from ``draft_or_404(…, write=True)``. The refused draft travels back in
    the outcome so the page can keep the typed text and offer it for merging.
    """
    if not opened.can_write:
        abort(403)
    session = get_session()
    try:
        number = store.save_draft(session, opened.id, draft, base_revision=base_revision,
                                  author_id=current_user.id, name=name)
    except store.StaleRevision as stale:
        return SaveOutcome(None, stale, store.compare_with_current(session, stale))
    return SaveOutcome(number)


def my_drafts() -> list[store.DraftSummary]:
    """Return the drafts of the current user and those shared with them."""
    return store.drafts_for_user(get_session(), current_user.id)
