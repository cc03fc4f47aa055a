"""credit record (失信联合惩戒): violators, violations, listings (issue 16)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 14:45:00

- ``credit_violators``: a person (ID number masked), shop, transport company or plate;
- ``credit_violations``: confirmed on a case (plain case id, number, office), points, expiry, appeal;
- ``credit_listings``: time on the joint-punishment list, its basis and how it ended.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "credit_violators",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("identifier", sa.String(40), nullable=False),
        sa.Column("match_key", sa.String(130), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_credit_violators"),
        sa.UniqueConstraint("kind", "match_key", name="uq_credit_violators_kind_match_key"),
    )
    op.create_table(
        "credit_violations",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("violator_id", _BIG_ID, nullable=False),
        sa.Column("case_id", _BIG_ID, nullable=False),
        sa.Column("case_number", sa.String(20), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("confirmed_by", sa.String(40), nullable=False),
        sa.Column("confirmed_at", _WHEN, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False),
        sa.Column("appeal_status", sa.String(12), nullable=False),
        sa.Column("appeal_note", sa.Text(), nullable=False),
        sa.Column("appeal_filed_by", sa.String(40), nullable=False),
        sa.Column("appeal_filed_at", _WHEN, nullable=True),
        sa.Column("appeal_decided_by", sa.String(40), nullable=False),
        sa.Column("appeal_decided_at", _WHEN, nullable=True),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["violator_id"], ["credit_violators.id"], name="fk_credit_violations_violator_id_credit_violators"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_credit_violations"),
        sa.UniqueConstraint("violator_id", "case_id", name="uq_credit_violations_violator_id_case_id"),
    )
    op.create_index("ix_credit_violations_violator_id", "credit_violations", ["violator_id"])
    op.create_index("ix_credit_violations_case_id", "credit_violations", ["case_id"])
    op.create_index("ix_credit_violations_office_id", "credit_violations", ["office_id"])
    op.create_index("ix_credit_violations_expires_at", "credit_violations", ["expires_at"])
    op.create_table(
        "credit_listings",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("violator_id", _BIG_ID, nullable=False),
        sa.Column("basis", sa.String(12), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("listed_at", _WHEN, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False),
        sa.Column("removed_at", _WHEN, nullable=True),
        sa.Column("removed_reason", sa.String(16), nullable=True),
        sa.Column("removed_by", sa.String(40), nullable=False),
        sa.Column("removal_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["violator_id"], ["credit_violators.id"], name="fk_credit_listings_violator_id_credit_violators"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_credit_listings"),
    )
    op.create_index("ix_credit_listings_violator_removed", "credit_listings", ["violator_id", "removed_at"])


def downgrade() -> None:
    op.drop_index("ix_credit_listings_violator_removed", "credit_listings")
    op.drop_table("credit_listings")
    for column in ("expires_at", "office_id", "case_id", "violator_id"):
        op.drop_index(f"ix_credit_violations_{column}", "credit_violations")
    op.drop_table("credit_violations")
    op.drop_table("credit_violators")
