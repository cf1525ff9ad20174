"""Three-way merge of a refused save."""

import copy

import pytest

from drafts.merge import merge, merge_rows
from drafts.model import Draft, Paragraph


def base() -> Draft:
    return Draft(title="T", chapeau="Nous,",
                 operative=[Paragraph(text=t, id=i) for i, t in
                            (("a", "Un"), ("b", "Deux"), ("c", "Trois"))])


def edit(draft: Draft, **texts) -> Draft:
    draft = copy.deepcopy(draft)
    for paragraph in draft.operative:
        if paragraph.id in texts:
            paragraph.text = texts[paragraph.id]
    return draft


def status(rows, key):
    return next(r.status for r in rows if r.key == key)


def test_one_sided_changes_merge_without_asking():
    b = base()
    theirs, mine = edit(b, a="Un (eux)"), edit(b, c="Trois (moi)")
    theirs.title = "Titre (eux)"
    rows = merge_rows(b, theirs, mine)
    assert [status(rows, k) for k in ("title", "p:a", "p:b", "p:c")] == [
        "theirs", "theirs", "same", "mine"]
    merged = merge(b, theirs, mine)
    assert merged.title == "Titre (eux)"
    assert [p.text for p in merged.operative] == ["Un (eux)", "Deux", "Trois (moi)"]


@pytest.mark.parametrize(("choice", "text", "expected"), [
    (None, None, "Deux (moi)"),
    ("mine", None, "Deux (moi)"),
    ("theirs", None, "Deux (eux)"),
    ("mine", "Deux (réglé)", "Deux (réglé)"),
    ("bogus", None, "Deux (moi)"),
])
def test_conflict_is_settled_by_choice(choice, text, expected):
    b = base()
    theirs, mine = edit(b, b="Deux (eux)"), edit(b, b="Deux (moi)")
    assert status(merge_rows(b, theirs, mine), "p:b") == "conflict"
    choices = {"p:b": choice} if choice else {}
    texts = {"p:b": text} if text else {}
    assert merge(b, theirs, mine, choices, texts).operative[1].text == expected


def test_additions_deletions_and_order():
    b = base()
    theirs = copy.deepcopy(b)
    theirs.operative.insert(1, Paragraph(text="Eux", id="t"))
    mine = copy.deepcopy(b)
    del mine.operative[2]  # I deleted « Trois »
    mine.operative.insert(0, Paragraph(text="Moi", id="m"))
    mine.operative.reverse()
    merged = merge(b, theirs, mine)
    # they did not reorder, so my order leads; their new paragraph follows « Un »
    assert [p.text for p in merged.operative] == ["Deux", "Un", "Eux", "Moi"]


def test_settings_taken_from_the_side_that_changed_them():
    b = base()
    theirs, mine = copy.deepcopy(b), copy.deepcopy(b)
    theirs.house_style, mine.voice = "un", "first_plural"
    merged = merge(b, theirs, mine)
    assert (merged.house_style, merged.voice) == ("un", "first_plural")
