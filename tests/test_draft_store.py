"""Drafts in the database, on SQLite and on PostgreSQL: revisions, history, restore, sharing."""

import copy

import pytest
from sqlalchemy import func, select

import accounts
from drafts import jsonio, store
from drafts.model import Draft, Paragraph
from storage.models import Revision, Share
from tests.conftest import BACKENDS
from tests.draft_samples import sample_draft

pytestmark = pytest.mark.parametrize("database_url", BACKENDS, indirect=True)


@pytest.fixture
def people(make_users):
    """Return the ids of alice, bob and carol."""
    return make_users("alice", "bob", "carol")


@pytest.fixture
def original():
    return sample_draft()


@pytest.fixture
def draft_id(session, people, original):
    return store.create_draft(session, original, owner_id=people["alice"])


def test_create_then_load_gives_the_same_draft(session, draft_id, original):
    assert store.load_draft(session, draft_id) == (original, 1)
    assert jsonio.dumps(store.load_draft(session, draft_id)[0]) == jsonio.dumps(original)


def test_every_save_is_a_revision(session, draft_id, people):
    draft, base = store.load_draft(session, draft_id)
    for n in range(3):
        draft.operative.append(Paragraph(f"Décidons de nous réunir en {2019 + n} ;"))
        base = store.save_draft(session, draft_id, draft, base_revision=base,
                                author_id=people["bob"])
    assert base == 4
    assert [r.number for r in store.list_revisions(session, draft_id)] == [4, 3, 2, 1]
    assert len(store.load_draft(session, draft_id, revision=2)[0].operative) == 6
    assert len(store.load_draft(session, draft_id)[0].operative) == 8


def test_history_names_authors_and_revisions(session, draft_id, people):
    draft, base = store.load_draft(session, draft_id)
    store.save_draft(session, draft_id, draft, base_revision=base, author_id=people["bob"],
                     name="Rev.1 — après les consultations officieuses du 12 mars")
    store.name_revision(session, draft_id, 1, "  Projet zéro  ")
    history = store.list_revisions(session, draft_id)
    assert [(r.number, r.name, r.author, r.current) for r in history] == [
        (2, "Rev.1 — après les consultations officieuses du 12 mars", "bob", True),
        (1, "Projet zéro", "alice", False)]
    store.name_revision(session, draft_id, 1, "")
    assert store.list_revisions(session, draft_id)[1].name is None


@pytest.mark.parametrize("name", ["x" * 256, "Rev.1\x00"])
def test_bad_revision_names_are_refused(session, draft_id, name):
    with pytest.raises(ValueError, match="revision name"):
        store.name_revision(session, draft_id, 1, name)


def test_stale_save_is_refused_and_writes_nothing(session, draft_id, people):
    draft, base = store.load_draft(session, draft_id)
    first = copy.deepcopy(draft)
    first.title = "Déclaration de Paris (Rev.1)"
    store.save_draft(session, draft_id, first, base_revision=base, author_id=people["bob"])
    late = copy.deepcopy(draft)
    late.title = "Déclaration de Paris (version de carol)"
    with pytest.raises(store.StaleRevision) as refused:
        store.save_draft(session, draft_id, late, base_revision=base, author_id=people["carol"])
    assert (refused.value.current, refused.value.base, refused.value.draft) == (2, 1, late)
    assert store.load_draft(session, draft_id) == (first, 2)
    assert session.scalar(select(func.count()).select_from(Revision)) == 2


def test_restore_creates_a_new_revision(session, draft_id, people):
    original, _ = store.load_draft(session, draft_id)
    changed = copy.deepcopy(original)
    del changed.preambular[1]
    store.save_draft(session, draft_id, changed, base_revision=1, author_id=people["alice"])
    assert store.restore_revision(session, draft_id, 1, author_id=people["bob"]) == 3
    assert store.load_draft(session, draft_id) == (original, 3)
    assert store.load_draft(session, draft_id, revision=2)[0] == changed


def test_restore_with_a_stale_base_is_refused(session, draft_id, people):
    draft, _ = store.load_draft(session, draft_id)
    store.save_draft(session, draft_id, draft, base_revision=1, author_id=people["alice"])
    with pytest.raises(store.StaleRevision):
        store.restore_revision(session, draft_id, 1, author_id=people["bob"], base_revision=1)


def test_compare_revisions(session, draft_id, people):
    draft, _ = store.load_draft(session, draft_id)
    draft.operative[0].text = draft.operative[0].text.replace("immédiate", "urgente")
    store.save_draft(session, draft_id, draft, base_revision=1, author_id=people["alice"])
    comparison = store.compare_revisions(session, draft_id, 1, 2)
    assert [(row.new_label, row.status) for row in comparison.rows if row.status != "equal"] == [
        ("OP1", "changed")]


@pytest.mark.parametrize(("call", "kwargs"), [
    (store.load_draft, {}),
    (store.load_draft, {"revision": 9}),
    (store.list_revisions, {}),
    (store.delete_draft, {}),
])
def test_missing_drafts_and_revisions(session, people, call, kwargs):
    draft_id = store.create_draft(session, Draft(), owner_id=people["alice"])
    missing = draft_id if kwargs else draft_id + 100
    with pytest.raises(store.DraftNotFound):
        call(session, missing, **kwargs)


def test_long_metadata_is_clipped_in_the_list_but_kept_in_full(session, people):
    draft = sample_draft()
    draft.metadata.body = "Conférence " * 60
    draft.metadata.date = "le vingt-cinq novembre deux mille dix-sept, à Paris"
    draft_id = store.create_draft(session, draft, owner_id=people["alice"])
    (summary,) = store.drafts_for_user(session, people["alice"])
    assert (len(summary.body), len(summary.date)) == (255, 32)
    assert store.load_draft(session, draft_id)[0].metadata == draft.metadata


def test_drafts_for_user_lists_own_and_shared(session, draft_id, people):
    other = store.create_draft(session, Draft(title="Projet de carol"), owner_id=people["carol"])
    store.share_draft(session, other, username="alice", role="reader")
    draft, _ = store.load_draft(session, draft_id)
    store.save_draft(session, draft_id, draft, base_revision=1, author_id=people["bob"])
    listed = {s.id: s for s in store.drafts_for_user(session, people["alice"])}
    assert set(listed) == {draft_id, other}
    mine = listed[draft_id]
    assert (mine.title, mine.body, mine.date, mine.revision, mine.updated_by, mine.role) == (
        "Déclaration de Paris sur les migrations", "Conférence ministérielle de la Francophonie",
        "2017-11-25", 2, "bob", "owner")
    assert (listed[other].owner, listed[other].role) == ("carol", "reader")
    assert store.drafts_for_user(session, people["bob"]) == []


def test_roles_follow_sharing(session, draft_id, people):
    assert store.role_for(session, draft_id, people["alice"]) == "owner"
    assert store.role_for(session, draft_id, people["bob"]) is None
    store.share_draft(session, draft_id, username="bob", role="reader")
    assert store.role_for(session, draft_id, people["bob"]) == "reader"
    store.share_draft(session, draft_id, username="bob", role="editor")
    assert store.role_for(session, draft_id, people["bob"]) == "editor"
    assert store.shares_of(session, draft_id) == [store.ShareInfo("bob", "editor")]
    store.unshare_draft(session, draft_id, username="bob")
    assert store.role_for(session, draft_id, people["bob"]) is None
    assert store.role_for(session, draft_id + 100, people["alice"]) is None


@pytest.mark.parametrize(("username", "role", "message"), [
    ("dave", "reader", "no such user"),
    ("bob", "owner", "role"),
    ("alice", "editor", "owns this draft"),
    ("bob\x00", "reader", "no such user"),
])
def test_bad_shares_are_refused(session, draft_id, username, role, message):
    with pytest.raises(store.ShareError, match=message):
        store.share_draft(session, draft_id, username=username, role=role)


def test_delete_takes_revisions_and_shares_along(session, draft_id, people):
    store.share_draft(session, draft_id, username="bob", role="editor")
    draft, _ = store.load_draft(session, draft_id)
    store.save_draft(session, draft_id, draft, base_revision=1, author_id=people["alice"])
    store.delete_draft(session, draft_id)
    assert session.scalar(select(func.count()).select_from(Revision)) == 0
    assert session.scalar(select(func.count()).select_from(Share)) == 0
    assert store.drafts_for_user(session, people["bob"]) == []


def test_deleting_an_author_keeps_their_revisions(session, draft_id, people):
    draft, _ = store.load_draft(session, draft_id)
    store.share_draft(session, draft_id, username="bob", role="editor")
    store.save_draft(session, draft_id, draft, base_revision=1, author_id=people["bob"])
    session.delete(accounts.find_user(session, "bob"))
    session.commit()
    assert [r.author for r in store.list_revisions(session, draft_id)] == [None, "alice"]


def test_unusual_text_survives_the_database(session, people):
    draft = Draft(title="« Déclaration » — ‹ test › \u202f; 𝒜 😀 \\ \" '",
                  chapeau="Nous,\n\tMinistres", extra={"x-order": {"b": 1, "a": [2, {"z": None}]}})
    draft_id = store.create_draft(session, draft, owner_id=people["alice"])
    assert store.load_draft(session, draft_id)[0] == draft
    assert jsonio.dumps(store.load_draft(session, draft_id)[0]) == jsonio.dumps(draft)


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: setattr(d, "title", "Déclaration\x00"), "title"),
    (lambda d: setattr(d.operative[1], "text", "Condamnons \ud800"), "operative[1].text"),
    (lambda d: d.metadata.extra.update({"x-score": float("nan")}), "metadata.x-score"),
])
def test_unstorable_text_is_refused_naming_the_field(session, draft_id, people, change, field):
    draft, _ = store.load_draft(session, draft_id)
    change(draft)
    with pytest.raises(jsonio.DraftFormatError) as refused:
        store.save_draft(session, draft_id, draft, base_revision=1, author_id=people["alice"])
    assert refused.value.field == field
    assert store.current_revision(session, draft_id) == 1
    with pytest.raises(jsonio.DraftFormatError):
        store.create_draft(session, draft, owner_id=people["alice"])
