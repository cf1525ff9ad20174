"""Plain-text and Markdown export."""

import pytest

from drafts.model import Draft, Item, Paragraph
from exports import ExportError, export_text
from tests.export_helpers import english_draft, sample_draft


def test_plain_text_numbers_like_word():
    lines = export_text(sample_draft()).split("\n\n")
    assert lines[0] == "Projet de résolution sur la traite des personnes"
    assert lines[3] == "Réaffirmant les buts et principes énoncés dans la Charte des Nations Unies,"
    assert lines[6] == "PP3 bis Profondément préoccupée par la traite,"
    assert lines[7:13] == [
        "1.  Décide de renforcer la coopération internationale\u00a0:",
        "    a)  en protégeant les victimes\u00a0;",
        "        i)  notamment les enfants\u00a0;",
        "        ii)  et les femmes\u00a0;",
        "    b)  en poursuivant les trafiquants\u00a0;",
        "2.  [Prie le Secrétaire général de lui présenter un rapport\u00a0;]",
    ]
    assert lines[-1] == "FIN\n"


def test_labels_and_english_sub_items():
    lines = export_text(english_draft(), labels=True).split("\n\n")
    assert lines[2:6] == ["PP1.  Recalling its previous resolutions on the subject,",
                          "PP2.  Deeply concerned by the persistence of trafficking,",
                          "OP1.  Decides to strengthen international cooperation:",
                          "    (a)  by protecting victims;"]


@pytest.mark.parametrize(("house_style", "opener"), [
    ("un", "*Réaffirmant*"), ("oif", "**Réaffirmant**"), ("oas", "RÉAFFIRMANT")])
def test_markdown_openers_follow_the_house_style(house_style, opener):
    text = export_text(sample_draft(house_style=house_style), fmt="md")
    assert text.startswith("# Projet de résolution sur la traite des personnes\n")
    assert f"\n{opener} les buts" in text
    assert "du rapport \\[du Secrétaire général\\] sur" in text
    assert "\n1.  " in text and "\n    - a)  en protégeant" in text


def test_markdown_escapes_what_would_become_markup():
    draft = Draft(title="T", chapeau="L'Assemblée générale,",
                  operative=[Paragraph("Décide que *tout* `code` et <b> restent du texte ;"),
                             Paragraph("- 1. une ligne qui ressemble à une liste.")])
    text = export_text(draft, fmt="md")
    assert "que \\*tout\\* \\`code\\` et \\<b\\> restent" in text
    assert "2.  \\- 1. une ligne" in text


@pytest.mark.parametrize(("count", "last"), [(4, "iv)"), (12, "xii)")])
def test_roman_sub_items(count, last):
    items = [Item("x", items=[Item(f"y{i}") for i in range(count)])]
    draft = Draft(title="T", chapeau="C,", operative=[Paragraph("Décide :", items=items)])
    assert export_text(draft).rstrip().split("\n\n")[-1].strip().startswith(last)


def test_letters_go_on_after_z():
    items = [Item(f"x{i}") for i in range(28)]
    draft = Draft(title="T", chapeau="C,", operative=[Paragraph("Décide :", items=items)])
    assert export_text(draft).rstrip().split("\n\n")[-1].strip().startswith("bb)")


@pytest.mark.parametrize(("options", "message"), [
    ({"fmt": "html"}, "unknown text format 'html'"),
    ({"house_style": "xx"}, "unknown house style 'xx'")])
def test_bad_options(options, message):
    with pytest.raises(ExportError, match=message):
        export_text(sample_draft(), **options)
