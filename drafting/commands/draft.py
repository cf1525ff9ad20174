"""`flask --app drafting draft …` commands."""

from drafting.cli import draft  # noqa: F401
