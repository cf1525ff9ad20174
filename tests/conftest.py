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
