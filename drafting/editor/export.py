"""The export dialog and the download: Word (tracked changes too), text, Markdown."""

from __future__ import annotations

import io
import re
import unicodedata

from flask import render_template, request, send_file
from flask_babel import gettext as _
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
    "pdf": ("application/pdf", "pdf"),
}


class ExportForm(FlaskForm):
    class Meta:
        csrf = False  # a download changes nothing: a GET form

    house_style = SelectField(_l("Style maison"), default="", choices=[
        SelectChoice("", _l("Celui du projet")), SelectChoice("un", _l("Nations Unies")),
        SelectChoice("oif", _l("Francophonie")), SelectChoice("oas", _l("OEA"))])
    line_numbers = BooleanField(_l("Numéros de ligne dans la marge"))
    labels = BooleanField(_l("Étiquettes PP / OP"))
    compare_with = SelectField(_l("Marques de révision par rapport à"), default="")
    format = RadioField(_l("Format"), default="docx", choices=[
        SelectChoice("docx", _l("Word (.docx)")), SelectChoice("txt", _l("Texte (.txt)")),
        SelectChoice("md", _l("Markdown (.md)"))])


def _form(draft_id: int) -> ExportForm:
    from exports.pdf import soffice

    form = ExportForm(request.args)
    if soffice() is not None:  # PDF goes through LibreOffice, when the machine has it
        form.format.choices = [*form.format.choices, SelectChoice("pdf", _l("PDF (.pdf)"))]
    revisions = store.list_revisions(get_session(), draft_id)
    form.compare_with.choices = [SelectChoice("", _l("Aucune (texte propre)"))] + [
        SelectChoice(str(r.number), _("Rév. %(number)d", number=r.number)
                     + (f" — {r.name}" if r.name else ""))
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
    from exports import ExportError

    opened = draft_or_404(draft_id)
    form = _form(draft_id)
    try:
        if not form.validate():
            raise ExportError("")
        data, label = _produce(opened, form)
    except ExportError as error:
        if str(error):
            form.format.errors.append(str(error))
        summary = store.draft_summary(get_session(), draft_id, user_id=current_user.id)
        return render_template("drafts/export.html", opened=opened, form=form,
                               summary=summary), 422
    mimetype, extension = FORMATS[form.format.data]
    name = f"{file_stem(opened.draft.title)} - {label}.{extension}"
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True,
                     download_name=name, max_age=0)


def _produce(opened, form: ExportForm) -> tuple[bytes, str]:
    """Return the exported bytes and the revision label for the file name."""
    import exports

    fmt, label = form.format.data, _("Rév. %(number)d", number=opened.revision)
    options = {"house_style": form.house_style.data or None, "labels": form.labels.data}
    if fmt in ("txt", "md"):
        return exports.export_text(opened.draft, fmt=fmt, **options).encode("utf-8"), label
    older = None
    if form.compare_with.data:
        older, _n = store.load_draft(get_session(), opened.id,
                                     revision=int(form.compare_with.data))
        label = _("Rév. %(new)d contre Rév. %(old)d", new=opened.revision,
                  old=int(form.compare_with.data))
    options.update(line_numbers=form.line_numbers.data, compare_with=older,
                   revision_label=_("Rév. %(number)d", number=opened.revision))
    make = exports.export_pdf if fmt == "pdf" else exports.export_docx
    return make(opened.draft, **options), label


def file_stem(title: str) -> str:
    """Return a file name stem for *title*: no path or control characters, at most 80."""
    text = unicodedata.normalize("NFC", title or "")
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return text[:80].rstrip(" .") or "projet"
