"""Database layer shared by the domain packages: engine, sessions, tables."""

from storage.engine import make_engine, make_sessionmaker, upgrade_schema
from storage.models import Base

__all__ = ["Base", "make_engine", "make_sessionmaker", "upgrade_schema"]
