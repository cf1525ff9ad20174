"""The draft model's helpers."""

import pytest

from drafts.model import Draft, Paragraph, new_id
from tests.draft_samples import sample_draft


def test_new_ids_are_distinct():
    assert len({new_id() for _ in range(1000)}) == 1000


@pytest.mark.parametrize(("part", "index"), [
    ("preambular", 0), ("preambular", 2), ("operative", 0), ("operative", 4),
])
def test_find_returns_part_and_index(part, index):
    draft = sample_draft()
    paragraph = draft.paragraphs(part)[index]
    assert draft.find(paragraph.id) == (part, index)


def test_find_unknown_id():
    assert sample_draft().find("no-such-id") is None


@pytest.mark.parametrize("part", ["title", "chapeau", "closing", "items"])
def test_paragraphs_refuses_a_part_without_paragraphs(part):
    with pytest.raises(ValueError, match=part):
        Draft().paragraphs(part)


def test_paragraphs_is_the_live_list():
    draft = Draft()
    draft.paragraphs("operative").append(Paragraph("Décidons ;"))
    assert [p.text for p in draft.operative] == ["Décidons ;"]
