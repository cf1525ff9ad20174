"""Accounts: create users, check passwords, rotate session tokens (no Flask)."""

from __future__ import annotations

import functools
import re
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from accounts import throttle
from storage.models import User

USERNAME = re.compile(r"^[\w.@-]{2,80}$")
MIN_PASSWORD = 8


class AccountError(ValueError):
    """A user name or password that cannot be accepted."""


class TooManyAttempts(ValueError):
    """Too many failed sign-ins lately; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"too many failed sign-ins; try again in {retry_after} s")
        self.retry_after = retry_after


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
    # Hash even for an unknown name, so that timing does not tell which names exist.
    password_hash = user.password_hash if user is not None else _unknown_user_hash()
    if not check_password_hash(password_hash, password) or user is None:
        return None
    return user


def sign_in(session: Session, username: str, password: str, *, address: str,
            **limits: int) -> User | None:
    """Authenticate under the failed sign-in limits; raise TooManyAttempts when over them."""
    wait = throttle.retry_after(session, username, address, **limits)
    if wait:
        raise TooManyAttempts(wait)
    user = authenticate(session, username, password)
    if user is None:
        throttle.record_failure(session, username, address,
                                window=limits.get("window", throttle.WINDOW_SECONDS))
    else:
        throttle.clear_failures(session, username)
    return user


@functools.cache
def _unknown_user_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))


def rotate_session_token(session: Session, user: User) -> None:
    """Invalidate every session cookie issued to *user* so far."""
    user.session_token = secrets.token_hex(16)
    session.commit()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
