"""The export dialog and the download: Word (tracked changes too), text, Markdown."""

from __future__ import annotations

import io
import re
import unicodedata

from flask import render_template, request, send_file
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectChoice, SelectField

from drafting.access import draft_or_404
from drafting.database import get_session
from drafting.editor import bp
from drafts import store

FORMATS = {  # format -> (mimetype, file extension)
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "txt": ("text/plain; charset=utf-8", "txt"),
    "md": ("text/markdown; charset=utf-8", "md"),
}


class ExportForm(FlaskForm):
    class Meta:
        csrf = False  # a download changes nothing: a GET form

    house_style = SelectField(_l("Style maison"), choices=[
        SelectChoice("", _l("Celui du projet")), SelectChoice("un", _l("Nations Unies")),
        SelectChoice("oif", _l("Francophonie")), SelectChoice("oas", _l("OEA"))])
    line_numbers = BooleanField(_l("Numéros de ligne dans la marge"))
    labels = BooleanField(_l("Étiquettes PP / OP"))
    compare_with = SelectField(_l("Marques de révision par rapport à"), coerce=str)
    format = RadioField(_l("Format"), default="docx", choices=[
        SelectChoice("docx", _l("Word (.docx)")), SelectChoice("txt", _l("Texte (.txt)")),
        SelectChoice("md", _l("Markdown (.md)"))])


def _form(draft_id: int) -> ExportForm:
    form = ExportForm(request.args)
    revisions = store.list_revisions(get_session(), draft_id)
    form.compare_with.choices = [SelectChoice("", _l("Aucune (texte propre)"))] + [
        SelectChoice(str(r.number), f"Rév. {r.number}" + (f" — {r.name}" if r.name else ""))
        for r in revisions[1:]
    ]
    return form


@bp.get("/<int:draft_id>/export")
def export_dialog(draft_id: int):
    opened = draft_or_404(draft_id)
    summary = store.draft_summary(get_session(), draft_id, user_id=current_user.id)
    return render_template("drafts/export.html", opened=opened, form=_form(draft_id),
                           summary=summary)


@bp.get("/<int:draft_id>/export/download")
def download(draft_id: int):
    import exports

    opened = draft_or_404(draft_id)
    form = _form(draft_id)
    if not form.validate():
        summary = store.draft_summary(get_session(), draft_id, user_id=current_user.id)
        return render_template("drafts/export.html", opened=opened, form=form,
                               summary=summary), 422
    fmt = form.format.data
    label = f"Rév. {opened.revision}"
    if fmt == "docx":
        older = None
        if form.compare_with.data:
            older, _n = store.load_draft(get_session(), draft_id,
                                         revision=int(form.compare_with.data))
            label = f"Rév. {opened.revision} / Rév. {form.compare_with.data}"
        data = exports.export_docx(
            opened.draft, house_style=form.house_style.data or None,
            line_numbers=form.line_numbers.data, labels=form.labels.data,
            compare_with=older, revision_label=f"Rév. {opened.revision}",
        )
    else:
        data = exports.export_text(opened.draft, fmt=fmt).encode("utf-8")
    mimetype, extension = FORMATS[fmt]
    name = f"{file_stem(opened.draft.title)} - {label.replace('/', '-')}.{extension}"
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True,
                     download_name=name, max_age=0)


def file_stem(title: str) -> str:
    """Return a file name stem for *title*: no path or control characters, at most 80."""
    text = unicodedata.normalize("NFC", title or "")
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return text[:80].rstrip(" .") or "projet"
