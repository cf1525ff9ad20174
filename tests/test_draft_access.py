"""Who reaches a draft: owner, editor, reader, a stranger, nobody — on every draft route."""

import pytest
from flask import url_for
from flask_login import login_user
from werkzeug.exceptions import HTTPException

import accounts
from drafting.access import draft_or_404
from drafting.auth import SignedInUser
from drafts import store
from drafts.model import Draft
from tests.conftest import csrf_token
from tests.draft_samples import sample_draft


@pytest.fixture
def draft_id(session, make_users):
    """Create alice's draft, shared with rita (reader) and ed (editor); carol is a stranger."""
    people = make_users("alice", "rita", "ed", "carol")
    draft_id = store.create_draft(session, sample_draft(), owner_id=people["alice"])
    store.share_draft(session, draft_id, username="rita", role="reader")
    store.share_draft(session, draft_id, username="ed", role="editor")
    return draft_id


def _open_as(app, session, username, draft_id, **kwargs):
    """Call draft_or_404 in a request of *username*; return the draft or the HTTP status."""
    with app.test_request_context("/"):
        if username is not None:
            login_user(SignedInUser(accounts.find_user(session, username)))
        try:
            return draft_or_404(draft_id, **kwargs)
        except HTTPException as refused:
            return refused.code or refused.response.status_code


@pytest.mark.parametrize(("username", "kwargs", "expected"), [
    ("alice", {}, "owner"),
    ("alice", {"write": True}, "owner"),
    ("alice", {"owner": True}, "owner"),
    ("ed", {"write": True}, "editor"),
    ("ed", {"owner": True}, 403),
    ("rita", {}, "reader"),
    ("rita", {"write": True}, 403),
    ("rita", {"owner": True}, 403),
    ("carol", {}, 404),
    ("carol", {"write": True}, 404),
    (None, {}, 302),
])
def test_draft_or_404(app, session, draft_id, username, kwargs, expected):
    opened = _open_as(app, session, username, draft_id, **kwargs)
    assert getattr(opened, "role", opened) == expected


def test_unknown_draft_is_404(app, session, draft_id):
    assert _open_as(app, session, "alice", draft_id + 1) == 404


def test_an_old_revision_opens_read_only(app, session, draft_id):
    owner = accounts.find_user(session, "alice")
    store.save_draft(session, draft_id, Draft(title="Rev.1"), base_revision=1, author_id=owner.id)
    opened = _open_as(app, session, "alice", draft_id, revision=1)
    assert (opened.revision, opened.current_revision, opened.can_write) == (1, 2, False)
    assert opened.draft.title == sample_draft().title
    assert _open_as(app, session, "alice", draft_id, revision=1, write=True) == 403
    assert _open_as(app, session, "alice", draft_id, revision=7) == 404


def _draft_routes(app, draft_id):
    """Return (method, url) for every route of the app that takes a draft id."""
    routes = []
    with app.test_request_context("/"):
        for rule in app.url_map.iter_rules():
            if "draft_id" not in rule.arguments:
                continue
            values = {name: 1 for name in rule.arguments} | {"draft_id": draft_id}
            url = url_for(rule.endpoint, **values)
            routes += [(method, url) for method in ("GET", "POST") if method in rule.methods]
    return routes


def test_every_draft_route_hides_the_draft_from_others(app, client_for, draft_id):
    routes = _draft_routes(app, draft_id)
    assert routes, "no draft route found"
    stranger = client_for("carol")
    token = csrf_token(stranger, "/")
    for method, url in routes:
        response = stranger.open(url, method=method, data={"csrf_token": token})
        assert response.status_code == 404, (method, url)


def test_every_draft_route_sends_anonymous_visitors_to_login(app, draft_id):
    anonymous = app.test_client()
    token = csrf_token(anonymous, "/auth/login")
    for method, url in _draft_routes(app, draft_id):
        response = anonymous.open(url, method=method, data={"csrf_token": token})
        assert response.status_code in (302, 401), (method, url)
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/auth/login"), (method, url)
