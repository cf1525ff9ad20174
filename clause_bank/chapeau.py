"""The chapeau: who speaks and where they met (« Nous, Ministres …, réunis à Paris, »)."""

from __future__ import annotations

import re
from dataclasses import replace

from clause_bank.blocks import Block, opener_of
from clause_bank.cleaning import pattern


def is_chapeau(block: Block, language: str) -> bool:
    """Tell whether *block* names the authors and the meeting (« Nous, Ministres …, réunis … »)."""
    text = block.text
    opener = opener_of(text, language)
    if (opener is not None and opener.known) or len(text) > 1500 or block.heading:
        return False
    if block.marker is not None and text[-1:] not in ",:":
        return False  # « 1. La réunion s'est tenue à … »: a numbered paragraph, not a chapeau
    authors = pattern("chapeau_authors").match(text)
    if authors and len(text) <= 80:
        return True  # « L'Assemblée générale » with or without its comma
    if text[-1:] not in ",:;.":
        return False
    if authors:
        return True
    return bool(pattern("chapeau_meeting").search(text)) and opener is None


def chapeau_continues(chapeau: str, block: Block) -> bool:
    """Tell whether *block* goes on describing the meeting after the chapeau
    (« Convoquée à Genève …, et s'y étant réunie le six juillet …, »)."""
    return (
        chapeau.endswith(",")
        and block.marker is None
        and block.text.endswith(",")
        and bool(pattern("chapeau_meeting").search(block.text))
        and len(block.text) <= 400
    )


def split_chapeau(block: Block, language: str) -> tuple[str, Block | None]:
    """Split a chapeau fused with its first clause (« Nous, …, réunis …, réaffirmons … »)."""
    for found in re.finditer(r",\s+(?=[^\W\d_A-ZÀ-Þ])", block.text):
        if found.start() < 20:
            continue
        rest = block.text[found.end() :]
        capitalised = rest[:1].upper() + rest[1:]
        opener = opener_of(capitalised, language)
        if opener is not None and opener.known:
            head = block.text[: found.start() + 1]
            return head, replace(block, text=capitalised, marker=None, gap=False)
    return block.text, None
