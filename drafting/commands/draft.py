"""`flask --app drafting draft …` commands."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app

import accounts
from drafting.cli import draft, fail
from drafting.database import get_session
from drafts import jsonio, store


@draft.command("export-json")
@click.argument("draft_id", type=int)
@click.option("-o", "--output", required=True, help="The file to write; - for standard output.")
@click.option("--revision", type=int, default=None, help="A past revision (default: current).")
def export_json(draft_id: int, output: str, revision: int | None) -> None:
    """Write draft DRAFT_ID as declaration-draft/1 JSON."""
    try:
        loaded, number = store.load_draft(get_session(), draft_id, revision=revision)
    except store.DraftNotFound as error:
        fail(str(error))
    text = jsonio.dumps(loaded) + "\n"
    if output == "-":
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}")
    click.echo(f"Wrote revision {number} of draft {draft_id} to {output}.")


@draft.command("import-json")
@click.argument("file")
@click.option("--owner", required=True, help="The user name of the draft's owner.")
def import_json(file: str, owner: str) -> None:
    """Store the declaration-draft/1 FILE as a new draft of OWNER."""
    session = get_session()
    user = accounts.find_user(session, owner)
    if user is None:
        fail(f"no such user: {owner}")
    loaded = read_draft(file)
    draft_id = store.create_draft(session, loaded, owner_id=user.id)
    click.echo(f"Imported draft {draft_id} for {user.username}.")


def read_draft(file: str):
    """Return the Draft in the declaration-draft/1 *file*, or fail with one line."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    try:
        with open(file, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror or error}")
    if len(data) > limit:
        fail(f"{file}: larger than the limit of {limit:,} bytes")
    try:
        return jsonio.loads(data)
    except ValueError as error:  # DraftFormatError, and bytes that are not UTF-8
        fail(f"{file}: {error}")
