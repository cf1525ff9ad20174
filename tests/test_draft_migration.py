"""The drafts migration (0003) goes up and down on SQLite and PostgreSQL."""

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from storage import make_engine, upgrade_schema
from storage.engine import MIGRATIONS


def _downgrade(engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _draft_columns_and_share_indexes(engine):
    found = inspect(engine)
    return ({c["name"] for c in found.get_columns("drafts")},
            {i["name"] for i in found.get_indexes("shares")})


def test_drafts_extras_up_down_up(any_database_url):
    engine = make_engine(any_database_url)
    try:
        upgrade_schema(engine)
        columns, indexes = _draft_columns_and_share_indexes(engine)
        assert "date" in columns and "ix_shares_user_id" in indexes
        _downgrade(engine, "0002")
        columns, indexes = _draft_columns_and_share_indexes(engine)
        assert "date" not in columns and "ix_shares_user_id" not in indexes
        upgrade_schema(engine)
        assert "date" in _draft_columns_and_share_indexes(engine)[0]
    finally:
        engine.dispose()
