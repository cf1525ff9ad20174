"""The mining benchmark's synthetic text is itself segmented right (no timing asserted)."""

from __future__ import annotations

import importlib.util
import re
import sys

from clause_bank.segment import segment_text
from tests.conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("mining_bench", ROOT / "bench" / "mining.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["mining_bench"] = module
    spec.loader.exec_module(module)
    return module


def test_synthetic_resolution_is_segmented_exactly():
    text = _bench().synthetic(60_000)
    blocks = [b for b in text.split("\n\n") if b.strip()]
    operative = [b for b in blocks if re.match(r"\d+\. ", b)]
    items = [b for b in blocks if re.match(r"[ab]\) ", b)]
    preambular = len(blocks) - 2 - len(operative) - len(items)  # title and chapeau aside
    result = segment_text(text)
    kinds = [p.kind for p in result.paragraphs]
    assert kinds == ["preambular"] * preambular + ["operative"] * len(operative)
    assert sum(len(p.items) for p in result.paragraphs) == len(items)
    assert result.chapeau == "L’Assemblée générale,"
    assert [p.number for p in result.paragraphs if p.number] == [
        str(n) for n in range(1, len(operative) + 1)
    ]
