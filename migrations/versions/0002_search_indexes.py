"""search indexes

Revision ID: 0002
Revises: 0001

Reserved for the search issue (FTS5 table, PostgreSQL full-text/trigram indexes); a no-op until that work needs it.
"""

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
