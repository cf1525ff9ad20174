"""Declaration openers: recognise « Réaffirmant », « Nous engageons », « Decides ».

The lexicon lives in ``data/openers.json`` (see ``clause_bank.lexicon``); forms missing from it
are recognised with the simplemma lemmatiser, misspellings with rapidfuzz.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from clause_bank.lexicon import (
    FORM_PRIORITY,
    PREAMBULAR_FORMS,
    TOKEN,
    Lexicon,
    closest_opener,
    exact,
    inflect,
    key,
    known_lemmas,
    lexicon,
    surface_key,
)

__all__ = ["Opener", "PREAMBULAR_FORMS", "closest_opener", "find_opener", "inflect", "known_lemmas"]


@dataclass(frozen=True)
class Opener:
    """The opener at the start of a paragraph, as written, with its lemma and form."""

    text: str
    lemma: str | None
    form: str
    known: bool
    # The modifiers read after the verb or adjective (« également », « avec satisfaction »),
    # as written at the end of ``text``: changing the opener's form must keep them.
    tail: str = field(default="", compare=False)


@dataclass
class _Tokens:
    text: str
    spans: list[tuple[str, int, int]]  # key, start, end

    def keys(self, start: int, length: int) -> tuple[str, ...]:
        return tuple(k for k, _, _ in self.spans[start : start + length])

    def starts(self, start: int, phrases: set[tuple[str, ...]]) -> int:
        """Return the length of the longest phrase of *phrases* at token *start*, or 0."""
        if start >= len(self.spans):
            return 0
        first = self.spans[start][0]
        best = 0
        for phrase in phrases:
            if phrase[0] != first or len(phrase) <= best:
                continue
            if self.keys(start, len(phrase)) == phrase:
                best = len(phrase)
        return best


def _tokenize(text: str) -> _Tokens:
    head = text[:240]
    return _Tokens(head, [(key(m.group()), m.start(), m.end()) for m in TOKEN.finditer(head)])


def find_opener(text: str, *, language: str = "fr") -> Opener | None:
    """Return the opener at the start of *text* (a paragraph without its number), or None."""
    lex = lexicon(language)
    tokens = _tokenize(text)
    if not tokens.spans:
        return None
    subjects = lex.modifiers["subjects"]
    first = tokens.spans[0][0]
    if first in subjects and tokens.keys(1, 1) == (",",):
        return None  # « Nous, Ministres … »: a chapeau or a narrative paragraph
    i = _skip_lead_in(tokens, lex)
    return _opener_at(tokens, i, lex, language)


def _skip_lead_in(tokens: _Tokens, lex: Lexicon) -> int:
    length = tokens.starts(0, lex.lead_ins)
    if length and tokens.keys(length, 1) == (",",):
        return length + 1
    return 0


def _opener_at(tokens: _Tokens, i: int, lex: Lexicon, language: str) -> Opener | None:
    subjects = lex.modifiers["subjects"]
    wanted = None
    match = _match(tokens, i, lex)
    first = tokens.keys(i, 1)[0] if tokens.keys(i, 1) else None
    if match is None and first in subjects:
        wanted = subjects[first]
        i += 1
        match = _match(tokens, i, lex)
    elif match is None and first in _infinitive_markers(language):
        wanted = "infinitive"
        i += 1
        match = _match(tokens, i, lex)
    if match is None:
        return _fallback(tokens, i, language, wanted)
    start, end, candidates = match
    written = tokens.text[tokens.spans[start][1] : tokens.spans[end - 1][2]]
    lemma, form = _choose(candidates, written, wanted)
    # The subject sets the person: « We are convinced »; after it, « We welcomed » is a past
    # tense, not a participle.
    finite = form not in PREAMBULAR_FORMS or form == "past_participle"
    if wanted and wanted != "infinitive" and finite:
        form = wanted
    core_end = tokens.spans[end - 1][2]
    end = _absorb_modifiers(tokens, end, lex, lemma)
    stop = tokens.spans[end - 1][2]
    return Opener(tokens.text[:stop].lstrip(" *_«\"'-(["), lemma, form, True,
                  tail=tokens.text[core_end:stop])


# Built once per language: they were rebuilt on every opener read.
@cache
def _infinitive_markers(language: str) -> frozenset[str]:
    return frozenset(key(m) for m in lexicon(language).modifiers["infinitive_markers"])


@cache
def _not_openers(language: str) -> frozenset[str]:
    return frozenset(key(w) for w in lexicon(language).modifiers["not_openers"])


def _match(tokens: _Tokens, i: int, lex: Lexicon) -> tuple[int, int, list] | None:
    """Return (start, end, candidates) of the longest lexicon form at *i*, after adverbs."""
    starts = [i]
    if skip := tokens.starts(i, lex.before):
        starts.append(i + skip)
    for start in starts:
        for length in range(min(lex.longest, len(tokens.spans) - start), 0, -1):
            candidates = lex.forms.get(tokens.keys(start, length))
            if candidates:
                return start, start + length, candidates
    return _compound(tokens, i, lex)


def _compound(tokens: _Tokens, i: int, lex: Lexicon) -> tuple[int, int, list] | None:
    """Read « Ayant examiné » as a participle and « sommes convaincus » as the adjective."""
    auxiliary = lex.modifiers["auxiliaries"].get(tokens.keys(i, 1)[0] if tokens.keys(i, 1) else "")
    if auxiliary is None:
        return None
    for j in dict.fromkeys((i + 1, i + 1 + tokens.starts(i + 1, lex.before))):
        for length in range(min(lex.longest, len(tokens.spans) - j), 0, -1):
            candidates = lex.forms.get(tokens.keys(j, length), [])
            found = [(lemma, auxiliary, w) for lemma, f, w in candidates if f == "past_participle"]
            if found:
                return i, j + length, found
    return None


def _choose(candidates: list[tuple[str, str, str]], written: str, wanted: str | None):
    """Pick (lemma, form): the wanted form, else the one spelt exactly so, else by priority."""
    if wanted:
        for lemma, form, _ in candidates:
            if form == wanted:
                return lemma, form
    spelling = exact(written)
    spelt = [c for c in candidates if c[2] == spelling] or candidates
    lemma, form, _ = min(spelt, key=lambda c: FORM_PRIORITY.index(c[1]))
    return lemma, form


def _absorb_modifiers(tokens: _Tokens, end: int, lex: Lexicon, lemma: str) -> int:
    """Extend the opener over « également », « avec vive préoccupation », « favorablement »."""
    mods = lex.modifiers
    nouns, adjectives = lex.avec_nouns, lex.avec_adjectives
    while True:
        if length := tokens.starts(end, lex.after):
            end += length
            continue
        if tokens.keys(end, 1) in (("avec",), ("with",)):
            j = end + 1
            while j < end + 5 and tokens.keys(j, 1) and tokens.keys(j, 1)[0] in adjectives:
                j += 1
            if tokens.keys(j, 1) and tokens.keys(j, 1)[0] in nouns:
                end = j + 1
                continue
        if lemma in mods["copulas"] and (found := _compound_tail(tokens, end, lex)):
            end = found
            continue
        return end


def _compound_tail(tokens: _Tokens, end: int, lex: Lexicon) -> int | None:
    """After « Se déclarant », take the adjective: « profondément préoccupé »."""
    for length in range(min(lex.longest, len(tokens.spans) - end), 0, -1):
        candidates = lex.forms.get(tokens.keys(end, length), [])
        if any(f == "past_participle" for _, f, _ in candidates):
            return end + length
    return None


def _fallback(tokens: _Tokens, i: int, language: str, wanted: str | None) -> Opener | None:
    """Recognise a form missing from the lexicon (lemmatiser) or a misspelt opener."""
    if i >= len(tokens.spans):
        return None
    word_key, start, end = tokens.spans[i]
    word = tokens.text[start:end]
    stop = _not_openers(language)
    if not word[:1].isalpha() or word_key in stop or word.endswith(("'", "’")):
        return None
    if not (word[:1].isupper() or wanted):
        return None
    written = tokens.text[:end].lstrip(" *_«\"'-([")
    lemma = _lemmatize(word.lower(), language) if _verb_like(word.lower(), language) else None
    form = _form_by_suffix(word.lower(), lemma, language) if lemma else None
    if form and (wanted in (None, form)):
        return Opener(written, lemma, form, lemma in known_lemmas(language))
    if wanted == "infinitive":
        return None
    closest = closest_opener(word, language=language)
    if closest is None or len(word) < 7:
        return None
    return Opener(written, None, lexicon(language).surfaces[surface_key(closest)][1], False)


# Endings of the forms an opener missing from the lexicon can take; other words are not looked
# up (the lemmatiser's dictionaries are slow to load and most capitalised words are nouns).
_VERB_ENDINGS = {
    "fr": ("ant", "ons", "ent", "é", "ée", "és", "ées", "er", "ir", "re", "oir"),
    "en": ("ing", "ed", "es", "s"),
}


def _verb_like(word: str, language: str) -> bool:
    return word.endswith(_VERB_ENDINGS.get(language, ()))


def _lemmatize(word: str, language: str) -> str | None:
    """Return the verb lemma of *word*, or None when it is not (recognisably) a verb form."""
    import simplemma  # loaded lazily: its dictionaries take a while to read

    lemma = simplemma.lemmatize(word, lang=language)
    if language != "fr":
        # Without parts of speech an English lemma says nothing: trust the lexicon only.
        return lemma if lemma in known_lemmas(language) else None
    if lemma in known_lemmas(language):
        return lemma
    # Nouns in -re/-oir (« Ministre », « Pouvoir ») are lemmas too: only -er/-ir count,
    # and only when the word is an inflected form or the lemma itself.
    return lemma if lemma.endswith(("er", "ir")) and lemma != "premier" else None


_FR_SUFFIXES = (
    ("ant", "present_participle"),
    ("ons", "first_plural"),
    ("ent", "third_plural"),
    ("ées", "past_participle"),
    ("ée", "past_participle"),
    ("és", "past_participle"),
    ("é", "past_participle"),
)
_EN_SUFFIXES = (("ing", "present_participle"), ("ed", "past_participle"), ("s", "third_singular"))


def _form_by_suffix(word: str, lemma: str, language: str) -> str | None:
    if word == lemma:
        return "infinitive" if language == "fr" else "third_plural"
    for suffix, form in _FR_SUFFIXES if language == "fr" else _EN_SUFFIXES:
        if word.endswith(suffix):
            return form
    if language == "fr" and word.endswith(("e", "t", "d")):
        return "third_singular"
    if language == "fr" and word.endswith(("i", "is", "ie", "ies", "u", "us", "ue", "ues")):
        return "past_participle"
    return None


