"""One SQLAlchemy session per request, and schema/corpus bootstrap on first start."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from storage import make_engine, make_sessionmaker, upgrade_schema


def init_app(app: Flask) -> None:
    """Create the engine and session factory for *app*."""
    engine = make_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    app.extensions["engine"] = engine
    app.extensions["sessionmaker"] = make_sessionmaker(engine)
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    """Return the session of the current request or CLI command."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["sessionmaker"]()
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def bootstrap(app: Flask) -> None:
    """Migrate the schema to head and import the bundled corpus if the bank is empty."""
    upgrade_schema(app.extensions["engine"])
    seed = app.config.get("SEED_CORPUS", True)
    if seed is True:
        from clause_bank.store import ensure_bundled_corpus as seed
    if seed:
        with app.extensions["sessionmaker"]() as session:
            seed(session)
