"""Shared fixtures: ``app``, ``client``, ``runner`` (as in Flask's tutorial), and a session."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from drafting import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "clause_bank" / "corpus"


# Persistence tests run on both: `pytest.mark.parametrize("database_url", BACKENDS,
# indirect=True)` on a test or module, or the `any_database_url` fixture.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_cluster():
    """Start a throw-away PostgreSQL cluster for the run; stop and delete it at the end."""
    from tests.pgcluster import ClusterError, PostgresCluster

    cluster, problem = None, None
    try:
        cluster = PostgresCluster()
        cluster.start()
    except ClusterError as error:
        problem = str(error)
    try:
        if problem is not None:  # fail, not skip: `make test` installs PostgreSQL
            pytest.fail(problem, pytrace=False)
        yield cluster
    finally:
        if cluster is not None:
            cluster.stop()


def _fresh_database(request, backend: str, tmp_path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    if backend == "postgresql":
        cluster = request.getfixturevalue("postgres_cluster")
        name = cluster.create_database()
        request.addfinalizer(lambda: cluster.drop_database(name))
        return cluster.url(name)
    raise ValueError(f"unknown database backend: {backend}")


@pytest.fixture
def database_url(request, tmp_path) -> str:
    """Return the URL of a fresh database for one test: SQLite unless parametrized."""
    return _fresh_database(request, getattr(request, "param", "sqlite"), tmp_path)


@pytest.fixture(params=BACKENDS)
def any_database_url(request, tmp_path) -> str:
    """Return the URL of a fresh database, once on SQLite and once on PostgreSQL."""
    return _fresh_database(request, request.param, tmp_path)


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


@pytest.fixture(scope="session")
def password_hash() -> str:
    """Return a hash of PASSWORD, computed once: hashing is slow on purpose."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(PASSWORD)


@pytest.fixture
def make_users(app, password_hash):
    """Return a function that creates accounts with PASSWORD quickly and returns their ids."""
    from storage.models import User

    def make(*usernames: str) -> dict[str, int]:
        with app.extensions["sessionmaker"]() as session:
            users = [User(username=name, password_hash=password_hash, session_token=name)
                     for name in usernames]
            session.add_all(users)
            session.commit()
            return {user.username: user.id for user in users}

    return make


@pytest.fixture
def client_for(app, make_user):
    """Return a function giving a new client signed in as NAME (created if missing)."""
    import accounts

    def signed_in_as(username: str):
        with app.extensions["sessionmaker"]() as session:
            if accounts.find_user(session, username) is None:
                make_user(username)
        client = app.test_client()
        assert login(client, username).status_code == 302, f"{username} could not sign in"
        return client

    return signed_in_as


@pytest.fixture(scope="module", params=BACKENDS)
def seeded_bank(request, tmp_path_factory):
    """Return a session factory on a bank built from the bundled corpus, shared by a module.

    For tests that only read the bank; runs once on SQLite and once on PostgreSQL.
    """
    from clause_bank.store import ensure_bundled_corpus
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('bank') / 'bank.sqlite'}"
    else:
        cluster = request.getfixturevalue("postgres_cluster")
        name = cluster.create_database()
        request.addfinalizer(lambda: cluster.drop_database(name))
        url = cluster.url(name)
    with migrated_sessions(url) as factory:
        with factory() as session:
            ensure_bundled_corpus(session)
        yield factory


@pytest.fixture
def bank_session(seeded_bank):
    """Return a session on the module's seeded bank."""
    with seeded_bank() as session:
        yield session


@contextlib.contextmanager
def migrated_sessions(url: str):
    """Yield a session factory on the database at *url*, migrated to head, without an app."""
    from storage import make_engine, make_sessionmaker, upgrade_schema

    engine = make_engine(url)
    upgrade_schema(engine)
    try:
        yield make_sessionmaker(engine)
    finally:
        engine.dispose()
