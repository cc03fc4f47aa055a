"""assessment: 协商 flags and published bulletins (issue 16)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 14:40:00

- ``consultation_cases``: cases flagged for the consultation meeting (协商), plain ids;
- ``published_assessments``: weekly/monthly/annual assessments as published, figures frozen as JSON,
  one per kind and period.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "consultation_cases",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("case_id", _BIG_ID, nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("flagged_by", sa.String(40), nullable=False),
        sa.Column("flagged_at", _TS, nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("department", sa.String(40), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(40), nullable=False),
        sa.Column("withdrawn_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consultation_cases"),
    )
    op.create_index("ix_consultation_cases_case_id", "consultation_cases", ["case_id"])
    op.create_index("ix_consultation_cases_office_id", "consultation_cases", ["office_id"])
    op.create_index("ix_consultation_cases_status", "consultation_cases", ["status"])
    op.create_table(
        "published_assessments",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("published_by", sa.String(40), nullable=False),
        sa.Column("published_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_published_assessments"),
        sa.UniqueConstraint("kind", "period", name="uq_published_assessments_kind"),
    )


def downgrade() -> None:
    op.drop_table("published_assessments")
    op.drop_index("ix_consultation_cases_status", "consultation_cases")
    op.drop_index("ix_consultation_cases_office_id", "consultation_cases")
    op.drop_index("ix_consultation_cases_case_id", "consultation_cases")
    op.drop_table("consultation_cases")
