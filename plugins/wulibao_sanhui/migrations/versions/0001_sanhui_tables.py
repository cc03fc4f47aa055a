"""三会 meetings, decisions and follow-ups

Revision ID: sanhui_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "sanhui_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plg_wulibao_sanhui_meetings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "plg_wulibao_sanhui_decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id", sa.Integer(), sa.ForeignKey("plg_wulibao_sanhui_meetings.id"), nullable=False
        ),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_table(
        "plg_wulibao_sanhui_followups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id", sa.Integer(), sa.ForeignKey("plg_wulibao_sanhui_meetings.id"), nullable=False
        ),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("plg_wulibao_sanhui_followups")
    op.drop_table("plg_wulibao_sanhui_decisions")
    op.drop_table("plg_wulibao_sanhui_meetings")
