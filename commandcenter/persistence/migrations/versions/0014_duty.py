"""duty (勤务): shift templates, rosters per segment, the day's exceptions (issue 16)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 14:40:00

- ``duty_shifts``: named shift templates on the district's wall clock (may cross midnight);
- ``duty_rosters``: staff ↔ segment ↔ shift on weekdays between two dates (office kept for scope);
- ``duty_exceptions``: one day's leave (请假), swap (换班) or extra shift (加班).
Staff, segment and office ids are plain (no foreign keys into the reloadable district tables).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "duty_shifts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(20), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_duty_shifts"),
        sa.UniqueConstraint("name", name="uq_duty_shifts_name"),
    )
    op.create_table(
        "duty_rosters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.String(7), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_duty_rosters"),
        sa.ForeignKeyConstraint(["shift_id"], ["duty_shifts.id"], name="fk_duty_rosters_shift_id_duty_shifts"),
    )
    op.create_index("ix_duty_rosters_staff_id", "duty_rosters", ["staff_id"])
    op.create_index("ix_duty_rosters_segment_id", "duty_rosters", ["segment_id"])
    op.create_index("ix_duty_rosters_office_id", "duty_rosters", ["office_id"])
    op.create_table(
        "duty_exceptions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("other_staff_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_duty_exceptions"),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["duty_shifts.id"], name="fk_duty_exceptions_shift_id_duty_shifts"
        ),
    )
    op.create_index("ix_duty_exceptions_day", "duty_exceptions", ["day"])
    op.create_index("ix_duty_exceptions_office_id", "duty_exceptions", ["office_id"])


def downgrade() -> None:
    op.drop_index("ix_duty_exceptions_office_id", table_name="duty_exceptions")
    op.drop_index("ix_duty_exceptions_day", table_name="duty_exceptions")
    op.drop_table("duty_exceptions")
    op.drop_index("ix_duty_rosters_office_id", table_name="duty_rosters")
    op.drop_index("ix_duty_rosters_segment_id", table_name="duty_rosters")
    op.drop_index("ix_duty_rosters_staff_id", table_name="duty_rosters")
    op.drop_table("duty_rosters")
    op.drop_table("duty_shifts")
