"""The editor's form: WTForms for the fixed fields, and the paragraphs parsed from the post.

Paragraph fields are named after the paragraph's stable id (``text-<id>``, ``items-<id>`` …)
and the hidden ``order-preambular`` / ``order-operative`` lists give the order, so drag and
drop only has to move elements in the page.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from drafts.editing import BLOCKS
from drafts.model import ALTERNATIVES, Draft, Item, Metadata, Paragraph

MAX_TEXT = 20_000  # one paragraph; a longer one is a paste gone wrong
_ID = re.compile(r"^[0-9a-zA-Z_-]{1,40}$")
_LABEL = re.compile(r"^(?:\(?(?:[a-z]|[ivxlc]{1,6})\)|[-•–]|\d{1,3}[.)])\s+")

VOICE_CHOICES = [
    SelectChoice("", _l("Déduite du chapeau")),
    SelectChoice("first_plural", _l("1re personne du pluriel (Nous … Réaffirmons)")),
    SelectChoice("third_plural",
                 _l("3e personne du pluriel (Les chefs d'État … Réaffirment)")),
    SelectChoice("third_singular",
                 _l("3e personne du singulier (L'Assemblée générale … Décide)")),
    SelectChoice("infinitive", _l("Infinitif (AFFIRMONS L'IMPORTANCE : De …)")),
]
STYLE_CHOICES = [
    SelectChoice("", _l("Déduit")),
    SelectChoice("un", _l("Nations Unies")),
    SelectChoice("oif", _l("Francophonie")),
    SelectChoice("oas", _l("OEA")),
]


class EditorForm(FlaskForm):
    """The fixed fields of the editor; paragraphs are read by ``draft_from_form``."""

    base_revision = IntegerField(validators=[InputRequired(), NumberRange(min=0)])
    title = StringField(_l("Titre"), validators=[Length(max=500)])
    chapeau = TextAreaField(_l("Chapeau"), validators=[Length(max=MAX_TEXT)])
    operative_intro = StringField(_l("Intertitre avant le dispositif (facultatif)"),
                                  validators=[Length(max=500)])
    closing = TextAreaField(_l("Clôture (facultative)"), validators=[Length(max=MAX_TEXT)])
    voice = SelectField(_l("Voix"), choices=VOICE_CHOICES, validators=[Optional()])
    house_style = SelectField(_l("Style maison"), choices=STYLE_CHOICES, validators=[Optional()])
    meta_body = StringField(_l("Organe"), validators=[Length(max=255)])
    meta_meeting = StringField(_l("Réunion"), validators=[Length(max=255)])
    meta_place = StringField(_l("Lieu"), validators=[Length(max=255)])
    meta_date = StringField(_l("Date"), validators=[Length(max=64)])
    meta_symbol = StringField(_l("Cote du document"), validators=[Length(max=64)])
    action = HiddenField()

    def fill(self, draft: Draft, revision: int) -> None:
        """Set the fields from *draft* (for a GET)."""
        self.base_revision.data = revision
        self.title.data, self.chapeau.data = draft.title, draft.chapeau
        self.operative_intro.data = draft.operative_intro or ""
        self.closing.data = draft.closing or ""
        self.voice.data, self.house_style.data = draft.voice or "", draft.house_style or ""
        for name in ("body", "meeting", "place", "date", "symbol"):
            getattr(self, f"meta_{name}").data = getattr(draft.metadata, name) or ""


def draft_from_form(form: Mapping, base: Draft) -> Draft:
    """Return the draft as posted: fixed fields, then paragraphs in the posted order.

    *form* is a multi-dict (``getlist``); *base* is the revision the page was built from,
    which supplies what the page does not post (provenance, unknown keys).
    """
    draft = copy.deepcopy(base)
    draft.title = clean_line(form.get("title", base.title))
    draft.chapeau = clean_text(form.get("chapeau", base.chapeau))
    draft.operative_intro = clean_line(form.get("operative_intro", "")) or None
    draft.closing = clean_text(form.get("closing", "")) or None
    draft.voice = form.get("voice") or None
    draft.house_style = form.get("house_style") or None
    draft.metadata = Metadata(**{
        name: clean_line(form.get(f"meta_{name}", "")) or None
        for name in ("body", "meeting", "place", "date", "symbol")
    })
    known = {p.id: p for part in BLOCKS for p in base.paragraphs(part)}
    seen: set[str] = set()
    for part in BLOCKS:
        if f"order-{part}" in form:
            ids = [i for i in form.getlist(f"order-{part}") if _ID.match(i) and i not in seen]
            ids = list(dict.fromkeys(ids))
            seen.update(ids)
            setattr(draft, part, [_paragraph(form, i, known.get(i)) for i in ids])
        else:
            setattr(draft, part, [_paragraph(form, p.id, p) for p in base.paragraphs(part)])
    link_alternatives(draft)
    return draft


def _paragraph(form: Mapping, paragraph_id: str, base: Paragraph | None) -> Paragraph:
    paragraph = copy.deepcopy(base) if base is not None else Paragraph(text="", id=paragraph_id)
    if f"text-{paragraph_id}" in form:
        paragraph.text = clean_text(form[f"text-{paragraph_id}"])
    if f"items-{paragraph_id}" in form:
        paragraph.items = items_from_text(form[f"items-{paragraph_id}"])
    if f"marks-{paragraph_id}" in form:  # the marks are on the page: read the checkbox
        paragraph.bracketed = f"bracketed-{paragraph_id}" in form
        label = form.get(f"alternative-{paragraph_id}") or None
        if label != paragraph.alternative:
            paragraph.alternative = label if label in ALTERNATIVES else None
            paragraph.alternative_of = None  # set again by mark_alternatives
    return paragraph


def link_alternatives(draft: Draft) -> None:
    """Point every labelled paragraph without a base at the unlabelled one before it."""
    for part in BLOCKS:
        base_id = None
        for paragraph in draft.paragraphs(part):
            if paragraph.alternative is None:
                base_id = paragraph.id
            elif paragraph.alternative_of is None:
                paragraph.alternative_of = base_id


def clean_text(value: str) -> str:
    """Return a paragraph's text: line breaks typed in a text area become spaces."""
    return re.sub(r"\s*[\r\n]+\s*", " ", value or "").strip()[:MAX_TEXT]


def clean_line(value: str) -> str:
    """Return a one-line field's text."""
    return clean_text(value)[:500]


def items_from_text(text: str) -> list[Item]:
    """Parse sub-items typed one per line; two spaces (or a tab) of indent nest one level."""
    lines = [raw for raw in (text or "").replace("\t", "  ").splitlines() if raw.strip()]
    indents = [(len(raw) - len(raw.lstrip(" "))) // 2 for raw in lines]
    roots: list[Item] = []
    stack: list[tuple[int, Item]] = []  # the open parents, with their indent
    for raw, indent in zip(lines, indents, strict=True):
        item = Item(text=_LABEL.sub("", raw.strip())[:MAX_TEXT])
        while stack and (stack[-1][0] >= indent or len(stack) > 2):
            stack.pop()
        (stack[-1][1].items if stack else roots).append(item)
        stack.append((indent, item))
    return roots


def items_to_text(items: list[Item], depth: int = 0) -> str:
    """Write sub-items one per line, indented by level (the inverse of items_from_text)."""
    lines = []
    for item in items:
        lines.append("  " * depth + item.text)
        if item.items:
            lines.append(items_to_text(item.items, depth + 1))
    return "\n".join(lines)
