"""House-style templates: bundled ones are up to date, a user's own is validated and used."""

import io
import zipfile

import docx
import pytest

from exports import TemplateError, export_docx
from exports.house_styles import CHARACTER_STYLES, HOUSE_STYLES, PARAGRAPH_STYLES
from exports.make_templates import build
from exports.template import TEMPLATES, builtin_bytes, resolve_styles
from tests.export_helpers import body, numbering_of, open_docx, q, sample_draft, style_of


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


@pytest.mark.parametrize("house_style", list(HOUSE_STYLES))
def test_committed_templates_match_the_generator(house_style):
    committed = (TEMPLATES / f"{house_style}.docx").read_bytes()
    fresh = build(HOUSE_STYLES[house_style])
    for name in ("word/styles.xml", "word/numbering.xml", "word/document.xml"):
        assert _part(committed, name) == _part(fresh, name), f"run make_templates ({name})"


@pytest.mark.parametrize("house_style", list(HOUSE_STYLES))
def test_templates_hold_every_style_and_numbering(house_style):
    document = docx.Document(io.BytesIO(builtin_bytes(house_style)))
    kinds = {s.style_id: s.type for s in document.styles}
    for registry, kind in ((PARAGRAPH_STYLES, 1), (CHARACTER_STYLES, 2)):
        for style_id, _name in registry.values():
            assert kinds.get(style_id) == kind, style_id
    names = {n.get(q("val")) for n in document.part.numbering_part.element.iter(q("name"))}
    assert {"Declaration operative (fr)", "Declaration operative (en)",
            "Declaration operative labelled (fr)", "Declaration preambular labelled (en)"} <= names


def _edited(mutate) -> bytes:
    document = docx.Document(io.BytesIO(builtin_bytes("un")))
    mutate(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_restyled_template_is_used():
    def underline_openers(document):
        document.styles["Opener"].font.underline = True
        document.styles["Opener"].font.italic = False

    data = export_docx(sample_draft(), template=_edited(underline_openers))
    opener = open_docx(data).styles["Opener"]
    assert opener.font.underline is True and opener.font.italic is False


def test_styles_found_by_name_when_ids_differ():
    def rename(document):
        node = document.styles.element.xpath('w:style[@w:styleId="Operative"]')[0]
        node.set(q("styleId"), "MonOperatif")

    data = export_docx(sample_draft(), template=_edited(rename))
    operative = [p for p in body(data).iter(q("p")) if numbering_of(p) and numbering_of(p)[1] == 0]
    assert {style_of(p) for p in operative} == {"MonOperatif"}


def test_missing_numbering_definitions_are_added():
    def strip_numbering(document):
        numbering = document.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)

    document = open_docx(export_docx(sample_draft(), template=_edited(strip_numbering)))
    names = [n.get(q("val")) for n in document.part.numbering_part.element.iter(q("name"))]
    assert "Declaration operative (fr)" in names


def test_a_template_without_our_styles_is_refused():
    out = io.BytesIO()
    docx.Document().save(out)
    expected = r"lacks the styles Note \(paragraph\), Chapeau \(paragraph\), "
    with pytest.raises(TemplateError, match=expected):
        export_docx(sample_draft(), template=out.getvalue())


@pytest.mark.parametrize(("template", "message"), [
    (b"not a zip", "not a Word document"),
    ("/nonexistent/template.docx", "template not found"),
])
def test_unreadable_templates_are_refused(template, message):
    with pytest.raises(TemplateError, match=message):
        export_docx(sample_draft(), template=template)


def test_a_dotx_template_is_accepted(tmp_path):
    source = io.BytesIO(builtin_bytes("oif"))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(out, "w") as target:
        for entry in archive.infolist():
            blob = archive.read(entry)
            if entry.filename == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(entry, blob)
    path = tmp_path / "maison.dotx"
    path.write_bytes(out.getvalue())
    document = open_docx(export_docx(sample_draft(), template=path))
    assert document.styles["Opener"].font.bold is True


def test_resolve_styles_reports_every_missing_style():
    with pytest.raises(TemplateError) as error:
        resolve_styles(docx.Document())
    assert all(name in str(error.value) for name in ("Chapeau", "Sub-item 3", "Opener"))
