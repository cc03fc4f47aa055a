"""case intake: reporters of merged duplicates, before/after photos, race-free case numbers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 02:00:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        'case_reporters',
        sa.Column('id', BigId, autoincrement=True, nullable=False),
        sa.Column('case_id', BigId, sa.ForeignKey('cases.id', name='fk_case_reporters_case_id_cases'),
                  nullable=False),
        sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
        sa.Column('reporter', sa.String(40), nullable=False),
        sa.Column('source', sa.String(16), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('feedback', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_case_reporters'),
    )
    op.create_index('ix_case_reporters_case_id', 'case_reporters', ['case_id'])
    op.create_table(
        'case_photos',
        sa.Column('id', BigId, autoincrement=True, nullable=False),
        sa.Column('case_id', BigId, sa.ForeignKey('cases.id', name='fk_case_photos_case_id_cases'),
                  nullable=False),
        sa.Column('stage', sa.String(8), nullable=False),
        sa.Column('uri', sa.Text(), nullable=False),
        sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
        sa.Column('taken_by', sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_case_photos'),
    )
    op.create_index('ix_case_photos_case_id', 'case_photos', ['case_id'])
    op.create_table(
        'case_day_counters',
        sa.Column('day', sa.String(8), nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('day', name='pk_case_day_counters'),
    )


def downgrade() -> None:
    op.drop_table('case_day_counters')
    op.drop_index('ix_case_photos_case_id', 'case_photos')
    op.drop_table('case_photos')
    op.drop_index('ix_case_reporters_case_id', 'case_reporters')
    op.drop_table('case_reporters')
