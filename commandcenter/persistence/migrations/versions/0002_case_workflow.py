"""case workflow: rework and extension counters, dispatch and close times

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:00:00

The transitions of issue 5 count 返工 and 延期 per case (the evaluation's 返工率 / 延期率) and stamp
when a case was last dispatched and when it was closed (按期结案 compares closed_at with the deadline).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rework_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('extension_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('dispatched_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('closed_at')
        batch_op.drop_column('dispatched_at')
        batch_op.drop_column('extension_count')
        batch_op.drop_column('rework_count')
