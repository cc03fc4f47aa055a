"""party-member volunteers by segment

Revision ID: fuhua_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "fuhua_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plg_fuhua_volunteers_volunteers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(20), nullable=False),
        sa.Column("branch", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False, index=True),  # core segments.id (no FK: the
        sa.Column("duty", sa.String(20), nullable=False),  # demo reload replaces segments)
        sa.Column("note", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("plg_fuhua_volunteers_volunteers")
