"""The clause bank's JSON API: status codes, privacy, CSRF, and the shape of answers."""

from __future__ import annotations

import pytest

import accounts
from clause_bank.store import import_document
from tests.conftest import csrf_token, login
from tests.test_bank_search import SEED_001, SEED_002, clause_id


def test_anonymous_calls_get_401_json(client):
    for response in (client.get("/api/clauses?q=traite"), client.get("/api/clauses/1")):
        assert response.status_code == 401
        assert response.get_json()["error"] == "authentication required"


def test_anonymous_post_with_a_token_gets_401(client, make_user):
    make_user("bob")
    token = csrf_token(client, "/auth/login")
    response = client.post("/api/precedents", json={"text": "traite"},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 401


def test_search_answers_hits(signed_in, session):
    response = signed_in.get("/api/clauses?q=traite%20des%20persones&kind=operative&limit=3")
    assert response.status_code == 200
    data = response.get_json()
    assert data["corrections"] == {"persones": "personn"}
    assert len(data["hits"]) == 3
    hit = data["hits"][0]
    assert hit["kind"] == "operative" and hit["position"].startswith("OP")
    assert set(hit["document"]) >= {"title", "body", "date", "year"}
    start, end = hit["highlights"][0]
    assert hit["text"][start:end].lower() in {"traite", "personnes"}


@pytest.mark.parametrize(
    "query",
    ["body=OEA&year_from=2018&year_to=2018", "opener=promouvoir", "lang=fr&limit=5&offset=5",
     f"source=corpus/{SEED_002}", "reference=Palerme", "q=%22NEAR(%20*%20-", "q=" + "x" * 10_000,
     "q="],
)
def test_filters_and_hostile_queries_answer_200(signed_in, query):
    response = signed_in.get("/api/clauses?" + query)
    assert response.status_code == 200, response.get_json()
    assert isinstance(response.get_json()["hits"], list)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=" + "x" * 10_001, "query too long"),
        ("q=traite&limit=abc", "limit must be an integer"),
        ("q=traite&limit=0", "limit must be"),
        ("q=traite&offset=5000", "offset"),
        ("q=traite&year_from=deux", "year_from must be an integer"),
        ("q=traite&kind=chapeau", "unknown kind"),
    ],
)
def test_bad_parameters_answer_400_json(signed_in, query, message):
    response = signed_in.get("/api/clauses?" + query)
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_clause_with_family_and_precedents(signed_in, session):
    palermo = clause_id(session, SEED_001, "Nous convenons que")
    data = signed_in.get(f"/api/clauses/{palermo}").get_json()
    assert data["id"] == palermo and data["position"] == "OP1"
    assert len(data["items"]) == 6
    assert data["family"]["documents"] == 2
    assert data["family"]["years"] == [2017, 2018]
    assert len(data["family"]["members"]) == 3
    assert palermo not in {p["clause_id"] for p in data["precedents"]}
    assert all(0 <= p["similarity"] <= 100 for p in data["precedents"])
    assert {c["op"] for p in data["precedents"] for c in p["diff"]} <= {"equal", "insert",
                                                                         "delete"}


def test_private_clause_of_another_user_is_404(client, session, make_user):
    make_user("bob")
    bob = accounts.find_user(session, "bob").id
    document = import_document(session, "Nous,\n\nRéaffirmons notre volonté commune.",
                               owner_id=bob)
    private = document.clauses[0].id
    login(client, make_user("alice"))
    assert client.get(f"/api/clauses/{private}").status_code == 404
    assert client.get("/api/clauses/999999").status_code == 404
    assert private not in {h["clause_id"] for h in
                           client.get("/api/clauses?q=volonté%20commune").get_json()["hits"]}
    client.post("/auth/logout", data={"csrf_token": csrf_token(client, "/")})
    login(client, "bob")
    assert client.get(f"/api/clauses/{private}").status_code == 200


def test_precedents_for_a_typed_paragraph(signed_in, session):
    token = csrf_token(signed_in, "/")
    typed = "De rejeter tout acte susceptible de constituer le délit de traite des personnes"
    response = signed_in.post("/api/precedents", json={"text": typed, "k": 2},
                              headers={"X-CSRFToken": token})
    assert response.status_code == 200
    found = response.get_json()["precedents"]
    assert 1 <= len(found) <= 2
    assert found[0]["clause_id"] == clause_id(session, SEED_002, "De rejeter tout acte")
    assert found[0]["diff"][0] == {"op": "equal", "text": typed}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": "traite", "k": 0}, 400),
        ({"text": "traite", "k": "3"}, 400),
        ({"text": 12}, 400),
        ({"texte": "traite"}, 400),
        ({"text": "x" * 10_001}, 400),
        ({"text": ""}, 200),
    ],
)
def test_precedents_validate_their_input(signed_in, body, status):
    token = csrf_token(signed_in, "/")
    response = signed_in.post("/api/precedents", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == status
    assert response.is_json


def test_precedents_need_the_csrf_token(signed_in):
    response = signed_in.post("/api/precedents", json={"text": "traite"})
    assert response.status_code == 400
    # drafting.security answers every HTTP error, in JSON under /api/, in the user's language
    assert "formulaire a expiré" in response.get_json()["error"]


def test_not_json_body_is_400(signed_in):
    token = csrf_token(signed_in, "/")
    response = signed_in.post("/api/precedents", data="text=traite",
                              headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert response.is_json


@pytest.mark.parametrize(("method", "url", "status"),
                         [("get", "/api/nothing", 404), ("delete", "/api/clauses/1", 405),
                          ("get", "/api/precedents", 405)])
def test_http_errors_under_api_are_json(signed_in, method, url, status):
    response = getattr(signed_in, method)(url)
    assert response.status_code == status
    assert response.get_json()["status"] == status
