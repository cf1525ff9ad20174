"""The command-line surface: ``flask --app drafting <group> <command>``."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

bank = AppGroup("bank", help="Mine, import and search the clause bank.")
draft = AppGroup("draft", help="Check, export and convert drafts.")
users = AppGroup("users", help="Manage accounts.")
db = AppGroup("db", help="Manage the database schema.")


def fail(message: str) -> None:
    """Print a one-line error and exit with code 2."""
    raise click.exceptions.Exit(_echo_error(message))


def _echo_error(message: str) -> int:
    click.echo(f"Error: {message}", err=True)
    return 2


@db.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema to the latest migration."""
    from flask import current_app

    from storage import upgrade_schema

    upgrade_schema(current_app.extensions["engine"])
    click.echo("Schema is up to date.")


def init_app(app: Flask) -> None:
    """Register the command groups on *app*."""
    # Importing the command modules attaches their commands to the groups above.
    import drafting.commands.bank
    import drafting.commands.draft
    import drafting.commands.draft_check
    import drafting.commands.draft_export
    import drafting.commands.users  # noqa: F401
    from drafting.commands.backup import backup, restore

    for group in (bank, draft, users, db):
        app.cli.add_command(group)
    for command in (backup, restore):
        app.cli.add_command(command)
