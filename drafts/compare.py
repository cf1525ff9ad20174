"""Compare two drafts paragraph by paragraph, with a word diff inside each paragraph.

Paragraphs are matched by id first (the same paragraph, however edited), then the rest by
similarity (a paragraph re-typed or imported again), so that a reordering reads as a move and
an edit as a change, not as a deletion followed by an insertion.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from clause_bank.diff import Change, word_diff
from drafts.model import Draft, Item, Paragraph

SIMILAR = 50.0  # below this (0–100) two paragraphs are told apart, not paired
_LABELS = {"preambular": "PP", "operative": "OP"}
_TEXTS = ("title", "chapeau", "operative_intro", "closing")


@dataclass(frozen=True)
class ItemDiff:
    """A sub-item kept, changed, inserted or deleted; ``depth`` 1 for « a) », 2 for « i) »."""

    depth: int
    status: str  # equal | changed | inserted | deleted
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ParagraphDiff:
    """One row of a comparison: a part of the draft, or a paragraph in both versions or one."""

    part: str  # title | chapeau | preambular | operative_intro | operative | closing
    status: str  # equal | changed | inserted | deleted
    old_index: int | None
    new_index: int | None
    changes: tuple[Change, ...]  # word diff of the text
    items: tuple[ItemDiff, ...] = ()
    moved: bool = False  # the paragraph changed place relative to the others
    old: Paragraph | None = None
    new: Paragraph | None = None

    @property
    def old_label(self) -> str | None:
        """Return "PP3" / "OP7" for the old position, or None."""
        return _label(self.part, self.old_index)

    @property
    def new_label(self) -> str | None:
        """Return "PP3" / "OP7" for the new position, or None."""
        return _label(self.part, self.new_index)


@dataclass(frozen=True)
class Comparison:
    """The rows of a comparison, in the reading order of the new draft."""

    rows: tuple[ParagraphDiff, ...]

    @property
    def changed(self) -> bool:
        """Return True when the drafts differ in any text, mark or order."""
        return any(row.status != "equal" or row.moved for row in self.rows)

    def count(self, status: str) -> int:
        """Return how many rows have *status*."""
        return sum(row.status == status for row in self.rows)


def compare(old: Draft, new: Draft) -> Comparison:
    """Return the paragraph-aligned, word-level comparison of *old* with *new*."""
    rows: list[ParagraphDiff] = []
    for part in ("title", "chapeau", "preambular", "operative_intro", "operative", "closing"):
        if part in _TEXTS:
            row = _text_row(part, getattr(old, part), getattr(new, part))
            if row is not None:
                rows.append(row)
        else:
            rows.extend(_paragraph_rows(part, old.paragraphs(part), new.paragraphs(part)))
    return Comparison(tuple(rows))


def align(old: list[Paragraph], new: list[Paragraph]) -> list[tuple[int | None, int | None]]:
    """Return (old index, new index) pairs in the new order, deleted ones near their old place."""
    pairs = _pair_by_id(old, new)
    _pair_by_similarity(old, new, pairs)
    by_new = {j: i for i, j in pairs.items()}
    rows: list[tuple[int | None, int | None]] = [(by_new.get(j), j) for j in range(len(new))]
    position = {i: pos for pos, (i, _j) in enumerate(rows) if i is not None}
    after: dict[int, list[int]] = defaultdict(list)  # row position -> deleted olds after it
    anchor = -1
    for i in range(len(old)):
        if i in position:
            anchor = position[i]
        else:
            after[anchor].append(i)
    ordered: list[tuple[int | None, int | None]] = [(i, None) for i in after[-1]]
    for pos, row in enumerate(rows):
        ordered.append(row)
        ordered.extend((i, None) for i in after[pos])
    return ordered


def _pair_by_id(old: list[Paragraph], new: list[Paragraph]) -> dict[int, int]:
    index = {}
    for i, paragraph in enumerate(old):
        index.setdefault(paragraph.id, i)
    pairs: dict[int, int] = {}
    for j, paragraph in enumerate(new):
        i = index.get(paragraph.id)
        if i is not None and i not in pairs:
            pairs[i] = j
    return pairs


def _pair_by_similarity(old: list[Paragraph], new: list[Paragraph], pairs: dict[int, int]) -> None:
    taken = set(pairs.values())
    texts_new = {j: _full_text(new[j]) for j in range(len(new)) if j not in taken}
    same_text: dict[str, list[int]] = defaultdict(list)  # unchanged text: paired without scoring
    for j, text in texts_new.items():
        same_text[text].append(j)
    for i in range(len(old)):
        waiting = same_text.get(_full_text(old[i])) if i not in pairs else None
        if waiting:
            pairs[i] = waiting.pop(0)
            taken.add(pairs[i])
    rest_old = [i for i in range(len(old)) if i not in pairs]
    rest_new = [j for j in texts_new if j not in taken]
    candidates = []
    for i in rest_old:
        text = _full_text(old[i])
        for j in rest_new:
            score = fuzz.ratio(text, texts_new[j], score_cutoff=SIMILAR)
            if score:
                candidates.append((-score, abs(i - j), i, j))
    candidates.sort()
    for _score, _distance, i, j in candidates:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)


def _paragraph_rows(part: str, old: list[Paragraph], new: list[Paragraph]) -> list[ParagraphDiff]:
    pairs = align(old, new)
    kept = [i for i, j in pairs if i is not None and j is not None]
    stayed = _longest_increasing(kept)
    rows = []
    for i, j in pairs:
        before = old[i] if i is not None else None
        after = new[j] if j is not None else None
        rows.append(ParagraphDiff(
            part=part,
            status=_status(before, after),
            old_index=i,
            new_index=j,
            changes=_text_changes(before.text if before else "", after.text if after else ""),
            items=_item_rows(before.items if before else [], after.items if after else []),
            moved=i is not None and j is not None and i not in stayed,
            old=before,
            new=after,
        ))
    return rows


def _status(before: Paragraph | None, after: Paragraph | None) -> str:
    if before is None:
        return "inserted"
    if after is None:
        return "deleted"
    same = (
        before.text == after.text
        and _flatten(before.items) == _flatten(after.items)
        and (before.bracketed, before.alternative) == (after.bracketed, after.alternative)
    )
    return "equal" if same else "changed"


def _text_row(part: str, old: str | None, new: str | None) -> ParagraphDiff | None:
    old, new = old or "", new or ""
    if not old and not new:
        return None
    status = "equal" if old == new else "inserted" if not old else "deleted" if not new \
        else "changed"
    return ParagraphDiff(part, status, None, None, _text_changes(old, new))


def _item_rows(old: list[Item], new: list[Item]) -> tuple[ItemDiff, ...]:
    a, b = _flatten(old), _flatten(new)
    rows: list[ItemDiff] = []
    matcher = SequenceMatcher(None, [text for _d, text in a], [text for _d, text in b],
                              autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            before = olds[k] if k < len(olds) else None
            after = news[k] if k < len(news) else None
            depth = (after or before)[0]
            status = ("equal" if op == "equal" else "inserted" if before is None
                      else "deleted" if after is None else "changed")
            diff = _text_changes(before[1] if before else "", after[1] if after else "")
            rows.append(ItemDiff(depth, status, diff))
    return tuple(rows)


def _text_changes(old: str, new: str) -> tuple[Change, ...]:
    if old == new:  # most paragraphs of two revisions are the same; skip the matcher
        return (Change("equal", old),) if old else ()
    return tuple(word_diff(old, new))


def _flatten(items: list[Item], depth: int = 1) -> list[tuple[int, str]]:
    flat = []
    for item in items:
        flat.append((depth, item.text))
        flat.extend(_flatten(item.items, depth + 1))
    return flat


def _full_text(paragraph: Paragraph) -> str:
    return " ".join([paragraph.text, *(text for _d, text in _flatten(paragraph.items))])


def _longest_increasing(values: list[int]) -> set[int]:
    """Return the members of one longest increasing subsequence of *values*."""
    tails: list[int] = []  # tails[k]: index in values of the smallest tail of length k+1
    tail_values: list[int] = []
    previous: list[int | None] = [None] * len(values)
    for n, value in enumerate(values):
        k = bisect_left(tail_values, value)
        previous[n] = tails[k - 1] if k else None
        if k == len(tails):
            tails.append(n)
            tail_values.append(value)
        else:
            tails[k] = n
            tail_values[k] = value
    members: set[int] = set()
    n = tails[-1] if tails else None
    while n is not None:
        members.add(values[n])
        n = previous[n]
    return members


def _label(part: str, index: int | None) -> str | None:
    if index is None or part not in _LABELS:
        return None
    return f"{_LABELS[part]}{index + 1}"
