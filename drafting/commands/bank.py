"""`flask --app drafting bank …` commands."""

from drafting.cli import bank  # noqa: F401
