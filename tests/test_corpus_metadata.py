"""Metadata of the bundled corpus: one JSON per text, checked against the text itself."""

from __future__ import annotations

import json
import re

import pytest

from clause_bank.references import find_references
from tests.conftest import SEEDS

TEXTS = sorted(SEEDS.glob("*.txt"))
KINDS = {"declaration", "call_to_action", "communique", "declaration_summary", "resolution"}


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.name[:3])
def test_metadata_file(text):
    meta = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
    assert {"title", "body", "place", "date", "language", "text_kind"} <= set(meta)
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", meta["date"])
    assert meta["language"] in ("fr", "en") and meta["text_kind"] in KINDS
    body = text.read_text(encoding="utf-8")
    dates = {r.key for r in find_references(body) if r.kind == "date"}
    # What the text states must agree with the metadata; what it does not state is explained.
    if len(meta["date"]) == 10 and "note" not in meta:
        assert meta["date"] in dates
        assert meta["place"] in body
    else:
        assert meta.get("note")
    assert meta["date"][:4] in body or "note" in meta


def test_every_text_has_metadata():
    assert len(TEXTS) == 5
    assert all(path.with_suffix(".json").exists() for path in TEXTS)
