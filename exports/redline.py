"""Align the blocks of two revisions paragraph by paragraph, for tracked changes."""

from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

from exports.blocks import Block

# Blocks of these roles are single; preambular and operative ones come in units (a
# paragraph and its sub-items), aligned by paragraph id, then by similarity.
SECTIONS = ("title", "note", "chapeau", "preambular", "heading", "operative", "closing", "end")
PAIRING_CUTOFF = 50  # below this similarity two paragraphs are a deletion and an insertion

Pair = tuple[Block | None, Block | None]


def align(old: list[Block], new: list[Block]) -> list[Pair]:
    """Return (old, new) block pairs in reading order; None on the side that lacks one."""
    old_units, new_units = _sections(old), _sections(new)
    pairs: list[Pair] = []
    for section in SECTIONS:
        a, b = old_units.get(section, []), new_units.get(section, [])
        if section in ("preambular", "operative"):
            pairs.extend(_align_units(a, b))
        else:
            pairs.extend(_pair_in_order([u[0] for u in a], [u[0] for u in b]))
    return pairs


def _sections(blocks: list[Block]) -> dict[str, list[list[Block]]]:
    sections: dict[str, list[list[Block]]] = {}
    unit: list[Block] = []
    for block in blocks:
        if block.role.startswith("item") and unit:
            unit.append(block)
        else:
            unit = [block]
            sections.setdefault(block.role, []).append(unit)
    return sections


def _align_units(old: list[list[Block]], new: list[list[Block]]) -> list[Pair]:
    keys_a = [u[0].key or object() for u in old]
    keys_b = [u[0].key or object() for u in new]
    pairs: list[Pair] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for unit_a, unit_b in zip(old[i1:i2], new[j1:j2], strict=True):
                pairs.extend(_unit_pairs(unit_a, unit_b))
            continue
        for unit_a, unit_b in _match(old[i1:i2], new[j1:j2], key=lambda u: u[0].text):
            pairs.extend(_unit_pairs(unit_a, unit_b))
    return pairs


def _unit_pairs(old: list[Block] | None, new: list[Block] | None) -> list[Pair]:
    if old is None:
        return [(None, block) for block in new]
    if new is None:
        return [(block, None) for block in old]
    return [(old[0], new[0]), *_pair_in_order(old[1:], new[1:])]


def _pair_in_order(old: list[Block], new: list[Block]) -> list[Pair]:
    pairs = []
    for a, b in _match(old, new, key=lambda block: f"{block.role}\x00{block.text}"):
        pairs.append((a, b))
    return pairs


def _match(old: list, new: list, *, key) -> list[tuple]:
    """Return an order-keeping matching of *old* and *new* maximising similarity."""
    if not old or not new:
        return [(a, None) for a in old] + [(None, b) for b in new]
    scores = process.cdist([key(a) for a in old], [key(b) for b in new],
                           scorer=fuzz.ratio, score_cutoff=PAIRING_CUTOFF)
    best = _best_path(scores, len(old), len(new))
    out: list[tuple] = []
    i = j = 0
    for a_index, b_index in best + [(len(old), len(new))]:
        out.extend((a, None) for a in old[i:a_index])
        out.extend((None, b) for b in new[j:b_index])
        if a_index < len(old):
            out.append((old[a_index], new[b_index]))
        i, j = a_index + 1, b_index + 1
    return out


def _best_path(scores, rows: int, cols: int) -> list[tuple[int, int]]:
    # Weighted longest common subsequence over the similarity matrix.
    total = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        row, below, here = scores[i], total[i + 1], total[i]
        for j in range(cols - 1, -1, -1):
            take = row[j] + below[j + 1] if row[j] else 0.0
            here[j] = max(take, below[j], here[j + 1])
    path, i, j = [], 0, 0
    while i < rows and j < cols:
        if scores[i][j] and total[i][j] == scores[i][j] + total[i + 1][j + 1]:
            path.append((i, j))
            i, j = i + 1, j + 1
        elif total[i][j] == total[i + 1][j]:
            i += 1
        else:
            j += 1
    return path
