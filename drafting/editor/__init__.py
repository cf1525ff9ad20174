"""The browser editor: list of drafts, the editor page, revisions, export, imports."""

from flask import Blueprint

bp = Blueprint("editor", __name__, url_prefix="/drafts")

from drafting.editor import export, listing, precedents, revisions, views  # noqa: E402,F401
