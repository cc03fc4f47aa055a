"""case handling: screening reviews, 延期/挂账 requests, stored photos, reporter phones (issue 15)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 11:20:00

- ``screening_reviews``: reports screening could not place (待甄别), kept until an operator decides;
- ``case_requests``: 延期/挂账 requests awaiting a supervisor's approval;
- ``stored_photos``: photo bytes by SHA-256, so every workstation sees an attached photo;
- ``case_reporters.phone``: the caller's number for 回访 (masked in lists, never logged).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "screening_reviews",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("received_at", _TS, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("reporter", sa.String(40), nullable=False),
        sa.Column("reporter_phone", sa.String(20), nullable=False),
        sa.Column("external_ref", sa.String(64), nullable=True),
        sa.Column("category_code", sa.String(8), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("datum", sa.String(8), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("decided_by", sa.String(40), nullable=True),
        sa.Column("decided_at", _TS, nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("case_id", _BIG_ID, nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_screening_reviews_case_id_cases"),
        sa.PrimaryKeyConstraint("id", name="pk_screening_reviews"),
    )
    op.create_index("ix_screening_reviews_status", "screening_reviews", ["status"])
    op.create_table(
        "case_requests",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("case_id", _BIG_ID, nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("requested_by", sa.String(40), nullable=False),
        sa.Column("requested_at", _TS, nullable=False),
        sa.Column("case_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("decided_by", sa.String(40), nullable=True),
        sa.Column("decided_at", _TS, nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_requests_case_id_cases"),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"], name="fk_case_requests_office_id_offices"),
        sa.PrimaryKeyConstraint("id", name="pk_case_requests"),
    )
    op.create_index("ix_case_requests_case_id", "case_requests", ["case_id"])
    op.create_index("ix_case_requests_office_id", "case_requests", ["office_id"])
    op.create_index("ix_case_requests_status", "case_requests", ["status"])
    op.create_table(
        "stored_photos",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", _TS, nullable=False),
        sa.Column("stored_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stored_photos"),
        sa.UniqueConstraint("sha256", name="uq_stored_photos_sha256"),
    )
    with op.batch_alter_table("case_reporters") as batch:
        batch.add_column(sa.Column("phone", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_reporters") as batch:
        batch.drop_column("phone")
    op.drop_table("stored_photos")
    op.drop_index("ix_case_requests_status", table_name="case_requests")
    op.drop_index("ix_case_requests_office_id", table_name="case_requests")
    op.drop_index("ix_case_requests_case_id", table_name="case_requests")
    op.drop_table("case_requests")
    op.drop_index("ix_screening_reviews_status", table_name="screening_reviews")
    op.drop_table("screening_reviews")
