"""Revisions: the history of a draft, naming one, reading one, comparing two, restoring."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length

from drafting.access import draft_or_404, role_or_404
from drafting.database import get_session
from drafting.editor import bp, panels
from drafts import store


class NameForm(FlaskForm):
    name = StringField(_l("Nom de la révision"), validators=[Length(max=store.MAX_NAME)])


@bp.get("/<int:draft_id>/revisions")
def history(draft_id: int):
    opened = draft_or_404(draft_id)
    session = get_session()
    revisions = store.list_revisions(session, draft_id)
    return render_template(
        "drafts/revisions.html", opened=opened, revisions=revisions, name_form=NameForm(),
        summary=store.draft_summary(session, draft_id, user_id=current_user.id),
        can_write=opened.role != "reader",
    )


@bp.post("/<int:draft_id>/revisions/<int:number>/name")
def name(draft_id: int, number: int):
    draft_or_404(draft_id, write=True)
    form = NameForm()
    if not form.validate_on_submit():
        for error in form.name.errors:
            flash(error, "error")
        return redirect(url_for("editor.history", draft_id=draft_id), code=303)
    try:
        store.name_revision(get_session(), draft_id, number, form.name.data)
    except store.DraftNotFound:
        abort(404)
    flash(_("Révision %(number)d renommée.", number=number), "success")
    return redirect(url_for("editor.history", draft_id=draft_id), code=303)


@bp.post("/<int:draft_id>/revisions/<int:number>/restore")
def restore(draft_id: int, number: int):
    draft_or_404(draft_id, write=True)
    try:
        new = store.restore_revision(get_session(), draft_id, number, author_id=current_user.id)
    except store.DraftNotFound:
        abort(404)
    except store.StaleRevision:  # someone saved between the two statements: try again
        flash(_("Le projet vient d'être modifié ; recommencez la restauration."), "warning")
        return redirect(url_for("editor.history", draft_id=draft_id), code=303)
    flash(_("Révision %(old)d restaurée comme révision %(new)d.", old=number, new=new),
          "success")
    return redirect(url_for("editor.edit", draft_id=draft_id), code=303)


@bp.get("/<int:draft_id>/revisions/<int:number>")
def revision(draft_id: int, number: int):
    opened = draft_or_404(draft_id, revision=number)
    session = get_session()
    return render_template(
        "drafts/revision.html", opened=opened, draft=opened.draft,
        summary=store.draft_summary(session, draft_id, user_id=current_user.id),
        **panels.paragraph_views(opened.draft),
    )


@bp.get("/<int:draft_id>/compare")
def compare(draft_id: int):
    role_or_404(draft_id)
    session = get_session()
    revisions = store.list_revisions(session, draft_id)
    numbers = [r.number for r in revisions]
    new = request.args.get("new", type=int) or numbers[0]
    old = request.args.get("old", type=int) or (numbers[1] if len(numbers) > 1 else numbers[0])
    if old not in numbers or new not in numbers:
        abort(404)
    comparison = store.compare_revisions(session, draft_id, old, new)
    return render_template(
        "drafts/compare.html", comparison=comparison, old=old, new=new, revisions=revisions,
        summary=store.draft_summary(session, draft_id, user_id=current_user.id),
        draft_id=draft_id,
    )
