"""Read and write drafts in the ``declaration-draft/1`` JSON format.

Unknown keys are kept (in ``extra``, at every level) so that a file written by a newer tool
survives a round trip through this one. Errors name the field: ``operative[2].items[0].text``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import fields
from typing import Any

from drafts.model import (
    ALTERNATIVES,
    HOUSE_STYLES,
    VOICES,
    Draft,
    Item,
    Metadata,
    Paragraph,
    Provenance,
    new_id,
)

FORMAT = "declaration-draft/1"
MAX_DEPTH = 3  # sub-items of sub-items of sub-items
MAX_NESTING = 32  # of any value, unknown keys included
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$")

_DRAFT_KEYS = {"format", "language", "title", "chapeau", "preambular", "operative_intro",
               "operative", "closing", "house_style", "voice", "metadata"}
_PARAGRAPH_KEYS = {"text", "items", "id", "provenance", "bracketed", "alternative",
                   "alternative_of"}
_ITEM_KEYS = {"text", "items"}
# Provenance fields and whether they must be present.
_PROVENANCE = {"clause_id": (int, False), "source": (str, True), "position": (str, True),
               "precedent_text": (str, True), "body": (str, False), "date": (str, False),
               "document_id": (int, False)}


class DraftFormatError(ValueError):
    """A draft file that does not follow the format; ``field`` names the culprit."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def dumps(draft: Draft, *, indent: int | None = 2) -> str:
    """Return *draft* as declaration-draft/1 JSON text."""
    return json.dumps(to_dict(draft), ensure_ascii=False, indent=indent)


def loads(text: str | bytes) -> Draft:
    """Parse declaration-draft/1 JSON text into a Draft, or raise DraftFormatError."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except DraftFormatError:
        raise
    except (ValueError, RecursionError) as error:
        raise DraftFormatError("(file)", f"not valid JSON ({error})") from None
    return from_dict(data)


def _refuse_constant(name: str) -> None:
    # Python reads NaN and Infinity, but they are not JSON and PostgreSQL refuses them.
    raise DraftFormatError("(file)", f"not valid JSON ({name} is not a number)")


def to_dict(draft: Draft) -> dict[str, Any]:
    """Return *draft* as a JSON-ready dict."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "language": draft.language,
        "title": draft.title,
        "chapeau": draft.chapeau,
        "preambular": [_paragraph_to_dict(p) for p in draft.preambular],
    }
    if draft.operative_intro is not None:
        data["operative_intro"] = draft.operative_intro
    data["operative"] = [_paragraph_to_dict(p) for p in draft.operative]
    for key in ("closing", "house_style", "voice"):
        if getattr(draft, key) is not None:
            data[key] = getattr(draft, key)
    metadata = {k: v for k, v in _fields(draft.metadata).items() if v is not None}
    metadata.update(draft.metadata.extra)
    if metadata:
        data["metadata"] = metadata
    data.update(draft.extra)
    return data


def _fields(obj: Metadata | Provenance) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj) if f.name != "extra"}


def _paragraph_to_dict(paragraph: Paragraph) -> dict[str, Any]:
    data: dict[str, Any] = {"id": paragraph.id, "text": paragraph.text}
    if paragraph.items:
        data["items"] = [_item_to_dict(item) for item in paragraph.items]
    if paragraph.provenance is not None:
        data["provenance"] = {**_fields(paragraph.provenance), **paragraph.provenance.extra}
    if paragraph.bracketed:
        data["bracketed"] = True
    if paragraph.alternative is not None:
        data["alternative"] = paragraph.alternative
    if paragraph.alternative_of is not None:
        data["alternative_of"] = paragraph.alternative_of
    data.update(paragraph.extra)
    return data


def _item_to_dict(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"text": item.text}
    if item.items:
        data["items"] = [_item_to_dict(sub) for sub in item.items]
    data.update(item.extra)
    return data


def from_dict(data: Any) -> Draft:
    """Build a Draft from a decoded JSON value, or raise DraftFormatError."""
    if not isinstance(data, dict):
        raise DraftFormatError("(file)", "expected a JSON object")
    check_storable(data)
    if data.get("format", FORMAT) != FORMAT:
        raise DraftFormatError("format", f"expected {FORMAT!r}, got {data.get('format')!r}")
    language = _string(data, "language", "language") or "fr"
    if not LANGUAGE.match(language):
        raise DraftFormatError("language", f"expected a code such as fr or en, got {language!r}")
    draft = Draft(
        title=_string(data, "title", "title") or "",
        chapeau=_string(data, "chapeau", "chapeau") or "",
        language=language,
        operative_intro=_string(data, "operative_intro", "operative_intro"),
        closing=_string(data, "closing", "closing"),
        house_style=_choice(data, "house_style", "house_style", HOUSE_STYLES),
        voice=_choice(data, "voice", "voice", VOICES),
        metadata=_metadata(data.get("metadata")),
        extra={k: v for k, v in data.items() if k not in _DRAFT_KEYS},
    )
    seen: set[str] = set()
    for part in ("preambular", "operative"):
        entries = _list(data, part)
        if not isinstance(entries, list):
            raise DraftFormatError(part, "expected a list of paragraphs")
        paragraphs = [_paragraph(entry, f"{part}[{i}]", seen) for i, entry in enumerate(entries)]
        setattr(draft, part, paragraphs)
    return draft


def _list(data: dict, key: str) -> Any:
    value = data.get(key)
    return [] if value is None else value


def _string(data: dict, key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise DraftFormatError(where, f"expected a string, got {_kind(value)}")
    return value


def _choice(data: dict, key: str, where: str, allowed: tuple[str, ...]) -> str | None:
    value = data.get(key)
    if value is not None and value not in allowed:
        raise DraftFormatError(where, f"expected one of {', '.join(allowed)}, got {value!r}")
    return value


def _metadata(value: Any) -> Metadata:
    if value is None:
        return Metadata()
    if not isinstance(value, dict):
        raise DraftFormatError("metadata", f"expected an object, got {_kind(value)}")
    known = {f.name for f in fields(Metadata)} - {"extra"}
    return Metadata(
        **{k: _string(value, k, f"metadata.{k}") for k in known if k in value},
        extra={k: v for k, v in value.items() if k not in known},
    )


def _paragraph(entry: Any, where: str, seen: set[str]) -> Paragraph:
    if not isinstance(entry, dict):
        raise DraftFormatError(where, "expected an object with a 'text'")
    paragraph = Paragraph(
        text=_text(entry, where),
        items=_items(_list(entry, "items"), f"{where}.items", depth=1),
        provenance=_provenance(entry.get("provenance"), f"{where}.provenance"),
        bracketed=_boolean(entry, "bracketed", where),
        alternative=_choice(entry, "alternative", f"{where}.alternative", ALTERNATIVES),
        alternative_of=_string(entry, "alternative_of", f"{where}.alternative_of"),
        extra={k: v for k, v in entry.items() if k not in _PARAGRAPH_KEYS},
        # Drawing a fresh id only when none is stored: uuid4 costs more than the rest.
        id=_string(entry, "id", f"{where}.id") or new_id(),
    )
    if paragraph.id in seen:
        raise DraftFormatError(f"{where}.id", f"{paragraph.id!r} is used by another paragraph")
    seen.add(paragraph.id)
    return paragraph


def _text(entry: dict, where: str) -> str:
    text = _string(entry, "text", f"{where}.text")
    if text is None:
        raise DraftFormatError(f"{where}.text", "missing")
    return text


def _boolean(entry: dict, key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise DraftFormatError(f"{where}.{key}", "expected true or false")
    return value


def _items(entries: Any, where: str, *, depth: int) -> list[Item]:
    if not isinstance(entries, list):
        raise DraftFormatError(where, "expected a list of items")
    if entries and depth > MAX_DEPTH:
        raise DraftFormatError(where, f"sub-items nest deeper than {MAX_DEPTH} levels")
    items = []
    for i, entry in enumerate(entries):
        here = f"{where}[{i}]"
        if isinstance(entry, str):  # a bare string is accepted as an item's text
            entry = {"text": entry}
        if not isinstance(entry, dict):
            raise DraftFormatError(here, "expected an object with a 'text'")
        items.append(Item(
            text=_text(entry, here),
            items=_items(_list(entry, "items"), f"{here}.items", depth=depth + 1),
            extra={k: v for k, v in entry.items() if k not in _ITEM_KEYS},
        ))
    return items


def _provenance(value: Any, where: str) -> Provenance | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DraftFormatError(where, f"expected an object, got {_kind(value)}")
    known = {}
    for key, (kind, required) in _PROVENANCE.items():
        field_value = value.get(key)
        if field_value is None and required:
            raise DraftFormatError(f"{where}.{key}", "missing")
        # bool is an int to Python, not a clause id to anyone.
        if field_value is not None and (not isinstance(field_value, kind)
                                        or isinstance(field_value, bool)):
            raise DraftFormatError(f"{where}.{key}",
                                   f"expected {_KIND_NAMES[kind]}, got {_kind(field_value)}")
        known[key] = field_value
    return Provenance(**known, extra={k: v for k, v in value.items() if k not in _PROVENANCE})


_KIND_NAMES = {int: "an integer", str: "a string"}


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def check_storable(data: dict) -> None:
    """Raise DraftFormatError for what a database cannot store: NUL, lone surrogates, NaN…"""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:  # a loop, not recursion: the nesting is what is being checked
        value, where, depth = stack.pop()
        if depth > MAX_NESTING:
            raise DraftFormatError(where, f"nested deeper than {MAX_NESTING} levels")
        if isinstance(value, str):
            _check_text(value, where or "(file)")
        elif isinstance(value, float) and not math.isfinite(value):
            raise DraftFormatError(where, "not a finite number")
        elif isinstance(value, dict):
            for key, sub in value.items():
                here = f"{where}.{key}" if where else str(key)
                _check_text(str(key), here)
                stack.append((sub, here, depth + 1))
        elif isinstance(value, list):
            stack.extend((sub, f"{where}[{i}]", depth + 1) for i, sub in enumerate(value))


def _check_text(text: str, where: str) -> None:
    if "\x00" in text:
        raise DraftFormatError(where, "contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise DraftFormatError(where, "contains an unpaired surrogate") from None
