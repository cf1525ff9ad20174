"""JSON API over the clause bank, for the editor and other tools (signed-in users only).

Errors are JSON ``{"error": message}`` with a 4xx code; a clause of a document the user may
not read answers 404, as if it did not exist.
"""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, Flask, jsonify, request
from flask_login import current_user

from clause_bank import precedents
from clause_bank.query import MAX_QUERY_CHARS, QueryError
from clause_bank.search import search
from clause_bank.store import full_text, get_clause, position, source_of
from drafting.database import get_session

bp = Blueprint("api", __name__, url_prefix="/api")
FILTERS = ("kind", "opener", "source", "body", "reference")
MAX_PRECEDENTS = 20


class BadRequest(ValueError):
    """A parameter the API cannot accept."""


def error(message: str, status: int):
    """Return the JSON error response every API failure uses."""
    return jsonify({"error": message, "status": status}), status


@bp.before_request
def require_sign_in():
    if not current_user.is_authenticated:
        return error("authentication required", 401)
    return None


@bp.errorhandler(BadRequest)
@bp.errorhandler(QueryError)
def bad_request(exc: ValueError):
    return error(str(exc), 400)


@bp.get("/clauses")
def list_clauses():
    args = request.args
    options = {name: args.get(name) or None for name in FILTERS}
    result = search(
        get_session(), args.get("q", ""), user_id=current_user.id,
        year_from=_int("year_from"), year_to=_int("year_to"), language=args.get("lang") or None,
        limit=_int("limit", 20), offset=_int("offset", 0), **options,
    )
    return jsonify({
        "query": result.query, "terms": result.terms, "corrections": result.corrections,
        "limit": _int("limit", 20), "offset": _int("offset", 0), "candidates": result.candidates,
        "hits": [asdict(hit) for hit in result.hits],
    })


@bp.get("/clauses/<int:clause_id>")
def show_clause(clause_id: int):
    session = get_session()
    clause = get_clause(session, clause_id, user_id=current_user.id)
    if clause is None:
        return error(f"no clause {clause_id}", 404)
    nearest = precedents.nearest(session, full_text(clause.text, clause.items or []),
                                 user_id=current_user.id, exclude=[clause.id])
    return jsonify({
        "id": clause.id, "text": clause.text, "items": clause.items, "kind": clause.kind,
        "position": position(clause), "number": clause.number, "opener": clause.opener,
        "opener_lemma": clause.opener_lemma, "opener_form": clause.opener_form,
        "language": clause.language, "references": clause.references,
        "document": source_of(clause.document),
        "family": precedents.family(session, clause.id, user_id=current_user.id),
        "precedents": [asdict(found) for found in nearest],
    })


@bp.post("/precedents")
def find_precedents():
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise BadRequest('expected a JSON object {"text": "…"}')
    if len(data["text"]) > MAX_QUERY_CHARS:
        raise BadRequest(f"text too long (at most {MAX_QUERY_CHARS} characters)")
    k = data.get("k", 5)
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= MAX_PRECEDENTS:
        raise BadRequest(f"k must be an integer from 1 to {MAX_PRECEDENTS}")
    found = precedents.nearest(get_session(), data["text"], user_id=current_user.id, k=k)
    return jsonify({"precedents": [asdict(precedent) for precedent in found]})


def _int(name: str, default: int | None = None) -> int | None:
    value = request.args.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise BadRequest(f"{name} must be an integer") from None


def init_app(app: Flask) -> None:
    """Register the API; drafting.security answers its HTTP errors (CSRF, 404, 405, 413,
    500) in JSON under /api/."""
    app.register_blueprint(bp)
