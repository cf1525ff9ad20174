"""`flask --app drafting users …` commands."""

from drafting.cli import users  # noqa: F401
