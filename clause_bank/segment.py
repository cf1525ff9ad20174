"""Segment a declaration or resolution into title, chapeau, preambular and operative paragraphs.

``segment_text`` is the entry point; the pipeline is: clean lines (``cleaning``), join and split
them into blocks (``blocks``), sort blocks into parts (``structure``), then type the clauses and
read their openers and references (here).
"""

from __future__ import annotations

import re

from clause_bank.blocks import Block, build_blocks, opener_of
from clause_bank.chapeau import chapeau_continues, split_chapeau
from clause_bank.cleaning import rules
from clause_bank.model import Segmentation, SegmentedParagraph
from clause_bank.numbering import letter_index
from clause_bank.openers import PREAMBULAR_FORMS
from clause_bank.references import find_references
from clause_bank.structure import Clause, Parts, body, front_matter, matches, split_front


def detect_language(text: str) -> str:
    """Return "fr" or "en", whichever language's common words are more frequent in *text*."""
    words = re.findall(r"[a-zà-ÿ]+", text[:20000].lower())
    common = {lang: set(value.split()) for lang, value in rules()["language_words"].items()}
    counts = {lang: sum(1 for w in words if w in found) for lang, found in common.items()}
    return "en" if counts["en"] > counts["fr"] else "fr"


def segment_text(text: str, *, language: str | None = None) -> Segmentation:
    """Return the structure of the declaration or resolution *text*."""
    language = language or detect_language(text)
    blocks = build_blocks(text, language)
    sections = _annexes(blocks)
    result = _segment_part(sections[0][1], language)
    if len(sections) > 1 and _cover_note(result):
        result = _annexed_document(result, *sections.pop(1), language)
    for label, part in sections[1:]:
        _merge_annex(result, label, _segment_part(part, language))
    return result


def _annexes(blocks: list[Block]) -> list[tuple[str | None, list[Block]]]:
    """Cut the blocks into parts: an annexed declaration (« Annexe »), or the second and
    further resolutions of a document that holds several (« RECOMMANDATION N° 51 »)."""
    titles = [i for i, b in enumerate(blocks) if b.marker is None and _is_part_title(b)]
    cuts = set(titles[1:]) if len(titles) >= 2 else set()
    sections: list[tuple[str | None, list[Block]]] = [(None, [])]
    for index, block in enumerate(blocks):
        if index in cuts or (block.marker is None and matches("annex_headings", block.text)):
            sections.append((block.text, []))
        else:
            sections[-1][1].append(block)
    return sections


def _cover_note(front: Segmentation) -> bool:
    """Tell whether what comes before the annex only transmits it: no chapeau, no opener
    (« Les délégations trouveront en annexe les conclusions du Conseil … »)."""
    return front.chapeau is None and all(p.opener is None for p in front.paragraphs)


def _annexed_document(cover: Segmentation, label: str, part: list[Block], language: str):
    """Return the annexed text as the document, with its cover note kept as notes."""
    result = _segment_part(part, language)
    if result.chapeau is None and not result.paragraphs:
        return cover
    result.headings[:0] = [h for h in (cover.title, *cover.headings, label) if h]
    result.notes[:0] = [p.text for p in cover.paragraphs] + cover.notes
    result.dropped[:0] = cover.dropped
    return result


def _is_part_title(block: Block) -> bool:
    text = block.text
    return len(text) <= 250 and text[-1:] not in ";," and matches("part_titles", text)


def _merge_annex(result: Segmentation, label: str, annex: Segmentation) -> None:
    result.headings.append(label)
    if annex.title:
        result.headings.append(annex.title)
    result.annexes.append({"label": label, "title": annex.title, "chapeau": annex.chapeau})
    for paragraph in annex.paragraphs:
        paragraph.annex = label
    result.paragraphs.extend(annex.paragraphs)
    result.headings.extend(annex.headings)
    result.notes.extend(annex.notes)
    result.dropped.extend(annex.dropped)
    if annex.closing:
        result.closing = "\n".join(filter(None, [result.closing, annex.closing]))


def _segment_part(blocks: list[Block], language: str) -> Segmentation:
    parts = Parts()
    start, chapeau_at = split_front(blocks, language)
    front_matter(blocks[:start], parts)
    rest = list(blocks[start:])
    if chapeau_at is not None:
        at = chapeau_at - start
        chapeau = rest.pop(at)
        parts.chapeau, fused = split_chapeau(chapeau, language)
        if fused is not None:
            rest.insert(at, fused)
        while fused is None and at < len(rest) and chapeau_continues(parts.chapeau, rest[at]):
            parts.chapeau += " " + rest.pop(at).text
    body(rest, parts, language)
    for block in blocks:
        parts.dropped.extend(block.dropped)
    return _result(parts, language)


def _result(parts: Parts, language: str) -> Segmentation:
    kinds = _kinds(parts, language)
    paragraphs = [
        _paragraph(clause, kind, language)
        for clause, kind in zip(parts.clauses, kinds, strict=True)
    ]
    return Segmentation(
        title=parts.title,
        chapeau=parts.chapeau,
        paragraphs=paragraphs,
        headings=parts.headings,
        notes=parts.notes,
        dropped=parts.dropped,
        closing="\n".join(parts.closing) or None,
        language=language,
    )


def _kinds(parts: Parts, language: str) -> list[str]:
    """Type the clauses: a preambular block, then an operative block, never interleaved."""
    count = len(parts.clauses)
    numbered = sum(1 for c in parts.clauses if _numbered(c.block)) / max(count, 1)
    signals = [_signal(c, numbered, language) for c in parts.clauses]
    # A heading « … : » followed by a paragraph that is not preambular opens the operative block,
    # unless the authors speak it (« We have decided to: »): then it only bounds the cut, since
    # the statements before it (« We welcomed … ») may already be operative.
    intros = [k for k in parts.intros if k < count and signals[k] <= 0]
    if intros and intros[0] not in parts.statements:
        split = intros[0]
    else:
        split = _best_cut(signals[: intros[0]] if intros else signals)
    return ["preambular"] * split + ["operative"] * (count - split)


def _best_cut(signals: list[float]) -> int:
    """Return the cut with preambular signals before it, operative after; ties go to operative."""
    total = sum(signals)
    before, best, split = 0.0, -total, 0
    for k, signal in enumerate(signals, start=1):
        before += signal
        score = before - (total - before)
        if score > best + 1e-9:
            best, split = score, k
    return split


def _signal(clause: Clause, numbered_share: float, language: str) -> float:
    """Return > 0 for a preambular-looking clause, < 0 for an operative-looking one."""
    block = clause.block
    opener = opener_of(block.text, language)
    score = 0.0
    if opener is not None:
        score = 1.0 if opener.form in PREAMBULAR_FORMS else -1.0
    numbered = _numbered(block)
    if numbered and numbered_share < 0.9:
        score -= 0.5  # UN style numbers operative paragraphs only
    elif not numbered and numbered_share > 0.1:
        score += 0.5
    if block.text.endswith(","):
        score += 0.3
    return score


def _numbered(block: Block) -> bool:
    return block.marker is not None and block.marker.kind == "number"


def _paragraph(clause: Clause, kind: str, language: str) -> SegmentedParagraph:
    block = clause.block
    own = detect_language(block.text) if len(block.text) > 80 else language
    opener = opener_of(block.text, own)
    numbered = block.marker is not None and block.marker.kind == "number"
    number = block.marker.value if numbered else None
    items, children = _items(clause.items)
    return SegmentedParagraph(
        kind=kind,
        text=block.text,
        number=number,
        opener=opener.text if opener else None,
        opener_lemma=opener.lemma if opener else None,
        opener_form=opener.form if opener else "none",
        items=items,
        item_children=children,
        references=find_references(" ".join([block.text, *items, *sum(children, [])]), own),
        language=own,
    )


def _items(blocks: list[Block]) -> tuple[list[str], list[list[str]]]:
    """Return the top-level items and, for each, its sub-items (« o » bullets under « (ii) »)."""
    items: list[str] = []
    children: list[list[str]] = []
    top = None
    previous = None
    for block in blocks:
        kind = _item_kind(block, top, previous)
        if top is None:
            top = kind
        if kind == top or not items:
            items.append(block.text)
            children.append([])
            previous = block.marker.value
        else:
            children[-1].append(block.text)
    return items, children


def _item_kind(block: Block, top: str | None, previous: str | None) -> str:
    """Resolve « i) »: a letter after « h) », a roman numeral otherwise."""
    kind = block.marker.kind
    if kind != "ambiguous":
        return kind
    rank = letter_index(block.marker.value)
    if top == "letter" and previous and rank == letter_index(previous) + 1:
        return "letter"
    return "roman"
