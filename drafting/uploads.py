"""Names of uploaded files: what the client sent is a label, never a path."""

from __future__ import annotations

import re
from pathlib import PurePath

from werkzeug.utils import secure_filename

MAX_LABEL = 200


def label(filename: str | None) -> str:
    """Return the name the user knows the file by: no folders, no control characters."""
    # Some clients send a full path ("C:\\Users\\…\\x.docx", "../../x"): keep its last part.
    base = re.split(r"[\\/]", filename or "")[-1]
    return "".join(c for c in base if c.isprintable()).strip()[:MAX_LABEL]


def disk_name(filename: str | None, *, default: str = "texte") -> str:
    """Return a short, safe file name keeping the suffix, for a temporary copy on disk."""
    original = PurePath(label(filename) or default)
    stem = secure_filename(original.stem)[:80] or default
    suffix = secure_filename(original.suffix.lstrip(".").lower())[:10]
    return f"{stem}.{suffix}" if suffix else stem
