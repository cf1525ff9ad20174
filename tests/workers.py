"""Code run in separate OS processes by the data-safety tests (each opens its own engine)."""

from __future__ import annotations

import os
import time

from sqlalchemy import event

from drafts import store
from drafts.model import Paragraph
from storage import make_engine, make_sessionmaker


def _sessionmaker(url: str):
    return make_sessionmaker(make_engine(url))


def add_paragraph(session, draft_id: int, marker: str) -> tuple[int, int]:
    """Load the current draft, append one operative paragraph, save; return (base, new)."""
    draft, base = store.load_draft(session, draft_id)
    draft.operative.append(Paragraph(text=marker))
    return base, store.save_draft(session, draft_id, draft, base_revision=base,
                                  author_id=None)


def lockstep_saves(url: str, draft_id: int, worker: int, rounds: int, barrier, results) -> None:
    """Every round: all workers load the same revision, then all save; report each outcome."""
    with _sessionmaker(url)() as session:
        for round_ in range(rounds):
            barrier.wait()
            draft, base = store.load_draft(session, draft_id)
            draft.operative.append(Paragraph(text=f"w{worker}-r{round_}"))
            session.rollback()  # end the read so that every worker saves from the same state
            barrier.wait()
            try:
                number = store.save_draft(session, draft_id, draft, base_revision=base,
                                          author_id=None)
            except store.StaleRevision as stale:
                results.put(("stale", worker, round_, base, stale.current))
            else:
                results.put(("saved", worker, round_, base, number))


def free_saves(url: str, draft_id: int, worker: int, saves: int, barrier, results) -> None:
    """Save *saves* paragraphs as fast as possible, retrying each stale save until it lands."""
    with _sessionmaker(url)() as session:
        barrier.wait()
        for index in range(saves):
            marker = f"free-w{worker}-{index}"
            while True:
                try:
                    base, number = add_paragraph(session, draft_id, marker)
                except store.StaleRevision:
                    results.put(("stale", worker, index, None, None))
                    continue
                results.put(("saved", worker, marker, base, number))
                break


def pause_before_commit(url: str, draft_id: int, ready) -> None:
    """Start a save and stop just before its COMMIT, written but not committed; wait to die."""
    engine = make_engine(url)

    @event.listens_for(engine, "commit")
    def _hold(_connection):
        ready.set()
        while True:  # the test kills this process here, in the middle of the save
            time.sleep(1)

    with make_sessionmaker(engine)() as session:
        add_paragraph(session, draft_id, f"killed-{os.getpid()}")


def save_forever(url: str, draft_id: int, started) -> None:
    """Keep saving until killed, so that the kill lands at an arbitrary point of a save."""
    with _sessionmaker(url)() as session:
        started.set()
        counter = 0
        while True:
            counter += 1
            try:
                add_paragraph(session, draft_id, f"loop-{os.getpid()}-{counter}")
            except store.StaleRevision:
                continue
