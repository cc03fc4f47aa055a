"""case video evidence: clips of recorded video attached to a case (issue 18)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 19:35:00

- ``case_video_evidence``: the clip's bytes, its camera, the recorded period, SHA-256, who and when.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "case_video_evidence",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("case_id", _BIG_ID, nullable=False),
        sa.Column("camera_code", sa.String(40), nullable=False),
        sa.Column("camera_name", sa.String(80), nullable=False),
        sa.Column("recorded_from", _WHEN, nullable=False),
        sa.Column("recorded_to", _WHEN, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", _WHEN, nullable=False),
        sa.Column("stored_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_video_evidence"),
    )
    op.create_index("ix_case_video_evidence_case_id", "case_video_evidence", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_case_video_evidence_case_id", table_name="case_video_evidence")
    op.drop_table("case_video_evidence")
