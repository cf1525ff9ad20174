"""Write blocks as Word paragraphs: plain, or as tracked changes against an older block."""

from __future__ import annotations

import re

from lxml import etree

from clause_bank.diff import word_diff
from exports.blocks import Block
from exports.ooxml import PPR, RPR, add_run, is_rtl, paragraph, rtl_spans, w

# A bookmark name keeps the paragraph id through Word (hidden: it starts with « _ »).
BOOKMARK_PREFIX = "_dd_"
_BOOKMARKABLE = re.compile(r"^[A-Za-z0-9]{1,36}$")
_ID, _AUTHOR, _DATE = w("id"), w("author"), w("date")


def decorations(block: Block, *, separator: str = " "
                ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return the (text, character role) runs written before and after the block's text."""
    before, after = [], []
    if block.label:
        before.append((f"{block.label}{separator}", "label"))
    if block.bracketed:
        before.append(("[", "paragraph_bracket"))
        after.append(("]", "paragraph_bracket"))
    return before, after


class Writer:
    """Append paragraphs to a document body, styles applied by id."""

    def __init__(self, body, ids: dict[str, str], num_ids: dict[str, int], *,
                 author: str, date: str, first_id: int, label_levels: dict | None = None):
        self.target = body
        # Built detached, with lxml's plain elements: python-docx's element classes cost
        # a Python object per node; the paragraphs join the document once, at the end.
        self.body = etree.Element(w("body"))
        self.ids = ids
        self.num_ids = num_ids
        self.author = author
        self.date = date
        self.next_id = first_id
        self.commented: list[tuple[object, Block, bool]] = []  # (w:p, block, inserted)
        # An alternative (« 3 bis ») sits where its part's numbers sit, label then tab.
        self.label_levels = label_levels or {}

    def decorations(self, block: Block):
        """Return the runs around *block*'s text, as this document lays them out."""
        aligned = block.label is not None and block.role in self.label_levels
        return decorations(block, separator="\t" if aligned else " ")

    def plain(self, block: Block) -> None:
        """Write *block* as it is."""
        p = self._paragraph(block)
        before, after = self.decorations(block)
        for text, role in before:
            self.emit(p, text, role)
        for start, end, role in block.pieces():
            self.emit(p, block.text[start:end], role)
        for text, role in after:
            self.emit(p, text, role)
        self._close(p, block, inserted=False)

    def whole(self, block: Block, kind: str) -> None:
        """Write *block* as a paragraph inserted (kind "ins") or deleted ("del") entirely."""
        p = self._paragraph(block, anchored=kind == "ins")
        container = self._change(p, kind)
        before, after = self.decorations(block)
        pieces = [(block.text[s:e], role) for s, e, role in block.pieces()]
        for text, role in before + pieces + after:
            self.emit(container, text, role, deleted=kind == "del")
        ppr = p.find(PPR)
        self._change(etree.SubElement(ppr, RPR), kind)
        if kind == "ins":  # a deleted paragraph keeps neither its id nor its provenance
            self._close(p, block, inserted=True)

    def changed(self, old: Block, new: Block) -> None:
        """Write *new* with the words changed since *old* as tracked changes."""
        p = self._paragraph(new)
        (old_before, old_after) = self.decorations(old)
        (new_before, new_after) = self.decorations(new)
        self._decorations(p, old_before, new_before)
        if old.text == new.text:
            for start, end, role in new.pieces():
                self.emit(p, new.text[start:end], role)
        else:
            self._word_changes(p, old, new)
        self._decorations(p, old_after, new_after)
        self._close(p, new, inserted=False)

    def finish(self) -> None:
        """Move the paragraphs into the document, before its section properties."""
        sect = self.target.find(w("sectPr"))
        self.target.extend(list(self.body))
        if sect is not None:
            self.target.append(sect)

    def emit(self, parent, text: str, role: str | None, *, deleted: bool = False) -> None:
        """Append *text* in character style *role*, right-to-left script in its own runs."""
        if not text:
            return
        style = self.ids[role] if role else None
        position = 0
        for start, end in rtl_spans(text):
            if start > position:
                add_run(parent, text[position:start], style, deleted=deleted)
            add_run(parent, text[start:end], style, rtl=True, deleted=deleted)
            position = end
        if position < len(text):
            add_run(parent, text[position:], style, deleted=deleted)

    def _word_changes(self, p, old: Block, new: Block) -> None:
        old_pieces, new_pieces = old.pieces(), new.pieces()
        at_old = at_new = 0
        for change in word_diff(old.text, new.text):
            size = len(change.text)
            if change.op == "delete":
                self._styled(self._change(p, "del"), old.text, at_old, size, old_pieces, True)
                at_old += size
            elif change.op == "insert":
                self._styled(self._change(p, "ins"), new.text, at_new, size, new_pieces, False)
                at_new += size
            else:
                self._styled(p, new.text, at_new, size, new_pieces, False)
                at_old, at_new = at_old + size, at_new + size

    def _styled(self, parent, text: str, start: int, size: int, pieces, deleted: bool) -> None:
        end = start + size
        for piece_start, piece_end, role in pieces:
            low, high = max(piece_start, start), min(piece_end, end)
            if low < high:
                self.emit(parent, text[low:high], role, deleted=deleted)

    def _decorations(self, p, old: list[tuple[str, str]], new: list[tuple[str, str]]) -> None:
        if old == new:
            for text, role in new:
                self.emit(p, text, role)
            return
        if old:
            deleted = self._change(p, "del")
            for text, role in old:
                self.emit(deleted, text, role, deleted=True)
        if new:
            inserted = self._change(p, "ins")
            for text, role in new:
                self.emit(inserted, text, role)

    def _change(self, parent, kind: str):
        node = etree.SubElement(parent, w(kind))
        node.set(_ID, str(self._take_id()))
        node.set(_AUTHOR, self.author)
        node.set(_DATE, self.date)
        return node

    def _take_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def _paragraph(self, block: Block, *, anchored: bool = True):
        num_id = self.num_ids.get(block.numbering) if block.numbering else None
        indent = self.label_levels.get(block.role) if block.label is not None else None
        p = paragraph(self.body, self.ids[block.role], level=block.level, num_id=num_id,
                      bidi=is_rtl(block.text), indent=indent)
        if anchored and block.key and _BOOKMARKABLE.match(block.key):
            start = etree.SubElement(p, w("bookmarkStart"))
            start.set(_ID, str(self._take_id()))
            start.set(w("name"), BOOKMARK_PREFIX + block.key)
        return p

    def _close(self, p, block: Block, *, inserted: bool) -> None:
        start = p.find(w("bookmarkStart"))
        if start is not None:
            etree.SubElement(p, w("bookmarkEnd")).set(_ID, start.get(_ID))
        if block.provenance is not None:
            self.commented.append((p, block, inserted))
