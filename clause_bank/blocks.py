"""From cleaned lines to blocks (one paragraph, heading, item or note each).

Two failures of real inputs are repaired here: paragraphs broken over several lines (PDF hard
line breaks, a number alone on its line, Markdown line breaks) are joined, and paragraphs run
together on one line are split at the next number or opener.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from clause_bank.cleaning import (
    Line,
    caps_ratio,
    chapeau_pattern,
    clean_lines,
    is_closing,
    is_scrap,
    rules,
)
from clause_bank.numbering import Marker, letter_index, roman_index
from clause_bank.openers import Opener, find_opener


@dataclass
class Block:
    """A run of lines that belong together."""

    text: str
    marker: Marker | None = None
    indent: int = 0
    heading: bool = False  # Markdown heading
    gap: bool = True  # blank line before
    raw: list[str] = field(default_factory=list)
    last_length: int = 0  # length of its last source line: was it wrapped?
    dropped: list[str] = field(default_factory=list)

    @property
    def caps(self) -> bool:
        """Tell whether the block is written in capitals (a title or an OAS heading)."""
        return caps_ratio(self.text) > 0.8 and sum(ch.isalpha() for ch in self.text[:300]) > 3


def opener_of(text: str, language: str) -> Opener | None:
    """Return the opener of *text* (cached: blocks are asked more than once)."""
    return _opener_of(text[:240], language)  # an opener is read from the first words only


@lru_cache(maxsize=8192)
def _opener_of(head: str, language: str) -> Opener | None:
    return find_opener(head, language=language)


def starts_with_opener(text: str, language: str) -> bool:
    """Tell whether *text* starts with a capitalised known opener (a new paragraph)."""
    if not text[:1].isupper():
        return False
    opener = opener_of(text, language)
    return opener is not None and opener.known


def build_blocks(text: str, language: str) -> list[Block]:
    """Return the blocks of *text*."""
    lines = clean_lines(text)
    wrapped, width = _wrapping(lines)
    blocks: list[Block] = []
    last = None  # the last block that is not page furniture: a paragraph may go on after it
    note = None  # the footnote being read, at the foot of a page
    pending: Marker | None = None
    heads = _running_heads(lines)
    seen: set[str] = set()
    furniture = False  # the line before was page furniture: a running head may follow
    for line in lines:
        after_furniture, furniture = furniture, is_scrap(line.text) and line.marker is None
        if line.note and line.text:
            note = _note_line(blocks, note, line)
            continue
        if (line.text in heads and line.text in seen) or (
            after_furniture and _repeats_title(line, blocks[:30])
        ):
            if blocks:
                blocks[-1].dropped.append(line.text)  # a page's running head, again
            continue
        seen.add(line.text)
        if not line.text:
            if line.marker is not None and line.marker.kind == "number":
                pending = line.marker  # « 1. » alone: the paragraph follows
            elif blocks:
                blocks[-1].dropped.extend(line.dropped)
            continue
        if pending is not None and line.marker is None:
            line = replace(line, marker=pending)
        pending = None
        if last is not None and _continues(last, line, language, wrapped, width):
            _append(last, line)
            continue
        blocks.append(_block(line))
        if line.marker is not None or not is_scrap(line.text):
            last = blocks[-1]
    runon = len(text) / max(len(blocks), 1) > 1200
    return _split_runs(blocks, language, runon=runon)


def _running_heads(lines: list[Line]) -> set[str]:
    """Return the short unpunctuated lines that come back page after page."""
    counts: dict[str, int] = {}
    for line in lines:
        if line.marker is None and 0 < len(line.text) <= 120 and line.text[-1] not in ".;,:":
            counts[line.text] = counts.get(line.text, 0) + 1
    return {text for text, count in counts.items() if count >= 2}


def _repeats_title(line: Line, front: list[Block]) -> bool:
    """Tell whether *line* repeats (part of) the title as a running head further down."""
    text = line.text
    if line.marker is not None or not 20 <= len(text) <= 120 or text[-1] in ".;,:":
        return False
    return any(text in block.text and text != block.text for block in front)


def _note_line(blocks: list[Block], note: Block | None, line: Line) -> Block | None:
    """Start a footnote block, or add a line to the one being read."""
    if line.marker is None and note is not None:
        _append(note, line)
        return note
    blocks.append(_block(line if line.marker else replace(line, marker=Marker("", "footnote"))))
    return blocks[-1]


def _block(line: Line) -> Block:
    return Block(line.text, line.marker, line.indent, line.heading, line.gap, [line.raw],
                 len(line.raw), list(line.dropped))


def _append(block: Block, line: Line) -> None:
    joiner = "" if block.text.endswith("-") and line.text[:1].islower() else " "
    if joiner == "":
        block.text = block.text[:-1]  # a word cut by a hyphen at the line end
    block.text = f"{block.text}{joiner}{line.text}"
    block.raw.append(line.raw)
    block.last_length = len(line.raw)
    block.dropped.extend(line.dropped)


def _wrapping(lines: list[Line]) -> tuple[bool, int]:
    """Tell whether the text was hard-wrapped (pasted from a PDF), and its line width."""
    lengths = sorted(len(line.raw) for line in lines if line.text)
    if len(lengths) < 8:
        return False, lengths[-1] if lengths else 0
    width = lengths[int(len(lengths) * 0.9)]
    full = sum(1 for n in lengths if n >= 0.6 * width) / len(lengths)
    open_ended = sum(1 for line in lines if line.text and line.text[-1] not in ".;:,!?")
    wrapped = width <= 130 and full >= 0.5 and open_ended / len(lengths) >= 0.3
    return wrapped, width


def _continues(prev: Block, line: Line, language: str, wrapped: bool, width: int) -> bool:
    """Tell whether *line* goes on the paragraph *prev* (a broken line) or starts a new one."""
    if line.marker is not None or line.heading or prev.heading or is_scrap(line.text):
        return False
    if line.text[:1].islower():
        return True
    if is_closing(line.text):
        return False
    line_caps = caps_ratio(line.text) > 0.8 and sum(ch.isalpha() for ch in line.text) > 3
    if prev.caps != line_caps:
        return False
    if line_caps and not line.gap and prev.text[-1] not in ".;:,":
        return True  # a title in capitals over several lines
    hanging = _ends_with_continuation(prev.text)
    new = starts_with_opener(line.text, language) or chapeau_pattern().match(line.text)
    if new and not hanging:
        return False
    if hanging:
        return True
    if line.gap:
        return False
    last = prev.text[-1]
    if last not in ".;:,!?" and prev.last_length >= 50 and not prev.caps:
        return True  # a long line cut in mid-sentence goes on, whatever the capital
    full = prev.last_length >= 0.7 * width
    if last in ".!?":
        return wrapped and full and prev.last_length >= 0.8 * width
    if last in ";:":
        return False
    return wrapped and full


@lru_cache(maxsize=1)
def _continuation_words() -> frozenset[str]:
    return frozenset(rules()["continuation_words"].split())


def _ends_with_continuation(text: str) -> bool:
    """Tell whether *text* stops on a word that cannot end a paragraph (« de », « the »)."""
    tail = text[-40:]
    if re.search(r"[;,]\s*(?:et|and|ou|or)\s*$", tail):
        return False  # « … ;  et » closes a paragraph before the last one
    found = re.search(r"([\w']+)\s*$", tail)
    return bool(found) and found.group(1).lower() in _continuation_words()


# Where paragraphs run together: « …; 2. Prie … », « …, Rappelant … », « …: a) … ».
_NUMBER_INSIDE = re.compile(r"(?<=[,;:.])\s+(\d{1,3})\s*(?:[.)]|\s[–—-])\s+(?=[^\W\d_«\"(])")
_ITEM_INSIDE = re.compile(r"(?<=[;:,.])\s+\(?([a-z]|[ivx]{1,4})\)\s+")
_OPENER_INSIDE = re.compile(r"(?<=[,;])\s+(?=[^\W\d_a-zà-ÿ])")
_SENTENCE_INSIDE = re.compile(r"(?<=[.])\s+(?=[^\W\d_a-zà-ÿ])")


def _split_runs(blocks: list[Block], language: str, *, runon: bool) -> list[Block]:
    out: list[Block] = []
    state = {"number": 0}
    for block in blocks:
        for piece in _split_block(block, language, state, runon=runon):
            if piece.marker is not None and piece.marker.number is not None:
                state["number"] = piece.marker.number
            out.append(piece)
    return out


def _split_block(block: Block, language: str, state: dict, *, runon: bool) -> list[Block]:
    if block.heading or (block.marker is not None and block.marker.kind == "footnote"):
        return [block]
    cuts = _cuts(block.text, language, state, runon=runon)
    if not runon and len(cuts) >= 2:
        cuts = _cuts(block.text, language, state, runon=True)  # paragraphs run into one line
    if not cuts:
        return [block]
    pieces = []
    bounds = [(0, block.marker, 0)] + cuts
    for index, (start, marker, skip) in enumerate(bounds):
        end = bounds[index + 1][0] if index + 1 < len(bounds) else len(block.text)
        text = block.text[start + skip : end].strip()
        if text:
            pieces.append(replace(block, text=text, marker=marker, gap=index == 0 and block.gap,
                                  dropped=block.dropped if index == 0 else []))
    return pieces


Cut = tuple[int, Marker | None, int]  # position, marker of the new paragraph, length to skip


def _cuts(text: str, language: str, state: dict, *, runon: bool) -> list[Cut]:
    """Return (position, marker, marker length) of the paragraph starts inside *text*."""
    cuts = []
    expected = state["number"] + 1
    for found in _NUMBER_INSIDE.finditer(text):
        if int(found.group(1)) == expected:
            marker = Marker(found.group(1), "number")
            cuts.append((found.start(), marker, found.end() - found.start()))
            expected += 1
    cuts += _item_cuts(text)
    patterns = [_OPENER_INSIDE, _SENTENCE_INSIDE] if runon else [_OPENER_INSIDE]
    # Positions already cut, with the marker each cut skips (« 1. » is not cut again).
    taken = {pos for start, _, skip in cuts for pos in range(start, start + skip + 1)}
    if runon:
        cuts += _chapeau_cuts(text, taken)
    for pattern in patterns:
        for found in pattern.finditer(text):
            rest = text[found.end() :]
            if found.start() not in taken and starts_with_opener(rest, language):
                cuts.append((found.start(), None, found.end() - found.start()))
                taken.add(found.start())
    return sorted(cuts, key=lambda cut: cut[0])


# A title run into its chapeau: « … des personnes L'Assemblée générale, Rappelant … ».
_UNPUNCTUATED = re.compile(r"(?<=[^\W\d_])\s+(?=[^\W\d_a-zà-ÿ])")


def _chapeau_cuts(text: str, taken: set[int]) -> list[Cut]:
    for found in _UNPUNCTUATED.finditer(text[:400]):
        rest = text[found.end() :]
        if found.start() not in taken and chapeau_pattern().match(rest) and "," in rest[:120]:
            return [(found.start(), None, found.end() - found.start())]
    return []


def _item_cuts(text: str) -> list[Cut]:
    """Return the starts of items run into a paragraph: « … : a) …; b) … »."""
    cuts = []
    previous: tuple[str, int] | None = None
    for found in _ITEM_INSIDE.finditer(text):
        value = found.group(1)
        kinds = [("letter", letter_index(value))] if not re.fullmatch(r"[ivx]+", value) else [
            ("roman", roman_index(value)), ("letter", letter_index(value))]
        for kind, rank in kinds:
            follows = previous is not None and previous == (kind, rank - 1)
            opens = rank == 1 and text[: found.start()].rstrip().endswith(":")
            if follows or opens:
                cuts.append((found.start(), Marker(value, kind), found.end() - found.start()))
                previous = (kind, rank)
                break
    return cuts
