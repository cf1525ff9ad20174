"""Slow down password guessing: count recent failed sign-ins per user name and per address."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.models import LoginFailure

WINDOW_SECONDS = 300
MAX_PER_USERNAME = 5
# Higher than per user name: a ministry's drafters may all sign in from one address (NAT).
MAX_PER_ADDRESS = 20


def retry_after(session: Session, username: str, address: str, *,
                window: int = WINDOW_SECONDS, max_per_username: int = MAX_PER_USERNAME,
                max_per_address: int = MAX_PER_ADDRESS, now: datetime | None = None) -> int:
    """Return the seconds to wait before another attempt is allowed (0: go ahead)."""
    now = now or datetime.now(UTC)
    since = now - timedelta(seconds=window)
    waits = [
        _wait(session, LoginFailure.username == _key(username), max_per_username, since, window,
              now),
        _wait(session, LoginFailure.address == address, max_per_address, since, window, now),
    ]
    return max(waits)


def record_failure(session: Session, username: str, address: str, *,
                   window: int = WINDOW_SECONDS, now: datetime | None = None) -> None:
    """Remember a failed sign-in, and forget the ones older than the window."""
    now = now or datetime.now(UTC)
    session.execute(delete(LoginFailure).where(
        LoginFailure.failed_at <= now - timedelta(seconds=window)))
    session.add(LoginFailure(username=_key(username), address=address[:64], failed_at=now))
    session.commit()


def clear_failures(session: Session, username: str) -> None:
    """Forget the failures of *username* after it signed in successfully."""
    session.execute(delete(LoginFailure).where(LoginFailure.username == _key(username)))
    session.commit()


def _key(username: str) -> str:
    return username.strip().lower()[:80]


def _wait(session: Session, condition, limit: int, since: datetime, window: int,
          now: datetime) -> int:
    """Return the seconds until fewer than *limit* failures matching *condition* remain."""
    count, oldest = session.execute(
        select(func.count(), func.min(LoginFailure.failed_at))
        .where(condition, LoginFailure.failed_at > since)).one()
    if count < limit:
        return 0
    # Rows are pruned as they age, so the oldest one in the window is the next to expire.
    oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
    return max(1, math.ceil(window - (now - oldest).total_seconds()))
