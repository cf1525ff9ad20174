"""Provenance as the text of a Word comment, and back."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from drafts.model import Provenance

AUTHOR = {"fr": ("Assistant de rédaction", "AR"), "en": ("Drafting assistant", "DA")}
# Line labels of a provenance comment, per language; import accepts either language.
LABELS = {
    "fr": {"source": "Source", "body": "Organe", "date": "Date", "position": "Position",
           "similarity": "Similarité avec le précédent", "precedent_text": "Texte du précédent",
           "reference": "Référence"},
    "en": {"source": "Source", "body": "Body", "date": "Date", "position": "Position",
           "similarity": "Similarity to the precedent", "precedent_text": "Precedent text",
           "reference": "Reference"},
}
_READ = {label.lower(): key for labels in LABELS.values() for key, label in labels.items()}
_LINE = re.compile(r"^(?P<label>[^:\n]{2,40}?)[ \u00a0\u202f]?: (?P<value>.*)$", re.S)
_REFERENCE = re.compile(r"(clause|document) (\d+)")


def similarity(provenance: Provenance, text: str) -> int:
    """Return how close *text* still is to its precedent, 0–100."""
    return round(fuzz.ratio(provenance.precedent_text, text))


def comment_lines(provenance: Provenance, text: str, *, language: str) -> list[str]:
    """Return the lines of the comment naming where *text* came from."""
    labels = LABELS["en" if language == "en" else "fr"]
    colon = ": " if language == "en" else "\u00a0: "
    score = similarity(provenance, text)
    values = {
        "source": provenance.source,
        "body": provenance.body,
        "date": provenance.date,
        "position": provenance.position,
        "similarity": f"{score}\u00a0%" + (_same(language) if score == 100 else ""),
        "precedent_text": provenance.precedent_text,
        "reference": _reference(provenance),
    }
    return [f"{labels[key]}{colon}{value}" for key, value in values.items()
            if value is not None and (value or key not in ("reference",))]


def _same(language: str) -> str:
    return " (identical)" if language == "en" else " (identique)"


def _reference(provenance: Provenance) -> str:
    parts = []
    if provenance.clause_id is not None:
        parts.append(f"clause {provenance.clause_id}")
    if provenance.document_id is not None:
        parts.append(f"document {provenance.document_id}")
    return ", ".join(parts)


def parse_comment(lines: list[str]) -> Provenance | None:
    """Return the provenance written by comment_lines, or None for any other comment."""
    values: dict[str, str] = {}
    for line in lines:
        match = _LINE.match(line)
        key = _READ.get(match.group("label").strip().lower()) if match else None
        if key is not None and key not in values:
            values[key] = match.group("value")
    if not {"source", "position", "precedent_text"} <= values.keys():
        return None
    ids = dict(_REFERENCE.findall(values.get("reference", "")))
    return Provenance(
        clause_id=int(ids["clause"]) if "clause" in ids else None,
        source=values["source"],
        position=values["position"],
        precedent_text=values["precedent_text"],
        body=values.get("body"),
        date=values.get("date"),
        document_id=int(ids["document"]) if "document" in ids else None,
    )
