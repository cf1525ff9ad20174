"""Paragraph endings against the house style, and doubled punctuation."""

from __future__ import annotations

import re
from collections import Counter

from checks.model import Hit, Unit
from checks.reading import Reading, ending
from checks.registry import register
from drafts.voice import opener_at

PUNCTUATION = {
    "ending": {
        "fr": "{where} se termine par {found} ; {rule} demande « {expected} ».",
        "en": "{where} ends with {found}; {rule} calls for « {expected} ».",
    },
    "doubled": {
        "fr": "{where} : ponctuation doublée « {found} ».",
        "en": "{where}: doubled punctuation « {found} ».",
    },
}
RULES = {
    "fr": {"chapeau": "le chapeau", "preambular": "le préambule", "operative": "le dispositif",
           "last": "le dernier paragraphe du dispositif", "style": "le style {style}",
           "none": "aucune ponctuation", "block": "le reste du {block}"},
    "en": {"chapeau": "the chapeau", "preambular": "the preamble", "operative": "the operative "
           "part", "last": "the last operative paragraph", "style": "the {style} style",
           "none": "no punctuation", "block": "the rest of the {block}"},
}
STYLE_NAMES = {"un": "ONU", "oif": "Francophonie", "oas": "OEA"}
# What a preambular paragraph ends with in each house style.
PREAMBLE_ENDING = {"un": ",", "oif": ";", "oas": ";"}
# Abbreviations whose full stop may meet a comma or semicolon (« etc., »).
ABBREVIATIONS = frozenset((
    "etc", "al", "art", "cf", "p", "pp", "vol", "no", "nos", "réf", "ref", "rev", "par",
    "chap", "ann", "env",
))
_DOUBLED = re.compile(r"(?<!\.)(?P<first>[,;:.])(?P<gap>[\s\u00a0\u202f]*)(?P<second>[,;:.])(?!\.)")
_END = re.compile(r"[\s\u00a0\u202f]*(?P<mark>[,;:.!?]?)"
                  r"(?P<rest>[\s\u00a0\u202f]*(?:\b(?:et|and|ou|or)\b[\s\u00a0\u202f]*)?)$")


@register("punctuation", "warning", PUNCTUATION, safe_fix=True)
def check_punctuation(reading: Reading, context) -> list[Hit]:
    """Find endings that break the house style, and doubled punctuation marks."""
    hits = _chapeau(reading)
    hits += _block(reading, "preambular")
    hits += _block(reading, "operative")
    for unit in reading.units:
        hits.extend(_doubled(unit))
    return hits


def _chapeau(reading: Reading) -> list[Hit]:
    units = [u for u in reading.units if u.part == "chapeau" and u.text.strip()]
    if not units or ending(units[0].text) in (",", ":") or _narrative(units[0].text):
        return []
    return [_ending_hit(reading, units[0], ",", RULES[reading.language]["chapeau"])]


def _narrative(text: str) -> bool:
    """Return True for an introduction told in sentences (« En 2018, les ministres … . »)."""
    return re.search(r"[.!?]\s+[A-ZÀ-Ý]", text) is not None or _TOLD.search(text) is not None \
        or (text.rstrip().endswith(".") and _WE_DO.search(text) is not None)


# A verb that tells what happened: the « chapeau » is then a sentence of its own.
_TOLD = re.compile(r"\b(?:se sont réunis|se sont réunies|ont|a|sont|s['’]est|met|have|has|"
                   r"had|were|was)\b", re.I)


# « Nous, ministres …, réunis à Dakar, adoptons la présente déclaration. »: the subject has
# its verb, the chapeau is a sentence.
_WE_DO = re.compile(r",\s+(?:nous\s+){0,2}(?:sommes|avons|[a-zàâçéèêëîïôûùüÿœ]{2,}ons)\b")


def _block(reading: Reading, part: str) -> list[Hit]:
    units = [u for u in reading.paragraphs(part) if u.text.strip()]
    if not units:
        return []
    expected, rule = _expected(reading, part, units)
    hits = []
    for position, unit in enumerate(units):
        found = ending(unit.text)
        want, why = expected, rule
        if part == "operative" and unit.last:
            want, why = ".", RULES[reading.language]["last"]
        if found == want or _accepted(part, unit, found, want):
            continue
        if found == ";" and _listed(unit, units[position + 1:position + 2]):
            continue
        if found == "." and part == "operative" \
                and _series_ends(reading, unit, units[position + 1:position + 2]):
            continue
        if not want and part == "preambular" and found in (".", ""):
            want, why = _like_the_others(reading, unit, units)  # a preamble never stops
        if want:
            hits.append(_ending_hit(reading, unit, want, why))
    return hits


def _like_the_others(reading: Reading, unit: Unit, units: list[Unit]) -> tuple[str, str]:
    others = Counter(e for e in (ending(u.text) for u in units if u is not unit)
                     if e in (",", ";"))
    mark = others.most_common(1)[0][0] if others else ","
    return mark, RULES[reading.language]["preambular"]


def _expected(reading: Reading, part: str, units: list[Unit]) -> tuple[str, str]:
    """Return the ending a paragraph of *part* should have, and the rule that says so."""
    words = RULES[reading.language]
    style = reading.house_style
    inner = [u for u in units if not u.last and not u.has_items] or units
    counts = Counter(ending(u.text) for u in inner)
    majority, votes = counts.most_common(1)[0]
    if votes * 2 > len(inner) and len(inner) >= 2 and majority == ".":
        return ".", words["block"].format(block=words[part].split()[-1])  # narrative sentences
    if part == "operative":
        return ";", words["operative"]
    if reading.draft.house_style in PREAMBLE_ENDING:
        rule = words["style"].format(style=STYLE_NAMES[style])
        return PREAMBLE_ENDING[style], rule
    habit = Counter(e for e in (ending(u.text) for u in units) if e in (",", ";"))
    if habit:
        mark, votes = habit.most_common(1)[0]
        if votes >= 2 and votes * 2 > len(units):  # the preamble's own habit, last one too
            return mark, words["block"].format(block=words[part].split()[-1])
    if style in PREAMBLE_ENDING:
        return PREAMBLE_ENDING[style], words["style"].format(style=STYLE_NAMES[style])
    return "", ""


def _series_ends(reading: Reading, unit: Unit, following: list[Unit]) -> bool:
    """Return True when the next paragraph speaks otherwise (the end of a list of actions).

    « Nous engageons à : Garantir … ; Associer … . Appelons … . »
    """
    if not following:
        return False
    language = reading.text_language
    forms = [getattr(opener_at(u.text, language=language), "form", None)
             for u in (unit, following[0])]
    return forms[0] != forms[1]


def _listed(unit: Unit, following: list[Unit]) -> bool:
    """Return True for « establish … ; » followed by « hold … »: items of a list typed as
    paragraphs after a lead-in (« We have decided to: »), each going on from it."""
    return bool(following) and all(u.text.lstrip()[:1].islower() for u in (unit, *following))


def _accepted(part: str, unit: Unit, found: str, want: str) -> bool:
    if part == "preambular" and unit.last and found in (",", ";", ":"):
        return True  # the last preambular paragraph leads into the operative part
    if unit.has_items and found in (":", ",", "—", "-"):
        return True  # it introduces its sub-items
    return want == "" and found != ""


def _ending_hit(reading: Reading, unit: Unit, want: str, rule: str) -> Hit:
    found = ending(unit.text)
    shown = f"« {found} »" if found else RULES[reading.language]["none"]
    match = _END.search(unit.text)
    spaced = want
    if reading.text_language == "fr" and want in ";:!?":
        spaced = "\u00a0" + want
    return Hit(unit, "ending", {"found": shown, "expected": want, "rule": rule},
               suggestion=spaced + match.group("rest").rstrip(), span=match.span())


def _doubled(unit: Unit) -> list[Hit]:
    hits = []
    for match in _DOUBLED.finditer(unit.text):
        first, second = match.group("first"), match.group("second")
        if _abbreviation(unit.text, match.start(), first) or (first == ":" and second == "."):
            continue  # « etc., » ; the « . » after a colon ends a quoted sentence
        hits.append(Hit(unit, "doubled", {"found": match.group()}, suggestion=_keep(match),
                        span=match.span()))
    return hits


def _keep(match: re.Match) -> str:
    """Keep the stronger mark, with the space French puts before « ; » and « : »."""
    rank = {",": 0, ":": 1, ";": 2, ".": 3}
    first, second = match.group("first"), match.group("second")
    kept = max(first, second, key=rank.__getitem__)
    gap = match.group("gap")
    return (gap + kept) if kept in ";:" and gap else kept


def _abbreviation(text: str, position: int, mark: str) -> bool:
    if mark != ".":
        return False
    word = re.search(r"(\w+)$", text[:position])
    return bool(word) and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1)
