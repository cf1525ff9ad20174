"""What the clause bank knows, handed to the checks (they stay quiet on what needs it)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

# (clause text, similarity 0-100, clause id)
Precedent = tuple[str, float, "int | None"]
NearestFunction = Callable[[str], list[Precedent]]

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class CheckContext:
    """The bank's vocabulary, preferred names, acronyms and nearest precedents.

    ``vocabulary``: lowercased words the bank uses (spelling accepts them);
    ``vocabularies``: the same by language of the clauses, when known ("fr", "en").
    ``name_forms``: a name's variant key (see checks.rules.names) → the bank's preferred
    written form. ``acronyms``: acronym → expansion seen in the bank.
    ``nearest(text)`` → [(clause text, similarity 0-100, clause id)], best first;
    ``nearest_many(texts)`` the same for many texts at once, when the bank can batch.
    ``length_norm``: paragraphs longer than this many words are rare in the bank.
    """

    vocabulary: frozenset[str] = frozenset()
    vocabularies: dict[str, frozenset[str]] = field(default_factory=dict)
    name_forms: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    nearest: NearestFunction | None = None
    nearest_many: Callable[[list[str]], list[list[Precedent]]] | None = None
    length_norm: int | None = None


_TOKEN = re.compile(r"[^\W_]+")
RAREST = 4  # a text's rarest words that pick the clauses it is compared with
_FIRST_CODE = 0x4E00  # words become single characters: rapidfuzz then compares words


class WordCodes:
    """Give every word one character, so that fuzz.ratio compares texts word by word."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}

    def encode(self, words: list[str]) -> str:
        """Return *words* as a string of one character a word."""
        codes = self.codes
        return "".join(codes.get(w) or codes.setdefault(w, chr(_FIRST_CODE + len(codes)))
                       for w in words)


def words_of(text: str) -> list[str]:
    """Return the words and numbers of *text*, lowercased, apostrophes straight."""
    return _TOKEN.findall(text.replace("’", "'").lower())


def normalise(text: str) -> str:
    """Return *text* lowercased, apostrophes straight, whitespace collapsed (for similarity)."""
    return _SPACE.sub(" ", text.replace("’", "'").replace("\u00a0", " ")).strip().lower()


class Precedents:
    """Clause texts held in memory, searched by similarity (a stand-in for the bank's index).

    A clause 85 similar to a text shares nearly all its words, so only clauses holding one
    of the text's rarest words are compared with it, character by character.
    """

    def __init__(self, clauses: list[tuple[str, int | None]]):
        self.texts = [text for text, _ in clauses]
        self.ids = [clause_id for _, clause_id in clauses]
        self.normal = [normalise(text) for text in self.texts]
        self.postings: dict[str, set[int]] = {}
        for n, text in enumerate(self.texts):
            for word in set(words_of(text)):
                self.postings.setdefault(word, set()).add(n)

    def candidates(self, text: str, *, rarest: int = RAREST) -> set[int]:
        """Return the clauses that hold one of the *rarest* rarest words of *text*."""
        known = sorted((len(self.postings[w]), w) for w in set(words_of(text))
                       if w in self.postings)
        return set().union(*(self.postings[w] for _, w in known[:rarest]))

    def nearest(self, text: str, *, k: int = 3, cutoff: float = 60) -> list[Precedent]:
        """Return the *k* clauses most similar to *text*, at least *cutoff* similar."""
        hits = process.extract(normalise(text), self.normal, scorer=fuzz.ratio, limit=k,
                               score_cutoff=cutoff)
        return [(self.texts[i], score, self.ids[i]) for _, score, i in hits]

    def nearest_many(self, texts: list[str], *, cutoff: float = 85) -> list[list[Precedent]]:
        """Return, for each of *texts*, its best clause when at least *cutoff* similar."""
        found = []
        for text in texts:
            query = normalise(text)
            scored = [(fuzz.ratio(query, self.normal[j], score_cutoff=cutoff), j)
                      for j in self.candidates(text)]
            score, j = max(scored, default=(0, -1))
            found.append([(self.texts[j], score, self.ids[j])] if score else [])
        return found


def build_context(
    clauses: Iterable[str | tuple[str, int | None]],
    *,
    min_count: int = 2,
) -> CheckContext:
    """Return a CheckContext learned from plain clause texts (optionally with clause ids).

    A word joins the vocabulary once the bank uses it *min_count* times, so that a typo
    that made its way into one precedent is not taken for a word.
    """
    from checks.rules.names import learn_acronyms, learn_name_forms

    pairs = [(c, None) if isinstance(c, str) else (c[0], c[1]) for c in clauses]
    texts = [text for text, _ in pairs]
    counts: dict[str, Counter] = {"fr": Counter(), "en": Counter()}
    for text in texts:
        counts[text_language(text)].update(w.lower().replace("’", "'")
                                           for w in _WORD.findall(text))
    words = {lang: frozenset(w for w, n in found.items() if n >= min_count)
             for lang, found in counts.items()}
    precedents = Precedents(pairs)
    return CheckContext(
        vocabulary=words["fr"] | words["en"],
        vocabularies=words,
        name_forms=learn_name_forms(texts),
        acronyms=learn_acronyms(texts),
        nearest=precedents.nearest,
        nearest_many=precedents.nearest_many,
        length_norm=_length_norm(texts),
    )


_COMMON = {"fr": frozenset(("le", "la", "les", "des", "du", "et", "de", "à", "que", "une")),
           "en": frozenset(("the", "of", "and", "to", "in", "that", "its", "for", "with"))}


def text_language(text: str) -> str:
    """Return "fr" or "en", whichever language's commonest words *text* uses more."""
    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(1 for w in words if w in _COMMON["en"])
    return "en" if english > sum(1 for w in words if w in _COMMON["fr"]) else "fr"


def _length_norm(texts: list[str]) -> int | None:
    lengths = sorted(len(_WORD.findall(t)) for t in texts)
    if len(lengths) < 20:
        return None
    return lengths[int(len(lengths) * 0.95)]
