"""Security headers, cookies behind a proxy, and error pages that never show a traceback."""

from __future__ import annotations

from flask import (
    Flask,
    Response,
    current_app,
    g,
    jsonify,
    make_response,
    render_template,
    request,
)
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError
from werkzeug.middleware.proxy_fix import ProxyFix

# No inline script or style anywhere: every script and style sheet is a file under static/.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

# Title and explanation of each error page; %(size)s is the upload limit in megabytes.
ERRORS = {
    400: (_l("Requête invalide"), _l("La requête n'a pas pu être comprise.")),
    401: (_l("Connexion requise"), _l("Connectez-vous pour accéder à cette page.")),
    403: (_l("Accès refusé"), _l("Vous n'avez pas le droit d'effectuer cette action.")),
    404: (_l("Page introuvable"),
          _l("Cette page n'existe pas, ou vous n'y avez pas accès.")),
    405: (_l("Méthode non autorisée"), _l("Cette adresse n'accepte pas cette méthode.")),
    413: (_l("Envoi trop volumineux"),
          _l("La taille maximale d'un envoi est de %(size)s Mo.")),
    429: (_l("Trop de tentatives"),
          _l("Trop de tentatives en peu de temps. Réessayez dans quelques minutes.")),
    500: (_l("Erreur interne"),
          _l("Une erreur inattendue s'est produite. Ce qui était déjà enregistré n'est pas "
             "perdu ; réessayez dans un instant.")),
}
NUL_MESSAGE = _l("La requête contient un caractère nul (U+0000), qui n'a sa place dans aucun "
                 "texte.")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
CSRF_MESSAGE = _l("Le formulaire a expiré ou ne vient pas de cette application. "
                  "Rechargez la page et réessayez.")


class NulCharacter(BadRequest):
    """A request holding U+0000, refused before any view sees it."""


class SessionInterface(SecureCookieSessionInterface):
    """Mark the session cookie Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


def init_app(app: Flask) -> None:
    """Install proxy handling, the secure session cookie, headers and error handlers."""
    proxies = int(app.config.get("PROXY_FIX") or 0)
    if proxies:
        # Only behind a trusted reverse proxy: X-Forwarded-* would otherwise be forgeable.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    app.session_interface = SessionInterface()
    app.before_request(refuse_nul)
    app.after_request(add_headers)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(InternalServerError, internal_error)


def add_headers(response: Response) -> Response:
    """Add the security headers; signed-in pages are never stored by the browser cache."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.endpoint != "static":
        # Drafts are confidential: no copy left in a shared computer's cache or history.
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def refuse_nul() -> None:
    """Refuse a request carrying a NUL character in a parameter, a form field or JSON.

    No form has a use for it, and PostgreSQL refuses it in text: without this one check,
    every view would have to catch the database error itself.
    """
    if _has_nul(request.args) or (request.mimetype in _FORM_TYPES and (
            _has_nul(request.form) or
            any("\x00" in (f.filename or "") for f in request.files.values()))):
        raise NulCharacter()
    if request.is_json:
        try:
            pending = [request.get_json(silent=True)]
        except RecursionError:  # "[[[[…" nested deeper than Python's parser goes
            raise BadRequest() from None
        while pending:  # a loop: the nesting depth is the sender's choice
            value = pending.pop()
            if isinstance(value, str) and "\x00" in value:
                raise NulCharacter()
            if isinstance(value, dict):
                pending.extend(value.keys())
                pending.extend(value.values())
            elif isinstance(value, list):
                pending.extend(value)


def _has_nul(values) -> bool:
    return any("\x00" in key or "\x00" in value for key, value in values.items(multi=True))


def wants_json() -> bool:
    """Return True when the request is for the JSON API."""
    return request.path.startswith("/api/")


def http_error(error: HTTPException):
    """Answer an HTTP error with a page (or JSON under /api/), in the user's language."""
    code = error.code or 500
    if code >= 500:
        return internal_error(error)
    title, message = ERRORS.get(code, (error.name, error.description))
    if isinstance(error, CSRFError):
        message = CSRF_MESSAGE
    elif isinstance(error, NulCharacter):
        message = NUL_MESSAGE
    text = str(message) % {"size": _megabytes()} if code == 413 else str(message)
    response = _render(code, str(title), text)
    if code == 405 and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    retry_after = getattr(error, "retry_after", None)
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


def internal_error(error: HTTPException):
    """Log the failure, roll back the request's transaction, answer a plain 500."""
    original = getattr(error, "original_exception", None) or error
    current_app.logger.error("Unhandled error on %s %s", request.method, request.path,
                             exc_info=original)
    session = g.pop("db_session", None)
    if session is not None:
        session.rollback()
        session.close()
    title, message = ERRORS[500]
    try:
        return _render(500, str(title), str(message))
    except Exception:  # the page itself may depend on what just failed
        return Response(_("Erreur interne"), status=500, mimetype="text/plain")


def _render(code: int, title: str, message: str):
    if wants_json():
        response = jsonify(error=message, status=code)
    else:
        response = make_response(render_template("errors/error.html", code=code, title=title,
                                                 message=message))
    response.status_code = code
    return response


def _megabytes() -> str:
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return f"{limit / (1024 * 1024):g}"
