"""departments (联动), the department role, rule notes on the case (issue 15)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 11:25:00

- ``departments``: the district's departments that handle cases beside the offices;
- ``cases.department_id`` / ``handoff_deadline_at``: the department holding a case and its deadline;
- ``cases.rule_notes``: the office's case-rule notes, read with the board (the first event keeps them too);
- the role ``department`` (部门用户) in ``roles``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_departments"),
        sa.UniqueConstraint("code", name="uq_departments_code"),
        sa.UniqueConstraint("name", name="uq_departments_name"),
    )
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("handoff_deadline_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("rule_notes", sa.JSON(), nullable=True))
        batch.create_foreign_key("fk_cases_department_id_departments", "departments", ["department_id"], ["id"])
        batch.create_index("ix_cases_department_id", ["department_id"])
    roles = sa.table("roles", sa.column("code", sa.String), sa.column("name", sa.String))
    op.bulk_insert(roles, [{"code": "department", "name": "部门用户"}])


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_department_id")
        batch.drop_constraint("fk_cases_department_id_departments", type_="foreignkey")
        batch.drop_column("rule_notes")
        batch.drop_column("handoff_deadline_at")
        batch.drop_column("department_id")
    op.execute("DELETE FROM roles WHERE code = 'department'")
    op.drop_table("departments")
