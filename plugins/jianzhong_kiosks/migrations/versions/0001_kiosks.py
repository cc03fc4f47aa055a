"""路长制工作亭 with duty staff

Revision ID: kiosks_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "kiosks_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plg_jianzhong_kiosks_kiosks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),  # core segments.id
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("duty_name", sa.String(20), nullable=False),
        sa.Column("duty_phone", sa.String(20), nullable=False),
        sa.Column("hours", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("plg_jianzhong_kiosks_kiosks")
