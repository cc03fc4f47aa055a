"""central settings, per-record history, camera groups, user departments (issue 13)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 06:10:00

- ``district_settings``: the one versioned settings document of the district;
- ``audit_log.target`` indexed: a record's history is the audit entries naming it;
- ``cameras.group_name``: the operators' own grouping of cameras (路口, 重点区域 …);
- ``users.department``: the department (爱卫办, 社管办 …) a user works for, beside the office.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "district_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_district_settings"),
    )
    op.create_index("ix_audit_log_target", "audit_log", ["target"])
    with op.batch_alter_table("cameras") as batch:
        batch.add_column(sa.Column("group_name", sa.String(40), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("department", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("department")
    with op.batch_alter_table("cameras") as batch:
        batch.drop_column("group_name")
    op.drop_index("ix_audit_log_target", table_name="audit_log")
    op.drop_table("district_settings")
