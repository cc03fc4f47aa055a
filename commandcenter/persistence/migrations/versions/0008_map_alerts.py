"""map rules, alerts and imported GIS layers (issue 4)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "map_alerts",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("unit_label", sa.String(40), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("case_id", BigId, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_map_alerts"),
    )
    op.create_index("ix_map_alerts_raised_at", "map_alerts", ["raised_at"])
    op.create_index("ix_map_alerts_unit_id", "map_alerts", ["unit_id"])
    op.create_table(
        "truck_permits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("area", sa.JSON(), nullable=True),
        sa.Column("route", sa.JSON(), nullable=True),
        sa.Column("buffer_m", sa.Float(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_truck_permits"),
    )
    op.create_index("ix_truck_permits_unit_id", "truck_permits", ["unit_id"])
    op.create_table(
        "gis_layers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("layer", sa.String(16), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("source_datum", sa.String(8), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gis_layers"),
    )
    op.create_index("ix_gis_layers_layer", "gis_layers", ["layer"])
    op.create_table(
        "gis_features",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("layer_id", sa.Integer(), nullable=False),
        sa.Column("geometry_type", sa.String(16), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("properties", sa.JSON(), nullable=False),
        sa.Column("min_lon", sa.Float(), nullable=False),
        sa.Column("min_lat", sa.Float(), nullable=False),
        sa.Column("max_lon", sa.Float(), nullable=False),
        sa.Column("max_lat", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["layer_id"], ["gis_layers.id"], name="fk_gis_features_layer_id_gis_layers", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_gis_features"),
    )
    op.create_index("ix_gis_features_layer_id", "gis_features", ["layer_id"])
    op.create_index("ix_gis_features_bbox", "gis_features", ["min_lon", "max_lon", "min_lat", "max_lat"])


def downgrade() -> None:
    op.drop_table("gis_features")
    op.drop_table("gis_layers")
    op.drop_table("truck_permits")
    op.drop_table("map_alerts")
