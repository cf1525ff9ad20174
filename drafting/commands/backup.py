"""`flask --app drafting backup FILE` and `flask --app drafting restore FILE`."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from drafting.cli import fail
from storage.backup import BackupError, backup_database, restore_database


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@with_appcontext
def backup(file: Path, force: bool) -> None:
    """Copy the database into FILE while the application keeps running."""
    try:
        size = backup_database(current_app.extensions["engine"], file, force=force)
    except BackupError as error:
        fail(str(error))
    click.echo(f"Backed up to {file} ({size} bytes).")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore(file: Path, yes: bool) -> None:
    """Replace the database's content with the backup in FILE."""
    if not yes:
        click.confirm(f"Replace every draft, account and clause with the content of {file}?",
                      abort=True)
    try:
        restore_database(current_app.extensions["engine"], file)
    except BackupError as error:
        fail(str(error))
    click.echo(f"Restored from {file}.")
