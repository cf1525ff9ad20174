"""Import: our exports come back equal; Word drafts written elsewhere are understood."""

import copy
import io
import re

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafts.model import Draft, Item, Metadata, Paragraph, Provenance
from exports import export_docx, import_docx
from exports.house_styles import HOUSE_STYLES
from tests.export_helpers import english_draft, open_docx, sample_draft, seed_paragraphs


def _odd_text() -> Draft:
    draft = sample_draft()
    draft.preambular[1].text = "Prenant note\tdu rapport\nsur deux lignes\r et un retour,"
    draft.operative[2].text = "Invite les États ✊🏽 à signer : عربي بالكامل « שלום »\u202f;"
    draft.operative.append(Paragraph(""))
    draft.operative_intro = "AFFIRMONS L'IMPORTANCE :"
    draft.voice = "third_singular"
    draft.extra = {"x-origin": {"tool": "tests", "n": [1, 2]}}
    draft.operative[0].extra = {"x-note": "kept"}
    draft.operative[0].items[0].extra = {"x-item": True}
    draft.preambular[0].items = [Item("un sous-alinéa de préambule")]
    draft.operative[1].provenance = Provenance(None, "Texte sans date", "OP2", "Prie ;")
    return draft


CASES = {
    **{f"{style}": (sample_draft(house_style=style), {}) for style in HOUSE_STYLES},
    "inferred style": (sample_draft(house_style=None), {}),
    "labels and line numbers": (sample_draft(), {"labels": True, "line_numbers": True}),
    "english": (english_draft(), {"revision_label": "Rev.1"}),
    "odd text": (_odd_text(), {"labels": True}),
    "empty draft": (Draft(), {}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_export_then_import_gives_an_equal_draft(name):
    draft, options = CASES[name]
    assert import_docx(export_docx(draft, **options)) == draft


def test_with_a_user_template_the_round_trip_holds(tmp_path):
    from exports.template import builtin_bytes

    path = tmp_path / "maison.docx"
    path.write_bytes(builtin_bytes("oas"))
    draft = sample_draft()
    assert import_docx(export_docx(draft, template=path)) == draft


def test_an_alternative_of_a_missing_paragraph_keeps_its_kind_only():
    draft = sample_draft()
    draft.preambular[3].alternative_of = "gone"
    back = import_docx(export_docx(draft))
    assert (back.preambular[3].alternative, back.preambular[3].alternative_of) == ("bis", None)


def _docx(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _number(paragraph, level: int, num_id: int = 1) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def test_paragraphs_edited_in_word_join_their_block():
    draft = sample_draft()
    document = open_docx(export_docx(draft))
    last_op = [p for p in document.paragraphs if p.style.style_id == "Operative"][-1]
    added = OxmlElement("w:p")  # typed in Word in the Normal style
    last_op._p.addnext(added)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Décide aussi de se réunir en 2027."
    run.append(text)
    added.append(run)
    out = io.BytesIO()
    document.save(out)
    back = import_docx(out.getvalue())
    assert [p.text for p in back.operative] == [p.text for p in draft.operative] + [
        "Décide aussi de se réunir en 2027."]
    assert back.operative[:-1] == draft.operative


def test_a_foreign_draft_with_word_numbering():
    def build(document):
        document.add_paragraph("Déclaration de Lomé sur la sécurité maritime", style="Title")
        document.add_paragraph("Nous, chefs d'État et de gouvernement, réunis à Lomé,")
        document.add_paragraph("Conscients de l'importance des océans ;")
        document.add_paragraph("Rappelant la Charte de Lomé ;")
        for text in ("Décidons de coopérer :", "Appelons les partenaires à agir."):
            paragraph = document.add_paragraph(text, style="List Number")
            _number(paragraph, 0)
            if text.startswith("Décidons"):
                for item in ("en partageant l'information ;", "en formant les garde-côtes ;"):
                    _number(document.add_paragraph(item), 1)
        document.add_paragraph("Fait à Lomé, le 15 octobre 2016")

    draft = import_docx(_docx(build))
    assert draft.title == "Déclaration de Lomé sur la sécurité maritime"
    assert draft.chapeau == "Nous, chefs d'État et de gouvernement, réunis à Lomé,"
    assert [p.text for p in draft.preambular] == ["Conscients de l'importance des océans ;",
                                                  "Rappelant la Charte de Lomé ;"]
    assert [p.text for p in draft.operative] == ["Décidons de coopérer :",
                                                 "Appelons les partenaires à agir."]
    assert [i.text for i in draft.operative[0].items] == [
        "en partageant l'information ;", "en formant les garde-côtes ;"]
    assert draft.closing == "Fait à Lomé, le 15 octobre 2016"
    assert draft.language == "fr", "guessed from the words, not from the template's en-US"


def test_an_english_foreign_draft():
    lines = ["Draft declaration on ocean governance",
             "We, the Ministers of the member States, meeting in Lisbon,",
             "Recalling the United Nations Convention on the Law of the Sea,",
             "Deeply concerned by the state of the oceans and of their resources,",
             "1. Decide to strengthen the protection of the high seas;",
             "(a) in the framework of the new agreement;",
             "2. Invite all the States to join the effort."]

    def build(document):
        for line in lines:
            document.add_paragraph(line)

    draft = import_docx(_docx(build))
    assert (draft.language, draft.title) == ("en", lines[0])
    assert [p.text for p in draft.preambular] == lines[2:4]
    assert [p.text for p in draft.operative] == [
        "Decide to strengthen the protection of the high seas;",
        "Invite all the States to join the effort."]
    assert draft.operative[0].items[0].text == "in the framework of the new agreement;"


def test_a_foreign_draft_with_typed_numbers_and_a_heading():
    lines = ["ORGANISATION DES ÉTATS AMÉRICAINS", "DÉCLARATION DU MEXIQUE",
             "Les représentants des États membres, réunis à Mexico,",
             "RECONNAISSANT que la traite est un problème grave ;",
             "SOULIGNANT le rôle de la société civile ;",
             "AFFIRMONS L'IMPORTANCE :", "1.", "De rejeter la traite sous toutes ses formes ;",
             "2. De renforcer la coopération :", "a) entre les polices ;", "b) entre les juges ;",
             "i) y compris en ligne ;", "3) De protéger les victimes."]

    def build(document):
        for line in lines:
            paragraph = document.add_paragraph(line)
            if line.isupper() and len(line) < 40:
                paragraph.alignment = 1

    draft = import_docx(_docx(build))
    assert draft.title == "ORGANISATION DES ÉTATS AMÉRICAINS"
    assert draft.chapeau == "Les représentants des États membres, réunis à Mexico,"
    assert [p.text for p in draft.preambular] == [lines[3], lines[4]]
    assert draft.operative_intro == "AFFIRMONS L'IMPORTANCE :"
    assert [p.text for p in draft.operative] == [
        "De rejeter la traite sous toutes ses formes ;", "De renforcer la coopération :",
        "De protéger les victimes."]
    items = draft.operative[1].items
    assert [i.text for i in items] == ["entre les polices ;", "entre les juges ;"]
    assert [i.text for i in items[1].items] == ["y compris en ligne ;"]


def test_a_seed_declaration_typed_in_word():
    # Seed 000 (Francophonie, Paris 2017): bold openers, no numbers, « ; » endings.
    paragraphs = seed_paragraphs("000")

    def build(document):
        document.add_paragraph("Déclaration de Paris", style="Title")
        for bold, rest in paragraphs:
            paragraph = document.add_paragraph()
            paragraph.add_run(bold).bold = True
            paragraph.add_run(rest)

    draft = import_docx(_docx(build))
    assert draft.chapeau.startswith("Nous, Ministres et Chefs de délégation")
    openers = [p.text.split()[0] for p in draft.preambular]
    assert openers[:4] == ["Réaffirmant", "Nous", "Interpellés", "Indignés"]
    assert [p.text.split()[0] for p in draft.operative][:4] == [
        "Appelons", "Affirmons", "Condamnons", "Souignons"]
    assert all(re.search(r"[;.,]\s*$", p.text) for p in draft.operative)


def test_revisions_tracked_by_someone_else_are_accepted_on_import():
    draft = sample_draft()
    document = open_docx(export_docx(draft))
    target = next(p for p in document.paragraphs if p.text.startswith("Invite"))
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "901")
    deleted.set(qn("w:author"), "Délégation X")
    first_run = target._p.findall(qn("w:r"))[0]
    first_run.addprevious(deleted)
    deleted.append(first_run)
    for t in first_run.iter(qn("w:t")):
        t.tag = qn("w:delText")
    out = io.BytesIO()
    document.save(out)
    back = import_docx(out.getvalue())
    expected = copy.deepcopy(draft)
    expected.operative[2].text = expected.operative[2].text[len("Invite"):]
    assert back.operative[2].text == expected.operative[2].text


def test_metadata_and_settings_come_back():
    draft = sample_draft(house_style="oif")
    draft.metadata = Metadata(body="OIF", meeting="34e CMF", place="Paris", date="2017",
                              symbol="CMF/34/1")
    back = import_docx(export_docx(draft, house_style="un"))
    assert back.metadata == draft.metadata
    assert back.house_style == "un", "the preambular endings were converted to UN style"
