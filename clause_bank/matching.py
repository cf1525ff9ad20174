"""The matching text of a clause: folded, stop words dropped, words reduced to light stems.

Search, nearest precedents and families all compare this processed text, which is computed
once at import and stored (``Clause.norm``). Queries go through the same function, so the
bank is never re-processed per query. The stemmer is deliberately light and accent-blind:
it makes « réaffirmons », « réaffirmant » and « reaffirmer » one term and plurals equal to
singulars, for French and English alike, without a dictionary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[^\W_]+")
# Removed after the plural: a feminine ending, then one other suffix (longest first); a stem
# keeps at least MIN_STEM letters.
FEMININE = ("ee", "e")
SUFFIXES = ("issant", "issent", "isson", "erait", "aient", "ement", "ing", "ant", "ent", "er",
            "ez", "ed", "on")
MIN_STEM = 4
# Upper bounds (in terms) of the length classes stored with each clause: search prefers the
# shorter of two equally good clauses, and the index can list a class without ranking.
LENGTH_BOUNDS = (8, 14, 22, 35, 60)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def _load_stopwords() -> frozenset[str]:
    words = set()
    for line in (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        words.update(line.partition("#")[0].split())
    return frozenset(words)


STOPWORDS = _load_stopwords()


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Return *word* in lower case without accents or ligatures."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_LIGATURES).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the light stem of a folded word (plural, feminine and verb endings removed)."""
    if len(word) <= MIN_STEM - 1 or word.isdigit():
        return word
    if word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word[-1] in "sx" and not word.endswith("ss"):
        word = word[:-1]
    for suffix in FEMININE:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            break
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def term(word: str) -> str | None:
    """Return the matching term of one word as written, or None for a stop word."""
    folded = fold(word)
    if folded in STOPWORDS or (len(folded) == 1 and not folded.isdigit()):
        return None
    return stem(folded)


def term_spans(text: str) -> list[tuple[str, int, int]]:
    """Return (term, start, end) for each word of *text* that is not a stop word."""
    spans = []
    for match in _WORD.finditer(text):
        found = term(match.group())
        if found:
            spans.append((found, match.start(), match.end()))
    return spans


def terms(text: str) -> list[str]:
    """Return the matching terms of *text*, in order."""
    return [found for word in _WORD.findall(text) if (found := term(word))]


def matching_text(text: str) -> str:
    """Return the processed text stored for matching: terms joined by single spaces."""
    return " ".join(terms(text))


def folded_text(text: str) -> str:
    """Return *text* folded word by word, stop words kept (for whole-text similarity)."""
    return " ".join(fold(word) for word in _WORD.findall(text))


def length_class(count: int) -> int:
    """Return the length class (0 = shortest) of a clause of *count* terms."""
    return next((n for n, bound in enumerate(LENGTH_BOUNDS) if count <= bound),
                len(LENGTH_BOUNDS))
