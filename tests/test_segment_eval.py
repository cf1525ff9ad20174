"""The segmenter measured on the evaluation set (texts written for it, with gold annotations)."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from tests.conftest import ROOT

EVAL = ROOT / "tests" / "data" / "segment_eval"


@pytest.fixture(scope="module")
def segment_eval():
    path = ROOT / "bench" / "segment_eval.py"
    spec = importlib.util.spec_from_file_location("segment_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["segment_eval"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_set_is_varied():
    golds = sorted(EVAL.glob("*.gold.json"))
    assert len(golds) >= 8
    languages = {"en" if "_en" in path.name else "fr" for path in golds}
    assert languages == {"fr", "en"}
    for gold in golds:
        data = json.loads(gold.read_text(encoding="utf-8"))
        assert data["paragraphs"]
        assert all(p["kind"] in ("preambular", "operative") for p in data["paragraphs"])


def test_paragraphs_and_kinds_reach_097(segment_eval):
    figures, rows = segment_eval.evaluate(EVAL)
    report = "\n".join(f"{stem}: {miss}" for stem, score in rows for miss in score.misses)
    assert figures["f1"] >= 0.97, report
    assert figures["typed_f1"] >= 0.97, report
    assert figures["kind_accuracy"] >= 0.97, report
    assert figures["front_accuracy"] >= 0.97, report


def test_scoring_counts_a_wrong_chapeau(segment_eval):
    """The scorer itself: a title or chapeau other than the gold's is counted as a miss."""
    gold = {"title": "Protection des migrants", "chapeau": "L'Assemblée générale,",
            "paragraphs": [{"kind": "preambular", "start": "Rappelant", "end": "la Charte,"}]}
    text = "72/1. Protection des migrants\n\nL'Assemblée générale,\n\nRappelant la Charte,\n"
    assert segment_eval.score_document(text, gold).fronts_right == 2
    wrong = segment_eval.score_document(text, {**gold, "chapeau": "Le Conseil,"})
    assert (wrong.fronts, wrong.fronts_right) == (2, 1)


def test_scoring_counts_a_merged_paragraph_as_wrong(segment_eval):
    """The scorer itself: two paragraphs run together match neither gold paragraph."""
    gold = {"paragraphs": [
        {"kind": "preambular", "start": "Rappelant", "end": "la Charte,"},
        {"kind": "operative", "start": "Décide", "end": "question."},
    ]}
    good = segment_eval.score_document("L'Assemblée générale,\n\nRappelant la Charte,\n\n"
                                       "1. Décide de rester saisie de la question.", gold)
    assert (good.matched, good.kind_right) == (2, 2)
    merged = segment_eval.score_document("L'Assemblée générale,\n\nRappelant la Charte, et "
                                         "décide de rester saisie de la question.", gold)
    assert merged.matched == 0 and merged.found == 1
