"""Paragraph-aligned, word-level comparison of two drafts."""

import copy

import pytest

from drafts.compare import align, compare
from drafts.model import Draft, Item, Paragraph
from tests.draft_samples import sample_draft


def _rows(comparison, part):
    return [row for row in comparison.rows if row.part == part]


def _joined(changes, *ops):
    return "".join(change.text for change in changes if change.op in ops)


def test_identical_drafts_compare_equal():
    draft = sample_draft()
    comparison = compare(draft, copy.deepcopy(draft))
    assert not comparison.changed
    assert {row.status for row in comparison.rows} == {"equal"}


def test_edit_in_a_paragraph_is_a_word_level_change():
    old = sample_draft()
    new = copy.deepcopy(old)
    new.operative[0].text = new.operative[0].text.replace("immédiate", "urgente")
    (row,) = [row for row in compare(old, new).rows if row.status != "equal"]
    assert (row.part, row.old_label, row.new_label, row.status) == ("operative", "OP1", "OP1",
                                                                    "changed")
    assert _joined(row.changes, "delete") == "immédiate"
    assert _joined(row.changes, "insert") == "urgente"
    assert _joined(row.changes, "equal", "delete") == old.operative[0].text
    assert _joined(row.changes, "equal", "insert") == new.operative[0].text


def test_reordered_paragraph_is_a_move_not_a_deletion():
    old = sample_draft()
    new = copy.deepcopy(old)
    new.preambular.append(new.preambular.pop(0))
    rows = _rows(compare(old, new), "preambular")
    assert [row.status for row in rows] == ["equal"] * 3
    assert [(row.old_label, row.new_label, row.moved) for row in rows] == [
        ("PP2", "PP1", False), ("PP3", "PP2", False), ("PP1", "PP3", True)]


def test_paragraphs_without_shared_ids_are_paired_by_similarity():
    old = sample_draft()
    new = copy.deepcopy(old)
    for paragraph in new.operative:
        paragraph.id = paragraph.id + "-reimported"
    new.operative[1].text = new.operative[1].text.replace("fermeté", "vigueur")
    rows = _rows(compare(old, new), "operative")
    assert [row.status for row in rows] == ["equal", "changed", "equal", "equal", "equal"]


def test_unrelated_paragraph_reads_as_deleted_then_inserted_in_place():
    old = Draft(operative=[Paragraph("Décidons de créer un comité ;"),
                           Paragraph("Prions le Secrétaire général de faire rapport ;"),
                           Paragraph("Décidons de rester saisis de la question.")])
    new = copy.deepcopy(old)
    new.operative[1] = Paragraph("Invitons les États à verser des contributions volontaires ;")
    rows = _rows(compare(old, new), "operative")
    assert [(row.status, row.old_label, row.new_label) for row in rows] == [
        ("equal", "OP1", "OP1"), ("deleted", "OP2", None), ("inserted", None, "OP2"),
        ("equal", "OP3", "OP3")]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ([], ["a"], [(None, 0)]),
    (["a"], [], [(0, None)]),
    (["a", "b", "c"], ["c", "a", "b"], [(2, 0), (0, 1), (1, 2)]),
    (["a", "b", "c"], ["a", "c"], [(0, 0), (1, None), (2, 1)]),
    (["a", "b"], ["b"], [(0, None), (1, 0)]),
])
def test_align_by_id(old, new, expected):
    def paragraphs(ids):
        return [Paragraph(f"texte {i}", id=i) for i in ids]
    assert align(paragraphs(old), paragraphs(new)) == expected


def test_items_are_compared_one_by_one():
    old = Draft(operative=[Paragraph("Encourageons :", items=[
        Item("a) la coopération ;"), Item("b) la protection des victimes ;")])])
    new = copy.deepcopy(old)
    new.operative[0].items[1].text = "b) la protection de toutes les victimes ;"
    new.operative[0].items.append(Item("c) la prévention."))
    (row,) = compare(old, new).rows
    assert row.status == "changed"
    assert [(item.depth, item.status) for item in row.items] == [
        (1, "equal"), (1, "changed"), (1, "inserted")]
    assert _joined(row.items[1].changes, "delete").strip() == "des"
    assert _joined(row.items[1].changes, "insert").strip() == "de toutes les"


@pytest.mark.parametrize(("change", "status"), [
    (lambda d: setattr(d.operative[1], "bracketed", False), "changed"),
    (lambda d: setattr(d.operative[0], "alternative", "alt"), "changed"),
])
def test_marks_count_as_changes(change, status):
    old = sample_draft()
    new = copy.deepcopy(old)
    change(new)
    assert compare(old, new).count(status) == 1


@pytest.mark.parametrize(("part", "old", "new", "status"), [
    ("title", "Déclaration", "Déclaration de Paris", "changed"),
    ("operative_intro", None, "AFFIRMONS L'IMPORTANCE :", "inserted"),
    ("closing", "FIN", None, "deleted"),
    ("chapeau", "Nous, Ministres,", "Nous, Ministres,", "equal"),
])
def test_single_text_parts(part, old, new, status):
    rows = [row for row in compare(Draft(**{part: old}), Draft(**{part: new})).rows
            if row.part == part]
    assert [row.status for row in rows] == [status]
    assert rows[0].old_label is None


def test_empty_drafts_have_no_rows():
    assert compare(Draft(), Draft()).rows == ()
