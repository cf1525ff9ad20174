"""Sessions: login rate limiting, session fixation, logout, unknown user names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

import accounts
from accounts import throttle
from drafting import create_app
from tests.conftest import PASSWORD, csrf_token, login


def attempt(client, username: str, password: str, address: str = "192.0.2.1"):
    """Post the login form from *address*, as a browser there would."""
    token = csrf_token(client, "/auth/login")
    return client.post("/auth/login", environ_base={"REMOTE_ADDR": address},
                       data={"username": username, "password": password, "csrf_token": token})


def test_five_failures_lock_the_user_name_even_for_the_right_password(client, make_user):
    make_user("alice")
    for _ in range(5):
        assert attempt(client, "alice", "wrong password").status_code == 200
    response = attempt(client, "alice", PASSWORD)
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 300
    assert "Trop de tentatives" in response.get_data(as_text=True)
    # The name is what is limited, whatever its case or surrounding spaces.
    assert attempt(client, " ALICE ", PASSWORD, "198.51.100.7").status_code == 429


def test_failures_per_address_across_user_names(client, make_user):
    make_user("alice")
    for index in range(20):
        assert attempt(client, f"guess{index}", "wrong password").status_code == 200
    assert attempt(client, "alice", PASSWORD).status_code == 429
    assert attempt(client, "alice", PASSWORD, "198.51.100.7").status_code == 302


def test_success_clears_the_user_names_failures(app, make_user):
    make_user("alice")
    for client in (app.test_client(), app.test_client()):
        for _ in range(4):
            attempt(client, "alice", "wrong password")
        assert attempt(client, "alice", PASSWORD).status_code == 302


def test_failures_older_than_the_window_are_forgotten(client, make_user, session):
    make_user("alice")
    long_ago = datetime.now(UTC) - timedelta(seconds=throttle.WINDOW_SECONDS + 1)
    for _ in range(5):
        throttle.record_failure(session, "alice", "192.0.2.1", now=long_ago)
    assert attempt(client, "alice", PASSWORD).status_code == 302


def test_retry_after_counts_down_from_the_oldest_failure(session):
    start = datetime(2030, 1, 1, tzinfo=UTC)
    for second in range(5):
        throttle.record_failure(session, "bob", "192.0.2.1", now=start + timedelta(seconds=second))
    assert throttle.retry_after(session, "bob", "x", now=start + timedelta(seconds=4)) == 296
    assert throttle.retry_after(session, "bob", "x", now=start + timedelta(seconds=300)) == 0


def test_failures_are_shared_between_server_processes(app, database_url, make_user):
    """Kept in the database: a second app (another worker process) sees the same count."""
    make_user("alice")
    other = create_app({"TESTING": True, "SECRET_KEY": "test-only",
                        "SQLALCHEMY_DATABASE_URI": database_url, "BOOTSTRAP": False})
    try:
        first, second = app.test_client(), other.test_client()
        for index in range(5):
            attempt(first if index % 2 else second, "alice", "wrong password")
        assert attempt(first, "alice", PASSWORD).status_code == 429
        assert attempt(second, "alice", PASSWORD).status_code == 429
    finally:
        other.extensions["engine"].dispose()


def test_session_fixation_nothing_planted_survives_sign_in(client, make_user):
    make_user("alice")
    client.get("/lang/en")
    with client.session_transaction() as planted:
        planted["planted"] = "attacker's value"
    before = csrf_token(client, "/auth/login")
    cookie_before = client.get_cookie("session").value
    assert login(client, "alice").status_code == 302
    with client.session_transaction() as current:
        assert "planted" not in current
        assert current["lang"] == "en"  # the visitor's own choice is kept
        assert "_user_id" in current
    assert csrf_token(client, "/") != before
    client.set_cookie("session", cookie_before)
    assert "alice" not in client.get("/").get_data(as_text=True)


def test_logout_signs_out_every_copy_of_the_session(app, client, make_user):
    make_user("alice")
    login(client, "alice")
    elsewhere = app.test_client()
    elsewhere.set_cookie("session", client.get_cookie("session").value)
    assert "alice" in elsewhere.get("/").get_data(as_text=True)
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    assert "alice" not in elsewhere.get("/").get_data(as_text=True)


def test_logout_is_post_only(signed_in):
    assert signed_in.get("/auth/logout").status_code == 405
    assert "alice" in signed_in.get("/").get_data(as_text=True)


def test_password_change_signs_out_existing_sessions(client, make_user, session):
    make_user("alice")
    login(client, "alice")
    accounts.set_password(session, "alice", "a brand new secret")
    assert "alice" not in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("username", ["alice", "nobody-by-that-name"])
def test_unknown_user_names_cost_a_hash_check_too(session, make_user, monkeypatch, username):
    """So that response time does not reveal which user names exist."""
    make_user("alice")
    calls = []
    real = accounts.check_password_hash

    def counting(password_hash, password):
        calls.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(accounts, "check_password_hash", counting)
    assert accounts.authenticate(session, username, "wrong password") is None
    assert len(calls) == 1
