"""Every route of the app, with real arguments, and every form the owner is shown, to replay.

The authorization, CSRF and XSS tests are generated from ``app.url_map``: a new route is
tested as soon as it exists, and a route whose arguments nobody here knows fails the tests
until ``ARGUMENTS`` says which value to use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
from flask import Flask
from sqlalchemy import MetaData, select
from werkzeug.datastructures import MultiDict
from werkzeug.routing import Rule

import accounts
from clause_bank.store import import_document
from drafts import store
from drafts.model import Draft, Item, Metadata, Paragraph
from tests.conftest import PASSWORD

# Pages anyone may open without signing in; every other endpoint requires it.
PUBLIC = {"static", "home.index", "home.set_language", "auth.login", "auth.setup"}
# Endpoints a reader may POST to: they compute something, they never write.
READER_POSTS: set[str] = set()
# Endpoints (GET and POST) only the owner may use, even an editor gets 403.
OWNER_ONLY = {"sharing.share", "sharing.unshare"}
# Values for empty text fields when a form is replayed, by field name; else FILL_DEFAULT.
FILL = {"username": "mallory", "role": "editor"}
FILL_DEFAULT = "Texte inséré par un test"
SECRET = "ZX-SECRET-7f3a"  # appears in alice's draft and import only
# A word of alice's private import, searchable (the SECRET above is split by the tokenizer).
SECRET_WORD = "zyxquorbamantine"


def private_import_text() -> str:
    """Return the text alice imports into the bank for herself only."""
    return (f"Déclaration confidentielle {SECRET}\n\nNous, Ministres,\n\n"
            f"Rappelant la {SECRET_WORD} des États {SECRET},\n\n"
            f"1. Décidons de {SECRET_WORD} la coopération {SECRET} ;\n")
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


@dataclass
class World:
    """Who is who, and the ids their routes need."""

    draft_id: int
    values: dict[str, object] = field(default_factory=dict)


def secret_draft() -> Draft:
    """Return alice's confidential draft: the SECRET marker in every part."""
    return Draft(
        title=f"Déclaration {SECRET}",
        chapeau=f"Nous, Ministres {SECRET},",
        preambular=[Paragraph(text=f"Rappelant {SECRET},")],
        operative=[Paragraph(text=f"Décidons {SECRET} ;", items=[Item(text=f"a) {SECRET}")])],
        metadata=Metadata(body=f"OIF {SECRET}", place="Paris", date="2024-03-12"),
    )


def build_world(app: Flask) -> World:
    """Create alice (owner), bob (stranger), carol (reader), dave (editor), mallory; a draft."""
    with app.extensions["sessionmaker"]() as session:
        ids = {name: accounts.create_user(session, name, PASSWORD).id
               for name in ("alice", "bob", "carol", "dave", "mallory")}
        draft_id = store.create_draft(session, secret_draft(), owner_id=ids["alice"])
        store.save_draft(session, draft_id, secret_draft(), base_revision=1,
                         author_id=ids["alice"], name=f"Rev.1 {SECRET}")
        store.share_draft(session, draft_id, username="carol", role="reader")
        store.share_draft(session, draft_id, username="dave", role="editor")
        paragraph_id = store.load_draft(session, draft_id)[0].operative[0].id
        document = import_document(session, private_import_text(), owner_id=ids["alice"],
                                   meta={"file_name": f"confidentiel-{SECRET}.txt"})
        private_clause = document.clauses[0].id
    values = {"draft_id": draft_id, "revision": 1, "number": 1, "old": 1, "new": 2,
              "code": "fr", "paragraph_id": paragraph_id, "part": "operative", "index": 0,
              "filename": "app.css", "clause_id": 1, "private_clause_id": private_clause}
    return World(draft_id, values)


def routes(app: Flask) -> list[tuple[Rule, str]]:
    """Return every (rule, method) of the app but HEAD and OPTIONS."""
    found = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule, method))
    return found


def route_id(item: tuple[Rule, str]) -> str:
    rule, method = item
    return f"{method} {rule.rule}"


def url_for_rule(rule: Rule, world: World) -> str:
    """Return a URL of *rule* with the world's values for its arguments."""
    missing = rule.arguments - world.values.keys()
    if missing:
        raise AssertionError(f"{rule.rule}: add a value for {sorted(missing)} in "
                             "tests/authz.py build_world(), so that this route is tested")
    return rule.build({name: world.values[name] for name in rule.arguments},
                      append_unknown=False)[1]


def sign_in(app: Flask, username: str | None):
    """Return a test client signed in as *username* (anonymous for None)."""
    client = app.test_client()
    if username is not None:
        token = csrf_token(client, "/auth/login")
        response = client.post("/auth/login", data={"username": username,
                                                     "password": PASSWORD,
                                                     "csrf_token": token})
        assert response.status_code == 302, f"{username} could not sign in"
    return client


def csrf_token(client, url: str = "/auth/login") -> str:
    """Return a valid CSRF token for *client*'s session."""
    page = client.get(url).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if match is None:
        page = client.get("/auth/login").get_data(as_text=True)
        match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    return match.group(1)


def send(client, method: str, url: str, data: dict | list | None = None, *,
         token: str | None = None):
    """Send *method* to *url*: JSON under /api/, a form elsewhere; with *token* as CSRF."""
    headers = {"X-CSRFToken": token} if token else {}
    if url.startswith("/api/"):
        return client.open(url, method=method, json=data if isinstance(data, dict) else {},
                           headers=headers)
    form = list(data or [])
    if token and not any(name == "csrf_token" for name, _ in form):
        form.append(("csrf_token", token))
    return client.open(url, method=method, data=MultiDict(form), headers=headers)


def forms_on(page: str, page_url: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Return (method, action path, data) for each form and each named submit button."""
    if not page.strip():
        return []
    found = []
    for form in lxml.html.fromstring(page).forms:
        method = (form.method or "GET").upper()
        action = urlsplit(form.action or page_url).path or urlsplit(page_url).path
        # The owner's CSRF token stays behind: each replay sends its sender's own token.
        values = [(name, value or FILL.get(name, FILL_DEFAULT)) for name, value in
                  form.form_values() if name != "csrf_token"]
        buttons = [(b.get("name"), b.get("value", "")) for b in form.xpath(
            ".//button[@name]|.//input[@type='submit'][@name]")]
        for button in buttons or [None]:
            found.append((method, action, values + ([button] if button else [])))
    return found


def snapshot(app: Flask) -> dict[str, list[tuple]]:
    """Return every row of every table (but failed sign-ins), to prove nothing was written."""
    metadata = MetaData()
    engine = app.extensions["engine"]
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {name: sorted(map(tuple, connection.execute(select(table))), key=repr)
                for name, table in metadata.tables.items() if name != "login_failures"}
