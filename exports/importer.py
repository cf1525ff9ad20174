"""Read a .docx back into a draft: our own exports exactly, foreign drafts by heuristics."""

from __future__ import annotations

import io
from dataclasses import fields

import docx

from drafts.model import VOICES, Draft, Item, Metadata, Paragraph
from exports import properties
from exports.blocks import ALTERNATIVE_LABEL
from exports.errors import ImportError_
from exports.guard import PackageError, check_package
from exports.heuristics import read_foreign
from exports.house_styles import HOUSE_STYLES
from exports.ooxml import VAL, w
from exports.provenance import parse_comment
from exports.reading import (
    SourceParagraph,
    StyleMap,
    accept_changes,
    body_paragraphs,
    plain_text,
    read_paragraph,
)
from exports.writer import BOOKMARK_PREFIX

_OURS = {"chapeau", "preambular", "operative", "heading"}
_SKIPPED = {"note", "end", "header", "footer", "comment"}


def import_docx(data: bytes) -> Draft:
    """Return the draft held in .docx *data*; raise ImportError_ with a one-line reason."""
    try:
        data = check_package(data)
    except PackageError as error:
        raise ImportError_(str(error)) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx lets KeyError, ValueError … through
        raise ImportError_(f"the file cannot be read as a Word document ({error})") from None
    styles = StyleMap(document.styles.element)
    body = accept_changes(document.element.body)
    paragraphs = [read_paragraph(p, styles) for p in body_paragraphs(body)]
    values = properties.read(document) or {}
    language = _language(document, values)
    if values or any(p.role in _OURS for p in paragraphs):
        draft = _structured(paragraphs, _comments(document))
    else:
        draft = read_foreign(paragraphs, language=language)
        language = draft.language
    _apply_properties(draft, values, language)
    return draft


def _language(document, values: dict) -> str:
    language = values.get("language")
    if isinstance(language, str) and language:
        return language
    node = document.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/"
                                        f"{w('lang')}")
    tag = node.get(VAL, "") if node is not None else ""
    return tag.split("-")[0].lower() or "fr"


def _comments(document) -> dict[str, list[str]]:
    try:
        return {str(c.comment_id): [plain_text(p._p) for p in c.paragraphs]
                for c in document.comments}
    except Exception:  # a damaged comments part only costs the provenance
        return {}


class _Builder:
    """Assemble a draft from paragraphs in our own styles."""

    def __init__(self, comments: dict[str, list[str]]):
        self.draft = Draft()
        self.comments = comments
        self.part: str | None = None
        self.last: Paragraph | None = None
        self.items: list[Item | Paragraph] = []  # the open item at each depth
        self.pending: list[tuple[str, Paragraph, int]] = []  # alternatives to resolve

    def add(self, source: SourceParagraph) -> None:
        role = source.role or self._context(source)
        if role is None or role in _SKIPPED:
            return
        if role in ("preambular", "operative"):
            self._paragraph(role, source)
        elif role.startswith("item"):
            self._item(int(role[-1]), source.text)
        else:
            self._single(role, source.text)

    def _context(self, source: SourceParagraph) -> str | None:
        # A paragraph typed in Word in some other style joins the block it sits in.
        if not source.text.strip():
            return None
        if self.part == "operative" and self.items and source.level:
            return f"item{min(source.level, 3)}"
        return self.part

    def _single(self, role: str, text: str) -> None:
        target = {"title": "title", "chapeau": "chapeau", "heading": "operative_intro",
                  "closing": "closing"}.get(role)
        if target is None:
            return
        current = getattr(self.draft, target)
        setattr(self.draft, target, f"{current}\n{text}" if current else text)
        self.part = "operative" if role == "heading" else self.part

    def _paragraph(self, role: str, source: SourceParagraph) -> None:
        paragraph = Paragraph(text=source.text, bracketed=source.bracketed)
        for name in source.bookmarks:
            if name.startswith(BOOKMARK_PREFIX) and len(name) > len(BOOKMARK_PREFIX):
                paragraph.id = name[len(BOOKMARK_PREFIX):]
                break
        paragraph.provenance = next(
            (p for p in (parse_comment(self.comments.get(c, [])) for c in source.comment_ids)
             if p is not None), None)
        match = ALTERNATIVE_LABEL.match(source.label.strip())
        if match:
            paragraph.alternative = match.group(3)
            if match.group(2):
                self.pending.append((role, paragraph, int(match.group(2))))
        self.draft.paragraphs(role).append(paragraph)
        self.part, self.last, self.items = role, paragraph, [paragraph]

    def _item(self, depth: int, text: str) -> None:
        if self.last is None:
            return
        depth = min(depth, len(self.items))
        item = Item(text=text)
        self.items[depth - 1].items.append(item)
        self.items = self.items[:depth] + [item]

    def finish(self) -> Draft:
        for role, paragraph, number in self.pending:
            base = [p for p in self.draft.paragraphs(role) if p.alternative is None]
            if 0 < number <= len(base):
                paragraph.alternative_of = base[number - 1].id
        return self.draft


def _structured(paragraphs: list[SourceParagraph], comments: dict[str, list[str]]) -> Draft:
    builder = _Builder(comments)
    for source in paragraphs:
        builder.add(source)
    return builder.finish()


def _apply_properties(draft: Draft, values: dict, language: str) -> None:
    draft.language = language
    style = values.get("house_style")
    draft.house_style = style if style in HOUSE_STYLES else None
    voice = values.get("voice")
    draft.voice = voice if voice in VOICES else None
    meta = values.get("metadata")
    if isinstance(meta, dict):
        known = {f.name for f in fields(Metadata)}
        draft.metadata = Metadata(**{k: v for k, v in meta.items()
                                     if k in known and isinstance(v, str)})
    if isinstance(values.get("extra"), dict):
        draft.extra = values["extra"]
    _extras(draft, values.get("paragraph_extra"), values.get("item_extra"))


def _extras(draft: Draft, paragraph_extra, item_extra) -> None:
    paragraph_extra = paragraph_extra if isinstance(paragraph_extra, dict) else {}
    item_extra = item_extra if isinstance(item_extra, dict) else {}
    for paragraph in draft.preambular + draft.operative:
        if isinstance(paragraph_extra.get(paragraph.id), dict):
            paragraph.extra = paragraph_extra[paragraph.id]
        _item_extras(paragraph.items, paragraph.id, item_extra)


def _item_extras(items: list[Item], path: str, item_extra: dict) -> None:
    for index, item in enumerate(items):
        here = f"{path}/{index}"
        if isinstance(item_extra.get(here), dict):
            item.extra = item_extra[here]
        _item_extras(item.items, here, item_extra)
