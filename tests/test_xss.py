"""Stored and reflected XSS: hostile text in every field, shown escaped on every page and API.

The payloads go in through the store, the bank import (file name and content) and every form
the owner is shown; then every GET route is crawled, with hostile query parameters too, and
each HTML page is parsed: no inline script, no on* attribute, no javascript: URL anywhere.
"""

from __future__ import annotations

import io
import json
import shutil

import lxml.html
import pytest

from drafting import create_app
from drafts import store
from drafts.model import Draft, Item, Metadata, Paragraph, Provenance
from tests.authz import build_world, csrf_token, forms_on, routes, send, sign_in, url_for_rule

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
            "javascript:alert(1)", "'><svg onload=alert(1)>", "{{7*7}}"]
PAYLOAD = " ".join(PAYLOADS)
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}
HOSTILE_QUERY = {name: PAYLOAD for name in (
    "q", "kind", "opener", "source", "year_from", "year_to", "restore", "next", "old", "new",
    "format", "house_style", "compare_with", "ids")} | {"partial": "1"}
ROUTES = routes(create_app({"TESTING": True, "SECRET_KEY": "routes", "BOOTSTRAP": False,
                            "SQLALCHEMY_DATABASE_URI": "sqlite://"}))


def hostile_draft() -> Draft:
    return Draft(
        title=f"Titre {PAYLOAD}", chapeau=f"Nous, {PAYLOAD},",
        preambular=[Paragraph(text=f"Rappelant {PAYLOAD},", bracketed=True,
                              provenance=Provenance(None, f"Source {PAYLOAD}", "PP1",
                                                    f"Rappelant {PAYLOAD}",
                                                    body=PAYLOAD, date=PAYLOAD))],
        operative_intro=f"AFFIRMONS {PAYLOAD} :",
        operative=[Paragraph(text=f"Décidons {PAYLOAD} ;",
                             items=[Item(text=f"a) {PAYLOAD}")]),
                   Paragraph(text=f"Décidons encore {PAYLOAD}.", alternative="bis")],
        closing=f"FIN {PAYLOAD}",
        metadata=Metadata(body=PAYLOAD, meeting=PAYLOAD, place=PAYLOAD, date=PAYLOAD,
                          symbol=PAYLOAD),
    )


def assert_inert(page: str, where: str) -> None:
    """Fail if *page* (HTML) holds anything a browser would run."""
    for payload in PAYLOADS[:2] + PAYLOADS[3:4]:
        assert payload not in page, f"{where}: unescaped {payload!r}"
    if not page.strip():
        return
    for element in lxml.html.fromstring(page).iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        assert tag not in ("iframe", "object", "embed", "svg", "base"), f"{where}: <{tag}>"
        if tag == "script":
            assert not (element.text or "").strip(), f"{where}: inline script"
            assert element.get("src", "").startswith("/static/"), f"{where}: foreign script"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{where}: {name}= on <{tag}>"
            assert name.lower() != "style", f"{where}: inline style on <{tag}>"
            if name.lower() in URL_ATTRIBUTES:
                scheme = value.strip().lower().replace("\t", "").replace("\n", "")
                assert not scheme.startswith(("javascript:", "data:text", "vbscript:")), \
                    f"{where}: {name}={value!r}"


def assert_json_inert(response, where: str) -> None:
    assert response.mimetype == "application/json", f"{where}: {response.mimetype}"
    assert response.headers["X-Content-Type-Options"] == "nosniff"

    def walk(value, path):
        if isinstance(value, dict):
            for key, child in value.items():
                if key.endswith("html") and isinstance(child, str):
                    assert_inert(child, f"{where} {path}.{key}")
                else:
                    walk(child, f"{path}.{key}")
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, f"{path}[{index}]")

    walk(json.loads(response.get_data(as_text=True)), "")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The hostile world, built once: payloads in a draft, a revision name and the bank."""
    path = tmp_path_factory.mktemp("xss") / "template.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "test-only",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    world = build_world(app)
    with app.extensions["sessionmaker"]() as session:
        store.save_draft(session, world.draft_id, hostile_draft(), base_revision=2,
                         author_id=None, name=f"Rev.2 {PAYLOAD}")
    alice = sign_in(app, "alice")
    content = f"Déclaration {PAYLOAD}\n\nNous, Ministres,\n\nRappelant {PAYLOAD},\n\n" \
              f"1. Décidons {PAYLOAD} ;\n"
    response = alice.post("/bank/import", data={
        "csrf_token": csrf_token(alice, "/bank/import"),
        # A double quote would end the multipart file name; the rest of the payload travels.
        "document": (io.BytesIO(content.encode()), f"{PAYLOAD.replace(chr(34), '')}.txt")},
        content_type="multipart/form-data")
    assert response.status_code in (302, 303), response.get_data(as_text=True)[-500:]
    app.extensions["engine"].dispose()
    world.values["revision"] = world.values["number"] = 3
    return path, world


@pytest.fixture
def database_url(template, tmp_path) -> str:
    copy = tmp_path / "test.sqlite"
    shutil.copyfile(template[0], copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def world(template, app):
    return template[1]


@pytest.mark.parametrize("user", ["alice", "carol"])
def test_every_page_shows_stored_payloads_escaped(app, world, user):
    client = sign_in(app, user)
    seen_escaped = False
    for rule, method in ROUTES:
        if method != "GET" or rule.endpoint == "static":
            continue
        url = url_for_rule(rule, world)
        for query in ({}, HOSTILE_QUERY):
            response = client.get(url, query_string=query)
            assert response.status_code < 500, url
            where = f"{user} GET {url} {'with' if query else 'without'} hostile query"
            if response.mimetype == "text/html":
                page = response.get_data(as_text=True)
                assert_inert(page, where)
                seen_escaped |= ESCAPED in page
            elif response.mimetype == "application/json":
                assert_json_inert(response, where)
    assert seen_escaped, "no page showed the payload at all: the crawl proved nothing"


def test_every_form_filled_with_payloads_answers_inert_pages(app, world, monkeypatch):
    monkeypatch.setattr("tests.authz.FILL_DEFAULT", PAYLOAD)
    monkeypatch.setattr("tests.authz.FILL", {"role": "editor"})
    alice = sign_in(app, "alice")
    adapter = app.url_map.bind("localhost")
    forms = []
    for rule, method in ROUTES:
        if method == "GET" and rule.endpoint != "static":
            url = url_for_rule(rule, world)
            response = alice.get(url)
            if response.mimetype == "text/html":
                forms += forms_on(response.get_data(as_text=True), url)
    assert forms
    for method, action, data in forms:
        adapter.match(action, method=method)  # every form posts to a route of ours
        response = send(alice, method, action, data, token=csrf_token(alice, "/"))
        assert response.status_code < 500, (action, data)
        if response.status_code in (302, 303):
            response = alice.get(response.headers["Location"])
        if response.mimetype == "text/html":
            assert_inert(response.get_data(as_text=True), f"{method} {action}")


@pytest.mark.parametrize("path", ["/api/clauses", "/api/clauses/1", "/bank/families.json"])
def test_api_answers_json_with_payload_queries(app, world, path):
    alice = sign_in(app, "alice")
    response = alice.get(path, query_string=HOSTILE_QUERY)
    assert response.status_code < 500
    assert_json_inert(response, path)


def test_api_json_body_with_payloads(app, world):
    alice = sign_in(app, "alice")
    response = alice.post("/api/precedents", json={"text": PAYLOAD, "texts": [PAYLOAD]},
                          headers={"X-CSRFToken": csrf_token(alice, "/")})
    assert response.status_code < 500
    assert_json_inert(response, "/api/precedents")
