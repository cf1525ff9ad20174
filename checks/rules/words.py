"""Spelling against the dictionaries and the bank, and passages in another language."""

from __future__ import annotations

import re
from functools import lru_cache

from checks.dictionary import is_known, suggest
from checks.model import Hit, Unit
from checks.reading import WORD, Reading, mask_urls
from checks.registry import register

LANGUAGE_NAMES = {"fr": {"fr": "français", "en": "anglais"},
                  "en": {"fr": "French", "en": "English"}}
LANGUAGE = {
    "sentence": {
        "fr": "{where} : passage en {other} dans un texte en {own} : « {text} ».",
        "en": "{where}: passage in {other} in a text in {own}: « {text} ».",
    },
    "paragraph": {
        "fr": "{where} est en {other}, le texte en {own}.",
        "en": "{where} is in {other}, the text in {own}.",
    },
}
_FRAGMENT = re.compile(r"[^.;!?:,()«»\n]+")
_OTHER = {"fr": "en", "en": "fr"}
MIN_FOREIGN = 2  # words known only in the other language


@register("language", "warning", LANGUAGE)
def check_language(reading: Reading, context) -> list[Hit]:
    """Find sentences, or whole paragraphs, in another language than the draft."""
    hits = []
    for unit in reading.units:
        spans = [(s, e) for s, e, quoted in foreign_spans(unit.text, reading.text_language)
                 if not quoted]  # a title or words quoted as said: « Leave no one behind »
        if not spans:
            continue
        names = LANGUAGE_NAMES[reading.language]
        params = {"other": names[_OTHER[reading.text_language]],
                  "own": names[reading.text_language]}
        covered = sum(end - start for start, end in spans)
        if covered >= 0.8 * len(unit.text.strip()):
            hits.append(Hit(unit, "paragraph", params))
            continue
        hits.extend(Hit(unit, "sentence", {**params, "text": unit.text[start:end]},
                        span=(start, end)) for start, end in spans)
    return hits


@lru_cache(maxsize=4096)
def foreign_spans(text: str, language: str) -> tuple[tuple[int, int, bool], ...]:
    """Return (start, end, quoted) for the sentences of *text* in the other language."""
    if language not in _OTHER:
        return ()
    other = _OTHER[language]
    masked = mask_urls(text)
    strangers = sum(1 for w in set(WORD.findall(masked)) if not is_known(w, language))
    if strangers < MIN_FOREIGN:
        return ()  # a foreign passage brings words this language does not know
    spans = []
    for fragment in _FRAGMENT.finditer(masked):
        words = [m.group().lower() for n, m in enumerate(WORD.finditer(fragment.group()))
                 if not _name(m.group(), first=n == 0)]
        own = sum(1 for w in words if is_known(w, language) and not is_known(w, other))
        foreign = sum(1 for w in words if is_known(w, other) and not is_known(w, language))
        if foreign >= MIN_FOREIGN and foreign >= 2 * own and foreign * 10 >= len(words) * 3:
            start = fragment.start() + len(fragment.group()) - len(fragment.group().lstrip())
            spans.append((start, fragment.start() + len(fragment.group().rstrip()),
                          _quoted(masked, fragment)))
    return tuple(spans)


def _quoted(text: str, fragment: re.Match) -> bool:
    before = text[: fragment.start()].rstrip(" \u00a0\u202f")
    after = text[fragment.end():].lstrip(" \u00a0\u202f")
    return before.endswith(("«", "“", '"')) and after.startswith(("»", "”", '"'))


def _name(word: str, *, first: bool) -> bool:
    """Return True for an acronym or a capitalised word inside a sentence (a proper noun)."""
    capitals = sum(1 for c in word if c.isupper())
    return capitals > 1 or (capitals == 1 and not first)


SPELLING = {
    "suggestion": {
        "fr": "{where} : « {word} » est inconnu du dictionnaire ; « {suggestion} » ?",
        "en": "{where}: « {word} » is not in the dictionary; « {suggestion} »?",
    },
    "unknown": {
        "fr": "{where} : « {word} » est inconnu du dictionnaire et de la banque.",
        "en": "{where}: « {word} » is known neither to the dictionary nor to the bank.",
    },
}


@register("spelling", "warning", SPELLING)
def check_spelling(reading: Reading, context) -> list[Hit]:
    """Find words no dictionary nor the bank knows, with the closest word as suggestion."""
    language = reading.text_language
    vocabulary: frozenset[str] = frozenset()
    if context is not None:
        vocabulary = context.vocabularies.get(language, context.vocabulary) \
            if context.vocabularies else context.vocabulary
    hits = []
    for unit in reading.units:
        text = mask_urls(unit.text)
        # Capitalised words (proper nouns, openers) and acronyms are not spelling's business.
        unknown = {w for w in set(WORD.findall(text)) if len(w) > 2 and w.islower()
                   and w.replace("’", "'") not in vocabulary and not _ROMAN.match(w)
                   and not is_known(w, language)}
        if not unknown:
            continue
        foreign = foreign_spans(unit.text, language)
        for match in WORD.finditer(text):
            if match.group() in unknown and not any(s <= match.start() < e
                                                    for s, e, _ in foreign):
                hits.append(_spelling_hit(unit, match, language))
    return hits


_ROMAN = re.compile(r"^[ivxlc]+$")


def _spelling_hit(unit: Unit, match: re.Match, language: str) -> Hit:
    word = match.group()
    proposal = suggest(word, language)
    if proposal is None or proposal == word:
        return Hit(unit, "unknown", {"word": word}, severity="info")
    return Hit(unit, "suggestion", {"word": word, "suggestion": proposal},
               suggestion=proposal, span=match.span())
