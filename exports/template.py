"""Open a house-style template (bundled or the user's own) and find its styles once."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import docx
from docx.document import Document

from exports.errors import TemplateError
from exports.guard import PackageError, check_package
from exports.house_styles import CHARACTER_STYLES, HOUSE_STYLES, PARAGRAPH_STYLES
from exports.ooxml import w

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Word's own styles: a template may lack them, Word then falls back on Normal.
OPTIONAL = {"header", "footer", "comment", "comment_reference"}


@functools.cache
def builtin_bytes(house_style: str) -> bytes:
    """Return the bundled template of *house_style*."""
    return (TEMPLATES / f"{house_style}.docx").read_bytes()


def open_template(house_style: str, template: str | Path | bytes | None
                  ) -> tuple[Document, dict[str, str]]:
    """Return a fresh document from the template and the style id of every role."""
    data = builtin_bytes(house_style) if template is None else _user_template(template)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises bare KeyError/ValueError on odd packages
        raise TemplateError(f"the template cannot be opened as a Word document ({error})"
                            ) from None
    if template is None:
        return document, dict(_builtin_ids(house_style))
    return document, resolve_styles(document)


def _user_template(template: str | Path | bytes) -> bytes:
    if isinstance(template, bytes | bytearray):
        data = bytes(template)
    else:
        path = Path(template)
        if not path.is_file():
            raise TemplateError(f"template not found: {path}")
        data = path.read_bytes()
    try:
        return check_package(data, what="template")
    except PackageError as error:
        raise TemplateError(str(error)) from None


@functools.cache
def _builtin_ids(house_style: str) -> tuple[tuple[str, str], ...]:
    return tuple(resolve_styles(docx.Document(io.BytesIO(builtin_bytes(house_style)))).items())


def resolve_styles(document: Document) -> dict[str, str]:
    """Return role -> style id, matching by id then by name; raise TemplateError if any lack."""
    by_id: dict[str, str] = {}
    by_name: dict[str, tuple[str, str]] = {}
    for node in document.styles.element.iterchildren(w("style")):
        style_id, kind = node.get(w("styleId")), node.get(w("type"))
        by_id[style_id] = kind
        name = node.find(w("name"))
        if name is not None:
            by_name.setdefault(name.get(w("val"), "").lower(), (style_id, kind))
    ids, missing = {}, []
    for kind, registry in (("paragraph", PARAGRAPH_STYLES), ("character", CHARACTER_STYLES)):
        for role, (style_id, name) in registry.items():
            if by_id.get(style_id) == kind:
                ids[role] = style_id
            elif by_name.get(name.lower(), (None, None))[1] == kind:
                ids[role] = by_name[name.lower()][0]
            elif role in OPTIONAL:
                ids[role] = style_id
            else:
                missing.append(f"{name} ({kind})")
    if missing:
        raise TemplateError("the template lacks the styles " + ", ".join(missing)
                            + "; start from a bundled template (" + ", ".join(HOUSE_STYLES) + ")")
    return ids
