"""French first, English available: locale from the user's choice, then the browser."""

from __future__ import annotations

from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale

from drafting import ROOT


def select_locale() -> str:
    """Return the locale for this request."""
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    best = request.accept_languages.best_match(languages)
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    """Attach Flask-Babel to *app*."""
    Babel(app, locale_selector=select_locale,
          default_translation_directories=str(ROOT / "drafting" / "translations"))
    app.jinja_env.globals["get_locale"] = get_locale
