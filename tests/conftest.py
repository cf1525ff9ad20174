"""Shared fixtures: ``app``, ``client``, ``runner`` (as in Flask's tutorial), and a session."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "clause_bank" / "corpus"


@pytest.fixture
def database_url(tmp_path) -> str:
    """Return the URL of a fresh SQLite database for one test."""
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def app(database_url, tmp_path):
    """Return an app on a fresh database, schema migrated and bank seeded."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-only",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "BOOTSTRAP": True,
        }
    )
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app):
    """Return a database session bound to the app's engine."""
    with app.extensions["sessionmaker"]() as session:
        yield session


PASSWORD = "correct horse battery"


@pytest.fixture
def make_user(app):
    """Return a function that creates an account and returns its user name."""
    import accounts

    def make(username: str = "alice", *, password: str = PASSWORD, is_admin: bool = False) -> str:
        with app.extensions["sessionmaker"]() as session:
            accounts.create_user(session, username, password, is_admin=is_admin)
        return username

    return make


def csrf_token(client, url: str) -> str:
    """Return the CSRF token of the page at *url*, as a browser would read it."""
    import re

    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def login(client, username: str, password: str = PASSWORD):
    """Sign *client* in through the real login form (CSRF token included)."""
    token = csrf_token(client, "/auth/login")
    return client.post("/auth/login", data={"username": username, "password": password,
                                            "csrf_token": token})


@pytest.fixture
def signed_in(client, make_user):
    """Return a client signed in as 'alice'."""
    login(client, make_user("alice"))
    return client
