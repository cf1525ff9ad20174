"""hardening extras

Revision ID: 0004
Revises: 0003

Reserved for the hardening issue; a no-op until that work needs it.
"""

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
