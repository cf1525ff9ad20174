"""Accounts, sign-in, the first visitor's admin account, sign-out."""

import pytest

import accounts
from tests.conftest import PASSWORD, csrf_token, login


def test_first_visitor_creates_admin(client, session):
    assert client.get("/auth/login").headers["Location"].endswith("/auth/setup")
    token = csrf_token(client, "/auth/setup")
    response = client.post("/auth/setup", data={"username": "root", "password": PASSWORD,
                                                "confirm": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    assert accounts.find_user(session, "root").is_admin
    assert client.get("/auth/setup").headers["Location"].endswith("/auth/login")


def test_login_wrong_password_shows_error_next_to_field(client, make_user):
    make_user("alice")
    response = login(client, "alice", "wrong password")
    assert response.status_code == 200
    assert "incorrect" in response.get_data(as_text=True)


def test_login_then_logout_invalidates_cookie(client, make_user):
    make_user("alice")
    assert login(client, "alice").status_code == 302
    cookie = client.get_cookie("session").value
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    client.set_cookie("session", cookie)  # replaying the old cookie must not sign in again
    assert "alice" not in client.get("/").get_data(as_text=True)


def test_post_without_csrf_is_refused(client, make_user):
    make_user("alice")
    response = client.post("/auth/login", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 400


@pytest.mark.parametrize(("name", "password", "message"), [
    ("a", PASSWORD, "user name"),
    ("bob", "short", "password"),
])
def test_users_create_rejects_bad_input(runner, name, password, message):
    result = runner.invoke(args=["users", "create", name, "--password", password])
    assert result.exit_code == 2
    assert message in result.output


def test_users_create_and_set_password(runner, session):
    assert runner.invoke(args=["users", "create", "bob", "--password", PASSWORD]).exit_code == 0
    assert runner.invoke(args=["users", "create", "bob", "--password", PASSWORD]).exit_code == 2
    result = runner.invoke(args=["users", "set-password", "bob", "--password", "another secret"])
    assert result.exit_code == 0
    assert accounts.authenticate(session, "bob", "another secret") is not None
