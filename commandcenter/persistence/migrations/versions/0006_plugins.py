"""plugin enablement per office (issue 6)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 02:00:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "plugin_enablement",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plugin_id", sa.String(40), nullable=False),
        sa.Column("scope", sa.String(12), nullable=False),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plugin_enablement")),
        sa.UniqueConstraint("plugin_id", "scope", "target", name="uq_plugin_enablement_seat"),
    )
    op.create_index(op.f("ix_plugin_enablement_plugin_id"), "plugin_enablement", ["plugin_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_plugin_enablement_plugin_id"), table_name="plugin_enablement")
    op.drop_table("plugin_enablement")
