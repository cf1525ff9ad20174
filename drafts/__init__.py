"""Declarations being drafted: the model, its JSON interchange, voice and revisions."""

from drafts.model import (
    FORMS,
    HOUSE_STYLES,
    PARTS,
    VOICES,
    Draft,
    Item,
    Metadata,
    Paragraph,
    Provenance,
)

__all__ = [
    "FORMS",
    "HOUSE_STYLES",
    "PARTS",
    "VOICES",
    "Draft",
    "Item",
    "Metadata",
    "Paragraph",
    "Provenance",
]
