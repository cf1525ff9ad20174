"""The planted-defect evaluation runs, plants every kind of defect, and scores the checks."""

import pytest

from bench.checks_eval import as_markdown, evaluate, load_drafts
from bench.planting import PLANTERS
from checks import REGISTRY, run_checks

SMALL = ["seed_000_oif_paris", "un_traite_fr", "ua_communique"]


@pytest.fixture(scope="module")
def report():
    return evaluate(load_drafts(names=SMALL), repeats=1, seed=3, bank=load_drafts())


def test_every_check_has_a_planter():
    assert set(PLANTERS) | {"precedent-drift"} == set(REGISTRY)


def test_recall_and_false_alarms_on_a_small_set(report):
    assert set(report.planted) == set(REGISTRY)
    assert report.overall_recall >= 0.9
    assert report.false_alarm_rate < 3
    assert "| **all** |" in as_markdown(report)


ALL = sorted(load_drafts())


@pytest.mark.parametrize("name", ALL)
def test_clean_drafts_are_clean(name):
    draft = load_drafts(names=[name])[name]
    assert [f.message for f in run_checks(draft) if f.severity in ("error", "warning")] == []
