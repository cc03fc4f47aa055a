"""saved wall views and camera favourites (issue 3)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 02:00:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'saved_views',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner', sa.String(40), nullable=False),
        sa.Column('name', sa.String(80), nullable=False),
        sa.Column('layout', sa.String(32), nullable=False),
        sa.Column('cells', sa.JSON(), nullable=False),
        sa.Column('shared', sa.Boolean(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_saved_views'),
        sa.UniqueConstraint('owner', 'name', name='uq_saved_views_owner'),
    )
    op.create_index('ix_saved_views_owner', 'saved_views', ['owner'])
    op.create_table(
        'camera_favourites',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner', sa.String(40), nullable=False),
        sa.Column('camera_code', sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_camera_favourites'),
        sa.UniqueConstraint('owner', 'camera_code', name='uq_camera_favourites_owner'),
    )
    op.create_index('ix_camera_favourites_owner', 'camera_favourites', ['owner'])


def downgrade() -> None:
    op.drop_table('camera_favourites')
    op.drop_table('saved_views')
