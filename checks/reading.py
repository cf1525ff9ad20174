"""What every check needs to know about a draft, worked out once per run."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from checks.model import Unit
from drafts.model import Draft, Item, Paragraph
from drafts.voice import fold, infer_agreement, infer_voice

PART_LABELS = {
    "fr": {"title": "titre", "chapeau": "chapeau", "operative_intro": "phrase introductive",
           "closing": "clôture"},
    "en": {"title": "title", "chapeau": "chapeau", "operative_intro": "operative intro",
           "closing": "closing"},
}
_ALTERNATIVE_LABEL = {"bis": " bis", "ter": " ter", "alt": " alt"}
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
          "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Web and e-mail addresses, and document symbols (« AG/doc.5678/20 », « A/RES/78/3 »).
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+"
                  r"|\b[A-Z][\w.-]*/[\w.-]*\d[\w./-]*")
# Bodies whose name gives the house style away, checked on metadata and chapeau.
_STYLE_HINTS = (
    ("oas", ("oea", "oas", "organisation des etats americains", "organization of american")),
    ("oif", ("francophonie", "oif")),
    ("un", ("assemblee generale", "general assembly", "conseil de securite",
            "security council", "nations unies", "united nations")),
)


@lru_cache(maxsize=4096)
def mask_urls(text: str) -> str:
    """Return *text* with addresses and document symbols blanked out (same length)."""
    return _URL.sub(lambda m: " " * len(m.group()), text)


def item_label(depth: int, position: int) -> str:
    """Return the printed label of a sub-item: « b) » at depth 1, « ii) » at depth 2."""
    if depth == 1:
        return f"{chr(ord('a') + position % 26)})"
    if depth == 2:
        return f"{_ROMAN[position % len(_ROMAN)]})"
    return f"•{position + 1}"


@dataclass
class Reading:
    """A draft seen by the checks: its units in order, style, voice and subject."""

    draft: Draft
    language: str  # language of the messages
    units: list[Unit] = field(default_factory=list)
    numbers: dict[tuple[str, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.units = list(self._walk())
        self._items: dict[tuple, list[Unit]] = {}
        for unit in self.units:
            if unit.item is not None:
                self._items.setdefault((unit.part, unit.index), []).append(unit)

    @property
    def text_language(self) -> str:
        """Return the language the draft is written in."""
        return self.draft.language or "fr"

    def _walk(self):
        labels = PART_LABELS.get(self.language, PART_LABELS["en"])
        draft = self.draft
        yield Unit("title", None, None, draft.title or "", labels["title"])
        yield Unit("chapeau", None, None, draft.chapeau or "", labels["chapeau"])
        yield from self._block("preambular", "PP")
        if draft.operative_intro is not None:
            yield Unit("operative_intro", None, None, draft.operative_intro,
                       labels["operative_intro"])
        yield from self._block("operative", "OP")
        if draft.closing is not None:
            yield Unit("closing", None, None, draft.closing, labels["closing"])

    def _block(self, part: str, prefix: str):
        paragraphs = self.draft.paragraphs(part)
        numbers = paragraph_numbers(paragraphs)
        last = max(numbers) if numbers else 0
        for index, paragraph in enumerate(paragraphs):
            self.numbers[(part, index)] = numbers[index]
            label = f"{prefix}{numbers[index]}{_ALTERNATIVE_LABEL.get(paragraph.alternative, '')}"
            yield Unit(part, index, None, paragraph.text, label, last=numbers[index] == last,
                       has_items=bool(paragraph.items))
            counter = iter(range(10_000))
            yield from self._items(part, index, paragraph.items, label, counter, depth=1)

    def _items(self, part, index, items: list[Item], label, counter, *, depth):
        for position, item in enumerate(items):
            here = f"{label} {item_label(depth, position)}"
            yield Unit(part, index, next(counter), item.text, here, has_items=bool(item.items))
            yield from self._items(part, index, item.items, here, counter, depth=depth + 1)

    def paragraphs(self, part: str) -> list[Unit]:
        """Return the paragraph units (sub-items left out) of *part*."""
        return [u for u in self.units if u.part == part and u.item is None]

    def items_of(self, part: str, index: int) -> list[Unit]:
        """Return the sub-item units of one paragraph, depth-first."""
        return self._items.get((part, index), [])

    def paragraph(self, unit: Unit) -> Paragraph | None:
        """Return the Paragraph object *unit* belongs to, None for single parts."""
        if unit.part in ("preambular", "operative") and unit.index is not None:
            return self.draft.paragraphs(unit.part)[unit.index]
        return None

    @cached_property
    def voice(self) -> str | None:
        """Return the voice given in the draft, else inferred from chapeau and heading."""
        return self.draft.voice or infer_voice(self.draft.chapeau, self.draft.operative_intro)

    @cached_property
    def agreement(self) -> tuple[str, str]:
        """Return (gender, number) adjective openers agree with."""
        return infer_agreement(self.draft.chapeau, self.voice)

    @cached_property
    def house_style(self) -> str | None:
        """Return the house style given, else one inferred from body, chapeau and endings."""
        if self.draft.house_style:
            return self.draft.house_style
        meta = self.draft.metadata
        hints = fold(" ".join(filter(None, (meta.body, meta.meeting, meta.symbol,
                                            self.draft.chapeau[:200]))))
        for style, words in _STYLE_HINTS:
            if any(re.search(rf"\b{re.escape(w)}\b", hints) for w in words):
                # The OAS General Assembly is a « General Assembly » too: its preamble in
                # capitals (« RECALLING … ; ») tells it from the UN's.
                return "oas" if style == "un" and self._caps_preamble() else style
        return self._style_from_preamble()

    def _caps_preamble(self) -> bool:
        preamble = self.paragraphs("preambular")
        return len(preamble) >= 2 and \
            sum(1 for u in preamble if _caps_opener(u.text)) * 2 > len(preamble)

    def _style_from_preamble(self) -> str | None:
        preamble = self.paragraphs("preambular")
        if len(preamble) < 2:
            return None
        if self._caps_preamble():
            return "oas"
        endings = Counter(ending(u.text) for u in preamble[:-1] or preamble)
        if endings[","] > endings[";"]:
            return "un"
        if endings[";"] > endings[","]:
            return "oif"
        return None


def paragraph_numbers(paragraphs: list[Paragraph]) -> list[int]:
    """Return each paragraph's printed number: alternatives share their original's."""
    numbers: list[int] = []
    by_id: dict[str, int] = {}
    current = 0
    for paragraph in paragraphs:
        if paragraph.alternative and current:
            number = by_id.get(paragraph.alternative_of or "", current)
        else:
            current += 1
            number = current
        by_id[paragraph.id] = number
        numbers.append(number)
    return numbers


def _caps_opener(text: str) -> bool:
    match = WORD.search(text)
    return bool(match) and len(match.group()) > 2 and match.group().isupper()


_TRAILING = re.compile(r"[\s\u00a0\u202f]*(?:\b(?:et|and|ou|or)[\s\u00a0\u202f]*)?$")


def ending(text: str) -> str:
    """Return the final punctuation of *text* (« ; » of « …; et » too), "" when none."""
    body = text.rstrip(" \t\n\u00a0\u202f")[-24:]  # the end is all that matters
    if body.endswith("]"):  # « [Préoccupés par … ;] »: a paragraph bracketed as a whole
        body = body[:-1].rstrip(" \t\n\u00a0\u202f")
    stripped = _TRAILING.sub("", body)
    if stripped != body and stripped[-1:] in ",;":
        return stripped[-1]
    last = body[-1:]
    return last if last in ",;:.!?" else ""
