"""Import a precedent into the clause bank from the browser (.txt, .md or .docx)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge

from drafting import uploads
from drafting.database import get_session

bp = Blueprint("library", __name__, url_prefix="/bank")
SUFFIXES = ["txt", "md", "docx"]
MAX_UPLOAD = 5 * 1024 * 1024


class PrecedentForm(FlaskForm):
    document = FileField(_l("Texte à verser dans la banque (.txt, .md ou .docx, 5 Mo au plus)"),
                         validators=[FileRequired(_l("Choisissez un fichier.")),
                                     FileAllowed(SUFFIXES, _l("Formats acceptés : .txt, .md, "
                                                              ".docx."))])


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_precedent():
    form = PrecedentForm()
    if form.validate_on_submit():
        upload = form.document.data
        data = upload.read(MAX_UPLOAD + 1)
        try:
            document = _import(upload.filename, data)
        except ValueError as error:
            form.document.errors.append(str(error))
        else:
            flash(_("« %(title)s » versé dans la banque : %(count)d paragraphes.",
                    title=document.title or document.file_name, count=len(document.clauses)),
                  "success")
            return redirect(url_for("library.import_precedent"), code=303)
    status = 422 if form.is_submitted() else 200
    return render_template("bank/import.html", form=form), status


def _import(filename: str, data: bytes):
    """Read the uploaded file through the bank's own reader and import it for this user."""
    from clause_bank.readers import read_source
    from clause_bank.store import import_document

    if len(data) > MAX_UPLOAD:
        raise ValueError(_("Fichier trop volumineux : 5 Mo au plus."))
    name = uploads.disk_name(filename)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        source = read_source(path)
    return import_document(get_session(), source, owner_id=current_user.id,
                           meta={"file_name": uploads.label(filename) or name})


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error):
    # The page again with the reason next to the field, and the status a client can act on;
    # formdata=None: the form must not touch the body it was refused for.
    form = PrecedentForm(formdata=None)
    form.document.errors = [_("Fichier trop volumineux : la limite est de 10 Mo par envoi.")]
    return render_template("bank/import.html", form=form), 413


@bp.get("/families.json")
@login_required
def families():
    """Return how many visible texts hold each family (the editor's search as you type)."""
    from drafting.editor.bank import family_sizes

    ids = [int(i) for i in request.args.get("ids", "").split(",")[:100] if i.strip().isdigit()]
    sizes = family_sizes(get_session(), ids, user_id=current_user.id)
    return jsonify({str(k): {"documents": n, "years": years} for k, (n, years) in sizes.items()})
