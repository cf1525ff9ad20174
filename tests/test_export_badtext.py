"""Bad text: exported correctly or refused with a clear message, never a corrupt file."""

import io
import zipfile

import pytest
from lxml import etree

from drafts.model import Item, Provenance
from exports import ExportError, export_docx, export_text, import_docx
from tests.export_helpers import body, open_docx, q, sample_draft, text_of

FORBIDDEN = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\uffff"]
PLACES = {
    "title": lambda d, bad: setattr(d, "title", f"Titre{bad}"),
    "chapeau": lambda d, bad: setattr(d, "chapeau", f"L'Assemblée{bad} générale,"),
    "PP2": lambda d, bad: setattr(d.preambular[1], "text", f"Rappelant{bad} ses résolutions,"),
    "OP1, sub-item 2": lambda d, bad: setattr(d.operative[0].items[1], "text", f"en{bad}"),
    "closing": lambda d, bad: setattr(d, "closing", f"FIN{bad}"),
    "PP1 provenance": lambda d, bad: setattr(d.preambular[0].provenance, "source", f"X{bad}"),
}


@pytest.mark.parametrize("bad", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("place", list(PLACES))
def test_characters_word_cannot_carry_are_refused_by_name(bad, place):
    draft = sample_draft()
    PLACES[place](draft, bad)
    with pytest.raises(ExportError) as error:
        export_docx(draft)
    message = str(error.value)
    assert message.startswith(f"{place}") and f"U+{ord(bad):04X}" in message
    assert ("lone surrogate" if "\ud800" <= bad <= "\udfff" else "control character") in message


GOOD_ODD = {
    "emoji": "Saluons les jeunes 👩🏽‍💻 et les familles 👨‍👩‍👧 🇫🇷,",
    "arabic": "إذ تؤكد من جديد مقاصد ميثاق الأمم المتحدة ومبادئه،",
    "hebrew in french": "Rappelant la déclaration « שלום עליכם » de 2017,",
    "combining": "Re\u0301affirmant l\u2019attachement a\u0300 la Charte,",
    "zero width": "Rappelant\u200b la\u2060 Charte\u00ad,",
    "nbsp": "Rappelant la Charte\u00a0; les «\u202fprincipes\u202f»,",
    "breaks": "Rappelant\tla Charte\net le Pacte\r\n,",
    "bmp edge": "Rappelant \ufffd et \ufeff et \U0010fffd,",
    "one megabyte": "Rappelant " + "la coopération internationale " * 35_000 + ",",
}


def _parts_are_well_formed(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))


@pytest.mark.parametrize("name", list(GOOD_ODD))
def test_odd_but_valid_text_is_exported_exactly(name):
    draft = sample_draft()
    draft.preambular[1].text = GOOD_ODD[name]
    draft.operative[0].items.append(Item(GOOD_ODD[name]))
    draft.preambular[0].provenance = Provenance(1, GOOD_ODD[name][:200], "PP1", GOOD_ODD[name])
    data = export_docx(draft, labels=True, line_numbers=True)
    _parts_are_well_formed(data)
    texts = [text_of(p) for p in body(data).iter(q("p"))]
    assert GOOD_ODD[name] in texts
    assert import_docx(data) == draft
    assert GOOD_ODD[name].replace("[", "\\[") in export_text(draft) or name == "breaks"


def test_right_to_left_runs_and_paragraphs_are_marked():
    draft = sample_draft()
    draft.preambular[1].text = GOOD_ODD["arabic"]
    draft.preambular[2].text = GOOD_ODD["hebrew in french"]
    paragraphs = {text_of(p): p for p in body(export_docx(draft)).iter(q("p"))}
    arabic, mixed = paragraphs[GOOD_ODD["arabic"]], paragraphs[GOOD_ODD["hebrew in french"]]
    assert arabic.find(f"{q('pPr')}/{q('bidi')}") is not None
    assert mixed.find(f"{q('pPr')}/{q('bidi')}") is None
    rtl_runs = [text_of(r) for r in mixed.iter(q("r")) if r.find(f"{q('rPr')}/{q('rtl')}")
                is not None]
    assert rtl_runs == ["שלום עליכם"]


def test_python_docx_reads_the_odd_text_back():
    draft = sample_draft()
    draft.preambular[1].text = GOOD_ODD["emoji"]
    document = open_docx(export_docx(draft))
    assert any(p.text == GOOD_ODD["emoji"] for p in document.paragraphs)
