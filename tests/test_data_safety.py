"""Concurrent saves from several OS processes, and a worker killed mid-save, on both databases."""

from __future__ import annotations

import multiprocessing
import os
import queue
import random
import signal

import pytest
from sqlalchemy import select, text

from drafts import store
from drafts.jsonio import from_dict
from drafts.model import Draft, Paragraph
from storage.models import Draft as DraftRow
from storage.models import Revision
from tests import workers
from tests.conftest import BACKENDS, migrated_sessions

pytestmark = [pytest.mark.parametrize("database_url", BACKENDS, indirect=True),
              pytest.mark.slow]

PROCESSES = 4
# "spawn": each worker starts a fresh interpreter, as separate server processes would.
CONTEXT = multiprocessing.get_context("spawn")


@pytest.fixture
def sessions(database_url):
    """Return a session factory on a migrated database (no app: the workers have none)."""
    with migrated_sessions(database_url) as factory:
        yield factory


@pytest.fixture
def draft_id(sessions) -> int:
    with sessions() as session:
        return store.create_draft(session, Draft(title="Déclaration", chapeau="Nous, Ministres,",
                                                 operative=[Paragraph(text="Décidons ;")]),
                                  owner_id=_owner(session))


def _owner(session) -> int:
    import accounts

    return accounts.create_user(session, "owner", "correct horse battery").id


def run_processes(target, args_for, count: int = PROCESSES) -> list[tuple]:
    """Run *count* processes of *target*, wait for them, return everything they reported."""
    results, barrier = CONTEXT.Queue(), CONTEXT.Barrier(count)
    processes = [CONTEXT.Process(target=target, args=(*args_for(index), barrier, results))
                 for index in range(count)]
    for process in processes:
        process.start()
    reported = []
    while any(process.is_alive() for process in processes) or not results.empty():
        try:
            reported.append(results.get(timeout=0.5))
        except queue.Empty:
            continue
    for process in processes:
        process.join()
        assert process.exitcode == 0, f"worker failed with exit code {process.exitcode}"
    return reported


def assert_chain_consistent(sessions, draft_id: int) -> list[Draft]:
    """Check the revision chain: numbers 1..current without gaps, each a whole draft."""
    with sessions() as session:
        current = session.scalar(select(DraftRow.current_revision)
                                 .where(DraftRow.id == draft_id))
        rows = session.execute(select(Revision.number, Revision.data)
                               .where(Revision.draft_id == draft_id)
                               .order_by(Revision.number)).all()
    assert [number for number, _ in rows] == list(range(1, current + 1))
    return [from_dict(data) for _, data in rows]


def assert_each_revision_adds_one_paragraph(revisions: list[Draft]) -> None:
    """No lost update: every revision is its predecessor plus exactly one paragraph."""
    for before, after in zip(revisions, revisions[1:], strict=False):
        assert [p.text for p in after.operative[:-1]] == [p.text for p in before.operative]


def test_lockstep_saves_exactly_one_wins_each_round(sessions, database_url, draft_id):
    rounds = 8
    reported = run_processes(workers.lockstep_saves,
                             lambda worker: (database_url, draft_id, worker, rounds))
    assert len(reported) == rounds * PROCESSES  # each save was either recorded or refused
    for round_ in range(rounds):
        outcomes = [r for r in reported if r[2] == round_]
        saved = [r for r in outcomes if r[0] == "saved"]
        assert len(saved) == 1, outcomes
        assert {r[3] for r in outcomes} == {round_ + 1}  # all based on the same revision
        assert saved[0][4] == round_ + 2
        assert all(r[4] == round_ + 2 for r in outcomes if r[0] == "stale")
    revisions = assert_chain_consistent(sessions, draft_id)
    assert len(revisions) == rounds + 1
    assert_each_revision_adds_one_paragraph(revisions)
    winners = [f"w{r[1]}-r{r[2]}" for r in sorted(reported, key=lambda r: r[2])
               if r[0] == "saved"]
    assert [p.text for p in revisions[-1].operative[1:]] == winners


def test_free_running_saves_lose_nothing(sessions, database_url, draft_id):
    saves = 15
    reported = run_processes(workers.free_saves,
                             lambda worker: (database_url, draft_id, worker, saves))
    saved = [r for r in reported if r[0] == "saved"]
    assert len(saved) == saves * PROCESSES
    assert sorted(r[4] for r in saved) == list(range(2, 2 + saves * PROCESSES))
    revisions = assert_chain_consistent(sessions, draft_id)
    assert_each_revision_adds_one_paragraph(revisions)
    final = [p.text for p in revisions[-1].operative[1:]]
    assert sorted(final) == sorted(r[2] for r in saved)
    for _, _, marker, _, number in saved:  # each save landed as the revision it was told
        assert revisions[number - 1].operative[-1].text == marker


def _kill(process) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    assert process.exitcode == -signal.SIGKILL


def test_worker_killed_before_commit_leaves_nothing_behind(sessions, database_url, draft_id):
    ready = CONTEXT.Event()
    process = CONTEXT.Process(target=workers.pause_before_commit,
                              args=(database_url, draft_id, ready))
    process.start()
    assert ready.wait(60), "the worker never reached its commit"
    _kill(process)  # UPDATE and INSERT are written, COMMIT never comes
    revisions = assert_chain_consistent(sessions, draft_id)
    assert len(revisions) == 1
    with sessions() as session:  # the lock died with the process: the next save goes through
        assert workers.add_paragraph(session, draft_id, "after the crash") == (1, 2)
    revisions = assert_chain_consistent(sessions, draft_id)
    assert [p.text for p in revisions[-1].operative] == ["Décidons ;", "after the crash"]


def test_workers_killed_at_random_points_leave_a_whole_chain(sessions, database_url, draft_id):
    generator = random.Random(8)  # fixed seed: the same kill schedule on every run
    for _ in range(4):
        started = CONTEXT.Event()
        process = CONTEXT.Process(target=workers.save_forever,
                                  args=(database_url, draft_id, started))
        process.start()
        assert started.wait(60)
        # Let it save for a while; the moment of the kill falls anywhere inside a save.
        process.join(timeout=generator.uniform(0.2, 0.8))
        _kill(process)
        revisions = assert_chain_consistent(sessions, draft_id)
        assert_each_revision_adds_one_paragraph(revisions)
    assert len(revisions) > 1
    if database_url.startswith("sqlite"):
        with sessions() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
