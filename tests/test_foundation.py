"""The app factory, the schema and the command-line surface."""

import pytest
from sqlalchemy import inspect

from drafting import create_app


def test_config_from_mapping(tmp_path):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db",
                      "BOOTSTRAP": False, "SECRET_KEY": "k"})
    assert app.testing
    assert app.config["SECRET_KEY"] == "k"


def test_secret_key_generated_into_instance(tmp_path, monkeypatch):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db", "BOOTSTRAP": False,
                      "SECRET_KEY": None})
    assert len(app.config["SECRET_KEY"]) == 64


def test_schema_migrated(app):
    tables = set(inspect(app.extensions["engine"]).get_table_names())
    assert {"users", "documents", "clauses", "families", "drafts", "revisions", "shares"} <= tables
    assert "alembic_version" in tables


def test_sqlite_pragmas(app):
    with app.extensions["engine"].connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_home_is_french_by_default(client):
    page = client.get("/").get_data(as_text=True)
    assert 'lang="fr"' in page


@pytest.mark.parametrize("group", ["bank", "draft", "users", "db"])
def test_cli_groups_have_help(runner, group):
    result = runner.invoke(args=[group, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
