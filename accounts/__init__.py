"""Accounts: create users, check passwords, rotate session tokens (no Flask)."""

from __future__ import annotations

import re
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from storage.models import User

USERNAME = re.compile(r"^[\w.@-]{2,80}$")
MIN_PASSWORD = 8


class AccountError(ValueError):
    """A user name or password that cannot be accepted."""


def count_users(session: Session) -> int:
    """Return how many accounts exist."""
    return session.scalar(select(func.count()).select_from(User)) or 0


def find_user(session: Session, username: str) -> User | None:
    """Return the user called *username*, or None."""
    if "\x00" in username:  # no name holds one, and PostgreSQL refuses it in a query
        return None
    return session.scalar(select(User).where(User.username == username))


def create_user(session: Session, username: str, password: str, *, is_admin: bool = False) -> User:
    """Create an account; raise AccountError for a bad or taken name or a weak password."""
    username = username.strip()
    if not USERNAME.match(username):
        raise AccountError("user name: 2 to 80 letters, digits or . @ - _")
    if find_user(session, username) is not None:
        raise AccountError(f"user name already taken: {username}")
    _check_password(password)
    user = User(username=username, password_hash=generate_password_hash(password),
                is_admin=is_admin, session_token=secrets.token_hex(16))
    session.add(user)
    session.commit()
    return user


def set_password(session: Session, username: str, password: str) -> User:
    """Change a user's password and sign out their other sessions."""
    user = find_user(session, username)
    if user is None:
        raise AccountError(f"no such user: {username}")
    _check_password(password)
    user.password_hash = generate_password_hash(password)
    user.session_token = secrets.token_hex(16)
    session.commit()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """Return the user if *password* is right, else None."""
    user = find_user(session, username.strip())
    if user is None or not check_password_hash(user.password_hash, password):
        return None
    return user


def rotate_session_token(session: Session, user: User) -> None:
    """Invalidate every session cookie issued to *user* so far."""
    user.session_token = secrets.token_hex(16)
    session.commit()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
