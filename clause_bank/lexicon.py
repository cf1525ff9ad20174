"""The opener lexicon (``data/openers.json``): lemmas and forms, inflection, spelling."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

DATA = Path(__file__).resolve().parent / "data" / "openers.json"
# Which reading wins when one written form belongs to several forms of the lexicon.
# An unaccented capital « DEMANDE » reads as the verb, not as « demandé ».
FORM_PRIORITY = (
    "present_participle",
    "third_singular",
    "past_participle",
    "third_plural",
    "first_plural",
    "infinitive",
)
PREAMBULAR_FORMS = frozenset({"present_participle", "past_participle"})
TOKEN = re.compile(r"[^\W\d_]+['’]|[^\W\d_]+(?:-[^\W\d_]+)*|[,;:.]")


@dataclass
class Lexicon:
    """The openers of one language, indexed for matching."""

    # matching keys -> (lemma, form, written form in lower case with its accents)
    forms: dict[tuple[str, ...], list[tuple[str, str, str]]] = field(default_factory=dict)
    entries: dict[str, dict] = field(default_factory=dict)
    surfaces: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (written, form)
    modifiers: dict = field(default_factory=dict)
    after: set[tuple[str, ...]] = field(default_factory=set)
    before: set[tuple[str, ...]] = field(default_factory=set)
    lead_ins: set[tuple[str, ...]] = field(default_factory=set)
    avec_nouns: frozenset[str] = frozenset()
    avec_adjectives: frozenset[str] = frozenset()
    longest: int = 1


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """Return the matching key of *word*: lower case, no accents, straight apostrophe."""
    word = word.lower().replace("’", "'").replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def exact(phrase: str) -> str:
    """Return *phrase* in lower case, accents kept, for telling « demande » from « demandé »."""
    return " ".join(phrase.lower().replace("’", "'").replace("œ", "oe").split())


def keys(phrase: str) -> tuple[str, ...]:
    """Return the matching keys of the words of *phrase*."""
    return tuple(key(m.group()) for m in TOKEN.finditer(phrase))


def _written_forms(entry: dict):
    for form, value in entry["forms"].items():
        if isinstance(value, dict):
            values = list(dict.fromkeys(value.values()))
        else:
            values = value if isinstance(value, list) else [value]
        for written in values:
            yield form, written


@lru_cache(maxsize=4)
def lexicon(language: str) -> Lexicon:
    """Return the lexicon of *language* (read once)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    if language not in data:
        raise ValueError(f"no openers for language {language!r}")
    lex = Lexicon(modifiers=data[language]["modifiers"])
    # Adjectives first: « Encouragés » reads as the adjective, not as a form of « encourager ».
    entries = sorted(data[language]["openers"], key=lambda e: e["type"] != "adjective")
    for entry in entries:
        lex.entries[entry["lemma"]] = entry
        for form, written in _written_forms(entry):
            found = keys(written)
            candidates = lex.forms.setdefault(found, [])
            if all(f != form for _, f, _ in candidates):
                candidates.append((entry["lemma"], form, exact(written)))
            lex.surfaces.setdefault(" ".join(found), (written, form))
            lex.longest = max(lex.longest, len(found))
    mods = lex.modifiers
    lex.after = {keys(m) for m in mods["after"]}
    lex.before = {keys(m) for m in mods["before"]}
    lex.lead_ins = {keys(m) for m in mods["lead_ins"]}
    lex.avec_nouns = frozenset(key(n) for n in mods["avec_nouns"])
    lex.avec_adjectives = frozenset(k for a in mods["avec_adjectives"] for k in keys(a))
    return lex


def known_lemmas(language: str = "fr") -> frozenset[str]:
    """Return the lemmas of the opener lexicon for *language*."""
    return frozenset(lexicon(language).entries)


def inflect(
    lemma: str,
    form: str,
    *,
    language: str = "fr",
    gender: str = "m",
    number: str = "p",
    voice: str | None = None,
) -> str | None:
    """Return *lemma* in *form* (agreeing in gender and number), or None when it has none.

    *voice* picks the pronoun of a pronominal participle: « nous fondant » for first_plural.
    """
    entry = lexicon(language).entries.get(lemma)
    if entry is None or form not in entry["forms"]:
        return None
    value = entry["forms"][form]
    if isinstance(value, dict):
        return value.get(gender[:1] + number[:1])
    if isinstance(value, list):
        if voice == "first_plural":
            return next((v for v in value if v.startswith(("nous ", "we "))), value[0])
        return value[0]
    return value


def surface_key(written: str) -> str:
    """Return the key under which a written form is listed in ``Lexicon.surfaces``."""
    return " ".join(keys(written))


def closest_opener(word: str, *, language: str = "fr") -> str | None:
    """Return the known opener form nearest to *word* (« Souignons » → « Soulignons »)."""
    lex = lexicon(language)
    target = surface_key(word)
    if not target:
        return None
    choices = _single_word_surfaces(language) if " " not in target else list(lex.surfaces)
    found = process.extractOne(target, choices, scorer=fuzz.ratio, score_cutoff=80)
    # A misspelt opener keeps its ending (-ons, -ent, -ant): « Ministre » is no « Administre ».
    if found is None or found[0][-2:] != target[-2:]:
        return None
    written = lex.surfaces[found[0]][0]
    return _same_case(written, word)


@lru_cache(maxsize=4)
def _single_word_surfaces(language: str) -> list[str]:
    return [k for k in lexicon(language).surfaces if " " not in k]


def _same_case(written: str, model: str) -> str:
    letters = [ch for ch in model if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return written.upper()
    if model[:1].isupper():
        return written[:1].upper() + written[1:]
    return written
