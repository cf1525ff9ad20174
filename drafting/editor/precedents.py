"""Precedent badges: the closest agreed language for each paragraph, and the word diff."""

from __future__ import annotations

from flask import abort, jsonify, render_template, request, url_for
from flask_login import current_user

from clause_bank.diff import word_diff
from drafting.access import draft_or_404
from drafting.database import get_session
from drafting.editor import bp
from drafting.editor.bank import precedent_for
from drafting.editor.cache import app_cache
from drafts import editing

MAX_BADGES = 400  # paragraphs looked up per page; beyond, the drafter opens them one by one
MIN_BADGE = 50  # below this a "closest precedent" is another text, not a precedent


def closest(session, text: str, *, user_id: int) -> dict | None:
    """Return the closest bank clause to *text* as {clause_id, source, position, similarity}."""
    from clause_bank.precedents import nearest

    key = (user_id, text)
    cache = app_cache("precedents", 5000)
    if key in cache:
        return cache.get(key)
    found = nearest(session, text, user_id=user_id, k=1) if text.strip() else []
    best = None
    if found:
        precedent = found[0]
        best = {"clause_id": precedent.clause_id, "position": precedent.position,
                "source": precedent.document.get("title") or "",
                "similarity": 100 if precedent.similarity >= 100
                else min(99, round(precedent.similarity))}
    cache.put(key, best)
    return best


@bp.get("/<int:draft_id>/precedents.json")
def badges(draft_id: int):
    opened = draft_or_404(draft_id)
    session = get_session()
    result = {}
    for part in ("preambular", "operative"):
        for paragraph in opened.draft.paragraphs(part)[:MAX_BADGES]:
            if paragraph.provenance is None:
                best = closest(session, paragraph.text, user_id=current_user.id)
                if best is not None and best["similarity"] >= MIN_BADGE:
                    best["url"] = url_for("editor.precedent", draft_id=draft_id,
                                          paragraph_id=paragraph.id)
                    result[paragraph.id] = best
    return jsonify(result)


@bp.get("/<int:draft_id>/paragraphs/<paragraph_id>/precedent")
def precedent(draft_id: int, paragraph_id: str):
    opened = draft_or_404(draft_id)
    session = get_session()
    found = opened.draft.find(paragraph_id)
    if found is None:
        abort(404)
    part, index = found
    paragraph = opened.draft.paragraphs(part)[index]
    comparisons = []
    if paragraph.provenance is not None:
        agreed = paragraph.provenance.precedent_text
        comparisons.append(("provenance", paragraph.provenance.source,
                            paragraph.provenance.position, None,
                            word_diff(agreed, paragraph.text)))
    best = closest(session, paragraph.text, user_id=current_user.id)
    if best is not None and (paragraph.provenance is None
                             or best["clause_id"] != paragraph.provenance.clause_id):
        clause = precedent_for(session, best["clause_id"], user_id=current_user.id)
        comparisons.append(("nearest", clause.source, clause.position, best["similarity"],
                            word_diff(clause.text, paragraph.text)))
    template = "drafts/_precedent.html" if request.args.get("partial") else \
        "drafts/precedent.html"
    return render_template(template, opened=opened, paragraph=paragraph,
                           label=editing.labels(opened.draft, part)[index],
                           comparisons=comparisons)
