"""Guess the structure of a draft written elsewhere in Word (no styles of ours)."""

from __future__ import annotations

import re

from clause_bank.openers import PREAMBULAR_FORMS, find_opener
from drafts.model import Draft, Item, Paragraph
from exports.reading import SourceParagraph

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]\**(?:\s+|$)")
_ITEM = re.compile(r"^\s*\(?([a-z]{1,2}|[ivxl]{1,6})\)\s+")
_BULLET = re.compile(r"^\s*[•◦▪·o\-–—]\s+")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
_CHAPEAU = re.compile(
    r"^(nous\b|we\b|l[’']assembl|the general assembly|le conseil|the council|"
    r"les (chefs|ministres|participants|états|représentants|dirigeants)|"
    r"the (heads|ministers|participants|states|representatives|leaders))", re.I)
_CLOSING = re.compile(r"^(fin|end|fait à|done at|adopté|adopted)\b", re.I)
_TITLE_STYLES = ("title", "titre", "heading 1", "titre 1", "subtitle")
# Opening words of preambular paragraphs (participles, adjectives) and of operative ones.
PREAMBULAR_ENDINGS = ("ant", "ants", "é", "ée", "és", "ées", "us", "ues", "ents", "ente",
                      "entes", "eux", "euse", "euses", "ing")
PREAMBULAR_WORDS = {"conscient", "ayant", "concerned", "convinced", "aware", "mindful",
                    "determined", "alarmed", "deeply", "gravely", "guided", "profondément",
                    "vivement", "gravement"}
OPERATIVE_ENDINGS = ("ons", "ent", "s")
OPERATIVE_FORMS = {"first_plural", "third_plural", "third_singular", "infinitive"}


def opener_kind(text: str, *, language: str = "fr") -> str | None:
    """Return "preambular" or "operative" from the opening words, None when unclear."""
    found = find_opener(text, language=language)
    if found is not None and found.form in PREAMBULAR_FORMS:
        return "preambular"
    if found is not None and found.form in OPERATIVE_FORMS:
        return "operative"
    return _kind_by_suffix(text)


def _kind_by_suffix(text: str) -> str | None:
    # For openers the lexicon does not know: participles and adjectives by their endings.
    words = re.findall(r"[^\W\d_][\w'’\-]*", text[:80])
    if not words or not words[0][0].isupper():
        return None
    first = words[0].lower()
    if first == "nous" and len(words) > 1:
        return "preambular" if words[1].lower().endswith("ant") else "operative"
    if first in PREAMBULAR_WORDS or first.endswith(PREAMBULAR_ENDINGS):
        return "preambular"
    if first.endswith(OPERATIVE_ENDINGS) or first in ("de", "d’", "to"):
        return "operative"
    return None


_FRENCH = {"le", "la", "les", "des", "du", "et", "à", "dans", "pour", "une", "sur", "nous"}
_ENGLISH = {"the", "of", "and", "to", "in", "for", "on", "with", "its", "their", "we"}


def guess_language(texts: list[str], default: str) -> str:
    """Return "fr" or "en" from the commonest small words of *texts*, else *default*."""
    words = re.findall(r"[^\W\d_]+", " ".join(texts)[:20000].lower())
    french = sum(word in _FRENCH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if max(french, english) < 5:
        return default
    return "fr" if french >= english else "en"


def read_foreign(paragraphs: list[SourceParagraph], *, language: str) -> Draft:
    """Return a draft guessed from paragraphs without our styles."""
    sources = [p for p in paragraphs if p.text.strip()]
    draft = Draft(language=guess_language([p.text for p in sources], language))
    start = _chapeau_index(sources)
    if start is None:
        title_at = _title_index(sources, len(sources))
        draft.title = _strip(sources[title_at].text) if title_at is not None else ""
        body = sources[(title_at + 1) if title_at is not None else 0:]
    else:
        title_at = _title_index(sources, start)
        draft.title = _strip(sources[title_at].text) if title_at is not None else ""
        draft.chapeau = _strip(_NUMBER.sub("", sources[start].text, count=1))
        body = sources[start + 1:]
    _Reader(draft).read(body)
    return draft


def _strip(text: str) -> str:
    return text.strip().replace("\n", " ")


def _chapeau_index(sources: list[SourceParagraph]) -> int | None:
    for index, source in enumerate(sources[:12]):
        text = _NUMBER.sub("", source.text, count=1).strip()
        if _CHAPEAU.match(text) and text.endswith((",", ":")):
            return index
    return None


def _title_index(sources: list[SourceParagraph], end: int) -> int | None:
    candidates = sources[:end]
    for index, source in enumerate(candidates):
        if source.role == "title" or source.style_name.lower() in _TITLE_STYLES:
            return index
    for index, source in enumerate(candidates):
        if source.bold or source.centered:
            return index
    return 0 if candidates else None


class _Reader:
    """Walk the paragraphs after the chapeau: preamble, heading, operative part, closing."""

    def __init__(self, draft: Draft):
        self.draft = draft
        self.language = "en" if draft.language == "en" else "fr"
        self.state = "preamble"
        self.numbered = False  # the operative paragraphs carry numbers
        self.pending_number = False
        self.stack: list[Paragraph | Item] = []
        self.letter = ""

    def read(self, body: list[SourceParagraph]) -> None:
        for source in body:
            self._one(source, source.text.strip())

    def _one(self, source: SourceParagraph, text: str) -> None:
        if self.state == "closing" or (self.state == "operative" and _CLOSING.match(text)):
            return self._closing(text)
        if _NUMBER.fullmatch(text + " ") and len(text) <= 5:
            self.pending_number = True  # « 1. » alone, its text follows
            return None
        depth = self._item_depth(source, text)
        if depth and self.draft.operative:
            return self._item(depth, _ITEM.sub("", _BULLET.sub("", text, count=1), count=1))
        numbered = source.level == 0 or bool(_NUMBER.match(text)) or self.pending_number
        if numbered:
            self.numbered, self.pending_number = True, False
            return self._paragraph("operative", _NUMBER.sub("", text, count=1))
        if self.state == "preamble" and text.endswith(":") and len(text) <= 120:
            self.draft.operative_intro = text
            self.state = "operative"
            return None
        return self._unnumbered(text)

    def _unnumbered(self, text: str) -> None:
        kind = opener_kind(text, language=self.language)
        if self.state == "preamble":
            return self._paragraph("operative" if kind == "operative" else "preambular", text)
        if self.numbered and kind != "operative":
            return self._closing(text)
        return self._paragraph("operative", text)

    def _item_depth(self, source: SourceParagraph, text: str) -> int:
        if source.level is not None and source.level >= 1:
            return min(source.level, 3)
        match = _ITEM.match(text)
        if match:
            token = match.group(1)
            follows = bool(self.letter) and ord(token[0]) == ord(self.letter) + 1
            if token in _ROMAN and not follows:
                return 2
            self.letter = token
            return 1
        if _BULLET.match(text):
            return min(len(self.stack), 3) if self.stack else 0
        return 0

    def _paragraph(self, part: str, text: str) -> None:
        paragraph = Paragraph(text=text.strip())
        self.draft.paragraphs(part).append(paragraph)
        self.stack, self.letter = [paragraph], ""
        if part == "operative":
            self.state = "operative"

    def _item(self, depth: int, text: str) -> None:
        depth = min(depth, len(self.stack))
        item = Item(text=text.strip())
        self.stack[depth - 1].items.append(item)
        self.stack = self.stack[:depth] + [item]

    def _closing(self, text: str) -> None:
        self.state = "closing"
        current = self.draft.closing
        self.draft.closing = f"{current}\n{text}" if current else text
