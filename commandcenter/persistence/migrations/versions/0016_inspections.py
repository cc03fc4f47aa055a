"""督查: the inspector pool, the drawn rounds and groups, the findings (issue 16)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 14:40:00

See ``persistence/inspections/models.py``. Ids of district tables and of cases are plain integers
(those tables are reloaded by a demo reset).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inspectors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(20), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", _WHEN, nullable=False),
        sa.Column("added_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inspectors"),
    )
    op.create_table(
        "inspection_rounds",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(4), nullable=False),
        sa.Column("window", sa.String(16), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("group_size", sa.Integer(), nullable=False),
        sa.Column("pool_ids", sa.JSON(), nullable=False),
        sa.Column("target_ids", sa.JSON(), nullable=False),
        sa.Column("drawn_at", _WHEN, nullable=False),
        sa.Column("drawn_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_rounds"),
    )
    op.create_index("ix_inspection_rounds_period", "inspection_rounds", ["period"])
    op.create_index("ix_inspection_rounds_window", "inspection_rounds", ["window"])
    op.create_table(
        "inspection_groups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("target_office_id", sa.Integer(), nullable=False),
        sa.Column("member_ids", sa.JSON(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_groups"),
        sa.ForeignKeyConstraint(
            ["round_id"], ["inspection_rounds.id"], name="fk_inspection_groups_round_id_inspection_rounds"
        ),
    )
    op.create_index("ix_inspection_groups_round_id", "inspection_groups", ["round_id"])
    op.create_table(
        "inspection_findings",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.BigInteger(), nullable=True),
        sa.Column("review_id", sa.BigInteger(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("recorded_at", _WHEN, nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_findings"),
        sa.ForeignKeyConstraint(
            ["group_id"], ["inspection_groups.id"], name="fk_inspection_findings_group_id_inspection_groups"
        ),
    )
    op.create_index("ix_inspection_findings_group_id", "inspection_findings", ["group_id"])
    op.create_index("ix_inspection_findings_recorded_at", "inspection_findings", ["recorded_at"])


def downgrade() -> None:
    op.drop_table("inspection_findings")
    op.drop_table("inspection_groups")
    op.drop_table("inspection_rounds")
    op.drop_table("inspectors")
