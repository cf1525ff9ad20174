"""What the editor page shows beside the text: paragraph labels and badges, the bank panel."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from drafting.editor.form import items_to_text
from drafts.editing import labels
from drafts.model import Draft, Paragraph

MAX_RESULTS = 20


@dataclass
class ParagraphView:
    """A paragraph as the page draws it."""

    paragraph: Paragraph
    part: str
    label: str
    items_text: str
    rows: int  # height of its text area, so that long paragraphs show whole without JS
    similarity: int | None = None  # to the precedent it was inserted from

    @property
    def items_rows(self) -> int:
        """Return the height of the sub-items' text area."""
        return max(3, self.items_text.count("\n") + 2)


def paragraph_views(draft: Draft) -> dict[str, list[ParagraphView]]:
    """Return the views of the preambular and operative paragraphs."""
    views = {}
    for part in ("preambular", "operative"):
        views[part] = [
            ParagraphView(p, part, label, items_to_text(p.items), _rows(p.text),
                          _similarity(p))
            for p, label in zip(draft.paragraphs(part), labels(draft, part), strict=True)
        ]
    return views


def _rows(text: str) -> int:
    return max(2, min(14, len(text) // 90 + 1 + text.count("\n")))


def _similarity(paragraph: Paragraph) -> int | None:
    if paragraph.provenance is None:
        return None
    agreed = paragraph.provenance.precedent_text
    if paragraph.text == agreed:
        return 100
    return min(99, round(fuzz.ratio(paragraph.text, agreed)))  # 100 % means unchanged


@dataclass
class BankPanel:
    """The bank panel: the query, its filters, the results, or the error to show."""

    params: dict
    results: list = field(default_factory=list)
    total: int | None = None
    error: str | None = None
    sources: list = field(default_factory=list)

    @property
    def searched(self) -> bool:
        """Return True when the drafter asked for something."""
        return any(self.params.values())


def bank_panel(session: Session, args, *, user_id: int) -> BankPanel:
    """Search the bank for the panel's query (server side, for pages without JavaScript)."""
    from drafting.editor.bank import search_results, source_choices

    params = {k: (args.get(k) or "").strip()[:200] for k in
              ("q", "kind", "opener", "source", "year_from", "year_to")}
    panel = BankPanel(params, sources=source_choices(session, user_id=user_id))
    if panel.searched:
        try:
            panel.results, panel.total = search_results(session, params, user_id=user_id,
                                                        limit=MAX_RESULTS)
        except ValueError as error:
            panel.error = str(error)
    return panel


def strings() -> dict[str, str]:
    """Return the words repeated on every paragraph, translated once per page."""
    from flask_babel import gettext as _

    return {
        "drag": _("Glisser pour déplacer"), "actions": _("Actions sur"),
        "up": _("Monter"), "down": _("Descendre"), "duplicate": _("Dupliquer"),
        "variant": _("Ajouter une variante (bis, ter, alt) de"), "variant_short": _("variante"),
        "add_after": _("Ajouter un alinéa après"), "delete": _("Supprimer"),
        "confirm_delete": _("Supprimer cet alinéa ?"), "sub_items": _("Sous-alinéas"),
        "bracketed": _("Entre crochets"), "alternative": _("Étiquette de variante"),
        "precedent": _("Précédent"), "precedent_title": _("Précédent — cliquez pour voir "
                                                          "les différences"),
        "error": _("erreur"), "warning": _("attention"), "info": _("info"),
        "fix": _("Appliquer la correction"), "delete_duplicate": _("Supprimer le doublon"),
    }
