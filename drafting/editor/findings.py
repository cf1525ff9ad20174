"""The checks panel: findings of the saved revision, grouped by paragraph, and their fixes.

Checks run when a revision is saved (and on the first view of a revision this process has
not seen); the page reads them from a small cache, so rendering stays fast.
"""

from __future__ import annotations

from flask import render_template
from flask_babel import get_locale
from markupsafe import Markup
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from drafting.editor.cache import app_cache
from drafts.model import Draft
from storage.models import Clause, Document

CACHE_SIZE = 64


def finding_key(finding) -> str:
    """Return a key naming a finding on the page (the fix button posts it back)."""
    start = finding.span[0] if getattr(finding, "span", None) else ""
    index = "" if finding.index is None else finding.index
    item = "" if finding.item is None else finding.item
    return f"{finding.code}.{finding.part}.{index}.{item}.{start}"


def bank_context(session: Session, user_id: int):
    """Return what the bank the user sees knows, for the checks (rebuilt when it grows)."""
    from checks import build_context

    visible = or_(Document.owner_id.is_(None), Document.owner_id == user_id,
                  Document.shared.is_(True))
    count, last = session.execute(
        select(func.count(Clause.id), func.max(Clause.id))
        .join(Document, Document.id == Clause.document_id).where(visible)
    ).one()
    key = ("context", user_id, count, last)
    cache = app_cache("checks", CACHE_SIZE)
    if key in cache:
        return cache.get(key)
    rows = session.execute(select(Clause.text, Clause.id)
                           .join(Document, Document.id == Clause.document_id).where(visible))
    context = build_context([(text, clause_id) for text, clause_id in rows])
    cache.put(key, context)
    return context


def run(draft: Draft, session: Session, user_id: int) -> list:
    """Run every check on *draft* with what the bank knows, in the page's language."""
    from checks import run_checks

    return run_checks(draft, context=bank_context(session, user_id),
                      language=str(get_locale() or "fr"))


def panel_for(draft_id: int, revision: int, draft: Draft, session: Session, user_id: int):
    """Return the checks panel of revision *revision*, checking it once per process."""
    from drafting.editor.checks_panel import build_panel

    key = (draft_id, revision, user_id, str(get_locale() or "fr"))
    cache = app_cache("checks", CACHE_SIZE)
    if key in cache:
        return cache.get(key)
    panel = build_panel(draft, run(draft, session, user_id))
    cache.put(key, panel)
    return panel


def apply_finding(draft: Draft, key: str, session: Session, user_id: int) -> str | None:
    """Apply the fix of the finding named *key* to *draft* in place; return its anchor.

    The checks run again on the draft as posted, so a fix never lands on text that has
    changed since the page was drawn: a finding that is gone returns None.
    """
    from checks import apply_fix

    for finding in run(draft, session, user_id):
        if finding_key(finding) == key and finding.suggestion is not None:
            anchor = anchor_of(draft, finding)
            fixed = apply_fix(draft, finding)
            for name in vars(fixed):
                setattr(draft, name, getattr(fixed, name))
            return anchor
    return None


def anchor_of(draft: Draft, finding) -> str:
    """Return the element id on the page of what *finding* is about."""
    if finding.part in ("preambular", "operative") and finding.index is not None:
        paragraphs = draft.paragraphs(finding.part)
        if 0 <= finding.index < len(paragraphs):
            return f"p-{paragraphs[finding.index].id}"
    return f"field-{finding.part}"


def apply_safe_fixes(draft: Draft, session: Session, user_id: int) -> int:
    """Apply every fix the checks call safe to *draft* in place; return how many went in."""
    from checks import fix_draft

    fixed, applied = fix_draft(draft, context=bank_context(session, user_id))
    for name in vars(fixed):
        setattr(draft, name, getattr(fixed, name))
    return len(applied)


def panel_html(opened, session: Session, user_id: int, *, can_write: bool, everything: bool,
               t: dict) -> Markup:
    """Return the checks panel of the open revision, drawn once per revision and view."""
    key = ("html", opened.id, opened.revision, user_id, str(get_locale() or "fr"), can_write,
           everything)
    cache = app_cache("checks", CACHE_SIZE)
    if key in cache:
        return cache.get(key)
    panel = panel_for(opened.id, opened.revision, opened.draft, session, user_id)
    html = Markup(render_template("drafts/_checks.html", panel=panel, opened=opened,
                                  can_write=can_write, all_findings=everything, t=t))
    cache.put(key, html)
    return html
