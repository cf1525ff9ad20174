"""Sign-in, sign-out, and the first visitor's admin account."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import (
    LoginManager,
    UserMixin,
    current_user,
    login_required,
    login_url,
    login_user,
    logout_user,
)
from flask_wtf import FlaskForm
from werkzeug.exceptions import TooManyRequests
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

import accounts
from drafting.database import get_session
from storage.models import User

bp = Blueprint("auth", __name__, url_prefix="/auth")
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = _l("Connectez-vous pour accéder à cette page.")
login_manager.session_protection = "strong"


class SignedInUser(UserMixin):
    """The user of the current request; the id embeds the session token to allow revocation."""

    def __init__(self, user: User):
        self.user = user
        self.id = user.id
        self.username = user.username
        self.is_admin = user.is_admin

    def get_id(self) -> str:
        return f"{self.user.id}:{self.user.session_token}"


@login_manager.user_loader
def load_user(token: str) -> SignedInUser | None:
    user_id, _sep, session_token = token.partition(":")
    if not user_id.isdigit():
        return None
    user = get_session().get(User, int(user_id))
    if user is None or user.session_token != session_token:
        return None
    return SignedInUser(user)


@login_manager.unauthorized_handler
def unauthorized():
    """Send an anonymous visitor to the login page; the JSON API answers 401 instead."""
    if request.path.startswith("/api/"):
        abort(401)
    flash(str(login_manager.login_message), "info")
    return redirect(login_url(login_manager.login_view, request.url))


class LoginForm(FlaskForm):
    username = StringField(_l("Nom d'utilisateur"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Mot de passe"), validators=[DataRequired()])


class SetupForm(LoginForm):
    confirm = PasswordField(_l("Confirmer le mot de passe"),
                            validators=[DataRequired(), EqualTo("password")])


@bp.route("/login", methods=["GET", "POST"])
def login():
    if accounts.count_users(get_session()) == 0:
        return redirect(url_for("auth.setup"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.sign_in(get_session(), form.username.data, form.password.data,
                                    address=request.remote_addr or "", **_limits())
        except accounts.TooManyAttempts as error:
            raise TooManyRequests(retry_after=error.retry_after) from None
        if user is not None:
            _start_session(user)
            return redirect(_safe_next())
        form.password.errors.append(_("Nom d'utilisateur ou mot de passe incorrect."))
    return render_template("auth/login.html", form=form)


@bp.route("/setup", methods=["GET", "POST"])
def setup():
    """Let the very first visitor create the admin account (no default password exists)."""
    session = get_session()
    if accounts.count_users(session) > 0:
        return redirect(url_for("auth.login"))
    form = SetupForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_user(session, form.username.data, form.password.data,
                                        is_admin=True)
        except accounts.AccountError as error:
            form.username.errors.append(str(error))
        else:
            _start_session(user)
            flash(_("Compte administrateur créé."), "success")
            return redirect(url_for("home.index"))
    return render_template("auth/setup.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    accounts.rotate_session_token(get_session(), current_user.user)
    logout_user()
    return redirect(url_for("auth.login"))


def _start_session(user: User) -> None:
    """Sign *user* in on a fresh session: nothing planted before sign-in survives it."""
    language = session.get("lang")
    session.clear()  # also drops the old CSRF token, so a token seen before sign-in is useless
    if language:
        session["lang"] = language
    login_user(SignedInUser(user))


def _limits() -> dict[str, int]:
    config = current_app.config
    return {"window": config["LOGIN_WINDOW_SECONDS"],
            "max_per_username": config["LOGIN_MAX_PER_USERNAME"],
            "max_per_address": config["LOGIN_MAX_PER_ADDRESS"]}


def _safe_next() -> str:
    """Return the local page to go to after login; anything else goes home."""
    target = request.args.get("next", "")
    # Browsers read "/\\host" as "//host" and drop tabs and newlines: refuse them all.
    odd = any(c == "\\" or ord(c) < 32 for c in target)
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not odd and not parts.netloc:
        return target
    return url_for("home.index")


def init_app(app: Flask) -> None:
    """Attach Flask-Login and the auth blueprint to *app*."""
    login_manager.init_app(app)
    app.register_blueprint(bp)
