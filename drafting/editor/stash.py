"""Keep the text of a save that arrived after the session expired, until the drafter is back.

The posted form is written under ``instance/stash/`` and its token kept in the browser's
session cookie, so only the same browser can take it back, once, after signing in again.
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


def stash_form(form: MultiDict, draft_id: int) -> str:
    """Write the posted *form* aside for *draft_id*; return its token."""
    _prune()
    token = secrets.token_hex(16)
    pairs = [(k, v) for k, v in form.items(multi=True) if k not in ("csrf_token", "action")]
    data = {"draft_id": draft_id, "form": pairs}
    (_folder() / f"{token}.json").write_text(json.dumps(data, ensure_ascii=False))
    tokens = session.get("stash", {})
    tokens[str(draft_id)] = token
    session["stash"] = tokens
    return token


def take_stash(draft_id: int, token: str) -> MultiDict | None:
    """Return the stashed form for *draft_id* if this browser stashed it, and forget it."""
    tokens = session.get("stash", {})
    if not token or tokens.get(str(draft_id)) != token or not token.isalnum():
        return None
    path = _folder() / f"{token}.json"
    tokens.pop(str(draft_id))
    session["stash"] = tokens
    try:
        data = json.loads(path.read_text())
        path.unlink()
    except (OSError, ValueError):
        return None
    if data.get("draft_id") != draft_id:
        return None
    return MultiDict([tuple(pair) for pair in data["form"]])


def _prune() -> None:
    files = sorted(_folder().glob("*.json"), key=lambda p: p.stat().st_mtime)
    now = time.time()
    for index, path in enumerate(files):
        if now - path.stat().st_mtime > MAX_AGE or index < len(files) - MAX_FILES:
            path.unlink(missing_ok=True)
