"""The web application: ``create_app()`` builds it, ``flask --app drafting`` runs it."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the app: config, database, blueprints, CLI."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_object("drafting.config.Defaults")
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(
        app.instance_path, "drafting.sqlite"
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("DRAFTING")
        if os.environ.get("DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))

    from flask_wtf.csrf import CSRFProtect

    from drafting import auth, cli, database, i18n, security

    database.init_app(app)
    i18n.init_app(app)
    CSRFProtect(app)
    security.init_app(app)
    auth.init_app(app)
    cli.init_app(app)
    _register_blueprints(app)
    if app.config["BOOTSTRAP"]:
        database.bootstrap(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from drafting import api, editor, home, library, sharing

    app.register_blueprint(home.bp)
    app.register_blueprint(sharing.bp)
    app.register_blueprint(editor.bp)
    app.register_blueprint(library.bp)
    api.init_app(app)


def _instance_secret(instance: Path) -> str:
    """Read the secret key from instance/, creating it on first start (never committed)."""
    path = instance / "secret_key"
    if not path.exists():
        # Written whole under a private name, then linked into place: of several processes
        # starting at once, exactly one link succeeds, and nobody reads half a key.
        draft = instance / f".secret_key.{os.getpid()}"
        with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(secrets.token_hex(32))  # readable by the owner only from the first byte
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
        draft.unlink()
    return path.read_text().strip()
