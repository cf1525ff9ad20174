"""The share page: the owner adds and removes people; nobody else may."""

import pytest

from drafts import store
from drafts.model import Draft
from tests.conftest import csrf_token


@pytest.fixture
def people(make_users):
    return make_users("alice", "bob", "rita", "ed", "carol")


@pytest.fixture
def draft_id(session, people):
    """Create alice's draft, shared with rita (reader) and ed (editor)."""
    draft_id = store.create_draft(session, Draft(title="Déclaration <script>alert(1)</script>"),
                                  owner_id=people["alice"])
    store.share_draft(session, draft_id, username="rita", role="reader")
    store.share_draft(session, draft_id, username="ed", role="editor")
    return draft_id


def _share(client, draft_id, **data):
    url = f"/drafts/{draft_id}/share"
    return client.post(url, data={"csrf_token": csrf_token(client, "/"), **data})


def _unshare(client, draft_id, username):
    return client.post(f"/drafts/{draft_id}/share/remove",
                       data={"csrf_token": csrf_token(client, "/"), "username": username})


def test_owner_sees_who_has_access(client_for, draft_id):
    page = client_for("alice").get(f"/drafts/{draft_id}/share").get_data(as_text=True)
    assert "rita" in page and "ed" in page
    assert "Lecture seule" in page and "Peut modifier" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_owner_shares_then_unshares(client_for, session, draft_id, people):
    alice = client_for("alice")
    response = _share(alice, draft_id, username="bob", role="editor")
    assert response.status_code == 302
    assert store.role_for(session, draft_id, people["bob"]) == "editor"
    assert "bob" in alice.get(response.headers["Location"]).get_data(as_text=True)
    assert _unshare(alice, draft_id, "bob").status_code == 302
    assert store.role_for(session, draft_id, people["bob"]) is None


@pytest.mark.parametrize(("data", "field"), [
    ({"username": "nobody", "role": "reader"}, "username"),
    ({"username": "alice", "role": "reader"}, "username"),
    ({"username": "bob", "role": "owner"}, "role"),
    ({"username": "", "role": "reader"}, "username"),
])
def test_bad_shares_show_an_error_next_to_the_field(client_for, session, draft_id, data, field):
    response = _share(client_for("alice"), draft_id, **data)
    assert response.status_code == 200
    assert f'<p class="error" id="{field}-errors">' in response.get_data(as_text=True)
    assert [s.username for s in store.shares_of(session, draft_id)] == ["ed", "rita"]


def test_unsharing_someone_not_shared_says_so(client_for, session, draft_id):
    alice = client_for("alice")
    response = _unshare(alice, draft_id, "bob")
    assert response.status_code == 302
    assert "pas partagé" in alice.get(response.headers["Location"]).get_data(as_text=True)


def test_sharing_without_csrf_token_is_refused(client_for, session, draft_id, people):
    response = client_for("alice").post(f"/drafts/{draft_id}/share",
                                        data={"username": "bob", "role": "editor"})
    assert response.status_code == 400
    assert store.role_for(session, draft_id, people["bob"]) is None


@pytest.mark.parametrize(("who", "status"), [("rita", 403), ("ed", 403), ("carol", 404)])
@pytest.mark.parametrize("action", ["view", "share", "unshare"])
def test_only_the_owner_manages_sharing(client_for, session, draft_id, people, who, status,
                                        action):
    client = client_for(who)
    if action == "view":
        response = client.get(f"/drafts/{draft_id}/share")
    elif action == "share":
        response = _share(client, draft_id, username=who, role="editor")
    else:
        response = _unshare(client, draft_id, "rita")
    assert response.status_code == status
    assert [(s.username, s.role) for s in store.shares_of(session, draft_id)] == [
        ("ed", "editor"), ("rita", "reader")]


def test_anonymous_visitor_is_sent_to_login(app, draft_id):
    response = app.test_client().get(f"/drafts/{draft_id}/share")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")
