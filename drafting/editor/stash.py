"""Keep the text of a save that arrived after the session expired, until the drafter is back.

The posted form is written under ``instance/stash/``, marked with the user the expired
session belonged to; the token travels in the address the login page returns to. Only that
user, holding that token, can take it back, once, after signing in again (signing in starts
a fresh session, so nothing is kept in the old one).
"""

from __future__ import annotations

import json
import secrets
import time
from pathlib import Path

from flask import current_app, session
from werkzeug.datastructures import MultiDict

MAX_AGE = 2 * 24 * 3600  # a stash nobody came back for within two days is dropped
MAX_FILES = 200


def _folder() -> Path:
    folder = Path(current_app.instance_path) / "stash"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def expired_user_id() -> int | None:
    """Return the id of the user whose session cookie is still here but no longer valid."""
    value = str(session.get("_user_id") or "")
    user_id = value.partition(":")[0]
    return int(user_id) if user_id.isdigit() else None


def stash_form(form: MultiDict, draft_id: int, user_id: int) -> str:
    """Write the posted *form* aside for *user_id* and *draft_id*; return its token."""
    _prune()
    token = secrets.token_hex(16)
    pairs = [(k, v) for k, v in form.items(multi=True) if k not in ("csrf_token", "action")]
    data = {"draft_id": draft_id, "user_id": user_id, "form": pairs}
    (_folder() / f"{token}.json").write_text(json.dumps(data, ensure_ascii=False))
    return token


def take_stash(draft_id: int, token: str, user_id: int) -> MultiDict | None:
    """Return the form stashed by *user_id* for *draft_id* under *token*, and forget it."""
    if not token or not token.isalnum() or len(token) != 32:
        return None
    path = _folder() / f"{token}.json"
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if data.get("draft_id") != draft_id or data.get("user_id") != user_id:
        return None
    path.unlink(missing_ok=True)
    return MultiDict([tuple(pair) for pair in data["form"]])


def _prune() -> None:
    files = sorted(_folder().glob("*.json"), key=lambda p: p.stat().st_mtime)
    now = time.time()
    for index, path in enumerate(files):
        if now - path.stat().st_mtime > MAX_AGE or index < len(files) - MAX_FILES:
            path.unlink(missing_ok=True)
