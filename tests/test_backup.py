"""`flask --app drafting backup FILE` / `restore FILE`: restore-then-compare."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import MetaData, select, text

import accounts
from storage import make_engine, upgrade_schema
from storage.backup import BackupError, backup_database, restore_database
from storage.models import Draft, Revision, User
from tests.conftest import PASSWORD


def snapshot(engine) -> dict[str, list[tuple]]:
    """Return every row of every table, in a stable order."""
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {name: sorted(map(tuple, connection.execute(select(table))), key=repr)
                for name, table in metadata.tables.items()}


def add_draft(session, owner: User, title: str) -> None:
    draft = Draft(owner_id=owner.id, title=title, current_revision=1)
    session.add(draft)
    session.flush()
    session.add(Revision(draft_id=draft.id, number=1, data={"title": title}, author_id=owner.id))
    session.commit()


def test_backup_change_restore_compare(app, runner, session, tmp_path):
    engine = app.extensions["engine"]
    alice = accounts.create_user(session, "alice", PASSWORD)
    add_draft(session, alice, "Déclaration de Niamey")
    before = snapshot(engine)
    result = runner.invoke(args=["backup", str(tmp_path / "saved.sqlite")])
    assert result.exit_code == 0, result.output

    accounts.create_user(session, "mallory", PASSWORD)
    add_draft(session, alice, "Brouillon à perdre")
    session.execute(text("DELETE FROM clauses WHERE id IN (SELECT id FROM clauses LIMIT 3)"))
    session.commit()
    assert snapshot(engine) != before

    result = runner.invoke(args=["restore", "--yes", str(tmp_path / "saved.sqlite")])
    assert result.exit_code == 0, result.output
    assert snapshot(engine) == before
    session.expire_all()
    assert accounts.find_user(session, "mallory") is None
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_backup_is_one_file_and_an_online_snapshot(app, session, database_url, tmp_path):
    """A write in progress elsewhere neither blocks the backup nor leaks half into it."""
    engine = app.extensions["engine"]
    accounts.create_user(session, "alice", PASSWORD)
    before = snapshot(engine)
    writer = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO users (username, password_hash, is_admin, session_token, "
                   "created_at) VALUES ('half', 'x', 0, '', '2030-01-01')")
    target = tmp_path / "online.sqlite"
    backup_database(engine, target)
    writer.commit()
    writer.close()
    assert not (tmp_path / "online.sqlite-wal").exists()
    assert snapshot(make_engine(f"sqlite:///{target}")) == before


def test_restore_brings_an_older_backup_up_to_date(app, tmp_path):
    old = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    upgrade_schema(old, "0003")
    old.dispose()
    engine = app.extensions["engine"]
    restore_database(engine, tmp_path / "old.sqlite")
    with engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        tables = {row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert version != "0003"
    assert "login_failures" in tables


def _text_file(path):
    path.write_text("not a database")


def _empty_sqlite(path):
    sqlite3.connect(path).close()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE other (x)")
    connection.commit()
    connection.close()


def _damaged(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)


def _newer(path):
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'zz99'")
    engine.dispose()


@pytest.mark.parametrize(("prepare", "message"), [
    (None, "no such file"),
    (_text_file, "not a SQLite database"),
    (_empty_sqlite, "not a backup of this application"),
    (_damaged, "SQLite"),
    (_newer, "newer version"),
])
def test_restore_refuses_what_is_not_a_backup(app, runner, session, tmp_path, prepare, message):
    accounts.create_user(session, "alice", PASSWORD)
    before = snapshot(app.extensions["engine"])
    path = tmp_path / "candidate.sqlite"
    if prepare:
        prepare(path)
    result = runner.invoke(args=["restore", "--yes", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and message in result.output
    assert "Traceback" not in result.output
    assert snapshot(app.extensions["engine"]) == before


def test_backup_refuses_to_overwrite_without_force(runner, tmp_path):
    target = tmp_path / "exists.sqlite"
    target.write_text("precious")
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 2 and "already exists" in result.output
    assert target.read_text() == "precious"
    assert runner.invoke(args=["backup", "--force", str(target)]).exit_code == 0
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_backup_into_missing_folder(runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path / "nowhere" / "x.sqlite")])
    assert result.exit_code == 2 and "no such folder" in result.output


def test_restore_asks_before_replacing(runner, tmp_path):
    assert runner.invoke(args=["backup", str(tmp_path / "b.sqlite")]).exit_code == 0
    result = runner.invoke(args=["restore", str(tmp_path / "b.sqlite")], input="n\n")
    assert result.exit_code != 0 and "Aborted" in result.output


@pytest.mark.parametrize(("action", "tool"), [
    (backup_database, "pg_dump --format=custom"),
    (restore_database, "pg_restore"),
])
def test_postgresql_gets_pg_dump_guidance(tmp_path, action, tool):
    engine = make_engine("postgresql://drafter:secret@db.example:5433/drafting")
    with pytest.raises(BackupError) as caught:
        action(engine, tmp_path / "dump")
    assert tool in str(caught.value)
    assert "secret" not in str(caught.value)
    assert "db.example:5433/drafting" in str(caught.value)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("command", ["backup", "restore"])
def test_postgresql_cli_prints_guidance(runner, tmp_path, command):
    result = runner.invoke(args=[command, *(["--yes"] if command == "restore" else []),
                                 str(tmp_path / "dump")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "pg_" in result.output
    assert "Traceback" not in result.output
