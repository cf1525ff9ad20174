"""Paragraph operations of the editor, on the draft model alone."""

import pytest

from drafts import editing
from drafts.editing import EditError
from drafts.model import Draft, Item, Paragraph
from drafts.starters import STARTERS, new_draft


def make_draft(pp=("A", "B"), op=("1", "2", "3")) -> Draft:
    return Draft(
        title="T", chapeau="Nous, Ministres,",
        preambular=[Paragraph(text=t, id=f"pp{t}") for t in pp],
        operative=[Paragraph(text=t, id=f"op{t}") for t in op],
    )


def texts(draft: Draft, part: str) -> list[str]:
    return [p.text for p in draft.paragraphs(part)]


@pytest.mark.parametrize(("part", "after", "expected"), [
    ("preambular", None, ["A", "B", "new"]),
    ("preambular", "ppA", ["A", "new", "B"]),
    ("operative", "op3", ["1", "2", "3", "new"]),
    ("operative", "op1", ["1", "new", "2", "3"]),
])
def test_add_paragraph(part, after, expected):
    draft = make_draft()
    paragraph = editing.add_paragraph(draft, part, text="new", after=after)
    assert texts(draft, part) == expected
    assert draft.find(paragraph.id)[0] == part


@pytest.mark.parametrize(("call", "message"), [
    (lambda d: editing.add_paragraph(d, "operative", after="ppA"), "not in the operative"),
    (lambda d: editing.add_paragraph(d, "closing"), "not a paragraph block"),
    (lambda d: editing.delete_paragraph(d, "nope"), "no such paragraph"),
    (lambda d: editing.set_alternative(d, "op1", "quater"), "not an alternative"),
    (lambda d: editing.move_to(d, "op1", "title", 0), "not a paragraph block"),
])
def test_bad_operations_raise_edit_error(call, message):
    with pytest.raises(EditError, match=message):
        call(make_draft())


def test_edit_and_delete():
    draft = make_draft()
    editing.edit_paragraph(draft, "op2", text="deux", items=[Item("a")])
    assert draft.operative[1].text == "deux" and draft.operative[1].items[0].text == "a"
    editing.delete_paragraph(draft, "op2")
    assert texts(draft, "operative") == ["1", "3"]


def test_duplicate_gets_new_id_and_deep_copy():
    draft = make_draft()
    draft.operative[0].items = [Item("x")]
    twin = editing.duplicate_paragraph(draft, "op1")
    assert texts(draft, "operative") == ["1", "1", "2", "3"]
    assert twin.id != "op1"
    twin.items[0].text = "changed"
    assert draft.operative[0].items[0].text == "x"


@pytest.mark.parametrize(("paragraph_id", "offset", "expected"), [
    ("op2", -1, ["2", "1", "3"]),
    ("op2", 1, ["1", "3", "2"]),
    ("op1", -1, ["1", "2", "3"]),  # already first: stays
    ("op3", 1, ["1", "2", "3"]),  # already last: stays
    ("op1", 5, ["2", "3", "1"]),
])
def test_move_paragraph(paragraph_id, offset, expected):
    draft = make_draft()
    editing.move_paragraph(draft, paragraph_id, offset)
    assert texts(draft, "operative") == expected


def test_move_to_other_block():
    draft = make_draft()
    editing.move_to(draft, "op3", "preambular", 1)
    assert texts(draft, "preambular") == ["A", "3", "B"]
    assert texts(draft, "operative") == ["1", "2"]


def test_bracketed_and_alternatives():
    draft = make_draft()
    editing.set_bracketed(draft, "op2")
    assert draft.operative[1].bracketed
    bis = editing.add_alternative(draft, "op1")
    ter = editing.add_alternative(draft, "op1")
    alt = editing.add_alternative(draft, bis.id)
    assert [p.alternative for p in draft.operative] == [None, "bis", "ter", "alt", None, None]
    assert {bis.alternative_of, ter.alternative_of, alt.alternative_of} == {"op1"}
    editing.delete_paragraph(draft, "op1")
    assert bis.alternative_of is None


def test_set_alternative_points_at_previous_unlabelled():
    draft = make_draft()
    editing.set_alternative(draft, "op3", "bis")
    assert draft.operative[2].alternative_of == "op2"
    editing.set_alternative(draft, "op3", None)
    assert draft.operative[2].alternative is None and draft.operative[2].alternative_of is None


@pytest.mark.parametrize("entries", [
    ["un", {"text": "deux", "items": ["trois"]}],
    [{"text": "un"}, {"text": "deux", "items": [{"text": "trois"}]}, 7],
])
def test_items_from_bank_data(entries):
    items = editing.items_from_data(entries)
    assert [i.text for i in items] == ["un", "deux"]
    assert items[1].items[0].text == "trois"


@pytest.mark.parametrize("key", list(STARTERS))
def test_starters_set_voice_and_house_style(key):
    draft = new_draft(key, title="Déclaration de Paris")
    starter = STARTERS[key]
    assert (draft.voice, draft.house_style) == (starter.voice, starter.house_style)
    assert draft.chapeau == starter.chapeau and draft.title == "Déclaration de Paris"
    assert (draft.operative_intro is not None) == (key == "infinitive")


def test_labels_number_alternatives_with_their_base():
    draft = make_draft()
    editing.add_alternative(draft, "op1")
    editing.set_alternative(draft, "op3", "alt")
    assert editing.labels(draft, "operative") == ["OP1", "OP1 bis", "OP2", "OP2 alt"]
    assert editing.labels(draft, "preambular") == ["PP1", "PP2"]
    draft.preambular[0].alternative = "bis"  # an alternative of nothing still gets a number
    assert editing.labels(draft, "preambular") == ["PP1 bis", "PP2"]


NOUS = "Nous, Ministres et Chefs de délégation, réunis à Paris,"
ASSEMBLY = "L'Assemblée générale,"


@pytest.mark.parametrize(("chapeau", "intro", "voice", "part", "clause", "expected"), [
    (NOUS, None, "first_plural", "operative", "Réaffirment leur engagement ;",
     "Réaffirmons leur engagement ;"),
    (NOUS, None, "first_plural", "operative",
     "Réaffirment également leur préoccupation quant à la situation ;",
     "Réaffirmons également leur préoccupation quant à la situation ;"),
    (NOUS, None, "first_plural", "operative", "Prennent note avec satisfaction du rapport ;",
     "Prenons note avec satisfaction du rapport ;"),
    (NOUS, None, "first_plural", "preambular", "Réaffirment l'importance du dialogue ;",
     "Réaffirmant l'importance du dialogue ;"),
    (NOUS, None, "first_plural", "operative", "D’encourager la prévention de la traite ;",
     "Encourageons la prévention de la traite ;"),
    (ASSEMBLY, None, "third_singular", "operative", "Réaffirment leur engagement ;",
     "Réaffirme leur engagement ;"),
    ("Les Ministres,", "AFFIRMONS L'IMPORTANCE :", "infinitive", "operative",
     "Réaffirment leur engagement ;", "De réaffirmer leur engagement ;"),
    (NOUS, None, None, "operative", "Réaffirment leur engagement ;",
     "Réaffirmons leur engagement ;"),  # voice inferred from the chapeau
])
def test_insert_precedent_puts_the_opener_in_the_drafts_voice(chapeau, intro, voice, part,
                                                              clause, expected):
    draft = Draft(chapeau=chapeau, operative_intro=intro, voice=voice)
    precedent = editing.Precedent(clause_id=7, text=clause, source="Communiqué spécial",
                                  position="OP3", items=["a) un ;"], date="2011",
                                  document_id=4)
    paragraph = editing.insert_precedent(draft, precedent, part)
    assert paragraph.text == expected
    assert draft.paragraphs(part) == [paragraph]
    assert paragraph.items[0].text == "a) un ;"
    assert (paragraph.provenance.clause_id, paragraph.provenance.position) == (7, "OP3")
    assert paragraph.provenance.precedent_text == clause  # agreed language, before adaptation
