"""Word export: every produced file is re-opened with python-docx and read back."""

import re

import pytest
from rapidfuzz import fuzz

from drafts.model import Draft, Paragraph
from exports import ExportError, export_docx
from exports.house_styles import HOUSE_STYLES
from tests.export_helpers import (
    NS,
    body,
    english_draft,
    numbering_of,
    open_docx,
    q,
    sample_draft,
    style_of,
    text_of,
)

HOUSE = list(HOUSE_STYLES)
# Expected paragraphs of sample_draft: (style id, numbering level or None, text).
EXPECTED = [
    ("Title", None, "Projet de résolution sur la traite des personnes"),
    ("Note", None, "Quatre-vingtième session — New York, 12 mars 2026"),
    ("Chapeau", None, "L'Assemblée générale,"),
    ("Preambular", None, "Réaffirmant les buts et principes énoncés dans la Charte des "
                         "Nations Unies,"),
    ("Preambular", None, "Prenant note du rapport [du Secrétaire général] sur la question,"),
    ("Preambular", None, "Profondément préoccupée par la persistance de la traite des êtres "
                         "humains,"),
    ("Preambular", None, "PP3 bis Profondément préoccupée par la traite,"),
    ("Operative", 0, "Décide de renforcer la coopération internationale\u00a0:"),
    ("SubItem", 1, "en protégeant les victimes\u00a0;"),
    ("SubItem2", 2, "notamment les enfants\u00a0;"),
    ("SubItem2", 2, "et les femmes\u00a0;"),
    ("SubItem", 1, "en poursuivant les trafiquants\u00a0;"),
    ("Operative", 0, "[Prie le Secrétaire général de lui présenter un rapport\u00a0;]"),
    ("Operative", 0, "Invite les États Membres à ratifier le « Protocole de Palerme »\u00a0;"),
    ("Operative", 0, "Décide de rester saisie de la question."),
    ("Closing", None, "FIN"),
]
OPENER_PROPERTY = {"un": "i", "oif": "b", "oas": "caps"}


def paragraphs(data):
    return list(body(data).iter(q("p")))


def abstract_name(document, num_id):
    numbering = document.part.numbering_part.element
    num = numbering.xpath(f'w:num[@w:numId="{num_id}"]')[0]
    abstract_id = num.find(q("abstractNumId")).get(q("val"))
    abstract = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract_id}"]')[0]
    return abstract, abstract.find(q("name")).get(q("val")), num


@pytest.mark.parametrize("house_style", HOUSE)
def test_paragraphs_styles_and_order(house_style):
    data = export_docx(sample_draft(house_style=house_style))
    found = paragraphs(data)
    assert [(style_of(p), text_of(p)) for p in found[:-1]] == [(s, t) for s, _, t in EXPECTED]
    assert style_of(found[-1]) == "EndMark"
    assert [(numbering_of(p) or (None, None))[1] for p in found[:-1]] == [
        level for _, level, _ in EXPECTED]


@pytest.mark.parametrize(("language", "letter", "roman"), [("fr", "%2)", "%3)"),
                                                           ("en", "(%2)", "(%3)")])
def test_operative_numbering_definition(language, letter, roman):
    draft = sample_draft() if language == "fr" else english_draft()
    data = export_docx(draft)
    document = open_docx(data)
    num_ids = {numbering_of(p)[0] for p in paragraphs(data) if numbering_of(p)}
    assert len(num_ids) == 1, "operative paragraphs and their sub-items share one list"
    abstract, name, num = abstract_name(document, num_ids.pop())
    assert name == f"Declaration operative ({language})"
    texts = [lvl.find(q("lvlText")).get(q("val")) for lvl in abstract.findall(q("lvl"))]
    assert texts[:3] == ["%1.", letter, roman]
    starts = {o.get(q("ilvl")): o.find(q("startOverride")).get(q("val"))
              for o in num.findall(q("lvlOverride"))}
    assert starts == {"0": "1", "1": "1", "2": "1", "3": "1"}


def test_every_document_gets_its_own_restarted_list():
    first, second = (open_docx(export_docx(sample_draft())) for _ in range(2))
    for document in (first, second):
        nums = document.part.numbering_part.element.findall(q("num"))
        assert len(nums) == 1


def test_labels_number_preambular_and_operative_paragraphs():
    data = export_docx(sample_draft(), labels=True)
    document = open_docx(data)
    by_style = {}
    for p in paragraphs(data):
        if numbering_of(p):
            by_style.setdefault(style_of(p), set()).add(numbering_of(p)[0])
    (pp_num,), (op_num,) = by_style["Preambular"], by_style["Operative"]
    assert by_style["SubItem"] == {op_num}
    for num_id, prefix in ((pp_num, "PP"), (op_num, "OP")):
        abstract, _, _ = abstract_name(document, num_id)
        assert abstract.find(f"{q('lvl')}/{q('lvlText')}").get(q("val")) == f"{prefix}%1."
    alternative = [p for p in paragraphs(data) if text_of(p).startswith("PP3 bis")]
    assert len(alternative) == 1 and numbering_of(alternative[0]) is None


@pytest.mark.parametrize("house_style", HOUSE)
def test_opening_words_in_house_style(house_style):
    data = export_docx(sample_draft(house_style=house_style))
    document = open_docx(data)
    opener = document.styles.element.xpath('w:style[@w:styleId="Opener"]')[0]
    assert opener.find(f"{q('rPr')}/{q(OPENER_PROPERTY[house_style])}") is not None
    openers = [r for r in body(data).iter(q("r"))
               if r.find(f"{q('rPr')}/{q('rStyle')}") is not None
               and r.find(f"{q('rPr')}/{q('rStyle')}").get(q("val")) in ("Opener",
                                                                         "BracketedOpener")]
    assert [text_of(r) for r in openers] == [
        "L'Assemblée générale", "Réaffirmant", "Prenant note", "Profondément préoccupée",
        "Profondément préoccupée", "Décide", "Prie", "Invite", "Décide"]


def test_bracketed_text_is_shaded():
    data = export_docx(sample_draft())
    styled = [(r.find(f"{q('rPr')}/{q('rStyle')}").get(q("val")), text_of(r))
              for r in body(data).iter(q("r")) if r.find(f"{q('rPr')}/{q('rStyle')}") is not None
              and text_of(r)]
    assert [t for s, t in styled if s == "ParagraphBracket"] == ["[", "]"]
    assert [t for s, t in styled if s == "BracketedOpener"] == ["Prie"]
    assert [t for s, t in styled if s == "Bracketed"] == [
        "[du Secrétaire général]", " le Secrétaire général de lui présenter un rapport\u00a0;"]
    shading = open_docx(data).styles.element.xpath(
        'w:style[@w:styleId="Bracketed"]/w:rPr/w:shd')
    assert shading and shading[0].get(q("fill")) != "auto"


@pytest.mark.parametrize(("draft", "status", "page_of"), [
    (sample_draft(), r"Projet — Rev\.2 — \d{1,2} \w+ \d{4}", ("Page ", " sur ")),
    (english_draft(), r"Draft — Rev\.2 — \d{1,2} \w+ \d{4}", ("Page ", " of ")),
])
def test_header_and_footer(draft, status, page_of):
    document = open_docx(export_docx(draft, revision_label="Rev.2"))
    section = document.sections[0]
    header = [p.text for p in section.header.paragraphs]
    assert header[0].split("\t")[0] == (draft.metadata.body or "")
    assert header[0].endswith(draft.metadata.symbol or "")
    assert re.fullmatch(status, header[1])
    footer = section.footer._element
    instructions = [t.text.strip() for t in footer.iter(q("instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    texts = [t.text for t in footer.iter(q("t"))]
    assert texts == [page_of[0], "1", page_of[1], "1"]


@pytest.mark.parametrize(("draft", "tag"), [(sample_draft(), "fr-FR"), (english_draft(), "en-GB")])
def test_language_of_the_text(draft, tag):
    document = open_docx(export_docx(draft))
    lang = document.styles.element.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}/"
                                        f"{q('lang')}")
    assert lang.get(q("val")) == tag
    assert document.core_properties.language == tag


def test_french_non_breaking_spaces_are_kept():
    data = export_docx(sample_draft())
    text = "".join(text_of(p) for p in paragraphs(data))
    assert "internationale\u00a0:" in text and "« Protocole de Palerme »\u00a0;" in text


@pytest.mark.parametrize("line_numbers", [True, False])
def test_line_numbers(line_numbers):
    document = open_docx(export_docx(sample_draft(), line_numbers=line_numbers))
    found = document.sections[0]._sectPr.find(q("lnNumType"))
    assert (found is not None) == line_numbers
    if line_numbers:
        assert found.get(q("countBy")) == "1" and found.get(q("restart")) == "continuous"


@pytest.mark.parametrize(("watermark", "language", "expected"), [
    (True, "fr", ["PROJET"]), (True, "en", ["DRAFT"]), (False, "fr", [])])
def test_watermark(watermark, language, expected):
    draft = sample_draft() if language == "fr" else english_draft()
    header = open_docx(export_docx(draft, watermark=watermark)).sections[0].header._element
    assert [t.get("string") for t in header.iterfind(".//v:shape/v:textpath", NS)] == expected


def test_provenance_comments_name_source_date_position_and_similarity():
    draft = sample_draft()
    draft.preambular[0].text += " et réaffirmant le droit international"
    data = export_docx(draft)
    document = open_docx(data)
    comments = {str(c.comment_id): c for c in document.comments}
    anchored = {}
    for p in paragraphs(data):
        for start in p.iter(q("commentRangeStart")):
            anchored[text_of(p)] = start.get(q("id"))
    sources = [p for p in draft.preambular + draft.operative if p.provenance]
    assert sorted(anchored) == sorted(p.text for p in sources)
    for paragraph in sources:
        comment = comments[anchored[paragraph.text]]
        lines = [p.text for p in comment.paragraphs]
        provenance = paragraph.provenance
        score = round(fuzz.ratio(provenance.precedent_text, paragraph.text))
        assert lines[:5] == [f"Source\u00a0: {provenance.source}",
                             f"Organe\u00a0: {provenance.body}",
                             f"Date\u00a0: {provenance.date}",
                             f"Position\u00a0: {provenance.position}",
                             f"Similarité avec le précédent\u00a0: {score}\u00a0%"
                             + (" (identique)" if score == 100 else "")]
        assert f"Texte du précédent\u00a0: {provenance.precedent_text}" in lines
        assert comment.author == "Assistant de rédaction"
    scores = sorted(line for c in comments.values() for line in [c.paragraphs[4].text])
    assert scores[0] != scores[1], "an edited paragraph is less similar than an untouched one"


def test_paragraph_ids_travel_as_bookmarks():
    draft = sample_draft()
    names = {b.get(q("name")) for b in body(export_docx(draft)).iter(q("bookmarkStart"))}
    assert names == {f"_dd_{p.id}" for p in draft.preambular + draft.operative}


@pytest.mark.parametrize(("options", "message"), [
    ({"house_style": "xyz"}, "unknown house style 'xyz'"),
    ({"compare_with": "not a draft"}, "compare_with must be a draft"),
])
def test_bad_options_are_refused(options, message):
    with pytest.raises(ExportError, match=message):
        export_docx(sample_draft(), **options)


def test_only_drafts_are_exported():
    with pytest.raises(ExportError, match="only a draft"):
        export_docx({"title": "x"})


@pytest.mark.parametrize(("draft_style", "export_style", "ending"), [
    ("oif", "un", ","), ("un", "oif", "\u00a0;"), (None, "oif", ","), ("oas", "oas", " ;")])
def test_preambular_endings_follow_the_target_house_style(draft_style, export_style, ending):
    draft = Draft(title="T", chapeau="Nous, Ministres,", house_style=draft_style,
                  preambular=[Paragraph("Réaffirmant notre attachement ;" if draft_style in (
                      "oif", "oas") else "Réaffirmant notre attachement,")],
                  operative=[Paragraph("Décidons de agir.")])
    data = export_docx(draft, house_style=export_style)
    pp = [p for p in paragraphs(data) if style_of(p) == "Preambular"]
    assert text_of(pp[0]).endswith("attachement" + ending)
