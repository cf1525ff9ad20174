"""Revisions, comparison, export, Word import and the checks panel, through the test client."""

import io
import re
import zipfile

import pytest
from werkzeug.datastructures import MultiDict

from drafts import store
from exports import export_docx
from tests.editor_helpers import (
    editor_form,
    load,
    page_token,
    replace,
    sample_draft,
    store_draft,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def draft_id(signed_in, session):
    return store_draft(session)


def save(client, draft_id, action="save", **texts):
    pairs = replace(editor_form(client, draft_id), **texts) + [("action", action)]
    return client.post(f"/drafts/{draft_id}", data=MultiDict(pairs))


def token(client, draft_id):
    return page_token(client.get(f"/drafts/{draft_id}").get_data(as_text=True))


def test_history_name_view_and_restore(signed_in, session, draft_id):
    save(signed_in, draft_id, text_op1="Condamnons fermement la traite ;")
    page = signed_in.get(f"/drafts/{draft_id}/revisions").get_data(as_text=True)
    assert "Rév. 2" in page and "Rév. 1" in page and "actuelle" in page
    response = signed_in.post(f"/drafts/{draft_id}/revisions/1/name",
                              data={"name": "Rev.1 — avant les consultations",
                                    "csrf_token": token(signed_in, draft_id)})
    assert response.status_code == 303
    assert store.list_revisions(session, draft_id)[-1].name == "Rev.1 — avant les consultations"
    page = signed_in.get(f"/drafts/{draft_id}/revisions/1").get_data(as_text=True)
    assert "Condamnons la traite des personnes ;" in page and "lecture seule" in page
    response = signed_in.post(f"/drafts/{draft_id}/revisions/1/restore",
                              data={"csrf_token": token(signed_in, draft_id)})
    assert response.status_code == 303
    draft, revision = load(session, draft_id)
    assert revision == 3 and draft.operative[0].text == "Condamnons la traite des personnes ;"


@pytest.mark.parametrize(("url", "status"), [
    ("/drafts/{id}/revisions/9", 404),
    ("/drafts/{id}/compare?old=1&new=9", 404),
])
def test_missing_revisions_answer_404(signed_in, draft_id, url, status):
    assert signed_in.get(url.format(id=draft_id)).status_code == status


def test_naming_a_missing_revision_is_404_and_a_long_name_is_refused(signed_in, session,
                                                                      draft_id):
    csrf = token(signed_in, draft_id)
    assert signed_in.post(f"/drafts/{draft_id}/revisions/9/name",
                          data={"name": "x", "csrf_token": csrf}).status_code == 404
    response = signed_in.post(f"/drafts/{draft_id}/revisions/1/name",
                              data={"name": "x" * 300, "csrf_token": csrf})
    assert response.status_code == 303
    assert store.list_revisions(session, draft_id)[0].name is None
    assert "255" in signed_in.get(response.headers["Location"]).get_data(as_text=True)


def test_compare_side_by_side_with_word_diff(signed_in, draft_id):
    save(signed_in, draft_id, text_op1="Condamnons fermement la traite des personnes ;")
    page = signed_in.get(f"/drafts/{draft_id}/compare?old=1&new=2").get_data(as_text=True)
    assert "<ins>fermement </ins>" in page or "<ins> fermement</ins>" in page
    assert "Rév. 1 → Rév. 2" in page and "1 modifiés" in page


def test_export_docx_with_tracked_changes_and_a_clean_file_name(signed_in, draft_id):
    save(signed_in, draft_id, text_op1="Condamnons fermement la traite des personnes ;")
    response = signed_in.get(f"/drafts/{draft_id}/export/download",
                             query_string={"format": "docx", "compare_with": "1",
                                           "labels": "y", "line_numbers": "y"})
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''D%C3%A9claration%20de%20Paris%20-%20R%C3%A9v.%202" in disposition
    assert 'filename="Declaration de Paris - Rev. 2 contre Rev. 1.docx"' in disposition
    xml = zipfile.ZipFile(io.BytesIO(response.data)).read("word/document.xml").decode()
    inserted = "".join(re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml, re.S))
    assert "fermement" in re.sub(r"<[^>]+>", "", inserted)
    assert "w:lnNumType" in xml


@pytest.mark.parametrize(("fmt", "mimetype", "expected"), [
    ("txt", "text/plain", "Condamnons la traite des personnes"),
    ("md", "text/markdown", "la traite des personnes"),
])
def test_export_text_formats(signed_in, draft_id, fmt, mimetype, expected):
    response = signed_in.get(f"/drafts/{draft_id}/export/download",
                             query_string={"format": fmt})
    assert response.status_code == 200 and response.mimetype == mimetype
    assert expected in response.get_data(as_text=True)
    assert f".{fmt}" in response.headers["Content-Disposition"]


@pytest.mark.parametrize("query", [{"format": "rtf"}, {"compare_with": "7"},
                                   {"house_style": "nato"}])
def test_export_refuses_bad_options(signed_in, draft_id, query):
    response = signed_in.get(f"/drafts/{draft_id}/export/download", query_string=query)
    assert response.status_code == 422 and "pas un choix valide" in response.get_data(
        as_text=True)


def test_export_dialog_lists_older_revisions(signed_in, draft_id):
    save(signed_in, draft_id, text_op1="Autre ;")
    page = signed_in.get(f"/drafts/{draft_id}/export").get_data(as_text=True)
    assert '<option value="1">Rév. 1</option>' in page
    assert '<option value="2">' not in page  # the current revision is what is exported


def test_import_a_word_draft_to_continue_it(signed_in, session):
    data = export_docx(sample_draft())
    csrf = page_token(signed_in.get("/drafts/new").get_data(as_text=True))
    response = signed_in.post("/drafts/import", data={
        "csrf_token": csrf, "document": (io.BytesIO(data), "Déclaration.docx")},
        content_type="multipart/form-data")
    assert response.status_code == 303
    draft_id = int(response.headers["Location"].rsplit("/", 1)[1])
    draft, _ = load(session, draft_id)
    assert [p.text for p in draft.operative] == [p.text for p in sample_draft().operative]
    assert store.list_revisions(session, draft_id)[0].name == "Importé de Déclaration.docx"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("notes.txt", b"hello", "Seuls les fichiers Word .docx"),
    ("faux.docx", b"not a zip at all", "docx"),
    ("gros.docx", b"0" * 2000, "5 Mo au plus"),
])
def test_import_refuses_what_is_not_a_word_draft(signed_in, session, monkeypatch, name, content,
                                                 message):
    monkeypatch.setattr("drafting.editor.listing.MAX_DOCX", 1000)  # small: no spooled file
    csrf = page_token(signed_in.get("/drafts/new").get_data(as_text=True))
    response = signed_in.post("/drafts/import", data={
        "csrf_token": csrf, "document": (io.BytesIO(content), name)},
        content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and message in page
    assert store.drafts_for_user(session, 1) == []


def fix_buttons(page: str) -> list[str]:
    return re.findall(r'name="action" value="(fix:[^"]+)"', page)


def test_checks_panel_applies_one_fix(signed_in, session, draft_id):
    page = signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)
    buttons = [b for b in fix_buttons(page) if ".operative.0." in b]
    assert buttons, "the sample's « ; » after an ordinary space is reported with a fix"
    response = save(signed_in, draft_id, action=buttons[0])
    assert response.status_code == 303
    draft, revision = load(session, draft_id)
    assert revision == 2 and draft.operative[0].text == "Condamnons la traite des personnes\u00a0;"
    assert "Correction appliquée" in signed_in.get(response.headers["Location"]).get_data(
        as_text=True)


def test_a_fix_for_text_changed_meanwhile_does_not_apply(signed_in, session, draft_id):
    page = signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)
    button = next(b for b in fix_buttons(page) if ".operative.0." in b)
    response = save(signed_in, draft_id, action=button, text_op1="Condamnons la traite.")
    assert load(session, draft_id)[0].operative[0].text == "Condamnons la traite."
    assert "ne s&#39;applique plus" in signed_in.get(response.headers["Location"]).get_data(
        as_text=True)


def test_fix_all_safe_fixes_and_checks_rerun_on_save(signed_in, session, draft_id):
    before = len(fix_buttons(signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)))
    save(signed_in, draft_id, action="fixall")
    draft, revision = load(session, draft_id)
    assert revision == 2 and "\u00a0;" in draft.operative[0].text
    after = len(fix_buttons(signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)))
    assert after < before


def test_duplicate_is_reported_and_can_be_deleted(signed_in, session, draft_id):
    save(signed_in, draft_id, action="duplicate:op1")
    page = signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert "répète OP1" in page
    delete = re.search(r'value="(delete:[^"]+)">Supprimer le doublon OP2', page).group(1)
    save(signed_in, draft_id, action=delete)
    assert [p.id for p in load(session, draft_id)[0].operative] == ["op1", "op2", "op3"]


def test_pages_in_english(signed_in, draft_id):
    page = signed_in.get(f"/drafts/{draft_id}", headers={"Accept-Language": "en"}).get_data(
        as_text=True)
    for expected in ("Precedent bank", "Checks", "Save", "Add an operative paragraph",
                     "Preamble", "Move up OP2"):
        assert expected in page
    page = signed_in.get("/drafts/new", headers={"Accept-Language": "en"}).get_data(
        as_text=True)
    assert "Ministerial declaration (We, Ministers …)" in page


def test_a_long_checks_panel_shows_the_first_findings_then_all(signed_in, session):
    from drafts.model import Paragraph

    draft = sample_draft()
    draft.operative += [Paragraph(text="") for _ in range(130)]  # each one an empty paragraph
    draft_id = store_draft(session, draft=draft)
    page = signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)
    total = int(re.search(r"(\d+) remarques", page).group(1))
    assert total > 130
    assert page.count('class="finding"') == 120
    assert f"Les 120 premières remarques sont affichées sur {total}." in page
    page = signed_in.get(f"/drafts/{draft_id}?findings=all").get_data(as_text=True)
    assert page.count('class="finding"') == total
