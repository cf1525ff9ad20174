"""Word diff: exact on hand-made pairs, and always reversible."""

import pytest

from clause_bank.diff import Change, word_diff


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Réaffirment leur engagement",
            "Réaffirmons notre engagement",
            [
                Change("delete", "Réaffirment leur"),
                Change("insert", "Réaffirmons notre"),
                Change("equal", " engagement"),
            ],
        ),
        (
            "la traite des personnes",
            "la traite des êtres humains",
            [
                Change("equal", "la traite des "),
                Change("delete", "personnes"),
                Change("insert", "êtres humains"),
            ],
        ),
        (
            "Décide de rester saisi",
            "Décide de rester saisi",
            [Change("equal", "Décide de rester saisi")],
        ),
        ("", "Nouveau", [Change("insert", "Nouveau")]),
    ],
)
def test_word_diff_exact(old, new, expected):
    assert word_diff(old, new) == expected


@pytest.mark.parametrize(
    "old,new", [("a b c ; d", "a x c, d e"), ("Soulignons", ""), ("x  y", "x y")]
)
def test_word_diff_rebuilds_both_sides(old, new):
    changes = word_diff(old, new)
    assert "".join(c.text for c in changes if c.op != "insert") == old
    assert "".join(c.text for c in changes if c.op != "delete") == new
