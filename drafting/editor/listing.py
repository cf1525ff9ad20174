"""My drafts and those shared with me; a new draft from a starter or from a Word file; sharing."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import RadioField, SelectChoice, StringField
from wtforms.validators import DataRequired, Length

from drafting import uploads
from drafting.database import get_session
from drafting.editor import bp
from drafting.security import http_error
from drafts import store
from drafts.starters import STARTERS, new_draft

MAX_DOCX = 5 * 1024 * 1024


class NewDraftForm(FlaskForm):
    title = StringField(_l("Titre"), validators=[DataRequired(), Length(max=500)])
    starter = RadioField(_l("Type de texte"), default="ministerial",
                         choices=[SelectChoice(s.key, _l(s.label)) for s in STARTERS.values()],
                         validators=[DataRequired()])


class ImportDraftForm(FlaskForm):
    document = FileField(_l("Projet Word (.docx, 5 Mo au plus)"), validators=[
        FileRequired(_l("Choisissez un fichier .docx.")),
        FileAllowed(["docx"], _l("Seuls les fichiers Word .docx sont acceptés.")),
    ])


@bp.get("/")
@login_required
def index():
    drafts = store.drafts_for_user(get_session(), current_user.id)
    return render_template("drafts/list.html", drafts=drafts, form=NewDraftForm(),
                           import_form=ImportDraftForm())


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    form = NewDraftForm()
    if form.validate_on_submit():
        draft = new_draft(form.starter.data, title=form.title.data.strip())
        draft_id = store.create_draft(get_session(), draft, owner_id=current_user.id)
        flash(_("Projet créé. Cherchez des précédents dans la banque à droite."), "success")
        return redirect(url_for("editor.edit", draft_id=draft_id), code=303)
    status = 422 if form.is_submitted() else 200
    return render_template("drafts/new.html", form=form, import_form=ImportDraftForm()), status


@bp.post("/import")
@login_required
def import_draft():
    from exports import import_docx

    form = ImportDraftForm()
    if form.validate_on_submit():
        data = form.document.data.read(MAX_DOCX + 1)
        try:
            if len(data) > MAX_DOCX:
                raise ValueError(_("Fichier trop volumineux : 5 Mo au plus."))
            draft = import_docx(data)
        except ValueError as error:
            form.document.errors.append(str(error))
        else:
            draft_id = store.create_draft(get_session(), draft, owner_id=current_user.id,
                                          name=_("Importé de %(name)s",
                                                 name=uploads.label(form.document.data.filename)))
            flash(_("Projet importé : vous pouvez le poursuivre."), "success")
            return redirect(url_for("editor.edit", draft_id=draft_id), code=303)
    return render_template("drafts/new.html", form=NewDraftForm(formdata=None),
                           import_form=form), 422


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """Answer 413 with the import form and the reason beside it (other pages: the 413 page)."""
    if request.endpoint != "editor.import_draft":
        return http_error(error)
    # formdata=None: neither form may touch the body that was refused.
    import_form = ImportDraftForm(formdata=None)
    import_form.document.errors = [_("Fichier trop volumineux : la limite est de 10 Mo par "
                                     "envoi.")]
    return render_template("drafts/new.html", form=NewDraftForm(formdata=None),
                           import_form=import_form), 413

