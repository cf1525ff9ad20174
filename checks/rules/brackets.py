"""Checks on what must come in pairs, and on what points elsewhere in the draft."""

from __future__ import annotations

import re

from checks.model import Hit, Unit
from checks.reading import Reading
from checks.registry import register

BRACKETS = {
    "unclosed": {"fr": "{where} : « {mark} » ouvert sans être fermé.",
                 "en": "{where}: « {mark} » opened and never closed."},
    "unopened": {"fr": "{where} : « {mark} » fermé sans avoir été ouvert.",
                 "en": "{where}: « {mark} » closed without being opened."},
    "straight": {"fr": "{where} : nombre impair de guillemets droits « \" ».",
                 "en": "{where}: odd number of straight quotes « \" »."},
    "square": {"fr": "{where} : texte entre crochets, non agréé : « {text} ».",
               "en": "{where}: bracketed text, not agreed: « {text} »."},
    "bracketed": {"fr": "{where} est entre crochets : paragraphe non agréé.",
                  "en": "{where} is bracketed: paragraph not agreed."},
}
PAIRS = {"(": ")", "[": "]", "«": "»", "“": "”"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
# « a) », « ii) », « 3) » used as labels have no opening parenthesis.
_LABEL = re.compile(r"(?:^|[\s;:,])(?:[a-z]|[ivx]{1,5}|\d{1,2})$")
# « l'alinéa b) », « aux alinéas a) et c) », « point ii) »: a label named as such.
_REFERRED = re.compile(r"\b(?:sous-)?(?:alinéas?|points?|lettres?)\s+(?:(?:[a-z]|[ivx]{1,5})\)"
                       r"\s*(?:,|et|ou|à)\s*)*(?:[a-z]|[ivx]{1,5})$", re.IGNORECASE)
_MARKS = re.compile(r"[()\[\]«»“”]")
_SQUARE = re.compile(r"\[([^\[\]]*)\]")


@register("brackets", "error", BRACKETS)
def check_brackets(reading: Reading, context) -> list[Hit]:
    """Find unbalanced ( ) [ ] « » “ ”, and report bracketed (unagreed) text."""
    hits: list[Hit] = []
    groups: dict[tuple, list[Unit]] = {}
    for unit in reading.units:
        groups.setdefault((unit.part, unit.index), []).append(unit)
    for units in groups.values():
        hits.extend(_balance(units))
        for unit in units:
            hits.extend(_square_and_straight(unit))
            paragraph = reading.paragraph(unit)
            if unit.item is None and paragraph is not None and paragraph.bracketed:
                hits.append(Hit(unit, "bracketed", severity="info"))
    return hits


def _balance(units: list[Unit]) -> list[Hit]:
    """Match brackets across a paragraph and its sub-items (brackets may span them)."""
    stack: list[tuple[str, Unit, int]] = []
    hits = []
    for unit in units:
        text = unit.text
        for mark in _MARKS.finditer(text):
            position, char = mark.start(), mark.group()
            if char in PAIRS:
                stack.append((char, unit, position))
            elif char in CLOSERS:
                if char == ")" and _is_label(text, position, stack):
                    continue  # « a) » labels an item: nothing was opened
                if stack and stack[-1][0] == CLOSERS[char]:
                    stack.pop()
                elif any(opened == CLOSERS[char] for opened, _, _ in stack):
                    while stack and stack[-1][0] != CLOSERS[char]:  # report what it skips
                        opened, where, at = stack.pop()
                        hits.append(Hit(where, "unclosed", {"mark": opened}, span=(at, at + 1)))
                    stack.pop()
                else:
                    hits.append(Hit(unit, "unopened", {"mark": char},
                                    span=(position, position + 1)))
    hits.extend(Hit(where, "unclosed", {"mark": opened}, span=(at, at + 1))
                for opened, where, at in stack)
    return hits


def _is_label(text: str, position: int, stack: list) -> bool:
    """Return True when the « ) » at *position* ends an item label such as « b) »."""
    if _REFERRED.search(text[max(0, position - 40):position]):
        return True  # « (FNUAP) … l'alinéa b) du paragraphe 3 »: b) closes nothing
    return bool(_LABEL.search(text[max(0, position - 6):position])) \
        and not any(opened == "(" for opened, _, _ in stack)


def _square_and_straight(unit: Unit) -> list[Hit]:
    hits = [Hit(unit, "square", {"text": _short(m.group(1))}, span=m.span(), severity="info")
            for m in _SQUARE.finditer(unit.text)]
    if unit.text.count('"') % 2:
        hits.append(Hit(unit, "straight"))
    return hits


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


CROSS_REFERENCE = {
    "missing": {
        "fr": "{where} renvoie au paragraphe {number} {direction}, qui n'existe pas "
              "(le dispositif en compte {count}).",
        "en": "{where} refers to paragraph {number} {direction}, which does not exist "
              "(the operative part has {count}).",
    },
    "side": {
        "fr": "{where} renvoie au paragraphe {number} « {direction} », mais il se trouve {side}.",
        "en": "{where} refers to paragraph {number} « {direction} », but it is {side}.",
    },
    "self": {"fr": "{where} renvoie à lui-même (paragraphe {number}).",
             "en": "{where} refers to itself (paragraph {number})."},
}
_DIRECTIONS = {"ci-dessus": "above", "ci-dessous": "below", "ci-après": "below",
               "above": "above", "below": "below", "précédent": "above",
               "suivant": "below", "de la présente": None, "du présent": None,
               "of the present": None, "of this": None}
_SWAP = {"ci-dessus": "ci-dessous", "ci-dessous": "ci-dessus", "above": "below",
         "below": "above", "ci-après": "ci-dessus"}
_SIDE = {"fr": {"above": "plus haut", "below": "plus bas"},
         "en": {"above": "above", "below": "below"}}
_REFERENCE = re.compile(
    r"\b(?:paragraphes?|paragraphs?)\s+(?P<numbers>\d{1,3}(?:\s*(?:,|et|and|à|to)\s*\d{1,3})*)"
    r"\s*(?P<direction>ci-dessus|ci-dessous|ci-après|above|below|précédents?|suivants?|"
    r"de\s+la\s+présente|du\s+présent|of\s+the\s+present|of\s+this)",
    re.IGNORECASE,
)


@register("cross-reference", "error", CROSS_REFERENCE)
def check_cross_reference(reading: Reading, context) -> list[Hit]:
    """Find « paragraphe 12 ci-dessus » pointing nowhere or to the wrong side."""
    count = max((reading.numbers[k] for k in reading.numbers if k[0] == "operative"),
                default=0)
    hits = []
    for unit in reading.units:
        here = reading.numbers.get(("operative", unit.index)) if unit.part == "operative" \
            else None
        for match in _REFERENCE.finditer(unit.text):
            written = match.group("direction")
            key = re.sub(r"\s+", " ", written.lower()).rstrip("s")
            direction = _DIRECTIONS.get(key, _DIRECTIONS.get(written.lower()))
            for number in map(int, re.findall(r"\d+", match.group("numbers"))):
                hit = _judge(unit, number, here, count, written, direction, reading.language)
                if hit:
                    start, end = match.span("direction")
                    if hit.variant == "side" and written.lower() in _SWAP:
                        hit.suggestion, hit.span = _SWAP[written.lower()], (start, end)
                    hit.severity = "warning" if hit.variant != "missing" else None
                    hits.append(hit)
    return hits


def _judge(unit, number, here, count, written, direction, language) -> Hit | None:
    params = {"number": number, "direction": written, "count": count}
    if number < 1 or number > count:
        return Hit(unit, "missing", params)
    if here is None:  # the preamble and the chapeau come before every operative paragraph
        side = "below"
    elif number == here:
        return Hit(unit, "self", params)
    else:
        side = "above" if number < here else "below"
    if direction and direction != side:
        return Hit(unit, "side", {**params, "side": _SIDE[language][side]})
    return None
