"""platform alarms filed as cases (issue 18)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 19:05:00

- ``platform_alarm_cases``: a GB/T 28181 platform's alarm (platform name, the platform's alarm id) and
  the case it became, unique per alarm so two desks never file it twice.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "platform_alarm_cases",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("platform", sa.String(80), nullable=False),
        sa.Column("alarm_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("case_id", _BIG_ID, nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("filed_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_platform_alarm_cases"),
        sa.UniqueConstraint("platform", "alarm_id", name="uq_platform_alarm_cases_platform_alarm_id"),
    )


def downgrade() -> None:
    op.drop_table("platform_alarm_cases")
