"""Bad input in every field of every form, on both databases: refused, never a 500."""

from __future__ import annotations

import pytest

from tests.authz import build_world, csrf_token, forms_on, routes, send, sign_in, url_for_rule
from tests.conftest import BACKENDS

BAD_VALUES = {
    "NUL": "avant\x00après",  # PostgreSQL refuses it in text
    "control": "a\x01b\x1fc",
    "long": "Réaffirmant " * 20_000,  # 240 kB, under the form limits
    "sql": "'; DROP TABLE users; --",
    "number-like": "-99999999999999999999",
    "blank": "   ",
}


def all_forms(app, world, client) -> list[tuple[str, str, list[tuple[str, str]]]]:
    forms = []
    for rule, method in routes(app):
        if method == "GET" and rule.endpoint != "static":
            url = url_for_rule(rule, world)
            response = client.get(url)
            if response.mimetype == "text/html":
                forms += forms_on(response.get_data(as_text=True), url)
    return forms


def variants(data: list[tuple[str, str]]):
    """Yield (field, value, data) with one field at a time set to each bad value."""
    for index, (name, _value) in enumerate(data):
        for label, bad in BAD_VALUES.items():
            changed = list(data)
            changed[index] = (name, bad)
            yield f"{name}={label}", changed


@pytest.mark.slow
@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_bad_values_in_every_field_never_crash(app, database_url):
    world = build_world(app)
    failures = []
    for user in ("alice", "carol", None):
        client = sign_in(app, user)
        seen = set()
        for method, action, data in all_forms(app, world, client):
            key = (method, action, tuple(name for name, _ in data))
            if key in seen:
                continue
            seen.add(key)
            for label, changed in variants(data):
                try:  # the test app lets exceptions through: collect them all, then fail
                    response = send(client, method, action, changed,
                                    token=csrf_token(client, "/"))
                except Exception as error:
                    failures.append(f"{user} {method} {action} {label}: {error!r}"[:300])
                    continue
                if response.status_code >= 500:
                    failures.append(f"{user} {method} {action} {label}")
    assert not failures, failures


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
@pytest.mark.parametrize("label", sorted(BAD_VALUES))
def test_bad_sign_in_never_crashes(app, database_url, make_user, label):
    make_user("alice")
    client = app.test_client()
    token = csrf_token(client, "/auth/login")
    for field in ("username", "password"):
        data = {"username": "alice", "password": "wrong password", "csrf_token": token,
                field: BAD_VALUES[label]}
        assert client.post("/auth/login", data=data).status_code in (200, 400, 429)


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
@pytest.mark.parametrize("label", sorted(BAD_VALUES))
def test_bad_query_strings_never_crash(app, database_url, label):
    world = build_world(app)
    alice = sign_in(app, "alice")
    for rule, method in routes(app):
        if method != "GET" or rule.endpoint == "static":
            continue
        url = url_for_rule(rule, world)
        # Servers cut request lines near 8 kB: a longer query never reaches the app.
        value = BAD_VALUES[label][:4000]
        query = {name: value for name in (
            "q", "kind", "opener", "source", "year_from", "year_to", "limit", "offset",
            "old", "new", "restore", "ids", "format", "lang", "next")}
        response = alice.get(url, query_string=query)
        assert response.status_code < 500, (url, label)
