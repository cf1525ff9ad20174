"""Consistent online backup and restore of the SQLite database (PostgreSQL: pg_dump)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from storage.engine import MIGRATIONS, upgrade_schema

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(ValueError):
    """A backup or restore that cannot be done; the message says why and what to do."""


def backup_database(engine: Engine, target: Path, *, force: bool = False) -> int:
    """Copy the live database into *target* as one self-contained file; return its size."""
    _require_sqlite(engine, target, "backup")
    target = Path(target)
    if target.exists() and not force:
        raise BackupError(f"{target} already exists (use --force to replace it)")
    if not target.parent.is_dir():
        raise BackupError(f"no such folder: {target.parent}")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        copy = sqlite3.connect(partial)
        try:
            # One step: the copy is a snapshot of one committed state, writers are not blocked.
            raw.driver_connection.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # no -wal file to carry around
            _check_integrity(copy, partial)
        finally:
            copy.close()
    finally:
        raw.close()
    os.replace(partial, target)  # a reader of *target* never sees half a backup
    return target.stat().st_size


def restore_database(engine: Engine, source: Path) -> None:
    """Replace the live database's content with the backup in *source*."""
    _require_sqlite(engine, source, "restore")
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"no such file: {source}")
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{source} is not a SQLite database")
    backup = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check_integrity(backup, source)
        _check_schema(backup, source)
        raw = engine.raw_connection()
        try:
            backup.backup(raw.driver_connection)
        finally:
            raw.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source}: cannot be read as a SQLite database ({error})") from None
    finally:
        backup.close()
    engine.dispose()  # pooled connections reopen on the restored content
    upgrade_schema(engine)  # a backup made before the latest migrations is brought up to date


def _require_sqlite(engine: Engine, path: Path, action: str) -> None:
    if engine.dialect.name == "sqlite":
        return
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
    if action == "backup":
        advice = f"pg_dump --format=custom --file {path} '{url}'"
    else:
        advice = f"pg_restore --clean --if-exists --single-transaction --dbname '{url}' {path}"
    raise BackupError(f"{engine.dialect.name} is backed up with its own tools: {advice}")


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database ({error})") from None
    if verdict != "ok":
        raise BackupError(f"{path} is damaged: {verdict}")


def _check_schema(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is not a backup of this application's database."""
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "users", "drafts", "revisions"} <= tables:
        raise BackupError(f"{path} is not a backup of this application's database")
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if version is None or version[0] not in _known_revisions():
        raise BackupError(f"{path} comes from a newer version of the application "
                          f"(schema {version[0] if version else 'unknown'})")


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
