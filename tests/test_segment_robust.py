"""The segmenter never fails, whatever the text, and keeps its promises on odd inputs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clause_bank.segment import segment_text

PIECES = st.sampled_from([
    "Réaffirmant", "Nous, Ministres,", "1.", "a)", "(ii)", "- o", "**", "\ufffd", ":", ";", ",",
    "L’Assemblée générale,", "Décide", "FIN", "\n", "\n\n", " ", "Annexe", "# ", "(sic)",
    "2. Prie", "RECONNAISSANT", "top of page", "[^1]:", "¹", "\t", "De rejeter",
    "Nous engageons à :", "[Réaffirmant", "]",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40))
def test_never_fails(pieces):
    result = segment_text(" ".join(pieces))
    kinds = [p.kind for p in result.paragraphs]
    assert kinds == sorted(kinds, key=("preambular", "operative").index)
    for paragraph in result.paragraphs:
        assert paragraph.text.strip()
        assert paragraph.opener is None or paragraph.text.lstrip("[(«\"' *_-").startswith(
            paragraph.opener
        )
        assert len(paragraph.item_children) == len(paragraph.items)


def test_empty_and_blank():
    for text in ("", "   \n\n\t", "\ufffd", "1.", "FIN"):
        result = segment_text(text)
        assert result.paragraphs == []
