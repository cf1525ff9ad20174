"""Two drafters saving the same draft: the second save is refused, nothing is lost."""

import copy
import threading

import pytest
from sqlalchemy import func, select

import accounts
from drafts import store
from storage.models import Revision
from tests.conftest import BACKENDS, PASSWORD, migrated_sessions
from tests.draft_samples import sample_draft


@pytest.fixture
def database(any_database_url):
    """Return a session factory on a migrated database, SQLite then PostgreSQL."""
    with migrated_sessions(any_database_url) as factory:
        yield factory


@pytest.fixture
def shared_draft(database):
    """Create alice's draft shared with bob as editor; return (draft id, alice id, bob id)."""
    with database() as session:
        alice = accounts.create_user(session, "alice", PASSWORD)
        bob = accounts.create_user(session, "bob", PASSWORD)
        draft_id = store.create_draft(session, sample_draft(), owner_id=alice.id)
        store.share_draft(session, draft_id, username="bob", role="editor")
        return draft_id, alice.id, bob.id


def test_second_save_refused_first_kept_second_offered_back(database, shared_draft):
    draft_id, alice, bob = shared_draft
    with database() as first, database() as second:  # two connections, like two browsers
        alice_text, base = store.load_draft(first, draft_id)
        bob_text, bob_base = store.load_draft(second, draft_id)
        alice_text.operative[0].text = "Appelons la communauté internationale à agir sans délai ;"
        bob_text.preambular[2].text = "Profondément indignés par ces violations ;"

        assert store.save_draft(first, draft_id, alice_text, base_revision=base,
                                author_id=alice) == 2
        with pytest.raises(store.StaleRevision) as refused:
            store.save_draft(second, draft_id, bob_text, base_revision=bob_base, author_id=bob)

        assert store.load_draft(second, draft_id) == (alice_text, 2)  # the first save is kept
        assert refused.value.draft == bob_text  # bob's typed text comes back to him
        offered = store.compare_with_current(second, refused.value)
        changed = {row.new_label: row for row in offered.rows if row.status == "changed"}
        assert set(changed) == {"PP3", "OP1"}  # his edit, and alice's that he has not seen
        assert "Profondément" in "".join(c.text for c in changed["PP3"].changes
                                         if c.op == "insert")

        merged = copy.deepcopy(alice_text)  # bob merges by hand and saves on the current base
        merged.preambular[2] = refused.value.draft.preambular[2]
        assert store.save_draft(second, draft_id, merged, base_revision=refused.value.current,
                                author_id=bob) == 3
        assert store.load_draft(first, draft_id)[0] == merged


@pytest.mark.parametrize("writers", [2, 6])
def test_racing_saves_on_one_base_let_exactly_one_through(database, shared_draft, writers):
    draft_id, alice, _bob = shared_draft
    barrier = threading.Barrier(writers)
    outcomes: list = [None] * writers

    def save(n: int) -> None:
        with database() as session:
            draft, base = store.load_draft(session, draft_id)
            draft.title = f"Version {n}"
            barrier.wait()
            try:
                outcomes[n] = store.save_draft(session, draft_id, draft, base_revision=base,
                                               author_id=alice)
            except store.StaleRevision as stale:
                outcomes[n] = stale
            except Exception as error:  # anything else is the bug looked for
                outcomes[n] = error

    threads = [threading.Thread(target=save, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [n for n, outcome in enumerate(outcomes) if outcome == 2]
    assert len(winners) == 1, outcomes
    assert all(isinstance(o, store.StaleRevision) for n, o in enumerate(outcomes)
               if n not in winners), outcomes
    with database() as session:
        assert store.load_draft(session, draft_id)[0].title == f"Version {winners[0]}"
        assert session.scalar(select(func.count()).select_from(Revision)) == 2


def _as(app, user_id):
    """Return a request context signed in as *user_id*."""
    from flask_login import login_user

    from drafting.auth import SignedInUser
    from storage.models import User

    context = app.test_request_context("/")
    context.push()
    with app.extensions["sessionmaker"]() as session:
        login_user(SignedInUser(session.get(User, user_id)))
    return context


@pytest.mark.parametrize("database_url", BACKENDS, indirect=True)
def test_web_save_of_a_stale_page_keeps_the_typed_text(app, session, make_users):
    from drafting.access import draft_or_404, save_or_conflict

    people = make_users("alice", "ed")
    draft_id = store.create_draft(session, sample_draft(), owner_id=people["alice"])
    store.share_draft(session, draft_id, username="ed", role="editor")
    pages = {}
    for name in ("alice", "ed"):  # both open the editor on revision 1
        context = _as(app, people[name])
        pages[name] = draft_or_404(draft_id, write=True)
        context.pop()
    alice_text, ed_text = pages["alice"].draft, pages["ed"].draft
    alice_text.closing = "FIN — Paris, le 25 novembre 2017"
    ed_text.operative.pop()

    context = _as(app, people["alice"])
    assert save_or_conflict(pages["alice"], alice_text, base_revision=1).revision == 2
    context.pop()
    context = _as(app, people["ed"])
    outcome = save_or_conflict(pages["ed"], ed_text, base_revision=1)
    context.pop()

    assert not outcome.saved and outcome.conflict.current == 2
    assert outcome.conflict.draft == ed_text
    assert {(row.part, row.status) for row in outcome.comparison.rows if row.status != "equal"} \
        == {("closing", "changed"), ("operative", "deleted")}
    assert store.load_draft(session, draft_id) == (alice_text, 2)
