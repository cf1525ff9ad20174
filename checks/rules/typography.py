"""French spacing, apostrophes, double spaces and markup left over from conversion."""

from __future__ import annotations

import re
from collections import Counter

from checks.model import Hit, Unit
from checks.reading import Reading
from checks.registry import register

NBSP = "\u00a0"
TYPOGRAPHY = {
    "missing_space": {
        "fr": "{where} : espace insécable manquante {place} « {mark} ».",
        "en": "{where}: missing non-breaking space {place} « {mark} ».",
    },
    "plain_space": {
        "fr": "Espaces ordinaires autour de {marks} dans {count} passage(s), dès {where} ; "
              "des insécables évitent la coupure en fin de ligne.",
        "en": "Ordinary spaces around {marks} in {count} passage(s), from {where} on; "
              "non-breaking ones keep them from wrapping.",
    },
    "missing_everywhere": {
        "fr": "Aucune espace avant {marks} dans tout le texte ({count} endroits, dès {where}) ; "
              "le français y veut une espace insécable.",
        "en": "No space before {marks} anywhere in the text ({count} places, from {where} on); "
              "French wants a non-breaking one.",
    },
    "space_before": {
        "fr": "{where} : espace avant « {mark} ».", "en": "{where}: space before « {mark} ».",
    },
    "apostrophe": {
        "fr": "{where} : apostrophe « {found} » alors que le texte emploie « {used} ».",
        "en": "{where}: apostrophe « {found} » while the text uses « {used} ».",
    },
    "double_space": {"fr": "{where} : espaces doublées.", "en": "{where}: double spaces."},
    "markup": {
        "fr": "{where} : reste de balisage « {found} ».",
        "en": "{where}: markup left over « {found} ».",
    },
}
PLACES = {"fr": {"before": "avant", "after": "après"}, "en": {"before": "before",
                                                              "after": "after"}}
# Residue of Markdown, HTML, Word conversion and web pages; each is removed by the fix.
MARKUP = (
    (re.compile(r"\*{1,3}(?=[^\s*])([^*]+?)(?<=\S)\*{1,3}"), r"\1"),  # *emphasis*
    (re.compile(r"\*{2,}|(?<=\s)\*(?=\s)|_{2,}"), ""),
    (re.compile(r"</?(?:b|i|u|em|strong|sup|sub|span|p|br|a)\b[^>]*>", re.I), ""),
    (re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d+);"), " "),
    (re.compile(r"\ufffd"), ""),
    (re.compile(r"\s?(?:\(\s*\*?sic\*?\s*\)|\*\(sic\)\*)", re.I), ""),
    (re.compile(r"\b(?:top|bottom) of page\b", re.I), ""),
    (re.compile(r"^\s*(?:#{1,6}|[-•o]\s*\d+\.\*\*)\s+"), ""),
)
_WORD_APOSTROPHE = re.compile(r"(?<=\w)(['’])(?=\w)")
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


@register("typography", "warning", TYPOGRAPHY, safe_fix=True)
def check_typography(reading: Reading, context) -> list[Hit]:
    """Find French spacing faults, mixed apostrophes, double spaces and markup residue."""
    french = reading.text_language == "fr"
    preferred = _preferred_apostrophe(reading)
    hits = []
    plain: list[tuple[Unit, str, set[str]]] = []
    for unit in reading.units:
        if not unit.text.strip():
            continue
        if french:
            plain.extend(_plain_spaces(unit))
        hits.extend(_markup(unit))
        hits.extend(_french_spacing(unit, reading.language) if french
                    else _english_spacing(unit))
        hits.extend(_apostrophes(unit, preferred))
        if "  " in unit.text or "\u00a0 " in unit.text or " \u00a0" in unit.text:
            hits.extend(Hit(unit, "double_space", suggestion=" ", span=m.span())
                        for m in _DOUBLE_SPACE.finditer(unit.text))
    if plain:
        hits.append(_plain_hit(plain))
    return _gather_missing(reading, hits) if french else hits


def _gather_missing(reading: Reading, hits: list[Hit]) -> list[Hit]:
    """Report a space left out before « ; » everywhere once, as the text's own habit."""
    for mark in ";:!?":
        missing = [h for h in hits if h.variant == "missing_space" and h.params["mark"] == mark]
        spaced = re.compile(rf"[\s\u00a0\u202f]{re.escape(mark)}")
        if len(missing) >= 2 and not any(spaced.search(u.text) for u in reading.units):
            hits = [h for h in hits if h not in missing] + [_gathered(missing)]
    return hits


def _gathered(missing: list[Hit]) -> Hit:
    first = missing[0]
    also = [{"part": h.unit.part, "index": h.unit.index, "item": h.unit.item, "span": h.span,
             "original": h.unit.text[h.span[0]:h.span[1]], "suggestion": h.suggestion}
            for h in missing[1:]]
    marks = " ".join(f"« {m} »" for m in sorted({h.params["mark"] for h in missing}))
    return Hit(first.unit, "missing_everywhere", {"marks": marks, "count": len(missing)},
               suggestion=first.suggestion, span=first.span, detail={"also": also})


def _plain_spaces(unit: Unit) -> list[tuple[Unit, str, set[str]]]:
    if " " not in unit.text:
        return []
    found = list(_PLAIN_BEFORE.finditer(unit.text)) + list(_PLAIN_AFTER.finditer(unit.text))
    if not found:
        return []
    fixed = _PLAIN_AFTER.sub("«" + NBSP, _PLAIN_BEFORE.sub(NBSP + r"\1", unit.text))
    return [(unit, fixed, {m.group().strip() for m in found})]


def _plain_hit(plain: list[tuple[Unit, str, set[str]]]) -> Hit:
    """One note for the whole draft: pasted text uses ordinary spaces everywhere."""
    first, fixed, _ = plain[0]
    marks = " ".join(f"« {m} »" for m in sorted(set().union(*(m for _, _, m in plain))))
    also = [{"part": u.part, "index": u.index, "item": u.item, "original": u.text,
             "suggestion": text} for u, text, _ in plain[1:]]
    return Hit(first, "plain_space", {"marks": marks, "count": len(plain)}, suggestion=fixed,
               severity="info", detail={"also": also})


_MARKUP_HINT = re.compile(r"[*_<&\ufffd#•]|sic\b|of page", re.I)


def _markup(unit: Unit) -> list[Hit]:
    hits: list[Hit] = []
    if not _MARKUP_HINT.search(unit.text) and not unit.text.lstrip().startswith("-"):
        return hits
    for pattern, replacement in MARKUP:
        for match in pattern.finditer(unit.text):
            if any(h.span[0] < match.end() and match.start() < h.span[1] for h in hits):
                continue  # the inner asterisks of « **Réaffirmant** » were reported with it
            fixed = match.expand(replacement) if replacement else ""
            hits.append(Hit(unit, "markup", {"found": match.group().strip() or match.group()},
                            suggestion=fixed, span=match.span()))
    return hits


_MISSING_BEFORE = re.compile(r"(?<=[^\s\u00a0\u202f;:!?«(\[/])([;!?]|:(?![/\d]))")
_PLAIN_BEFORE = re.compile(r"(?<=\S) ([;:!?»])")
_MISSING_AFTER = re.compile(r"«(?=[^\s\u00a0\u202f])")
_PLAIN_AFTER = re.compile(r"« ")
_MISSING_BEFORE_CLOSE = re.compile(r"(?<=[^\s\u00a0\u202f])»")
_SPACE_BEFORE_COMMA = re.compile(r"(?<=\w)[ \u00a0\u202f]+([,.])(?=\s|$)")


def _french_spacing(unit: Unit, language: str) -> list[Hit]:
    places = PLACES[language]
    hits: list[Hit] = []
    if not _FRENCH_HINT.search(unit.text):
        return hits
    for match in _MISSING_BEFORE.finditer(unit.text):
        if _inside_url(unit.text, match.start()):
            continue
        hits.append(Hit(unit, "missing_space", {"place": places["before"], "mark": match.group()},
                        suggestion=NBSP + match.group(), span=match.span()))
    for match in _MISSING_BEFORE_CLOSE.finditer(unit.text):
        hits.append(Hit(unit, "missing_space", {"place": places["before"], "mark": "»"},
                        suggestion=NBSP + "»", span=match.span()))
    for match in _MISSING_AFTER.finditer(unit.text):
        hits.append(Hit(unit, "missing_space", {"place": places["after"], "mark": "«"},
                        suggestion="«" + NBSP, span=match.span()))
    for match in _SPACE_BEFORE_COMMA.finditer(unit.text):
        hits.append(Hit(unit, "space_before", {"mark": match.group(1)},
                        suggestion=match.group(1), span=match.span()))
    return hits


_FRENCH_HINT = re.compile(r"[;:!?«»]|\s[,.]")


def _english_spacing(unit: Unit) -> list[Hit]:
    return [Hit(unit, "space_before", {"mark": m.group(1)}, suggestion=m.group(1),
                span=m.span())
            for m in re.finditer(r"(?<=\w)[ \u00a0\u202f]+([,;:.!?])(?=\s|$)", unit.text)]


def _inside_url(text: str, position: int) -> bool:
    start = text.rfind(" ", 0, position) + 1
    return bool(re.match(r"(?:https?|www\.)", text[start:position]))


def _preferred_apostrophe(reading: Reading) -> str | None:
    texts = [u.text for u in reading.units if "'" in u.text or "’" in u.text]
    counts = Counter(m.group(1) for t in texts for m in _WORD_APOSTROPHE.finditer(t))
    if len(counts) < 2:
        return None
    return "’" if counts["’"] >= counts["'"] else "'"


def _apostrophes(unit: Unit, preferred: str | None) -> list[Hit]:
    if preferred is None:
        return []
    other = "'" if preferred == "’" else "’"
    if other not in unit.text:
        return []
    wrong = [m for m in _WORD_APOSTROPHE.finditer(unit.text) if m.group(1) == other]
    if not wrong:
        return []
    return [Hit(unit, "apostrophe", {"found": other, "used": preferred},
                suggestion=unit.text.replace(other, preferred))]
