"""Hypothesis strategies shared by the property tests: hostile text, JSON values, drafts."""

from __future__ import annotations

from hypothesis import strategies as st

from drafts.model import (
    ALTERNATIVES,
    HOUSE_STYLES,
    VOICES,
    Draft,
    Item,
    Metadata,
    Paragraph,
    Provenance,
)

# Text a drafter (or an attacker) may type: any Unicode, markup included.
text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40) | \
    st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                     "javascript:alert(1)", "Réaffirmons", "« guillemets »", "\u202eRTL", ""])
json_scalars = st.none() | st.booleans() | st.integers() | \
    st.floats(allow_nan=False, allow_infinity=False) | text
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children,
                                                                       max_size=4),
    max_leaves=20,
)


def drafts_from(text: st.SearchStrategy[str]) -> st.SearchStrategy[Draft]:
    """Return drafts whose every text is drawn from *text*."""
    items = st.deferred(lambda: st.lists(
        st.builds(Item, text=text, items=st.just([]), extra=st.just({})), max_size=3))
    nested_items = st.lists(st.builds(Item, text=text, items=items, extra=st.just({})), max_size=3)
    provenance = st.none() | st.builds(
        Provenance, clause_id=st.none() | st.integers(min_value=1), source=text,
        position=st.sampled_from(["PP1", "OP7"]), precedent_text=text,
        body=st.none() | text, date=st.none() | text, document_id=st.none() | st.integers(1))
    extension = st.dictionaries(st.sampled_from(["x-note", "x-colour"]), json_values, max_size=2)
    paragraphs = st.lists(st.builds(
        Paragraph, text=text, items=nested_items, provenance=provenance, bracketed=st.booleans(),
        alternative=st.none() | st.sampled_from(ALTERNATIVES), alternative_of=st.none() | text,
        extra=extension), max_size=4)
    drafts = st.builds(
        Draft, title=text, chapeau=text, preambular=paragraphs, operative=paragraphs,
        operative_intro=st.none() | text, closing=st.none() | text,
        language=st.sampled_from(["fr", "en"]),
        house_style=st.none() | st.sampled_from(HOUSE_STYLES),
        voice=st.none() | st.sampled_from(VOICES),
        metadata=st.builds(Metadata, body=st.none() | text, meeting=st.none() | text,
                           place=st.none() | text, date=st.none() | text, symbol=st.none() | text),
        extra=extension)
    return drafts


drafts = drafts_from(text)
