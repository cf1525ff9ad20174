"""`flask --app drafting users …` commands."""

import click

import accounts
from drafting.cli import fail, users
from drafting.database import get_session


@users.command("create")
@click.argument("name")
@click.option("--admin", is_flag=True, help="Give the account administrator rights.")
@click.password_option(help="The password (asked twice when not given).")
def create(name: str, admin: bool, password: str) -> None:
    """Create the account NAME."""
    try:
        accounts.create_user(get_session(), name, password, is_admin=admin)
    except accounts.AccountError as error:
        fail(str(error))
    click.echo(f"Created user {name}.")


@users.command("set-password")
@click.argument("name")
@click.password_option(help="The new password (asked twice when not given).")
def set_password(name: str, password: str) -> None:
    """Set the password of NAME and sign out their sessions."""
    try:
        accounts.set_password(get_session(), name, password)
    except accounts.AccountError as error:
        fail(str(error))
    click.echo(f"Password changed for {name}.")
