"""What the segmenter returns: plain objects shared by mining, storage and search."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("preambular", "operative")


@dataclass
class Reference:
    """A named instrument, organisation, acronym, SDG target or date found in a clause."""

    kind: str  # instrument | organisation | acronym | sdg_target | year | date
    text: str  # as written
    key: str | None = None  # canonical form when known (« Protocole de Palerme »)


@dataclass
class SegmentedParagraph:
    """One preambular or operative paragraph of a source text."""

    kind: str  # preambular | operative
    text: str  # no printed number, no markup; opener and final punctuation kept; no sub-items
    number: str | None = None  # as printed: "3", "OP 3", "a"
    opener: str | None = None  # as written: « Réaffirmant », « Nous engageons »
    opener_lemma: str | None = None  # réaffirmer, s'engager
    opener_form: str | None = None  # one of drafts.model.FORMS, None when unknown
    items: list[str] = field(default_factory=list)  # sub-items in order, markup removed
    # for each item, its own sub-items (« o » bullets under « (ii) »), in order
    item_children: list[list[str]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    language: str = "fr"
    # the part of a document the paragraph belongs to when it is not the first: an annexed
    # declaration (« Annexe ») or a further resolution (« RECOMMANDATION N° 51 … »)
    annex: str | None = None


@dataclass
class Segmentation:
    """The structure of one declaration or resolution."""

    title: str | None = None
    chapeau: str | None = None
    paragraphs: list[SegmentedParagraph] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # « AFFIRMONS L'IMPORTANCE : »
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # boilerplate removed
    closing: str | None = None  # « FIN », place and date, signatures
    language: str = "fr"
    # further parts (annexed declarations, further resolutions): {"label", "title", "chapeau"}
    annexes: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        """Return the object printed by ``bank segment --json``."""
        data = asdict(self)
        for paragraph in data["paragraphs"]:
            paragraph.pop("references")
            paragraph.pop("language")
        return data


@dataclass
class Source:
    """The text of one source file, as read by ``clause_bank.readers.read_source``."""

    text: str
    file_name: str
    format: str  # txt | md | docx
