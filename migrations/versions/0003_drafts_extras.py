"""drafts extras: the meeting date in the list of drafts, shares found by user

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date", sa.String(length=32), nullable=True))
    with op.batch_alter_table("shares", schema=None) as batch_op:
        batch_op.create_index("ix_shares_user_id", ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("shares", schema=None) as batch_op:
        batch_op.drop_index("ix_shares_user_id")
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.drop_column("date")
