"""the gateway: terminal sessions, unknown terminals, terminal commands, Open311 requests, webhook
outbox; a client profile on each API key (issue 14)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 12:25:00

See ``persistence/gateway/models.py`` for what each table holds and who writes it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(sa.Column("source", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("datum", sa.String(8), nullable=False, server_default="WGS84"))
        batch.add_column(sa.Column("rate_per_minute", sa.Integer(), nullable=False, server_default="600"))
        batch.add_column(sa.Column("max_photo_bytes", sa.Integer(), nullable=False, server_default="5242880"))
        batch.add_column(sa.Column("webhook_url", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "terminal_sessions",
        sa.Column("terminal_id", sa.String(20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("gateway", sa.String(64), nullable=True),
        sa.Column("remote", sa.String(64), nullable=False),
        sa.Column("protocol", sa.String(8), nullable=False),
        sa.Column("connected_at", _TS, nullable=True),
        sa.Column("last_frame_at", _TS, nullable=True),
        sa.Column("frames", sa.BigInteger(), nullable=False),
        sa.Column("errors", sa.BigInteger(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_terminal_sessions_unit_id_units"),
        sa.PrimaryKeyConstraint("terminal_id", name="pk_terminal_sessions"),
    )
    op.create_table(
        "unknown_terminals",
        sa.Column("terminal_id", sa.String(20), nullable=False),
        sa.Column("first_seen", _TS, nullable=False),
        sa.Column("last_seen", _TS, nullable=False),
        sa.Column("frames", sa.BigInteger(), nullable=False),
        sa.Column("last_remote", sa.String(64), nullable=False),
        sa.Column("plate", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", name="pk_unknown_terminals"),
    )
    op.create_table(
        "terminal_commands",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("terminal_id", sa.String(20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("requested_by", sa.String(40), nullable=False),
        sa.Column("requested_at", _TS, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("gateway", sa.String(64), nullable=True),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("sent_at", _TS, nullable=True),
        sa.Column("answered_at", _TS, nullable=True),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_terminal_commands_unit_id_units"),
        sa.PrimaryKeyConstraint("id", name="pk_terminal_commands"),
    )
    op.create_index("ix_terminal_commands_terminal_status", "terminal_commands", ["terminal_id", "status"])
    op.create_table(
        "open311_requests",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("api_key_id", sa.Integer(), nullable=False),
        sa.Column("client_ref", sa.String(64), nullable=True),
        sa.Column("received_at", _TS, nullable=False),
        sa.Column("service_code", sa.String(8), nullable=False),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_notes", sa.Text(), nullable=False),
        sa.Column("case_id", _BIG_ID, nullable=True),
        sa.Column("review_id", _BIG_ID, nullable=True),
        sa.ForeignKeyConstraint(["api_key_id"], ["api_keys.id"], name="fk_open311_requests_api_key_id_api_keys"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_open311_requests_case_id_cases"),
        sa.ForeignKeyConstraint(
            ["review_id"], ["screening_reviews.id"], name="fk_open311_requests_review_id_screening_reviews"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_open311_requests"),
        sa.UniqueConstraint("api_key_id", "client_ref", name="uq_open311_requests_api_key_id"),
    )
    op.create_index("ix_open311_requests_api_key_id", "open311_requests", ["api_key_id"])
    op.create_index("ix_open311_requests_case_id", "open311_requests", ["case_id"])
    op.create_table(
        "webhook_outbox",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("api_key_id", sa.Integer(), nullable=False),
        sa.Column("request_id", _BIG_ID, nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _TS, nullable=False),
        sa.Column("delivered_at", _TS, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["api_key_id"], ["api_keys.id"], name="fk_webhook_outbox_api_key_id_api_keys"),
        sa.ForeignKeyConstraint(
            ["request_id"], ["open311_requests.id"], name="fk_webhook_outbox_request_id_open311_requests"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_outbox"),
    )
    op.create_index("ix_webhook_outbox_due", "webhook_outbox", ["delivered_at", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_webhook_outbox_due", table_name="webhook_outbox")
    op.drop_table("webhook_outbox")
    op.drop_index("ix_open311_requests_case_id", table_name="open311_requests")
    op.drop_index("ix_open311_requests_api_key_id", table_name="open311_requests")
    op.drop_table("open311_requests")
    op.drop_index("ix_terminal_commands_terminal_status", table_name="terminal_commands")
    op.drop_table("terminal_commands")
    op.drop_table("unknown_terminals")
    op.drop_table("terminal_sessions")
    with op.batch_alter_table("api_keys") as batch:
        for column in ("webhook_url", "max_photo_bytes", "rate_per_minute", "datum", "source"):
            batch.drop_column(column)
