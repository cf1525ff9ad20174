"""Uploads through the browser forms: hostile files refused with a clear message, nothing stored."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from storage.models import Document
from storage.models import Draft as DraftRow
from tests.conftest import csrf_token
from tests.hostile import HOSTILE_DOCX, SECRET_LINE, plain_docx, xxe_docx

ENDPOINTS = {
    # path: (page holding the form, table a success adds a row to)
    "/drafts/import": ("/drafts/new", DraftRow),
    "/bank/import": ("/bank/import", Document),
}


def upload(client, path: str, name: str, data: bytes):
    page = ENDPOINTS[path][0]
    return client.post(path, content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client, page), "document": (io.BytesIO(data), name)})


def rows(session, table) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(table))


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
@pytest.mark.parametrize("kind", sorted(HOSTILE_DOCX))
def test_hostile_docx_refused_with_a_message(signed_in, session, path, kind):
    table = ENDPOINTS[path][1]
    before = rows(session, table)
    response = upload(signed_in, path, "projet.docx", HOSTILE_DOCX[kind]())
    page = response.get_data(as_text=True)
    assert response.status_code in (413, 422), kind
    assert 'class="error"' in page
    assert "Traceback" not in page
    assert rows(session, table) == before
    assert signed_in.get("/").status_code == 200  # the server carries on


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_xxe_never_reads_a_server_file(signed_in, session, tmp_path, path):
    secret = tmp_path / "passwd"
    secret.write_text(SECRET_LINE)
    response = upload(signed_in, path, "projet.docx", xxe_docx(secret))
    assert SECRET_LINE not in response.get_data(as_text=True)
    for clause_text in session.scalars(select(Document.title)):
        assert SECRET_LINE not in (clause_text or "")


@pytest.mark.parametrize(("path", "name", "data"), [
    ("/bank/import", "precedent.exe", b"MZ\x90\x00"),
    ("/bank/import", "precedent.pdf", b"%PDF-1.7"),
    ("/bank/import", "vide.txt", b""),
    ("/bank/import", "binaire.txt", b"\x00\x01\x02" * 100),
    ("/drafts/import", "projet.txt", b"Rappelant"),
    ("/drafts/import", "vide.docx", b""),
])
def test_wrong_type_or_empty_refused(signed_in, session, path, name, data):
    before = rows(session, ENDPOINTS[path][1])
    response = upload(signed_in, path, name, data)
    assert response.status_code == 422
    assert 'class="error"' in response.get_data(as_text=True)
    assert rows(session, ENDPOINTS[path][1]) == before


TRAVERSALS = ["../../../../{root}/escaped.txt", "..\\..\\..\\{root}\\escaped.txt",
              "{root}/escaped.txt", "....//....//{root}/escaped.txt"]


@pytest.mark.parametrize("pattern", TRAVERSALS)
def test_path_traversal_file_names_write_nothing_outside(signed_in, session, tmp_path,
                                                         pattern):
    name = pattern.format(root=str(tmp_path).strip("/"))
    text = "Déclaration de test\n\nNous, Ministres,\n\nRappelant la Charte,\n\n1. Décidons ;\n"
    response = upload(signed_in, "/bank/import", name, text.encode())
    assert response.status_code in (303, 422)
    assert not (tmp_path / "escaped.txt").exists()
    assert not list(tmp_path.rglob("escaped.txt"))
    if response.status_code == 303:  # imported: the name is kept as a label only
        stored = session.scalars(select(Document.file_name)
                                 .where(Document.owner_id.is_not(None))).all()
        assert all("/" not in name and "\\" not in name for name in stored)


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_a_real_file_still_goes_through(signed_in, session, path):
    table = ENDPOINTS[path][1]
    before = rows(session, table)
    data = plain_docx("Rappelant la Déclaration de Niamey,\n")
    response = upload(signed_in, path, "Déclaration de Niamey.docx", data)
    assert response.status_code in (302, 303), response.get_data(as_text=True)[-400:]
    assert rows(session, table) == before + 1


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
@pytest.mark.parametrize("name", ["pro\x00jet.docx", "pro\rjet\n.docx", "p" * 400 + ".docx",
                                  "C:\\Users\\jdoe\\Mes documents\\projet.docx"])
def test_odd_file_names_are_kept_as_labels_only(signed_in, session, path, name):
    response = upload(signed_in, path, name, plain_docx("Rappelant la Charte,\n"))
    # 400: a NUL is refused at the door, and a line break breaks the multipart header.
    assert response.status_code in (303, 400, 422)
    page = signed_in.get("/drafts/" if path == "/drafts/import" else path)
    assert page.status_code == 200
