"""The editor's routes through the Flask test client: pages, saves, actions, merge, expiry."""

import pytest
from werkzeug.datastructures import MultiDict

import accounts
from drafts import store
from tests.conftest import PASSWORD, login
from tests.editor_helpers import editor_form, load, page_token, replace, store_draft


@pytest.fixture
def draft_id(signed_in, session):
    return store_draft(session)


def post(client, draft_id, pairs, action="save", **extra):
    data = list(pairs) + [("action", action)] + list(extra.items())
    return client.post(f"/drafts/{draft_id}", data=MultiDict(data))


def test_list_shows_my_drafts_and_shared_ones(signed_in, session, make_user):
    make_user("bob")
    mine = store_draft(session)
    theirs = store_draft(session, "bob")
    store.share_draft(session, theirs, username="alice", role="reader")
    store_draft(session, "bob")  # not shared: must not show
    page = signed_in.get("/drafts/").get_data(as_text=True)
    assert page.count("Déclaration de Paris") == 2
    assert f"/drafts/{mine}" in page and f"/drafts/{theirs}" in page
    assert "partagé par bob" in page and "OIF" in page and "Rév. 1" in page


def test_list_and_editor_need_sign_in(client, make_user, session):
    make_user("alice")
    draft_id = store_draft(session)
    for url in ("/drafts/", f"/drafts/{draft_id}", "/drafts/new"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize(("starter", "voice", "style", "chapeau"), [
    ("ministerial", "first_plural", "oif", "Nous, Ministres"),
    ("resolution", "third_singular", "un", "L'Assemblée générale,"),
    ("communique", "third_plural", "un", "Les chefs d'État"),
    ("infinitive", "infinitive", "oas", "Les Ministres"),
])
def test_new_draft_from_a_starter(signed_in, session, starter, voice, style, chapeau):
    token = page_token(signed_in.get("/drafts/new").get_data(as_text=True))
    response = signed_in.post("/drafts/new", data={"title": "Déclaration de Niamey",
                                                   "starter": starter, "csrf_token": token})
    assert response.status_code == 303
    draft_id = int(response.headers["Location"].rsplit("/", 1)[1])
    draft, revision = load(session, draft_id)
    assert (draft.title, draft.voice, draft.house_style, revision) == (
        "Déclaration de Niamey", voice, style, 1)
    assert draft.chapeau.startswith(chapeau)
    assert (draft.operative_intro == "AFFIRMONS L'IMPORTANCE :") == (starter == "infinitive")


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "", "starter": "ministerial"}, "Ce champ est requis"),
    ({"title": "T", "starter": "sonnet"}, "pas un choix valide"),
])
def test_new_draft_refuses_bad_input(signed_in, session, data, message):
    token = page_token(signed_in.get("/drafts/new").get_data(as_text=True))
    response = signed_in.post("/drafts/new", data={**data, "csrf_token": token})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert store.drafts_for_user(session, 1) == []


def test_editor_shows_the_draft(signed_in, draft_id):
    page = signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)
    for expected in ("Déclaration de Paris", "PP1", "PP2", "OP3", "Condamnons la traite",
                     "ratifier le Protocole ;\n", 'name="order-operative" value="op2"',
                     "Banque de précédents", "Vérifications", "Rév. 1"):
        assert expected in page


def test_save_writes_a_revision_with_the_typed_text(signed_in, session, draft_id):
    pairs = replace(editor_form(signed_in, draft_id), text_op1="Condamnons fermement la traite ;",
                    title="Déclaration de Paris (Rev.1)")
    response = post(signed_in, draft_id, pairs)
    assert response.status_code == 303
    draft, revision = load(session, draft_id)
    assert revision == 2
    assert draft.title == "Déclaration de Paris (Rev.1)"
    assert draft.operative[0].text == "Condamnons fermement la traite ;"
    assert [i.text for i in draft.operative[1].items] == ["ratifier le Protocole ;", "coopérer."]
    assert "Enregistré (révision 2)" in signed_in.get(response.headers["Location"]).get_data(
        as_text=True)


def test_save_without_change_writes_nothing(signed_in, session, draft_id):
    before, _ = load(session, draft_id)
    assert post(signed_in, draft_id, editor_form(signed_in, draft_id)).status_code == 303
    after, revision = load(session, draft_id)
    assert revision == 1 and after == before


@pytest.mark.parametrize(("action", "expected"), [
    ("up:op2", ["op2", "op1", "op3"]),
    ("down:op1", ["op2", "op1", "op3"]),
    ("delete:op2", ["op1", "op3"]),
    ("duplicate:op3", ["op1", "op2", "op3", "*"]),
    ("variant:op1", ["op1", "*", "op2", "op3"]),
    ("add:operative:op1", ["op1", "*", "op2", "op3"]),
    ("add:operative", ["op1", "op2", "op3", "*"]),
])
def test_paragraph_actions(signed_in, session, draft_id, action, expected):
    response = post(signed_in, draft_id, editor_form(signed_in, draft_id), action)
    assert response.status_code == 303
    draft, revision = load(session, draft_id)
    ids = [p.id for p in draft.operative]
    assert revision == 2 and len(ids) == len(expected)
    assert all(e == "*" or e == i for e, i in zip(expected, ids, strict=True))
    assert response.headers["Location"].rsplit("#", 1)[-1].startswith(("p-", "block-"))


def test_marks_bracketed_and_alternative(signed_in, session, draft_id):
    pairs = editor_form(signed_in, draft_id) + [("bracketed-op2", "on")]
    pairs = replace(pairs, **{"alternative-op3": "bis"})
    post(signed_in, draft_id, pairs)
    draft, _ = load(session, draft_id)
    assert draft.operative[1].bracketed
    assert (draft.operative[2].alternative, draft.operative[2].alternative_of) == ("bis", "op2")
    page = signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert "OP2 bis" in page and "para bracketed" in page


def test_reorder_by_posted_order_as_drag_and_drop_does(signed_in, session, draft_id):
    pairs = [p for p in editor_form(signed_in, draft_id) if p[0] != "order-operative"]
    pairs += [("order-operative", i) for i in ("op3", "op1", "op2")]
    post(signed_in, draft_id, pairs)
    assert [p.id for p in load(session, draft_id)[0].operative] == ["op3", "op1", "op2"]


@pytest.mark.parametrize(("pairs", "status", "message"), [
    ([("title", "x" * 600)], 422, "ne peut pas contenir plus de 500 caractères"),
    ([("voice", "second_person")], 422, "pas un choix valide"),
    ([("action", "explode:op1")], 422, "Action inconnue"),
    ([("action", "delete:nope")], 422, "no such paragraph"),
])
def test_refused_save_keeps_the_typed_text(signed_in, session, draft_id, pairs, status, message):
    form = replace(editor_form(signed_in, draft_id), text_op1="Mon texte tapé ;")
    names = {name for name, _ in pairs}
    data = [p for p in form if p[0] not in names] + pairs
    if "action" not in names:
        data.append(("action", "save"))
    response = signed_in.post(f"/drafts/{draft_id}", data=MultiDict(data))
    page = response.get_data(as_text=True)
    assert response.status_code == status
    assert message in page and "Mon texte tapé ;" in page
    assert load(session, draft_id)[1] == 1


def test_stale_save_is_refused_and_offered_for_merge(signed_in, session, draft_id, app,
                                                     make_user):
    mine = replace(editor_form(signed_in, draft_id), text_op1="Condamnons (moi) ;",
                   text_op3="Décidons (moi).")
    draft, _ = load(session, draft_id)
    draft.operative[0].text = "Condamnons (eux) ;"
    draft.preambular[0].text = "Rappelant (eux),"
    store.save_draft(session, draft_id, draft, base_revision=1, author_id=None)
    response = post(signed_in, draft_id, mine)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Condamnons (moi) ;" in page and "Condamnons (eux) ;" in page
    assert load(session, draft_id)[1] == 2  # nothing overwritten
    merge = {"csrf_token": page_token(page), "base_revision": "1", "theirs_revision": "2",
             "mine": _field(page, "mine"), "choice-p:op1": "theirs"}
    response = signed_in.post(f"/drafts/{draft_id}/merge", data=merge)
    assert response.status_code == 303
    merged, revision = load(session, draft_id)
    assert revision == 3
    assert [p.text for p in merged.operative] == [
        "Condamnons (eux) ;", "Appelons les États à :", "Décidons (moi)."]
    assert merged.preambular[0].text == "Rappelant (eux),"


def _field(page: str, name: str) -> str:
    import html
    import re

    return html.unescape(re.search(rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', page,
                                   re.S).group(1))


def test_merge_with_a_bad_payload_is_a_400(signed_in, draft_id):
    token = page_token(signed_in.get(f"/drafts/{draft_id}").get_data(as_text=True))
    response = signed_in.post(f"/drafts/{draft_id}/merge", data={
        "csrf_token": token, "mine": "{not json", "base_revision": "1", "theirs_revision": "1"})
    assert response.status_code == 400


def sign_in_again(client, login_url: str, username: str = "alice"):
    """Post the login form where the browser would: the login page's own URL (with next)."""
    token = page_token(client.get(login_url).get_data(as_text=True))
    return client.post(login_url, data={"username": username, "password": PASSWORD,
                                        "csrf_token": token})


def expire(session, username: str = "alice") -> None:
    """Sign *username* out everywhere, as a logout in another tab does."""
    accounts.rotate_session_token(session, accounts.find_user(session, username))


def test_expired_session_keeps_the_text_through_login(signed_in, session, draft_id):
    pairs = replace(editor_form(signed_in, draft_id), text_op2="Texte tapé avant expiration :")
    expire(session)
    response = post(signed_in, draft_id, pairs)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert load(session, draft_id)[1] == 1
    target = sign_in_again(signed_in, response.headers["Location"]).headers["Location"]
    assert "restore=" in target
    page = signed_in.get(target).get_data(as_text=True)
    assert "Texte tapé avant expiration :" in page and "récupéré" in page
    assert post(signed_in, draft_id, editor_form(signed_in, draft_id)).status_code == 303
    again = signed_in.get(target).get_data(as_text=True)  # taken once
    assert "Texte tapé avant expiration :" not in again


def test_a_stash_is_only_for_the_user_whose_session_expired(signed_in, session, draft_id, app,
                                                             make_user):
    make_user("bob")
    store.share_draft(session, draft_id, username="bob", role="editor")
    pairs = replace(editor_form(signed_in, draft_id), text_op2="Secret :")
    expire(session)
    login_url = post(signed_in, draft_id, pairs).headers["Location"]
    other = app.test_client()
    target = sign_in_again(other, login_url, "bob").headers["Location"]
    assert "restore=" in target
    assert "Secret :" not in other.get(target).get_data(as_text=True)
    anonymous = app.test_client()  # no expired session: nothing is kept for anyone
    token = page_token(anonymous.get("/auth/login").get_data(as_text=True))
    response = anonymous.post(f"/drafts/{draft_id}", data={"csrf_token": token,
                                                           "text-op2": "Spam"})
    assert response.status_code == 302 and "restore=" not in response.headers["Location"]


def test_reader_sees_the_draft_read_only_and_cannot_save(client, session, make_user):
    make_user("alice")
    make_user("bob")
    draft_id = store_draft(session, "alice")
    store.share_draft(session, draft_id, username="bob", role="reader")
    login(client, "bob")
    page = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert "lecture seule" in page and 'value="save"' not in page and "readonly" in page
    response = client.post(f"/drafts/{draft_id}", data={
        "csrf_token": page_token(page), "base_revision": "1", "title": "Pirate"})
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "url"), [
    ("get", "/drafts/{id}"), ("post", "/drafts/{id}"), ("post", "/drafts/{id}/merge"),
    ("get", "/drafts/{id}/revisions"), ("get", "/drafts/{id}/revisions/1"),
    ("post", "/drafts/{id}/revisions/1/name"), ("post", "/drafts/{id}/revisions/1/restore"),
    ("get", "/drafts/{id}/compare"), ("get", "/drafts/{id}/export"),
    ("get", "/drafts/{id}/export/download"), ("get", "/drafts/{id}/precedents.json"),
    ("get", "/drafts/{id}/paragraphs/op1/precedent"),
])
def test_another_user_gets_404(client, session, make_user, method, url):
    make_user("alice")
    make_user("mallory")
    draft_id = store_draft(session, "alice")
    login(client, "mallory")
    token = page_token(client.get("/drafts/new").get_data(as_text=True))
    call = getattr(client, method)
    kwargs = {"data": {"csrf_token": token}} if method == "post" else {}
    assert call(url.format(id=draft_id), **kwargs).status_code == 404
