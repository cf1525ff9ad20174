"""The opener-unknown check: opening words that are no opener, nor a form of one."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from checks.dictionary import is_known
from checks.model import Hit, Unit
from checks.reading import WORD, Reading
from checks.registry import register
from checks.rules.openers import PREAMBULAR, openers_module, operative_forms
from drafts.model import FORMS
from drafts.voice import fold, match_case, opener_at, split_infinitive_prefix

UNKNOWN = {
    "default": {"fr": "{where} : « {opener} » n'est pas une formule d'ouverture connue{hint}",
                "en": "{where}: « {opener} » is not a known opener{hint}"},
}
HINT = {"fr": " ; « {suggestion} » ?", "en": "; « {suggestion} »?"}
CUTOFF = 75  # similarity of a misspelt opener to the form it stands for
AGREEMENTS = (("m", "s"), ("f", "s"), ("m", "p"), ("f", "p"))


@register("opener-unknown", "error", UNKNOWN, safe_fix=True)
def check_opener_unknown(reading: Reading, context) -> list[Hit]:
    """Find opening words that are neither a known opener nor a form of one."""
    openers = openers_module()
    if openers is None:
        return []
    hits = []
    for unit in reading.paragraphs("preambular") + reading.paragraphs("operative"):
        hit = _judge(reading, unit, openers)
        if hit is not None:
            hits.append(hit)
    return hits


def _judge(reading: Reading, unit: Unit, openers) -> Hit | None:
    language = reading.text_language
    prefix, body = split_infinitive_prefix(unit.text.lstrip())
    word = WORD.match(body)
    if word is None or len(word.group()) < 4 or not (prefix or word.group()[0].isupper()
                                                       or _goes_on(reading, unit)):
        return None  # a lower-case start is no opener, unless « De »/« D’ » came first
    written = word.group()
    capitals = written.isupper()
    opener = opener_at(unit.text, language=language)
    if is_known(written, language) or (capitals and opener is not None and opener.known):
        return None  # a word (narrative text), or capitals that may drop their accents
    if opener is not None and opener.known:
        suggestion = _accented(openers, opener, written, language)
    else:
        suggestion = _closest(openers, written, language, _wanted(reading, unit.part))
        if suggestion is None and opener is None:
            return None  # a proper noun opening a narrative paragraph
    start = unit.text.find(written)
    hint = HINT[reading.language].format(suggestion=suggestion) if suggestion else "."
    return Hit(unit, params={"opener": written, "hint": hint}, suggestion=suggestion,
               span=(start, start + len(written)) if suggestion else None)


def _goes_on(reading: Reading, unit: Unit) -> bool:
    """Return True for an operative paragraph that goes on from a lead-in ending « : »
    (« We have decided to: establish … »): its first word is an opener, in lower case."""
    return unit.part == "operative" and (reading.draft.operative_intro or "").rstrip()[-1:] == ":"


def _wanted(reading: Reading, part: str) -> set[str]:
    if part == "preambular":
        return set(PREAMBULAR)
    return operative_forms(reading.voice, reading.text_language)


def _accented(openers, opener, written: str, language: str) -> str | None:
    """Return the lexicon's spelling of a known opener written without its accents."""
    for gender, number in AGREEMENTS:
        form = openers.inflect(opener.lemma, opener.form, language=language, gender=gender,
                               number=number)
        first = (form or "").split()[-1] if form and form.startswith(("nous ", "s'")) else \
            (form or "").split(" ")[0]
        if first and fold(first) == fold(written):
            return match_case(first, written)
    return None


def _closest(openers, written: str, language: str, wanted: set[str]) -> str | None:
    """Return the opener form nearest to *written*, preferring one that fits its block."""
    near = openers.closest_opener(written, language=language)
    index = opener_forms(language)
    found = process.extract(fold(written), list(index), scorer=fuzz.ratio, limit=8,
                            score_cutoff=CUTOFF)
    if not found:
        return near
    best = max(found, key=lambda f: (f[1] + (10 if index[f[0]][1] in wanted else 0)))
    if near is not None and fold(near) != best[0] and index.get(fold(near), ("", ""))[1] in \
            wanted:
        return near
    return match_case(index[best[0]][0], written)


@lru_cache(maxsize=2)
def opener_forms(language: str) -> dict[str, tuple[str, str]]:
    """Return every one-word opener form, folded → (as written, form)."""
    openers = openers_module()
    forms: dict[str, tuple[str, str]] = {}
    for lemma in sorted(openers.known_lemmas(language)):
        for form in FORMS:
            for gender, number in AGREEMENTS:
                written = openers.inflect(lemma, form, language=language, gender=gender,
                                          number=number)
                word = (written or "").split(" ")[0]
                if word and word not in ("nous", "se", "we") and "'" not in word:
                    forms.setdefault(fold(word), (word, form))
    return forms
