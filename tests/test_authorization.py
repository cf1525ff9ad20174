"""Authorization and CSRF over every route of the URL map, so that no new route escapes.

anonymous → login (401 under /api/); another user → 404 on a draft; a reader writes nothing
(403); an editor cannot do what only the owner may; no state-changing request without a
valid CSRF token.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import urlsplit

import pytest

from drafting import create_app
from tests.authz import (
    OWNER_ONLY,
    PUBLIC,
    READER_POSTS,
    SECRET,
    SECRET_WORD,
    WRITE_METHODS,
    build_world,
    csrf_token,
    forms_on,
    route_id,
    routes,
    send,
    sign_in,
    snapshot,
    url_for_rule,
)

# The URL map only; no database is touched to list the routes.
ROUTES = routes(create_app({"TESTING": True, "SECRET_KEY": "routes", "BOOTSTRAP": False,
                            "SQLALCHEMY_DATABASE_URI": "sqlite://"}))
PROTECTED = [r for r in ROUTES if r[0].endpoint not in PUBLIC]
DRAFT_ROUTES = [r for r in PROTECTED if "draft_id" in r[0].arguments]
OTHER_ROUTES = [r for r in PROTECTED if "draft_id" not in r[0].arguments]
WRITES = [r for r in ROUTES if r[1] in WRITE_METHODS]
DRAFT_WRITES = [r for r in DRAFT_ROUTES if r[1] in WRITE_METHODS]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Build the world once into a template database (password hashing is slow on purpose)."""
    path = tmp_path_factory.mktemp("authz") / "template.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "test-only",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    world = build_world(app)
    app.extensions["engine"].dispose()
    return path, world


@pytest.fixture
def database_url(template, tmp_path) -> str:
    """Give each test its own copy of the template database."""
    copy = tmp_path / "test.sqlite"
    shutil.copyfile(template[0], copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def world(template, app):
    return template[1]


@pytest.fixture
def owner_forms(app, world) -> dict[tuple[str, str], list[list[tuple[str, str]]]]:
    """Return the forms alice is shown on every page she can open, by (endpoint, method)."""
    alice = sign_in(app, "alice")
    adapter = app.url_map.bind("localhost")
    forms: dict[tuple[str, str], list] = {}
    for rule, method in ROUTES:
        if method != "GET" or rule.endpoint == "static":
            continue
        url = url_for_rule(rule, world)
        response = alice.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        for form_method, action, data in forms_on(response.get_data(as_text=True), url):
            try:
                endpoint, _args = adapter.match(action, method=form_method)
            except Exception:  # a form pointing outside the app is not ours to replay
                continue
            forms.setdefault((endpoint, form_method), []).append(data)
    return forms


def replays(owner_forms, rule, method) -> list:
    """Return the owner's forms for this route, and an empty form; one request each."""
    return [*owner_forms.get((rule.endpoint, method), []), []]


def assert_login_required(response, url: str) -> None:
    if url.startswith("/api/"):
        assert response.status_code == 401 and response.is_json
    else:
        assert response.status_code == 302
        assert urlsplit(response.headers["Location"]).path == "/auth/login"


def test_routes_are_listed():
    endpoints = {rule.endpoint for rule, _ in ROUTES}
    assert {"auth.login", "auth.logout", "sharing.share"} <= endpoints
    assert DRAFT_ROUTES and WRITES


@pytest.mark.parametrize("route", PROTECTED, ids=route_id)
def test_anonymous_is_sent_to_login(app, world, route):
    rule, method = route
    client = sign_in(app, None)
    url = url_for_rule(rule, world)
    before = snapshot(app)
    response = send(client, method, url, token=csrf_token(client))
    assert_login_required(response, url)
    assert SECRET not in response.get_data(as_text=True)
    assert snapshot(app) == before


@pytest.mark.parametrize("route", DRAFT_ROUTES, ids=route_id)
def test_another_user_gets_404_on_a_draft(app, world, owner_forms, route):
    rule, method = route
    bob = sign_in(app, "bob")
    url = url_for_rule(rule, world)
    before = snapshot(app)
    for data in replays(owner_forms, rule, method):
        response = send(bob, method, url, data, token=csrf_token(bob, "/"))
        assert response.status_code == 404, (url, data)
        assert SECRET not in response.get_data(as_text=True)
    assert snapshot(app) == before


@pytest.mark.parametrize("route", OTHER_ROUTES, ids=route_id)
def test_another_user_never_sees_a_secret_elsewhere(app, world, owner_forms, route):
    rule, method = route
    bob = sign_in(app, "bob")
    url = url_for_rule(rule, world)
    for data in replays(owner_forms, rule, method):
        response = send(bob, method, url, data, token=csrf_token(bob, "/"))
        assert response.status_code < 500
        assert SECRET not in response.get_data(as_text=True), url


@pytest.mark.parametrize("route", [r for r in DRAFT_ROUTES if r[1] == "GET"], ids=route_id)
def test_reader_may_read(app, world, route):
    rule, _method = route
    carol = sign_in(app, "carol")
    response = carol.get(url_for_rule(rule, world))
    assert response.status_code == (403 if rule.endpoint in OWNER_ONLY else 200)


@pytest.mark.parametrize("route", DRAFT_WRITES, ids=route_id)
def test_reader_writes_nothing(app, world, owner_forms, route):
    rule, method = route
    carol = sign_in(app, "carol")
    url = url_for_rule(rule, world)
    before = snapshot(app)
    for data in replays(owner_forms, rule, method):
        response = send(carol, method, url, data, token=csrf_token(carol, "/"))
        if rule.endpoint not in READER_POSTS:
            assert response.status_code == 403, (url, data)
    assert snapshot(app) == before


@pytest.mark.parametrize("route", [r for r in DRAFT_ROUTES if r[0].endpoint in OWNER_ONLY],
                         ids=route_id)
def test_editor_cannot_do_what_only_the_owner_may(app, world, owner_forms, route):
    rule, method = route
    dave = sign_in(app, "dave")
    url = url_for_rule(rule, world)
    before = snapshot(app)
    for data in replays(owner_forms, rule, method):
        response = send(dave, method, url, data, token=csrf_token(dave, "/"))
        assert response.status_code == 403, (url, data)
    assert snapshot(app) == before


@pytest.mark.parametrize("route", WRITES, ids=route_id)
def test_no_state_change_without_a_valid_csrf_token(app, world, owner_forms, route):
    rule, method = route
    alice = sign_in(app, "alice")
    url = url_for_rule(rule, world)
    other_session_token = csrf_token(sign_in(app, "bob"), "/")
    before = snapshot(app)
    for data in replays(owner_forms, rule, method):
        unsigned = [(name, value) for name, value in data if name != "csrf_token"]
        for token in (None, "forged", other_session_token):
            response = send(alice, method, url, [*unsigned, ("csrf_token", token or "")])
            assert response.status_code == 400, (url, token)
        assert snapshot(app) == before
    # The same request with the right token gets past CSRF: the refusals above were its doing.
    response = send(alice, method, url, replays(owner_forms, rule, method)[0],
                    token=csrf_token(alice, "/"))
    assert "formulaire a expiré" not in response.get_data(as_text=True)


def test_a_private_import_stays_private(app, world):
    """alice's imported text: found by her, by nobody else (search, API, editor panel)."""
    clause_id = world.values["private_clause_id"]
    probes = [("/api/clauses", {"q": SECRET_WORD}), (f"/api/clauses/{clause_id}", {}),
              ("/api/clauses", {"q": "coopération", "limit": 100}),
              ("/bank/import", {}), ("/drafts/new", {})]
    alice, bob = sign_in(app, "alice"), sign_in(app, "bob")
    found_by_alice = alice.get("/api/clauses", query_string={"q": SECRET_WORD})
    assert SECRET_WORD in found_by_alice.get_data(as_text=True)  # the probe can see it
    for path, query in probes:
        response = bob.get(path, query_string=query)
        assert response.status_code in (200, 404), path
        # The API echoes the query: look at what it found, not at what was asked.
        body = (json.dumps(response.get_json().get("hits", response.get_json()))
                if response.is_json else response.get_data(as_text=True))
        assert SECRET_WORD not in body and SECRET not in body, path
    assert bob.get(f"/api/clauses/{clause_id}").status_code == 404
    text = {"text": f"Rappelant la {SECRET_WORD} des États {SECRET},"}

    def found(client) -> str:
        """Return what the precedents hold of the bank (their diffs echo the query itself)."""
        response = client.post("/api/precedents", json=text,
                               headers={"X-CSRFToken": csrf_token(client, "/")})
        assert response.status_code == 200
        return json.dumps([{k: v for k, v in p.items() if k != "diff"}
                           for p in response.get_json()["precedents"]])

    assert SECRET in found(alice)
    assert SECRET not in found(bob)
