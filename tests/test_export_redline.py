"""Redline: tracked changes whose accept-all gives revision B and reject-all revision A."""

import copy
import re

import pytest

from drafts.model import Draft, Item, Paragraph
from exports import export_docx, import_docx
from tests.export_helpers import (
    accept_all,
    body,
    q,
    reject_all,
    revised,
    sample_draft,
    style_of,
    text_of,
    visible,
)

ISO_DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _edit_words(draft):
    draft.operative[3].text = "Décide de demeurer activement saisie de la question."


def _insert_and_delete(draft):
    draft.operative.insert(1, Paragraph("Exhorte les États à coopérer\u00a0;"))
    del draft.preambular[0]


def _items(draft):
    draft.operative[0].items[0].items.pop()
    draft.operative[0].items.append(Item("en aidant les pays de transit\u00a0;"))
    draft.operative[0].items[1].text = "en poursuivant sans relâche les trafiquants\u00a0;"


def _brackets_and_labels(draft):
    draft.operative[1].bracketed = False
    draft.preambular[1].bracketed = True
    draft.preambular[3].alternative = "ter"
    draft.preambular[3].alternative_of = draft.preambular[0].id


def _reorder(draft):
    draft.operative.reverse()


def _new_ids(draft):
    renamed = {}
    for paragraph in draft.preambular + draft.operative:
        fresh = Paragraph("").id
        renamed[paragraph.id], paragraph.id = fresh, fresh
    draft.preambular[3].alternative_of = renamed[draft.preambular[3].alternative_of]
    draft.operative[2].text = draft.operative[2].text.replace("ratifier", "appliquer")


def _replace_everything(draft):
    draft.title = "Un tout autre texte"
    draft.chapeau = "Nous, Ministres,"
    draft.preambular = [Paragraph("Conscients des enjeux,")]
    draft.operative = [Paragraph("Appelons à agir.")]
    draft.closing = None
    draft.operative_intro = "AFFIRMONS L'IMPORTANCE :"


def _empty(draft):
    draft.preambular, draft.operative, draft.closing = [], [], None


def _rtl_and_emoji(draft):
    draft.operative[2].text = "Invite les États ✅ à signer le texte عربي بالكامل\u00a0;"


EDITS = [_edit_words, _insert_and_delete, _items, _brackets_and_labels, _reorder, _new_ids,
         _replace_everything, _empty, _rtl_and_emoji, revised]


def _pair(edit):
    old = sample_draft()
    new = copy.deepcopy(old)
    result = edit(new)
    return old, (result if isinstance(result, Draft) else new)


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("labels", [False, True])
def test_accept_all_gives_b_and_reject_all_gives_a(edit, labels):
    old, new = _pair(edit)
    redline = body(export_docx(new, compare_with=old, labels=labels))
    assert visible(accept_all(redline)) == visible(body(export_docx(new, labels=labels)))
    assert visible(reject_all(redline)) == visible(body(export_docx(old, labels=labels)))


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__.strip("_"))
def test_a_redline_imports_as_revision_b(edit):
    old, new = _pair(edit)
    back = import_docx(export_docx(new, compare_with=old))
    assert back == new


def test_word_level_changes_with_author_and_date():
    old, new = _pair(_edit_words)
    redline = body(export_docx(new, compare_with=old, revision_label="Rev.3"))
    deleted = ["".join(t.text for t in d.iter(q("delText"))) for d in redline.iter(q("del"))]
    inserted = [text_of(i) for i in redline.iter(q("ins"))]
    assert deleted == ["rester"]
    assert inserted == ["demeurer activement"]
    for change in list(redline.iter(q("del"))) + list(redline.iter(q("ins"))):
        assert change.get(q("author")) == "Rev.3"
        assert ISO_DATE.fullmatch(change.get(q("date")))


def test_whole_paragraphs_are_inserted_and_deleted_with_their_marks():
    old, new = _pair(_insert_and_delete)
    redline = body(export_docx(new, compare_with=old))
    marked = {kind: [(style_of(p), text_of(p, deleted=True)) for p in redline.iter(q("p"))
                     if p.find(f"{q('pPr')}/{q('rPr')}/{q(kind)}") is not None]
              for kind in ("ins", "del")}
    assert marked["ins"] == [("Operative", "Exhorte les États à coopérer\u00a0;")]
    assert marked["del"] == [("Preambular", old.preambular[0].text)]
    deleted_paragraph = next(p for p in redline.iter(q("p"))
                             if p.find(f"{q('pPr')}/{q('rPr')}/{q('del')}") is not None)
    assert not list(deleted_paragraph.iter(q("t"))), "all its text is deleted text"
    assert not list(deleted_paragraph.iter(q("commentRangeStart"))), "no provenance kept"


def test_unchanged_drafts_give_no_tracked_change():
    draft = sample_draft()
    redline = body(export_docx(draft, compare_with=copy.deepcopy(draft)))
    assert not list(redline.iter(q("ins"))) and not list(redline.iter(q("del")))


def test_redline_switches_on_change_tracking():
    old, new = _pair(_edit_words)
    from tests.export_helpers import open_docx

    settings = open_docx(export_docx(new, compare_with=old)).settings.element
    assert settings.find(q("trackRevisions")) is not None
    assert open_docx(export_docx(new)).settings.element.find(q("trackRevisions")) is None
