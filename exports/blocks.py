"""Lay a draft out as blocks: one block for each Word paragraph, in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from drafts.model import Draft, Item, Paragraph, Provenance
from exports.errors import ExportError
from exports.house_styles import HouseStyle
from exports.ooxml import MAX_CHARACTERS, check_text
from exports.wording import chapeau_subject_length, opener_length, restyle_ending

_BRACKETS = re.compile(r"\[[^\[\]]*\]")
ALTERNATIVE_LABEL = re.compile(r"^(PP|OP)?(\d+)?\s*(bis|ter|alt)$")


@dataclass
class Block:
    """One paragraph of the Word document, with what styles and numbers it."""

    role: str  # a key of house_styles.PARAGRAPH_STYLES
    text: str
    where: str  # « PP3 », « OP2, sub-item 1 » : named in messages and comments
    level: int | None = None  # numbering level when numbered
    numbering: str | None = None  # operative | preambular
    opener: int = 0  # length of the opening words
    label: str | None = None  # « OP3 bis » for an alternative
    bracketed: bool = False  # the whole paragraph is not agreed
    provenance: Provenance | None = None
    key: str | None = None  # the draft paragraph's id

    def pieces(self) -> list[tuple[int, int, str | None]]:
        """Return (start, end, character role) spans covering the text."""
        if not self.bracketed and "[" not in self.text:
            if not self.opener:
                return [(0, len(self.text), None)] if self.text else []
            rest = [(self.opener, len(self.text), None)] if self.opener < len(self.text) else []
            return [(0, self.opener, "opener"), *rest]
        bracketed = [(0, len(self.text))] if self.bracketed else [
            m.span() for m in _BRACKETS.finditer(self.text)]
        cuts = sorted({0, len(self.text), self.opener, *(i for s in bracketed for i in s)})
        spans = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            if start >= len(self.text) or start == end:
                continue
            inside = any(s <= start and end <= e for s, e in bracketed)
            opening = end <= self.opener
            role = ("bracketed_opener" if opening else "bracketed") if inside else (
                "opener" if opening else None)
            spans.append((start, end, role))
        return spans


def layout(draft: Draft, style: HouseStyle, *, labels: bool) -> list[Block]:
    """Return the blocks of *draft* in house style *style*; refuse text Word cannot carry."""
    blocks: list[Block] = []
    if draft.title:
        blocks.append(Block("title", draft.title, "title"))
    note = _note(draft)
    if note:
        blocks.append(Block("note", note, "metadata"))
    if draft.chapeau:
        blocks.append(Block("chapeau", draft.chapeau, "chapeau",
                            opener=chapeau_subject_length(draft.chapeau)))
    blocks.extend(_part(draft.preambular, "PP", numbered=labels))
    if draft.operative_intro:
        blocks.append(Block("heading", draft.operative_intro, "operative_intro"))
    blocks.extend(_part(draft.operative, "OP", numbered=True, prefix="OP" if labels else ""))
    if draft.closing:
        blocks.append(Block("closing", draft.closing, "closing"))
    blocks.append(Block("end", style.end_mark, "end"))
    _check(blocks)
    return blocks


def restyled(draft: Draft, house_style: str, preambular_end: str) -> Draft:
    """Return *draft* with preambular endings converted when exported in another house style."""
    if not draft.house_style or draft.house_style == house_style:
        return draft
    paragraphs = [replace(p, text=restyle_ending(p.text, preambular_end, language=draft.language))
                  for p in draft.preambular]
    return replace(draft, preambular=paragraphs, house_style=house_style)


def _note(draft: Draft) -> str:
    meta = draft.metadata
    where_when = ", ".join(x for x in (meta.place, meta.date) if x)
    return " — ".join(x for x in (meta.meeting, where_when) if x)


def _part(paragraphs: list[Paragraph], kind: str, *, numbered: bool,
          prefix: str | None = None) -> list[Block]:
    role = "preambular" if kind == "PP" else "operative"
    prefix = kind if prefix is None else prefix
    numbers: dict[str, int] = {}
    blocks: list[Block] = []
    for paragraph in paragraphs:
        if paragraph.alternative is None:
            numbers[paragraph.id] = len(numbers) + 1
            where, label, numbering = f"{kind}{len(numbers)}", None, role if numbered else None
        else:
            target = numbers.get(paragraph.alternative_of or "")
            label = f"{prefix}{target} {paragraph.alternative}" if target else paragraph.alternative
            where, numbering = f"{kind}{target or ''} {paragraph.alternative}", None
        blocks.append(Block(role, paragraph.text, where, level=0 if numbering else None,
                            numbering=numbering, opener=opener_length(paragraph.text),
                            label=label, bracketed=paragraph.bracketed,
                            provenance=paragraph.provenance, key=paragraph.id))
        blocks.extend(_items(paragraph.items, where, depth=1, numbered=numbering is not None))
    return blocks


def _items(items: list[Item], where: str, *, depth: int, numbered: bool,
           path: str = "") -> list[Block]:
    blocks = []
    for index, item in enumerate(items):
        here = f"{path}{index + 1}"
        blocks.append(Block(f"item{min(depth, 3)}", item.text, f"{where}, sub-item {here}",
                            level=min(depth, 3), numbering="operative" if numbered else None))
        blocks.extend(_items(item.items, where, depth=depth + 1, numbered=numbered,
                             path=f"{here}."))
    return blocks


def _check(blocks: list[Block]) -> None:
    total = 0
    for block in blocks:
        check_text(block.text, block.where)
        total += len(block.text)
        if block.provenance is not None:
            for name in ("source", "position", "precedent_text", "body", "date"):
                check_text(getattr(block.provenance, name) or "", f"{block.where} provenance")
    if total > MAX_CHARACTERS:
        raise ExportError(f"the draft holds {total} characters, more than the "
                          f"{MAX_CHARACTERS} a Word export accepts")
