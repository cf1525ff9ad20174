"""French and English dictionaries: pyspellchecker's word lists, widened by simplemma's."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import simplemma
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spellchecker import SpellChecker

from drafts.voice import fold

LANGUAGES = ("fr", "en")
# Prefixes French and English build words with freely (« interrégional », « multipartite »).
PREFIXES = {
    "fr": ("anti", "auto", "bi", "co", "contre", "dé", "extra", "inter", "intra", "macro",
           "micro", "multi", "néo", "non", "pluri", "post", "pré", "pro", "ré", "re", "semi",
           "sous", "supra", "sur", "trans", "tri", "ultra", "infra", "mal", "mé", "in", "im",
           "socio", "cyber", "éco", "géo", "bio", "télé", "hyper", "sub", "euro", "afro"),
    "en": ("anti", "co", "counter", "cross", "de", "inter", "intra", "multi", "non", "over",
           "post", "pre", "re", "semi", "sub", "super", "trans", "un", "under", "cyber", "self",
           "socio", "eco", "geo", "bio", "macro", "micro", "mis"),
}
DATA = Path(__file__).resolve().parent / "data"
ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|jusqu|quoiqu|presqu)['’]", re.I)


@lru_cache(maxsize=2)
def speller(language: str) -> SpellChecker:
    """Return the pyspellchecker dictionary of *language* (loaded once)."""
    return SpellChecker(language=language, distance=1)


@lru_cache(maxsize=2)
def _buckets(language: str) -> dict[str, list[str]]:
    """Return the dictionary's words grouped by their first letter, accents folded."""
    groups: dict[str, list[str]] = {}
    for word in speller(language).word_frequency.dictionary:
        if word.isalpha() and len(word) > 2:
            groups.setdefault(fold(word[0]), []).append(word)
    return groups


def strip_elision(word: str) -> str:
    """Return *word* without an elided article or pronoun (« l’exploitation » → exploitation)."""
    return ELISION.sub("", word)


@lru_cache(maxsize=200_000)
def is_known(word: str, language: str = "fr") -> bool:
    """Return True when *word* (any case) is a word of *language*."""
    word = strip_elision(word.replace("’", "'")).lower()
    if not word or len(word) < 2:
        return True
    if _known_plain(word, language) or word in set_phrases():
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return all(p in PREFIXES[language] or is_known(p, language) for p in parts)
    if language == "en" and word.endswith("'s"):
        return is_known(word[:-2], language)
    if _derived(word, language):
        return True
    return any(word.startswith(prefix) and len(word) - len(prefix) >= 4
               and (_known_plain(word[len(prefix):], language)
                    or _derived(word[len(prefix):], language))
               for prefix in PREFIXES[language])


def _known_plain(word: str, language: str) -> bool:
    return word in speller(language) or simplemma.is_known(word, lang=language)


def _derived(word: str, language: str) -> bool:
    """Return True when *word* derives from a known word by a regular suffix."""
    for suffix, replacements in derivations():
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            stem = word[: -len(suffix)]
            if any(_known_plain(stem + r, language) for r in replacements):
                return True
    return False


@lru_cache(maxsize=1)
def derivations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return the suffix rules of data/derivations.txt."""
    return tuple((fields[0], tuple(fields[1:])) for fields in _data_lines("derivations.txt"))


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def set_phrases() -> frozenset[str]:
    """Return the words of data/latin.txt (Latin set phrases) and data/words.txt."""
    return frozenset(w for name in ("latin.txt", "words.txt")
                     for fields in _data_lines(name) for w in fields)


def _data_lines(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=20_000)
def suggest(word: str, language: str = "fr") -> str | None:
    """Return the most likely word *word* is a misspelling of, None when nothing is close."""
    lower = strip_elision(word).lower()
    checker = speller(language)
    candidates = checker.known(checker.edit_distance_1(lower))
    if not candidates:
        budget = 1 if len(lower) <= 5 else 2
        bucket = _buckets(language).get(fold(lower[:1]), [])
        found = process.extract(lower, bucket, scorer=Levenshtein.distance, limit=25,
                                score_cutoff=budget)
        best = min((score for _, score, _ in found), default=None)
        candidates = {w for w, score, _ in found if score == best}
    if not candidates:
        return None
    frequency = checker.word_frequency
    best = max(sorted(candidates), key=lambda w: (_same_skeleton(w, lower), frequency[w]))
    return _restore(word, best)


def _same_skeleton(candidate: str, word: str) -> bool:
    """Prefer a candidate differing only in accents (« necessaire » → « nécessaire »)."""
    return fold(candidate) == fold(word)


def _restore(written: str, word: str) -> str:
    """Give *word* the elision and casing of *written*."""
    elision = ELISION.match(written)
    prefix = elision.group() if elision else ""
    body = written[len(prefix):]
    if body[:1].isupper():
        word = word[:1].upper() + word[1:]
    return prefix + word
