"""The bank from the editor: search panel without JavaScript, insertion in the draft's voice,
precedent badges and diffs, families, and importing a precedent into the bank."""

import io
import re

import pytest
from werkzeug.datastructures import MultiDict

from storage.models import Clause, Document
from tests.editor_helpers import editor_form, load, page_token, store_draft


@pytest.fixture
def draft_id(signed_in, session):
    return store_draft(session)


def clause_id(session, starts: str) -> int:
    return session.query(Clause).filter(Clause.text.startswith(starts)).one().id


def test_search_panel_renders_results_without_javascript(signed_in, draft_id):
    page = signed_in.get(f"/drafts/{draft_id}?q=traite+des+personnes").get_data(as_text=True)
    assert page.count('class="result"') >= 10
    assert "<mark>traite</mark>" in page
    assert 'value="insert:operative:' in page and 'value="insert:preambular:' in page
    assert 'name="q" form="editor" value="traite des personnes"' in page


@pytest.mark.parametrize(("query", "expected"), [
    ("kind=preambular&q=traite", "PP"),
    ("source=4&opener=réaffirmer", "Réaffirment"),
    ("year_from=2018&q=traite", "2018"),
])
def test_search_panel_filters(signed_in, draft_id, query, expected):
    page = signed_in.get(f"/drafts/{draft_id}?{query}").get_data(as_text=True)
    results = re.findall(r'<li class="result".*?</li>', page.split('id="result-template"')[0],
                         re.S)
    assert results and all(expected in r for r in results)


def test_a_bad_year_is_reported_in_the_panel(signed_in, draft_id):
    page = signed_in.get(f"/drafts/{draft_id}?q=traite&year_from=20x8").get_data(as_text=True)
    assert "quatre chiffres" in page
    assert 'class="result"' not in page.split('id="result-template"')[0]


def test_insert_as_op_converts_the_opener_and_keeps_provenance(signed_in, session, draft_id):
    celac = clause_id(session, "Réaffirment également leur préoccupation")
    pairs = editor_form(signed_in, draft_id) + [("action", f"insert:operative:{celac}"),
                                                ("q", "vulnérabilité")]
    response = signed_in.post(f"/drafts/{draft_id}", data=MultiDict(pairs))
    assert response.status_code == 303 and "q=vuln" in response.headers["Location"]
    draft, revision = load(session, draft_id)
    inserted = draft.operative[-1]
    assert revision == 2
    assert inserted.text.startswith("Réaffirmons également leur préoccupation")
    assert inserted.provenance.clause_id == celac
    assert inserted.provenance.precedent_text.startswith("Réaffirment également")
    assert inserted.provenance.source.startswith("Communiqué spécial")
    page = signed_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "Précédent inséré comme OP4" in page and "Communiqué spécial" in page


def test_insert_as_pp_takes_the_participle(signed_in, session, draft_id):
    celac = clause_id(session, "Réaffirment l'importance de défendre")
    pairs = editor_form(signed_in, draft_id) + [("action", f"insert:preambular:{celac}")]
    signed_in.post(f"/drafts/{draft_id}", data=MultiDict(pairs))
    assert load(session, draft_id)[0].preambular[-1].text.startswith("Réaffirmant l'importance")


@pytest.mark.parametrize("clause", ["999999", "abc"])
def test_inserting_a_missing_clause_is_refused(signed_in, session, draft_id, clause):
    pairs = editor_form(signed_in, draft_id) + [("action", f"insert:operative:{clause}")]
    response = signed_in.post(f"/drafts/{draft_id}", data=MultiDict(pairs))
    assert response.status_code == 422 and "plus dans la banque" in response.get_data(
        as_text=True)
    assert load(session, draft_id)[1] == 1


def test_another_users_private_text_cannot_be_inserted(signed_in, session, draft_id,
                                                       make_user, client_for):
    bob = client_for("bob")
    token = page_token(bob.get("/bank/import").get_data(as_text=True))
    bob.post("/bank/import", data={"csrf_token": token, "document": (
        io.BytesIO("Nous, Ministres,\n\n1. Décidons de garder ce secret ;\n".encode()),
        "secret.txt")}, content_type="multipart/form-data")
    secret = session.query(Clause).filter(Clause.text.contains("garder ce secret")).one().id
    pairs = editor_form(signed_in, draft_id) + [("action", f"insert:operative:{secret}")]
    response = signed_in.post(f"/drafts/{draft_id}", data=MultiDict(pairs))
    assert response.status_code == 422


def test_precedent_badges_and_diff(signed_in, session, draft_id):
    badges = signed_in.get(f"/drafts/{draft_id}/precedents.json").get_json()
    assert badges, "the sample's paragraphs have precedents in the bundled corpus"
    for found in badges.values():
        assert 50 <= found["similarity"] <= 100 and found["position"][:2] in ("PP", "OP")
        assert found["url"].startswith(f"/drafts/{draft_id}/paragraphs/")
    paragraph_id = next(iter(badges))
    page = signed_in.get(f"/drafts/{draft_id}/paragraphs/{paragraph_id}/precedent")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Précédent le plus proche" in text and ("<ins>" in text or "<del>" in text)
    partial = signed_in.get(f"/drafts/{draft_id}/paragraphs/{paragraph_id}/precedent"
                            "?partial=1").get_data(as_text=True)
    assert partial.lstrip().startswith("<div class=\"precedent-pop\"")
    assert signed_in.get(f"/drafts/{draft_id}/paragraphs/nope/precedent").status_code == 404


def test_families_count_the_texts_a_wording_appears_in(signed_in, session):
    families = [c.family_id for c in session.query(Clause).filter(Clause.family_id.is_not(None))]
    answer = signed_in.get(f"/bank/families.json?ids={','.join(map(str, set(families)))},x"
                           ).get_json()
    assert answer and all(v["documents"] >= 1 for v in answer.values())
    assert max(v["documents"] for v in answer.values()) >= 2


def test_import_a_precedent_into_the_bank(signed_in, session):
    text = ("Déclaration de Lomé sur la sécurité maritime\n\nNous, Ministres,\n\n"
            "Réaffirmant notre attachement à la Charte ;\n\n"
            "1. Décidons de renforcer la coopération maritime régionale ;\n"
            "2. Appelons les États à ratifier la Convention.\n")
    token = page_token(signed_in.get("/bank/import").get_data(as_text=True))
    response = signed_in.post("/bank/import", data={
        "csrf_token": token, "document": (io.BytesIO(text.encode()), "Lomé 2016.txt")},
        content_type="multipart/form-data")
    assert response.status_code == 303
    document = session.query(Document).filter(Document.file_name == "Lomé 2016.txt").one()
    assert document.owner_id is not None and len(document.clauses) >= 2
    assert "versé dans la banque" in signed_in.get(response.headers["Location"]).get_data(
        as_text=True)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("photo.png", b"\x89PNG\r\n", "Formats acceptés"),
    ("vide.txt", b"", ""),
    ("binaire.txt", b"\x00\x01\x02" * 100, ""),
    ("gros.txt", b"a" * 2000, "5 Mo au plus"),
])
def test_import_refuses_bad_files_next_to_the_field(signed_in, session, monkeypatch, name,
                                                    content, message):
    monkeypatch.setattr("drafting.library.MAX_UPLOAD", 1000)  # small: no spooled file
    before = session.query(Document).count()
    token = page_token(signed_in.get("/bank/import").get_data(as_text=True))
    response = signed_in.post("/bank/import", data={
        "csrf_token": token, "document": (io.BytesIO(content), name)},
        content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'<p class="error" id="document-errors">[^<]+', page)
    assert message in page
    assert session.query(Document).count() == before
