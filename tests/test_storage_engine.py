"""storage.make_engine: plain PostgreSQL URLs go through psycopg 3."""

import pytest
from sqlalchemy import text

from storage import make_engine


@pytest.mark.parametrize("url", [
    "postgres://drafter@db.example/drafting",
    "postgresql://drafter@db.example/drafting",
    "postgresql+psycopg://drafter@db.example/drafting",
])
def test_postgresql_urls_use_psycopg(url):
    engine = make_engine(url)
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    assert engine.url.database == "drafting"


@pytest.mark.postgres
def test_plain_url_reaches_the_server(postgres_cluster):
    name = postgres_cluster.create_database()
    plain = postgres_cluster.url(name).replace("postgresql+psycopg://", "postgresql://")
    engine = make_engine(plain)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SHOW server_encoding")).scalar() == "UTF8"
    finally:
        engine.dispose()
        postgres_cluster.drop_database(name)
