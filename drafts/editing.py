"""Paragraph operations of the editor: add, edit, delete, duplicate, move, mark, insert.

Each function changes the draft in place and returns what a caller needs to point the
drafter at (usually the paragraph concerned). Paragraphs are found by their stable id, so
an operation never hits the wrong paragraph after a reorder in another tab.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from drafts.model import ALTERNATIVES, Draft, Item, Paragraph, Provenance

BLOCKS = ("preambular", "operative")


class EditError(ValueError):
    """An editing operation that cannot be carried out (unknown paragraph, bad target)."""


@dataclass
class Precedent:
    """A clause of the bank, as the editor inserts it."""

    clause_id: int | None
    text: str
    source: str
    position: str  # "PP3", "OP7"
    items: list = field(default_factory=list)
    body: str | None = None
    date: str | None = None
    document_id: int | None = None


def locate(draft: Draft, paragraph_id: str) -> tuple[str, int]:
    """Return (part, index) of a paragraph, or raise EditError."""
    found = draft.find(paragraph_id)
    if found is None:
        raise EditError(f"no such paragraph: {paragraph_id}")
    return found


def get(draft: Draft, paragraph_id: str) -> Paragraph:
    """Return the paragraph with *paragraph_id*, or raise EditError."""
    part, index = locate(draft, paragraph_id)
    return draft.paragraphs(part)[index]


def add_paragraph(draft: Draft, part: str, *, text: str = "", after: str | None = None
                  ) -> Paragraph:
    """Add a paragraph to *part*, after the paragraph *after* or at the end."""
    paragraph = Paragraph(text=text)
    _insert(draft, part, paragraph, after=after)
    return paragraph


def edit_paragraph(draft: Draft, paragraph_id: str, *, text: str | None = None,
                   items: list[Item] | None = None) -> Paragraph:
    """Replace the text and/or sub-items of a paragraph."""
    paragraph = get(draft, paragraph_id)
    if text is not None:
        paragraph.text = text
    if items is not None:
        paragraph.items = items
    return paragraph


def delete_paragraph(draft: Draft, paragraph_id: str) -> Paragraph:
    """Remove a paragraph; its alternatives stop pointing at it."""
    part, index = locate(draft, paragraph_id)
    removed = draft.paragraphs(part).pop(index)
    for block in BLOCKS:
        for paragraph in draft.paragraphs(block):
            if paragraph.alternative_of == removed.id:
                paragraph.alternative_of = None
    return removed


def duplicate_paragraph(draft: Draft, paragraph_id: str) -> Paragraph:
    """Insert a copy of a paragraph right after it (same text, items, provenance, marks)."""
    part, index = locate(draft, paragraph_id)
    original = draft.paragraphs(part)[index]
    twin = copy.deepcopy(original)
    twin.id = Paragraph(text="").id
    draft.paragraphs(part).insert(index + 1, twin)
    return twin


def move_paragraph(draft: Draft, paragraph_id: str, offset: int) -> Paragraph:
    """Move a paragraph *offset* places within its block (-1 up, +1 down), clamped."""
    part, index = locate(draft, paragraph_id)
    block = draft.paragraphs(part)
    target = max(0, min(len(block) - 1, index + offset))
    paragraph = block.pop(index)
    block.insert(target, paragraph)
    return paragraph


def move_to(draft: Draft, paragraph_id: str, part: str, index: int) -> Paragraph:
    """Move a paragraph to position *index* of *part* (drag and drop across blocks)."""
    _check_block(part)
    source, at = locate(draft, paragraph_id)
    paragraph = draft.paragraphs(source).pop(at)
    block = draft.paragraphs(part)
    block.insert(max(0, min(len(block), index)), paragraph)
    return paragraph


def set_bracketed(draft: Draft, paragraph_id: str, bracketed: bool = True) -> Paragraph:
    """Mark a whole paragraph as not agreed (shown in square brackets) or agreed."""
    paragraph = get(draft, paragraph_id)
    paragraph.bracketed = bracketed
    return paragraph


def set_alternative(draft: Draft, paragraph_id: str, label: str | None) -> Paragraph:
    """Label a paragraph bis/ter/alt of the nearest unlabelled paragraph before it, or clear."""
    if label is not None and label not in ALTERNATIVES:
        raise EditError(f"not an alternative label: {label}")
    part, index = locate(draft, paragraph_id)
    paragraph = draft.paragraphs(part)[index]
    paragraph.alternative = label
    paragraph.alternative_of = None
    if label is not None:
        base = _base_before(draft.paragraphs(part), index)
        paragraph.alternative_of = base.id if base is not None else None
    return paragraph


def add_alternative(draft: Draft, paragraph_id: str) -> Paragraph:
    """Add a competing version of a paragraph after its last one, labelled bis, then ter, alt."""
    part, index = locate(draft, paragraph_id)
    block = draft.paragraphs(part)
    original = block[index]
    base_id = original.alternative_of or original.id
    versions = [p for p in block if p.alternative_of == base_id]
    used = {p.alternative for p in versions}
    label = next((name for name in ALTERNATIVES if name not in used), "alt")
    twin = copy.deepcopy(original)
    twin.id = Paragraph(text="").id
    twin.alternative, twin.alternative_of = label, base_id
    last = max([block.index(p) for p in versions] + [_index(block, base_id, index)])
    block.insert(last + 1, twin)
    return twin


def insert_precedent(draft: Draft, precedent: Precedent, part: str, *,
                     after: str | None = None) -> Paragraph:
    """Insert a bank clause into *part*, its opener put in the draft's voice, provenance kept."""
    from drafts.voice import adapt_opener, infer_voice

    _check_block(part)
    voice = draft.voice or infer_voice(draft.chapeau, draft.operative_intro)
    text = precedent.text
    if voice is not None:
        text = adapt_opener(text, kind=part, voice=voice, chapeau=draft.chapeau,
                            language=draft.language)
    paragraph = Paragraph(
        text=text,
        items=items_from_data(precedent.items),
        provenance=Provenance(
            clause_id=precedent.clause_id, source=precedent.source,
            position=precedent.position, precedent_text=precedent.text,
            body=precedent.body, date=precedent.date, document_id=precedent.document_id,
        ),
    )
    _insert(draft, part, paragraph, after=after)
    return paragraph


def items_from_data(entries: list) -> list[Item]:
    """Turn the bank's sub-items (strings or {"text", "items"} objects) into Items."""
    items = []
    for entry in entries or []:
        if isinstance(entry, str):
            items.append(Item(text=entry))
        elif isinstance(entry, dict) and isinstance(entry.get("text"), str):
            items.append(Item(text=entry["text"], items=items_from_data(entry.get("items", []))))
    return items


def _insert(draft: Draft, part: str, paragraph: Paragraph, *, after: str | None) -> None:
    _check_block(part)
    block = draft.paragraphs(part)
    if after is None:
        block.append(paragraph)
        return
    where, index = locate(draft, after)
    if where != part:
        raise EditError(f"paragraph {after} is not in the {part} block")
    block.insert(index + 1, paragraph)


def _check_block(part: str) -> None:
    if part not in BLOCKS:
        raise EditError(f"not a paragraph block: {part}")


def _base_before(block: list[Paragraph], index: int) -> Paragraph | None:
    for paragraph in reversed(block[:index]):
        if paragraph.alternative is None:
            return paragraph
    return None


def _index(block: list[Paragraph], paragraph_id: str, default: int) -> int:
    for index, paragraph in enumerate(block):
        if paragraph.id == paragraph_id:
            return index
    return default


def labels(draft: Draft, part: str) -> list[str]:
    """Return the negotiation label of each paragraph of *part*: "PP1", "OP3", "OP3 bis"."""
    prefix = "PP" if part == "preambular" else "OP"
    result, number = [], 0
    for paragraph in draft.paragraphs(part):
        if paragraph.alternative is None or number == 0:
            number += 1
        suffix = f" {paragraph.alternative}" if paragraph.alternative else ""
        result.append(f"{prefix}{number}{suffix}")
    return result
