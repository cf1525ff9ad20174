"""Checks on the shape of a draft: empty parts, length, numbering, cross-references."""

from __future__ import annotations

import re
from statistics import median

from checks.model import Hit, Unit
from checks.reading import WORD, Reading
from checks.registry import register
from clause_bank.numbering import roman_numeral
from drafts.model import Item
from drafts.voice import opener_at

EMPTY = {
    "empty": {"fr": "{where} est vide{content}.", "en": "{where} is empty{content}."},
    "no_title": {"fr": "Le titre manque.", "en": "The title is missing."},
    "no_chapeau": {"fr": "Le chapeau manque : qui déclare ?",
                   "en": "The chapeau is missing: who declares?"},
    "no_operative": {"fr": "Aucun paragraphe du dispositif.",
                     "en": "No operative paragraph."},
}


@register("empty", "warning", EMPTY)
def check_empty(reading: Reading, context) -> list[Hit]:
    """Find empty paragraphs and sub-items, a missing title, chapeau or operative block."""
    hits = []
    for unit in reading.units:
        if _has_words(unit.text):
            continue
        if unit.part == "title":
            hits.append(Hit(unit, "no_title"))
        elif unit.part == "chapeau" and not _subject_elsewhere(reading):
            hits.append(Hit(unit, "no_chapeau"))
        elif unit.part in ("preambular", "operative"):
            content = f" (« {unit.text.strip()} »)" if unit.text.strip() else ""
            hits.append(Hit(unit, "empty", {"content": content}, severity="error"))
    if not reading.draft.operative and _has_words(reading.draft.chapeau):
        hits.append(Hit(Unit("operative", None, None, "", "OP"), "no_operative"))
    return hits


def _subject_elsewhere(reading: Reading) -> bool:
    """Return True when the text names who speaks without a chapeau.

    The heading may (« Les participants ont convenu … : »), or the paragraphs, told as
    sentences (« Les Ministres ont salué … », « We, the Leaders of the G20, met … »).
    """
    paragraphs = reading.paragraphs("preambular") + reading.paragraphs("operative")
    texts = [reading.draft.operative_intro or ""] + [u.text for u in paragraphs[:1]]
    if any(_SUBJECT.match(t) for t in texts):
        return True
    language = reading.text_language
    told = sum(1 for u in paragraphs if opener_at(u.text, language=language) is None)
    return bool(paragraphs) and told * 2 >= len(paragraphs)


_SUBJECT = re.compile(r"\s*(?:les|le|la|l['’]|nous|we|the|ils|elles|they)\b", re.I)


def _has_words(text: str | None) -> bool:
    return bool(text) and WORD.search(text) is not None


LENGTH = {
    "default": {
        "fr": "{where} compte {words} mots, bien plus que d'usage (au-delà de {norm}) : "
              "le scinder ?",
        "en": "{where} has {words} words, far more than usual (over {norm}): split it?",
    }
}
DEFAULT_NORM = 160  # words; the longest agreed paragraphs in the seeds stay under it
MIN_FAR = 100  # words; below this no paragraph is « far longer »


@register("length", "warning", LENGTH)
def check_length(reading: Reading, context) -> list[Hit]:
    """Find paragraphs far longer than the house norm, or than the draft's own."""
    norm = DEFAULT_NORM
    if context is not None and context.length_norm:
        # Well past the bank's 95th percentile. A bank of long paragraphs raises the norm; one
        # of short clauses (sub-items, chapeaux) says nothing of how long a paragraph may be.
        norm = max(DEFAULT_NORM, int(context.length_norm * 2.5))
    units = [u for u in reading.units if u.part in ("preambular", "operative")]
    counts = [len(WORD.findall(u.text)) for u in units]
    relative = 4 * median(counts) if len(counts) >= 5 else norm
    limit = max(MIN_FAR, min(norm, relative))
    return [Hit(u, params={"words": n, "norm": limit})
            for u, n in zip(units, counts, strict=True) if n > limit]


NUMBERING = {
    "paragraph": {
        "fr": "{where} commence par le numéro « {typed} », qui ne suit pas sa place ({expected}).",
        "en": "{where} starts with the number « {typed} », which does not match its place "
              "({expected}).",
    },
    "item": {
        "fr": "{where} : la lettre ou le numéro « {typed} » ne suit pas l'ordre "
              "(attendu « {expected} »).",
        "en": "{where}: the label « {typed} » is out of sequence (expected « {expected} »).",
    },
}
_TYPED_NUMBER = re.compile(r"^\s*(?:(?:PP|OP|§)\s*)?(\d{1,3})(?:\s*[.)]|\s+[-–—])\s*(?=\w)")
_LABEL = re.compile(r"^\s*\(?([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})(?:\)|\.(?=\s))\s*(?=\S)")
_ROMAN = re.compile(r"^[ivxlc]+$")


@register("numbering", "warning", NUMBERING, safe_fix=True)
def check_numbering(reading: Reading, context) -> list[Hit]:
    """Find typed paragraph numbers and sub-item labels that do not follow the position."""
    hits = []
    for unit in reading.units:
        if unit.item is not None or unit.index is None:
            continue
        match = _TYPED_NUMBER.match(unit.text)
        expected = reading.numbers[(unit.part, unit.index)]
        if match and int(match.group(1)) != expected:
            hits.append(Hit(unit, "paragraph", {"typed": match.group(1), "expected": expected},
                            suggestion=str(expected), span=match.span(1)))
        paragraph = reading.paragraph(unit)
        items = reading.items_of(unit.part, unit.index)
        hits.extend(_item_hits(paragraph.items, iter(items)))
    return hits


def _item_hits(items: list[Item], units) -> list[Hit]:
    """Check one list of sibling items (then their own sub-lists), consuming *units* in order."""
    hits = []
    labels = [_LABEL.match(item.text) for item in items]
    kind = _list_kind([m.group(1) for m in labels if m])
    for position, (item, match) in enumerate(zip(items, labels, strict=True)):
        unit = next(units)
        expected = _expected_label(kind, position)
        if match and expected and match.group(1) != expected:
            hits.append(Hit(unit, "item", {"typed": match.group(1), "expected": expected},
                            suggestion=expected, span=match.span(1)))
        hits.extend(_item_hits(item.items, units))
    return hits


def _list_kind(labels: list[str]) -> str | None:
    if not labels:
        return None
    if all(label.isdigit() for label in labels):
        return "digits"
    romans = [label for label in labels if _ROMAN.match(label)]
    if labels[0] == "i" or any(len(label) > 1 for label in romans) and len(romans) == len(labels):
        return "roman"
    return "letters" if all(label.isalpha() for label in labels) else None


def _expected_label(kind: str | None, position: int) -> str | None:
    if kind == "digits":
        return str(position + 1)
    if kind == "letters":
        return chr(ord("a") + position) if position < 26 else None
    if kind == "roman":
        return roman_numeral(position + 1)
    return None
