"""The editor page: show a draft, save what was typed with the button's action, merge."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from drafting.access import draft_or_404, save_or_conflict
from drafting.database import get_session
from drafting.editor import bp, findings, panels, render, stash
from drafting.editor.actions import ActionContext, apply_action
from drafting.editor.form import EditorForm, draft_from_form
from drafts import store
from drafts.editing import EditError
from drafts.editing import labels as editing_labels
from drafts.jsonio import DraftFormatError, dumps, loads, to_dict
from drafts.merge import merge, merge_rows

BANK_PARAMS = ("q", "kind", "opener", "source", "year_from", "year_to")


@bp.get("/<int:draft_id>")
def edit(draft_id: int):
    opened = draft_or_404(draft_id)
    form, draft, notice = EditorForm(), opened.draft, None
    form.fill(opened.draft, opened.revision)
    stashed = stash.take_stash(draft_id, request.args.get("restore", ""), current_user.id)
    if stashed is not None and opened.role != "reader":
        base = _base(opened, stashed.get("base_revision", ""))
        draft = draft_from_form(stashed, base)
        form = EditorForm(formdata=stashed)
        notice = _("Votre texte non enregistré a été récupéré après la reconnexion : "
                   "vérifiez-le, puis enregistrez.")
    return render_editor(opened, form, draft, notice=notice)


def render_editor(opened, form, draft, *, notice=None, status=200):
    """Render the editor page for *draft* as typed (it may differ from the saved one)."""
    session = get_session()
    views, strings = panels.paragraph_views(draft), panels.strings()
    can_write = opened.role != "reader" and opened.is_current
    bank = panels.bank_panel(session, request.args, user_id=current_user.id)
    context = {
        "opened": opened, "form": form, "draft": draft, "notice": notice, "bank": bank,
        "checks_html": findings.panel_html(opened, session, current_user.id, can_write=can_write,
                                           everything=request.args.get("findings") == "all",
                                           t=strings),
        "t": strings, "preambular": views["preambular"], "operative": views["operative"],
        "paragraphs_html": {part: render.paragraphs(views[part], draft_id=opened.id,
                                                    can_write=can_write, t=strings)
                            for part in views},
        "summary": store.draft_summary(session, opened.id, user_id=current_user.id),
        "can_write": can_write,
    }
    return render_template("drafts/editor.html", **context), status


@bp.post("/<int:draft_id>")
def save(draft_id: int):
    if not current_user.is_authenticated:
        return _keep_for_later(draft_id)
    opened = draft_or_404(draft_id, write=True)
    form = EditorForm()
    base = _base(opened, request.form.get("base_revision", ""))
    mine = draft_from_form(request.form, base)
    if not form.validate():
        flash(_("Le texte n'a pas été enregistré : corrigez les champs signalés."), "error")
        return render_editor(opened, form, mine, status=422)
    ctx = ActionContext(get_session(), current_user.id)
    try:
        outcome = apply_action(mine, form.action.data or "save", ctx)
    except EditError as error:
        flash(str(error), "error")
        return render_editor(opened, form, mine, status=422)
    base_revision = form.base_revision.data
    if to_dict(mine) != to_dict(base):
        result = save_or_conflict(opened, mine, base_revision=base_revision)
        if not result.saved:
            return render_merge(opened, base, mine, base_revision)
        findings.panel_for(draft_id, result.revision, mine, get_session(), current_user.id)
        flash(_("Enregistré (révision %(number)d).", number=result.revision), "success")
    for category, message in ctx.messages:
        flash(message, category)
    return _back_to_editor(draft_id, outcome.anchor)


def _keep_for_later(draft_id: int):
    """Keep what was typed when the session expired with the page open; send to login."""
    user_id = stash.expired_user_id()
    if user_id is None:  # nobody was signed in: nothing to keep for anyone
        return current_app.login_manager.unauthorized()
    token = stash.stash_form(request.form, draft_id, user_id)
    flash(_("Votre session a expiré. Votre texte est conservé : reconnectez-vous pour "
            "le retrouver."), "warning")
    target = url_for("editor.edit", draft_id=draft_id, restore=token)
    return redirect(url_for("auth.login", next=target))


def _base(opened, value: str):
    """Return the revision the posted page was built from (the current one by default)."""
    if not value.isdigit() or int(value) == opened.revision:
        return opened.draft
    try:
        return store.load_draft(get_session(), opened.id, revision=int(value))[0]
    except store.DraftNotFound:
        abort(400)


def _back_to_editor(draft_id: int, anchor: str | None):
    params = {k: request.form[k] for k in BANK_PARAMS if request.form.get(k)}
    url = url_for("editor.edit", draft_id=draft_id, **params)
    return redirect(f"{url}#{anchor}" if anchor else url, code=303)


def render_merge(opened, base, mine, base_revision: int):
    """Show the refused text beside the current one, paragraph by paragraph (409)."""
    theirs, current = store.load_draft(get_session(), opened.id)
    rows = merge_rows(base, theirs, mine)
    summary = store.draft_summary(get_session(), opened.id, user_id=current_user.id)
    labels = {f"p:{p.id}": label for d in (theirs, mine) for part in ("preambular", "operative")
              for p, label in zip(d.paragraphs(part), editing_labels(d, part), strict=True)}
    return render_template(
        "drafts/merge.html", opened=opened, rows=rows, mine=mine, base_revision=base_revision,
        theirs_revision=current, summary=summary, mine_json=dumps(mine, indent=None),
        conflicts=sum(row.status == "conflict" for row in rows), labels=labels,
    ), 409


@bp.post("/<int:draft_id>/merge")
def merge_save(draft_id: int):
    opened = draft_or_404(draft_id, write=True)
    try:
        mine = loads(request.form.get("mine", ""))
        base_revision = int(request.form.get("base_revision", ""))
        theirs_revision = int(request.form.get("theirs_revision", ""))
        base = store.load_draft(get_session(), draft_id, revision=base_revision)[0]
        theirs = store.load_draft(get_session(), draft_id, revision=theirs_revision)[0]
    except (DraftFormatError, ValueError):
        abort(400)
    choices = {k[7:]: v for k, v in request.form.items() if k.startswith("choice-")}
    texts = {k[5:]: v.strip() for k, v in request.form.items() if k.startswith("text-")}
    merged = merge(base, theirs, mine, choices, texts)
    result = save_or_conflict(opened, merged, base_revision=theirs_revision)
    if not result.saved:  # saved again meanwhile: merge what I settled with the newest
        return render_merge(opened, theirs, merged, theirs_revision)
    findings.panel_for(draft_id, result.revision, merged, get_session(), current_user.id)
    flash(_("Fusion enregistrée (révision %(number)d).", number=result.revision), "success")
    return redirect(url_for("editor.edit", draft_id=draft_id), code=303)
