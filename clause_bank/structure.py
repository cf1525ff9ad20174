"""The parts of a declaration: front matter (title, header), chapeau, body, closing and notes.

Works on blocks (``clause_bank.blocks``) and sorts each into one role; the body's clauses are
typed preambular/operative by ``clause_bank.segment``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clause_bank.blocks import Block, opener_of
from clause_bank.chapeau import is_chapeau
from clause_bank.cleaning import is_scrap, pattern
from clause_bank.lexicon import lexicon

ITEM_KINDS = ("letter", "roman", "ambiguous", "bullet", "subnumber")


@dataclass
class Clause:
    """A body paragraph with the items under it."""

    block: Block
    items: list[Block] = field(default_factory=list)
    heading_before: str | None = None  # the heading just above it, if any


@dataclass
class Parts:
    """What a sequence of blocks is made of."""

    title: str | None = None
    chapeau: str | None = None
    clauses: list[Clause] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    # indexes of the first clause after each heading ending with « : » (operative intros)
    intros: list[int] = field(default_factory=list)
    # those of them spoken by the authors (« We have decided to: »), one statement among others
    statements: set[int] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)


def matches(name: str, text: str) -> bool:
    """Tell whether the whole of *text* matches the rule *name* of ``structure.json``."""
    return pattern(name).fullmatch(text.strip()) is not None


def is_closing(text: str) -> bool:
    """Tell whether a block closes the text (« FIN », « Fait à Paris, le … »)."""
    return matches("closings", text)


def is_footnote(block: Block) -> bool:
    """Tell whether *block* is a footnote (« � Le 5 mars… », « [^1]: … »)."""
    return block.marker is not None and block.marker.kind == "footnote"


def is_clause_start(block: Block, language: str) -> bool:
    """Tell whether *block* can begin the body: a known opener, or a paragraph number."""
    if block.marker is not None and block.marker.kind == "number":
        return True
    if _parenthesised(block.text) or is_closing(block.text):
        return False
    opener = opener_of(block.text, language)
    return opener is not None and opener.known and not block.heading


def _parenthesised(text: str) -> bool:
    return text.startswith("(") and text.endswith(")")


def split_front(blocks: list[Block], language: str) -> tuple[int, int | None]:
    """Return (index where the body starts, index of the chapeau or None)."""
    for index, block in enumerate(blocks):
        if is_scrap(block.text) or is_footnote(block):
            continue
        if is_chapeau(block, language):
            return index, index
        if is_clause_start(block, language) and not _title_over_chapeau(blocks, index, language):
            if (before := _authors_before(blocks, index)) is not None:
                return before, before
            later = _chapeau_after(blocks, index, language)
            return index, later
    return _first_after_title(blocks), None


# « Le Parlement communautaire, », « The Human Rights Council, »: a body named just before
# the first clause is the chapeau, whatever the body's name.
_NAMED_BODY = re.compile(r"(?i:l['’]|la |le |les |the )\s*[A-ZÀ-Þ][^,;:.]{2,70},")


def _title_over_chapeau(blocks: list[Block], index: int, language: str) -> bool:
    """« Strengthening the United Nations … » with no final stop, over « The General Assembly, »,
    is the title, though it opens with a participle."""
    if blocks[index].text[-1:] in ".,;:" or blocks[index].marker is not None:
        return False
    following = next((b for b in blocks[index + 1 :] if not is_scrap(b.text)), None)
    return following is not None and is_chapeau(following, language)


def _authors_before(blocks: list[Block], index: int) -> int | None:
    previous = next((i for i in range(index - 1, -1, -1) if not is_scrap(blocks[i].text)), None)
    if previous is None or blocks[previous].marker is not None:
        return None
    return previous if _NAMED_BODY.fullmatch(blocks[previous].text) else None


def _chapeau_after(blocks: list[Block], start: int, language: str) -> int | None:
    """Find a chapeau placed after a preamble (« Considérant …; Nous, Ministres …, »)."""
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        if block.marker is not None and block.marker.kind == "number":
            return None
        if is_chapeau(block, language) and block.text.startswith(("Nous", "We", "NOUS", "WE")):
            return index
    return None


def _first_after_title(blocks: list[Block]) -> int:
    real = [i for i, b in enumerate(blocks) if not is_scrap(b.text) and not is_footnote(b)]
    return real[1] if len(real) > 1 else len(blocks)


def front_matter(blocks: list[Block], parts: Parts) -> None:
    """Pick the title among the blocks before the body; the rest is header or a note."""
    candidates = []
    for index, block in enumerate(blocks):
        if is_scrap(block.text):
            parts.dropped.append(block.text)
        elif _parenthesised(block.text) or (block.text[:1] == "[" and block.text[-1:] == "]"):
            parts.notes.append(block.text)
        else:
            candidates.append((_title_score(block), index, block))
    if not candidates:
        return
    best = max(candidates, key=lambda c: (c[0], c[1]))
    parts.title = best[2].text
    for _, index, block in candidates:
        if index != best[1]:
            parts.dropped.append(block.text)


def _title_score(block: Block) -> int:
    score = 3 if block.heading or pattern("title_symbol").match(block.text) else 0
    if pattern("title_keywords").search(block.text):
        score += 2
    if block.caps:
        score += 1
    if block.text.endswith((",", ";")) or len(block.text) > 300:
        score -= 4
    return score


def is_heading(block: Block, following: Block | None, language: str) -> bool:
    """Tell whether *block* is a heading: Markdown, section number, capitals, intro « … : »."""
    if block.heading or (block.marker is not None and block.marker.kind == "section"):
        return len(block.text) <= 200
    if block.marker is None and matches("formulas", block.text):
        return True
    if block.marker is not None:
        return False
    if block.text.endswith(":"):
        return is_intro(block, following, language)
    opener = opener_of(block.text, language)
    short = len(block.text) <= 120 and len(block.text.split()) <= 16
    unpunctuated = block.text[-1:] not in ".;,!?»)"
    return short and unpunctuated and (opener is None or not opener.known or block.caps)


def is_intro(block: Block, following: Block | None, language: str) -> bool:
    """Tell whether a block ending with « : » introduces the following paragraphs.

    « Prie les États : a) … » is a paragraph with sub-items; « Nous engageons à : » over a
    bulleted or numbered list, or « DÉCLARENT : », introduces paragraphs of their own.
    """
    if following is None:
        return False
    kind = following.marker.kind if following.marker is not None else None
    if kind in ("letter", "roman", "ambiguous", "subnumber"):
        return False
    opener = opener_of(block.text, language)
    bare = opener is None or _only_opener(block.text, opener.text)
    if kind == "bullet":
        return bare or len(block.text.split()) <= 8
    if block.caps or bare or not opener.known or kind == "number":
        return True
    after = opener_of(following.text, language)
    return after is not None and after.form == "infinitive"


def _only_opener(text: str, opener: str) -> bool:
    rest = text[len(opener) :].strip(" :")
    return rest.lower() in ("", "à", "de", "d'", "to", "ce qui suit", "as follows")


def is_item(block: Block) -> bool:
    """Tell whether *block* is a sub-item (« a) », « (i) », a bullet)."""
    return block.marker is not None and block.marker.kind in ITEM_KINDS


def body(blocks: list[Block], parts: Parts, language: str) -> None:
    """Sort the body's blocks into clauses (with their items), headings, closing and notes."""
    mode = "body"
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if is_scrap(block.text):
            parts.dropped.append(block.text)
        elif is_footnote(block) or mode == "notes":
            parts.notes.append(block.text)
        elif matches("notes_headings", block.text):
            mode = "notes"
        elif mode == "closing" or (parts.clauses and matches("closings", block.text)):
            mode = _closing(block, parts, mode)
        elif is_item(block) and _takes_item(parts, block):
            parts.clauses[-1].items.append(block)
        elif is_heading(block, following, language) or _opening_intro(block, parts):
            _heading(block, parts, following, language)
        else:
            parts.clauses.append(Clause(block))
    _trailing_notes(parts, language)


def _opening_intro(block: Block, parts: Parts) -> bool:
    """« Adopte la recommandation suivante : » before any paragraph belongs to the chapeau."""
    return not parts.clauses and block.marker is None and block.text.endswith(":")


def _closing(block: Block, parts: Parts, mode: str) -> str:
    if mode == "closing" and not matches("closings", block.text) and len(block.text) > 100:
        parts.notes.append(block.text)
    else:
        parts.closing.append(block.text)
    return "closing"


def _takes_item(parts: Parts, block: Block) -> bool:
    if not parts.clauses:
        return False
    clause = parts.clauses[-1]
    if block.marker.kind != "bullet" or clause.items:
        return True
    return clause.block.text.rstrip().endswith(":")


def _heading(block: Block, parts: Parts, following: Block | None, language: str) -> None:
    section = block.marker is not None and block.marker.kind == "section"
    parts.headings.append(f"{block.marker.value}. {block.text}" if section else block.text)
    if block.text.endswith(":") and following is not None:
        parts.intros.append(len(parts.clauses))
        if _spoken(block.text, language):
            parts.statements.add(len(parts.clauses))


def _spoken(text: str, language: str) -> bool:
    """Tell whether an intro has the authors for subject: « Nous nous engageons à : »."""
    first = text.split(maxsplit=1)[0].strip(",").lower() if text.split() else ""
    return first in lexicon(language).modifiers["subjects"]


def _trailing_notes(parts: Parts, language: str) -> None:
    """What follows the end of the text is commentary: paragraphs without an opener after
    the last numbered paragraph, or after the full stop that ends a list of « ; »."""
    last = _last_paragraph(parts.clauses)
    if last is None:
        return
    tail = parts.clauses[last + 1 :]
    if tail and all(opener_of(c.block.text, language) is None for c in tail):
        for clause in tail:
            parts.notes.extend([clause.block.text] + [item.text for item in clause.items])
        del parts.clauses[last + 1 :]


def _last_paragraph(clauses: list[Clause]) -> int | None:
    numbered = [i for i, c in enumerate(clauses) if _numbered(c.block)]
    if len(numbered) >= 2:
        return numbered[-1]
    ends = [c.block.text.rstrip("»” ")[-1:] for c in clauses]
    listed = 0  # paragraphs ending « ; » or « , » before each index
    candidates = []
    for index, end in enumerate(ends):
        if index > 1 and end == "." and listed >= 0.8 * index:
            candidates.append(index)
        listed += end in ";,"
    return candidates[-1] if candidates else None


def _numbered(block: Block) -> bool:
    return block.marker is not None and block.marker.kind == "number"
