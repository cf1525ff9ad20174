"""The draft declaration as plain objects (no Flask, no database)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

# The grammatical person set by the chapeau.
VOICES = ("first_plural", "third_plural", "third_singular", "infinitive")
# The grammatical form of an opener; "none" for a paragraph without one.
FORMS = (
    "present_participle",
    "past_participle",  # also adjectives: « Conscients », « Préoccupés »
    "first_plural",
    "third_plural",
    "third_singular",
    "infinitive",
    "none",
)
HOUSE_STYLES = ("un", "oif", "oas")
PARTS = ("title", "chapeau", "preambular", "operative_intro", "operative", "closing")
ALTERNATIVES = ("bis", "ter", "alt")


def new_id() -> str:
    """Return a short stable identifier for a paragraph."""
    return uuid.uuid4().hex[:12]


@dataclass
class Provenance:
    """Where a paragraph taken from the clause bank came from."""

    clause_id: int | None
    source: str  # title of the source document
    position: str  # "PP3", "OP7"
    precedent_text: str  # the clause as inserted, before any edit
    body: str | None = None
    date: str | None = None
    document_id: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Item:
    """A sub-item of an operative paragraph (« a) … »)."""

    text: str
    items: list[Item] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


@dataclass
class Paragraph:
    """A preambular or operative paragraph, without its automatic number."""

    text: str
    items: list[Item] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    provenance: Provenance | None = None
    bracketed: bool = False  # the whole paragraph is not agreed
    alternative: str | None = None  # bis | ter | alt
    alternative_of: str | None = None  # id of the paragraph it is an alternative to
    extra: dict = field(default_factory=dict)


@dataclass
class Metadata:
    """Who issues the declaration, where and when."""

    body: str | None = None
    meeting: str | None = None
    place: str | None = None
    date: str | None = None
    symbol: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Draft:
    """A declaration: title, chapeau, preambular and operative blocks."""

    title: str = ""
    chapeau: str = ""
    preambular: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    operative_intro: str | None = None  # « AFFIRMONS L'IMPORTANCE : »
    closing: str | None = None
    language: str = "fr"
    house_style: str | None = None  # None: inferred
    voice: str | None = None  # None: inferred from chapeau and operative_intro
    metadata: Metadata = field(default_factory=Metadata)
    extra: dict = field(default_factory=dict)

    def paragraphs(self, part: str) -> list[Paragraph]:
        """Return the list of paragraphs of *part* (preambular or operative)."""
        if part not in ("preambular", "operative"):
            raise ValueError(f"not a paragraph block: {part}")
        return getattr(self, part)

    def find(self, paragraph_id: str) -> tuple[str, int] | None:
        """Return (part, index) of the paragraph with *paragraph_id*, or None."""
        for part in ("preambular", "operative"):
            for index, paragraph in enumerate(getattr(self, part)):
                if paragraph.id == paragraph_id:
                    return part, index
        return None
