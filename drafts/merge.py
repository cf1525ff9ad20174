"""Three-way merge of a refused save: the revision it was based on, theirs, and mine.

What only one side changed is taken from that side; what both changed differently is a
conflict the drafter settles row by row (mine by default, so typed text is never dropped).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from drafts.jsonio import to_dict
from drafts.model import Draft, Paragraph

FIELDS = ("title", "chapeau", "operative_intro", "closing")
SETTINGS = ("voice", "house_style", "metadata", "language")
BLOCKS = ("preambular", "operative")


@dataclass
class MergeRow:
    """One field or paragraph as the base, the other drafter and I have it."""

    key: str  # a field name, or "p:<paragraph id>"
    part: str
    base: str | None
    theirs: str | None
    mine: str | None
    status: str  # same | theirs | mine | conflict

    @property
    def default(self) -> str:
        """Return the side taken when the drafter does not choose."""
        return "theirs" if self.status == "theirs" else "mine"


def merge_rows(base: Draft, theirs: Draft, mine: Draft) -> list[MergeRow]:
    """Return a row per field and per paragraph, in the merged order."""
    rows = [
        _row(name, name, getattr(base, name), getattr(theirs, name), getattr(mine, name))
        for name in FIELDS
    ]
    for part in BLOCKS:
        indexes = [_by_id(d.paragraphs(part)) for d in (base, theirs, mine)]
        for paragraph_id in _order(base, theirs, mine, part):
            b, t, m = (index.get(paragraph_id) for index in indexes)
            row = _row(f"p:{paragraph_id}", part, _state(b), _state(t), _state(m))
            row.base, row.theirs, row.mine = (p.text if p else None for p in (b, t, m))
            rows.append(row)
    return rows


def merge(base: Draft, theirs: Draft, mine: Draft, choices: dict[str, str] | None = None,
          texts: dict[str, str] | None = None) -> Draft:
    """Return the merged draft; *choices* map a row key to "theirs" or "mine", *texts* a
    row key to the text I settled on in the merge view (it replaces mine)."""
    choices, texts = choices or {}, texts or {}
    merged = copy.deepcopy(theirs)
    for name in SETTINGS:
        changed = to_dict(_only(mine, name)) != to_dict(_only(base, name))
        setattr(merged, name, copy.deepcopy(getattr(mine if changed else theirs, name)))
    by_side = {"theirs": theirs, "mine": mine}
    for row in merge_rows(base, theirs, mine):
        side = choices.get(row.key, row.default)
        side = side if side in by_side else row.default
        if row.part in FIELDS:
            value = texts.get(row.key, row.mine) if side == "mine" else row.theirs
            setattr(merged, row.key, value)
    seen: set[str] = set()  # a paragraph moved to the other block on one side only
    for part in BLOCKS:
        sides = {name: _by_id(d.paragraphs(part)) for name, d in by_side.items()}
        kept = []
        for paragraph_id in _order(base, theirs, mine, part):
            key = f"p:{paragraph_id}"
            if paragraph_id in seen:
                continue
            side = choices.get(key)
            if side not in by_side:
                side = _default(base, theirs, mine, paragraph_id, part)
            paragraph = sides[side].get(paragraph_id)
            if paragraph is not None:
                paragraph = copy.deepcopy(paragraph)
                if side == "mine" and key in texts:
                    paragraph.text = texts[key]
                kept.append(paragraph)
                seen.add(paragraph_id)
        setattr(merged, part, kept)
    return merged


def _default(base: Draft, theirs: Draft, mine: Draft, paragraph_id: str, part: str) -> str:
    states = [_state(_by_id(d.paragraphs(part)).get(paragraph_id)) for d in (base, theirs, mine)]
    return "theirs" if _status(*states) == "theirs" else "mine"


def _row(key: str, part: str, base, theirs, mine) -> MergeRow:
    return MergeRow(key, part, base, theirs, mine, _status(base, theirs, mine))


def _status(base, theirs, mine) -> str:
    if theirs == mine:
        return "same"
    if mine == base:
        return "theirs"
    if theirs == base:
        return "mine"
    return "conflict"


def _state(paragraph: Paragraph | None):
    """Return what a paragraph's merge compares (its content, not its place)."""
    if paragraph is None:
        return None
    data = to_dict(Draft(preambular=[paragraph]))["preambular"][0]
    return tuple(sorted((k, repr(v)) for k, v in data.items()))


def _only(draft: Draft, name: str) -> Draft:
    single = Draft()
    setattr(single, name, getattr(draft, name))
    return single


def _by_id(paragraphs: list[Paragraph]) -> dict[str, Paragraph]:
    return {p.id: p for p in paragraphs}


def _order(base: Draft, theirs: Draft, mine: Draft, part: str) -> list[str]:
    """Return paragraph ids in merged order: the side that reordered leads, the other's
    new paragraphs follow the paragraph they followed."""
    ids = [[p.id for p in d.paragraphs(part)] for d in (base, theirs, mine)]
    base_ids, their_ids, my_ids = ids
    lead, other = (their_ids, my_ids) if _reordered(base_ids, their_ids) else (my_ids, their_ids)
    order = list(lead)
    for position, paragraph_id in enumerate(other):
        if paragraph_id in order:
            continue
        before = next((p for p in reversed(other[:position]) if p in order), None)
        order.insert(order.index(before) + 1 if before else 0, paragraph_id)
    for paragraph_id in base_ids:  # deleted on both sides: nothing to show
        if paragraph_id in order and paragraph_id not in their_ids + my_ids:
            order.remove(paragraph_id)
    return order


def _reordered(base_ids: list[str], ids: list[str]) -> bool:
    common = set(base_ids) & set(ids)
    return [i for i in ids if i in common] != [i for i in base_ids if i in common]
