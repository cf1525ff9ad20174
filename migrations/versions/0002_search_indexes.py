"""search indexes

Revision ID: 0002
Revises: 0001

Full-text index on the processed text of clauses (SQLite: an external-content FTS5 table kept
in step by triggers, with its fts5vocab view; PostgreSQL: a stored tsvector column with a GIN
index), the folded references used by the reference filter, and the fingerprints that find
agreed-language families at import time.

Note for later migrations: a SQLite batch ("move and copy") alteration of ``clauses`` drops
the triggers below; recreate them (see ``SQLITE_UP``) if you ever do one.
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE clause_fts USING fts5(
        norm, length_class, content='clauses', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE clause_fts_vocab USING fts5vocab(clause_fts, 'col')",
    """CREATE TRIGGER clauses_fts_insert AFTER INSERT ON clauses BEGIN
        INSERT INTO clause_fts(rowid, norm, length_class)
        VALUES (new.id, new.norm, new.length_class); END""",
    """CREATE TRIGGER clauses_fts_delete AFTER DELETE ON clauses BEGIN
        INSERT INTO clause_fts(clause_fts, rowid, norm, length_class)
        VALUES ('delete', old.id, old.norm, old.length_class); END""",
    """CREATE TRIGGER clauses_fts_update AFTER UPDATE OF norm, length_class ON clauses BEGIN
        INSERT INTO clause_fts(clause_fts, rowid, norm, length_class)
        VALUES ('delete', old.id, old.norm, old.length_class);
        INSERT INTO clause_fts(rowid, norm, length_class)
        VALUES (new.id, new.norm, new.length_class); END""",
    "INSERT INTO clause_fts(clause_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS clauses_fts_update",
    "DROP TRIGGER IF EXISTS clauses_fts_delete",
    "DROP TRIGGER IF EXISTS clauses_fts_insert",
    "DROP TABLE IF EXISTS clause_fts_vocab",
    "DROP TABLE IF EXISTS clause_fts",
]
POSTGRES_UP = [
    """ALTER TABLE clauses ADD COLUMN tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', norm)) STORED""",
    "CREATE INDEX ix_clauses_tsv ON clauses USING gin (tsv)",
    "CREATE INDEX ix_clauses_length_class ON clauses (length_class, id)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_clauses_length_class",
    "DROP INDEX IF EXISTS ix_clauses_tsv",
    "ALTER TABLE clauses DROP COLUMN IF EXISTS tsv",
]


def upgrade() -> None:
    op.add_column("clauses", sa.Column("ref_norm", sa.Text(), nullable=False, server_default=""))
    op.add_column("clauses", sa.Column("length_class", sa.Integer(), nullable=False,
                                       server_default="0"))
    op.create_index("ix_documents_content_sha", "documents", ["content_sha"])
    # One B-tree keyed by hash, no foreign key: the store deletes a clause's fingerprints
    # itself, and one left behind by a cascade only points to a clause that is gone.
    op.create_table(
        "clause_fingerprints",
        sa.Column("hash", sa.Integer(), nullable=False),
        sa.Column("clause_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hash", "clause_id"),
        sqlite_with_rowid=False,
    )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(dialect, []):
        op.execute(statement)
    op.drop_index("ix_documents_content_sha", "documents")
    op.drop_table("clause_fingerprints")
    with op.batch_alter_table("clauses") as batch_op:
        batch_op.drop_column("ref_norm")
        batch_op.drop_column("length_class")
