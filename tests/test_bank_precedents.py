"""Nearest precedents of a typed paragraph, with similarity and an exact word diff."""

from __future__ import annotations

import pytest

from clause_bank.diff import Change
from clause_bank.search import nearest
from tests.test_bank_search import SEED_000, SEED_001, SEED_002, clause_id

REJECT = ("De rejeter tout acte susceptible de constituer le délit de traite des personnes dans "
          "notre Continent et de traduire en justice les responsables de la commission de ce "
          "délit, conformément à la législation nationale applicable en la matière.")


def test_an_adopted_paragraph_is_its_own_precedent(bank_session):
    best = nearest(bank_session, REJECT, k=3)[0]
    assert best.clause_id == clause_id(bank_session, SEED_002, "De rejeter tout acte")
    assert best.similarity == 100
    assert best.diff == [Change("equal", REJECT)]
    assert best.position == "OP1"
    assert best.document["year"] == 2018


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # The voice adapted to a « Nous » chapeau.
        ("Rejetons tout acte" + REJECT.removeprefix("De rejeter tout acte"),
         [Change("delete", "De rejeter"), Change("insert", "Rejetons"),
          Change("equal", REJECT.removeprefix("De rejeter"))]),
        # A word replaced and a phrase dropped.
        (REJECT.replace("notre Continent", "notre région").replace(
            ", conformément à la législation nationale applicable en la matière", ""),
         [Change("equal", REJECT.split("Continent")[0].removesuffix(" ") + " "),
          Change("delete", "Continent"), Change("insert", "région"),
          Change("equal", REJECT.split("Continent")[1].split(",")[0]),
          Change("delete", ", conformément à la législation nationale applicable en la matière"),
          Change("equal", ".")]),
    ],
)
def test_diff_against_the_precedent_is_exact(bank_session, typed, expected):
    best = nearest(bank_session, typed, k=1)[0]
    assert best.clause_id == clause_id(bank_session, SEED_002, "De rejeter tout acte")
    assert best.diff == expected
    assert "".join(c.text for c in best.diff if c.op != "insert") == REJECT
    assert "".join(c.text for c in best.diff if c.op != "delete") == typed
    assert 70 < best.similarity < 100


def test_precedents_are_ordered_and_bounded(bank_session):
    typed = "Réaffirmons notre détermination à traduire en justice les auteurs de la traite"
    found = nearest(bank_session, typed, k=4)
    assert 1 <= len(found) <= 4
    assert found[0].clause_id == clause_id(bank_session, SEED_001, "Réaffirmons notre")
    similarities = [p.similarity for p in found]
    assert similarities == sorted(similarities, reverse=True)
    assert all(0 <= s <= 100 for s in similarities)


def test_a_paragraph_close_to_a_sub_item_is_compared_with_the_items(bank_session):
    typed = ("Ratifier et assurer la mise en œuvre effective des conventions, protocoles et "
             "cadres internationaux pertinents, notamment le Protocole de Palerme")
    best = nearest(bank_session, typed, k=1)[0]
    assert best.clause_id == clause_id(bank_session, SEED_001, "Nous convenons que")
    assert "Ratifier et assurer" in best.text


def test_exclude_and_empty_input(bank_session):
    own = clause_id(bank_session, SEED_000, "Indignés par ces violations")
    found = nearest(bank_session, "Indignés par ces violations intolérables des droits de l'Homme",
                    k=5, exclude=[own])
    assert own not in {p.clause_id for p in found}
    assert nearest(bank_session, "", k=5) == []
    assert nearest(bank_session, "de la et des", k=5) == []
