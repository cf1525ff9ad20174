"""The share page of a draft: who may read or edit it (the owner alone manages it)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from drafting.access import draft_or_404
from drafting.database import get_session
from drafts import store

bp = Blueprint("sharing", __name__, url_prefix="/drafts/<int:draft_id>/share")

ROLE_LABELS = {"editor": _l("Peut modifier"), "reader": _l("Lecture seule")}


class ShareForm(FlaskForm):
    username = StringField(_l("Nom d'utilisateur"), validators=[DataRequired(), Length(max=80)])
    role = SelectField(_l("Droits"), default="reader",
                       choices=[SelectChoice(value, label) for value, label in ROLE_LABELS.items()])


class UnshareForm(FlaskForm):
    username = HiddenField(validators=[DataRequired(), Length(max=80)])


@bp.route("", methods=["GET", "POST"])
@login_required
def share(draft_id: int):
    opened = draft_or_404(draft_id, owner=True)
    form = ShareForm()
    if form.validate_on_submit():
        try:
            store.share_draft(get_session(), draft_id, username=form.username.data,
                              role=form.role.data)
        except store.ShareError:
            form.username.errors.append(_("Aucun autre utilisateur ne porte ce nom."))
        else:
            flash(_("Brouillon partagé avec %(name)s.", name=form.username.data.strip()),
                  "success")
            return redirect(url_for("sharing.share", draft_id=draft_id))
    return render_template(
        "drafts/share.html", opened=opened, form=form, role_labels=ROLE_LABELS,
        shares=store.shares_of(get_session(), draft_id), back_url=_editor_url(draft_id),
    )


def _editor_url(draft_id: int) -> str | None:
    # The editor is another blueprint; the share page links back to it when it is there.
    if "editor.edit" in current_app.view_functions:
        return url_for("editor.edit", draft_id=draft_id)
    return None


@bp.post("/remove")
@login_required
def unshare(draft_id: int):
    draft_or_404(draft_id, owner=True)
    form = UnshareForm()
    if form.validate_on_submit():
        try:
            store.unshare_draft(get_session(), draft_id, username=form.username.data)
        except store.ShareError:
            flash(_("Ce brouillon n'était pas partagé avec cet utilisateur."), "error")
        else:
            flash(_("Partage retiré pour %(name)s.", name=form.username.data), "success")
    return redirect(url_for("sharing.share", draft_id=draft_id))
