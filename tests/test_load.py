"""The load benchmark in its short form: real gunicorn, a few drafters, a few seconds.

Asserts that nothing failed and that every action ran (never how fast: figures come from the
full run, ``bench/load.py``, recorded in docs/benchmarks.md).
"""

from __future__ import annotations

import pytest

from bench.load import ACTIONS, run_load
from tests.conftest import BACKENDS


@pytest.mark.slow
@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_short_load_run_has_no_errors(database_url):
    report = run_load(database_url=database_url, users=3, duration=4, max_requests=400,
                      workers=2, threads=2, think=0)
    for action in ACTIONS:
        row = report["actions"][action]
        assert row["errors"] == 0, (action, row["first_errors"])
        assert row["count"] >= (3 if action == "sign_in" else 1), action
    assert 0 < report["requests"] <= 400 + 3 * len(ACTIONS)
