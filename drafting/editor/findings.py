"""The checks panel: findings of the saved revision, grouped by paragraph, and their fixes.

Checks run when a revision is saved (and on the first view of a revision this process has
not seen); the page reads them from a small cache, so rendering stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from drafting.editor.cache import app_cache
from drafts.editing import labels
from drafts.model import Draft
from storage.models import Clause, Document

CACHE_SIZE = 64
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class FindingGroup:
    """The findings about one part or paragraph of the draft."""

    anchor: str  # the element id of the paragraph or field on the page
    label: str
    findings: list = field(default_factory=list)
    paragraph_id: str | None = None  # for a paragraph (a duplicate can be deleted)

    @property
    def worst(self) -> str:
        """Return the most serious severity in the group."""
        return min((f.severity for f in self.findings), key=SEVERITY_ORDER.get)


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


def findings_for(draft_id: int, revision: int, draft: Draft, session: Session,
                 user_id: int) -> list:
    """Return the findings of revision *revision*, computing them once per process."""
    key = (draft_id, revision, user_id, str(get_locale() or "fr"))
    cache = app_cache("checks", CACHE_SIZE)
    if key in cache:
        return cache.get(key)
    findings = run(draft, session, user_id)
    cache.put(key, findings)
    return findings


def group(draft: Draft, findings: list) -> list[FindingGroup]:
    """Return findings grouped by paragraph, in the reading order of the draft."""
    names = {"title": _("Titre"), "chapeau": _("Chapeau"),
             "operative_intro": _("Intertitre"), "closing": _("Clôture")}
    order = ["title", "chapeau", "preambular", "operative_intro", "operative", "closing"]
    paragraph_labels = {part: labels(draft, part) for part in ("preambular", "operative")}
    groups: dict[tuple, FindingGroup] = {}
    for finding in findings:
        key = (order.index(finding.part) if finding.part in order else len(order),
               finding.index if finding.index is not None else -1)
        if key not in groups:
            groups[key] = _new_group(draft, finding, names, paragraph_labels)
        groups[key].findings.append(finding)
    for found in groups.values():
        found.findings.sort(key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
    return [groups[key] for key in sorted(groups)]


def _new_group(draft: Draft, finding, names: dict, paragraph_labels: dict) -> FindingGroup:
    part, index = finding.part, finding.index
    if part in paragraph_labels and index is not None and index < len(paragraph_labels[part]):
        paragraph = draft.paragraphs(part)[index]
        return FindingGroup(f"p-{paragraph.id}", paragraph_labels[part][index],
                            paragraph_id=paragraph.id)
    return FindingGroup(f"field-{part}", names.get(part, part))


def apply_finding(draft: Draft, key: str, session: Session, user_id: int) -> str | None:
    """Apply the fix of the finding named *key* to *draft* in place; return its anchor.

    The checks run again on the draft as posted, so a fix never lands on text that has
    changed since the page was drawn: a finding that is gone returns None.
    """
    from checks import apply_fix

    for finding in run(draft, session, user_id):
        if finding_key(finding) == key and finding.suggestion is not None:
            anchor = group(draft, [finding])[0].anchor
            fixed = apply_fix(draft, finding)
            for name in vars(fixed):
                setattr(draft, name, getattr(fixed, name))
            return anchor
    return None


def apply_safe_fixes(draft: Draft, session: Session, user_id: int) -> int:
    """Apply every fix the checks call safe to *draft* in place; return how many went in."""
    from checks import fix_draft

    fixed, applied = fix_draft(draft, context=bank_context(session, user_id))
    for name in vars(fixed):
        setattr(draft, name, getattr(fixed, name))
    return len(applied)


NBSP_MARK = "⍽"  # shows a non-breaking space, which a diff would otherwise hide
CONTEXT_WORDS = 4


def preview(draft: Draft, finding) -> list | None:
    """Return the word diff a finding's fix makes, trimmed to the words around the change."""
    from clause_bank.diff import Change, word_diff

    if finding.suggestion is None:
        return None
    text = unit_text(draft, finding.part, finding.index, finding.item)
    if text is None:
        return None
    start, end = finding.span if finding.span else (0, len(text))
    changes = word_diff(text, text[:start] + finding.suggestion + text[end:])
    shown = []
    for n, change in enumerate(changes):
        value = change.text
        if change.op == "equal":
            words = value.split(" ")
            if n > 0 and n < len(changes) - 1 and len(words) > 2 * CONTEXT_WORDS:
                value = " ".join(words[:CONTEXT_WORDS] + ["…"] + words[-CONTEXT_WORDS:])
            elif n == 0 and len(words) > CONTEXT_WORDS:
                value = "… " + " ".join(words[-CONTEXT_WORDS:])
            elif n == len(changes) - 1 and len(words) > CONTEXT_WORDS:
                value = " ".join(words[:CONTEXT_WORDS]) + " …"
        else:
            value = value.replace("\u00a0", NBSP_MARK).replace("\u202f", NBSP_MARK)
        shown.append(Change(change.op, value))
    return shown


def unit_text(draft: Draft, part: str, index: int | None, item: int | None) -> str | None:
    """Return the text of a title, chapeau, paragraph or sub-item, or None if gone."""
    if part not in ("preambular", "operative"):
        return getattr(draft, part, None)
    paragraphs = draft.paragraphs(part)
    if index is None or not 0 <= index < len(paragraphs):
        return None
    paragraph = paragraphs[index]
    if item is None:
        return paragraph.text
    flat, stack = [], list(reversed(paragraph.items))
    while stack:
        current = stack.pop()
        flat.append(current)
        stack.extend(reversed(current.items))
    return flat[item].text if 0 <= item < len(flat) else None
