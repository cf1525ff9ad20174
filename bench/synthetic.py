"""Synthetic declarations for the search benchmark: real sentence shapes, French frequencies.

Words come from pyspellchecker's French frequency list (installed, offline), drawn with
their corpus frequencies (Zipf-like); the shape of every paragraph (its function words,
punctuation and length) is copied from a paragraph of the bundled corpus, and openers from
UN drafting practice. A share of paragraphs reuse a passage of "agreed language" from a pool,
with one word changed, so that families form as they do in real banks.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import spellchecker

from clause_bank.matching import STOPWORDS, fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "clause_bank" / "corpus"
VOCABULARY = 60_000  # most frequent content words kept from the dictionary
AGREED_SHARE = 0.15
AGREED_POOL = 2_000
PP_OPENERS = ("Réaffirmant", "Rappelant", "Reconnaissant", "Soulignant", "Prenant note de",
              "Consciente", "Préoccupée par", "Notant avec satisfaction", "Considérant",
              "Ayant à l'esprit", "Se félicitant de", "Convaincue", "Gardant à l'esprit",
              "Accueillant avec satisfaction", "Profondément préoccupée par")
OP_OPENERS = ("Décide", "Prie", "Invite", "Engage", "Demande", "Souligne", "Réaffirme",
              "Encourage", "Exhorte", "Se félicite de", "Prend note de", "Recommande",
              "Condamne", "Appelle", "Note avec satisfaction")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]")


@dataclass
class Paragraph:
    kind: str
    opener: str
    body: str


def dictionary() -> tuple[list[str], list[float]]:
    """Return content words and their cumulative frequencies (the Zipf-like law)."""
    path = Path(spellchecker.__file__).parent / "resources" / "fr.json.gz"
    counts = json.loads(gzip.decompress(path.read_bytes()))
    words = [(w, n) for w, n in counts.items()
             if w.isalpha() and len(w) > 2 and fold(w) not in STOPWORDS]
    words.sort(key=lambda pair: -pair[1])
    words = words[:VOCABULARY]
    return [w for w, _ in words], list(accumulate(n for _, n in words))


def shapes() -> list[list[str | None]]:
    """Return paragraph shapes from the corpus: function words kept, None for a content word."""
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            words = _TOKEN.findall(re.sub(r"[*#_]|<[^>]+>", "", block))[1:]  # drop the opener
            if len(words) >= 8:
                found.append([w if fold(w) in STOPWORDS or not w.isalpha() else None
                              for w in words][:120])
    return found


class Generator:
    """Draw paragraphs and whole declarations, reproducibly from a seed."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.words, self.weights = dictionary()
        self.shapes = shapes()
        self.agreed = [self.fill(self.rng.choice(self.shapes))[:160] for _ in range(AGREED_POOL)]

    def draw(self, n: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.weights, k=n)

    def fill(self, shape: list[str | None]) -> str:
        content = iter(self.draw(sum(1 for w in shape if w is None)))
        words = [w if w is not None else next(content) for w in shape]
        text = " ".join(words)
        return re.sub(r" ([,.;:)])", r"\1", re.sub(r"\( ", "(", text)).strip(" ,;.")

    def paragraph(self, kind: str) -> Paragraph:
        opener = self.rng.choice(PP_OPENERS if kind == "preambular" else OP_OPENERS)
        body = self.fill(self.rng.choice(self.shapes))
        if self.rng.random() < AGREED_SHARE:
            passage = self.rng.choice(self.agreed).split()
            passage[self.rng.randrange(len(passage))] = self.draw(1)[0]
            body = f"{body}, {' '.join(passage)}"
        return Paragraph(kind, opener, body[0].lower() + body[1:])

    def declaration(self, size: int, number: int) -> tuple[str, dict, list[Paragraph]]:
        """Return the text of a resolution of *size* paragraphs, its metadata, its paragraphs."""
        preambular = max(1, size * 2 // 5)
        paragraphs = [self.paragraph("preambular") for _ in range(preambular)]
        paragraphs += [self.paragraph("operative") for _ in range(size - preambular)]
        year = 1990 + number % 35
        title = " ".join(self.draw(4))
        lines = [f"Résolution {number}/{year} : {title}", "", "L'Assemblée générale,", ""]
        last = len(paragraphs) - 1
        n = 0
        for index, para in enumerate(paragraphs):
            if para.kind == "preambular":
                lines += [f"{para.opener} {para.body},", ""]
            else:
                n += 1
                end = "." if index == last else " ;"
                lines += [f"{n}. {para.opener} {para.body}{end}", ""]
        meta = {"title": f"Résolution {number}/{year}", "body": "Assemblée générale",
                "date": f"{year}-12-{1 + number % 28:02d}", "language": "fr",
                "source_key": f"bench/{number}.txt"}
        return "\n".join(lines), meta, paragraphs
