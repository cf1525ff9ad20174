"""The editor's posted form turned into a draft (no request needed: a MultiDict is a form)."""

import pytest
from werkzeug.datastructures import MultiDict

from drafting.editor.form import draft_from_form, items_from_text, items_to_text
from drafts.model import Draft, Item, Paragraph, Provenance


def base_draft() -> Draft:
    provenance = Provenance(clause_id=7, source="CELAC", position="OP1", precedent_text="X")
    return Draft(
        title="T", chapeau="Nous,",
        preambular=[Paragraph(text="Rappelant", id="p1")],
        operative=[Paragraph(text="Décidons", id="o1", provenance=provenance),
                   Paragraph(text="Appelons", id="o2", items=[Item("a")])],
        extra={"x-unknown": 1},
    )


def test_fields_and_paragraphs_in_posted_order():
    form = MultiDict([
        ("title", " Déclaration\r\n de Paris "), ("chapeau", "Nous, Ministres,"),
        ("operative_intro", ""), ("closing", "FIN"), ("voice", "first_plural"),
        ("house_style", "oif"), ("meta_place", "Paris"),
        ("order-preambular", "p1"), ("order-operative", "o2"), ("order-operative", "o1"),
        ("text-p1", "Rappelant\r\nla Charte,"), ("text-o1", "Décidons ;"),
        ("text-o2", "Appelons :"), ("items-o2", "a) un ;\n  i) sous-un ;\nb) deux."),
    ])
    draft = draft_from_form(form, base_draft())
    assert draft.title == "Déclaration de Paris" and draft.closing == "FIN"
    assert draft.operative_intro is None and draft.metadata.place == "Paris"
    assert [p.text for p in draft.preambular] == ["Rappelant la Charte,"]
    assert [p.id for p in draft.operative] == ["o2", "o1"]
    assert draft.operative[1].provenance.clause_id == 7  # kept from the base
    assert [i.text for i in draft.operative[0].items] == ["un ;", "deux."]
    assert draft.operative[0].items[0].items[0].text == "sous-un ;"
    assert draft.extra == {"x-unknown": 1}


def test_paragraph_left_out_of_the_order_is_dropped_and_unknown_kept():
    form = MultiDict([("order-preambular", "p1"), ("order-operative", "o1"),
                      ("order-operative", "zz9"), ("order-operative", "o1"),
                      ("order-operative", "<script>"), ("text-zz9", "Nouveau")])
    draft = draft_from_form(form, base_draft())
    assert [p.id for p in draft.operative] == ["o1", "zz9"]
    assert draft.operative[1].text == "Nouveau"


def test_marks_read_only_when_on_the_page():
    form = MultiDict([("marks-o2", "1"), ("bracketed-o2", "on"), ("alternative-o2", "bis")])
    draft = draft_from_form(form, base_draft())
    assert draft.operative[1].bracketed and draft.operative[1].alternative == "bis"
    assert draft.operative[1].alternative_of == "o1"
    assert not draft.operative[0].bracketed  # no marks field: unchanged
    form = MultiDict([("marks-o2", "1"), ("alternative-o2", "quater")])
    assert draft_from_form(form, base_draft()).operative[1].alternative is None


def test_a_paragraph_moved_to_both_blocks_is_kept_once():
    form = MultiDict([("order-preambular", "o1"), ("order-preambular", "p1"),
                      ("order-operative", "o1"), ("order-operative", "o2")])
    draft = draft_from_form(form, base_draft())
    assert [p.id for p in draft.preambular] == ["o1", "p1"]
    assert [p.id for p in draft.operative] == ["o2"]


@pytest.mark.parametrize(("text", "shape"), [
    ("un\ndeux", [("un", []), ("deux", [])]),
    ("(a) un\n  (i) x\n  (ii) y\n(b) deux", [("un", ["x", "y"]), ("deux", [])]),
    ("  indenté\n  aussi", [("indenté", []), ("aussi", [])]),
    ("- puce\n\n\n• autre", [("puce", []), ("autre", [])]),
    ("a\n\tb", [("a", ["b"])]),
])
def test_items_from_text(text, shape):
    items = items_from_text(text)
    assert [(i.text, [s.text for s in i.items]) for i in items] == shape


def test_items_nest_at_most_three_levels_and_round_trip():
    items = items_from_text("a\n  b\n    c\n      d\n        e")
    assert items[0].items[0].items[0].text == "c"
    assert [i.text for i in items[0].items[0].items] == ["c", "d", "e"]
    assert items_from_text(items_to_text(items)) == items
