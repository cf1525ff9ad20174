"""Twenty representative queries drawn from the bank being measured (reproducible)."""

from __future__ import annotations

import random
import re

from sqlalchemy import func, select

from clause_bank.matching import STOPWORDS, fold
from storage.models import Clause

_WORD = re.compile(r"[^\W\d_]{3,}")
# (kind, how many): what drafters type, from a remembered phrase to a pasted paragraph.
MIX = (("phrase", 6), ("no_accents", 3), ("typo", 4), ("shuffled", 3), ("single", 2),
       ("paragraph", 2))


def make_queries(session, *, seed: int = 1) -> list[dict]:
    """Return the 20 queries, each {"q": text, "kind": kind}."""
    rng = random.Random(seed)
    top = session.scalar(select(func.max(Clause.id)))
    queries = []
    for kind, count in MIX:
        while sum(1 for q in queries if q["kind"] == kind) < count:
            text = session.scalar(select(Clause.text).where(Clause.id >= rng.randint(1, top))
                                  .order_by(Clause.id).limit(1))
            query = _make(kind, text or "", rng)
            if query:
                queries.append({"q": query, "kind": kind})
    return queries


def _content(text: str) -> list[re.Match]:
    return [m for m in _WORD.finditer(text) if fold(m.group()) not in STOPWORDS]


def _make(kind: str, text: str, rng: random.Random) -> str | None:
    words = _content(text)[1:]  # skip the opener
    if len(words) < 6:
        return None
    if kind == "paragraph":
        kept = [w for w in text.split() if rng.random() > 0.2]
        return " ".join(kept)
    if kind == "single":
        return rng.choice(words).group()
    start = rng.randrange(len(words) - 3)
    chosen = words[start : start + 3]
    phrase = text[chosen[0].start() : chosen[-1].end()]
    if kind == "no_accents":
        return fold(phrase)
    if kind == "typo":
        return _typo(phrase, rng)
    if kind == "shuffled":
        picked = [w.group() for w in chosen]
        rng.shuffle(picked)
        return " ".join(picked)
    return phrase


def _typo(phrase: str, rng: random.Random) -> str | None:
    long_words = [m for m in _WORD.finditer(phrase) if len(m.group()) >= 7]
    if not long_words:
        return None
    word = rng.choice(long_words)
    i = rng.randrange(1, len(word.group()) - 1)
    letters = word.group()
    wrong = letters[:i] + letters[i + 1 :] if rng.random() < 0.5 else (
        letters[: i - 1] + letters[i] + letters[i - 1] + letters[i + 1 :])
    return phrase[: word.start()] + wrong + phrase[word.end() :]
