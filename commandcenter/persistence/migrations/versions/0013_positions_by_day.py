"""positions partitioned by day on PostgreSQL; position_rollups (the thinned tracks past retention)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 14:10:00

PostgreSQL: ``positions`` becomes ``PARTITION BY RANGE (ts)`` with a partition per UTC day
(``positions_YYYYMMDD``, one for every day that holds a fix plus today and the next days) and
``positions_default`` for anything else; every row is copied over with its id, the id sequence, the
foreign key and the (unit_id, ts) index are kept, and the primary key becomes (id, ts) because
PostgreSQL wants the partition key in it. SQLite keeps its plain table. ``position_rollups`` on both.
The days themselves are kept from then on by ``persistence.units.partitions``.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_DAYS_AHEAD = 3  # maintenance keeps more; these only spare the default partition until it first runs
_COLUMNS = "id, unit_id, ts, lon, lat, speed_kmh, heading_deg, state"


def upgrade() -> None:
    op.create_table(
        "position_rollups",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("speed_kmh", sa.Float(), nullable=False),
        sa.Column("heading_deg", sa.Float(), nullable=False),
        sa.Column("state", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_position_rollups")),
    )
    op.create_index("ix_position_rollups_unit_ts", "position_rollups", ["unit_id", "ts"])
    if op.get_bind().dialect.name == "postgresql":
        _partition()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _unpartition()
    op.drop_index("ix_position_rollups_unit_ts", table_name="position_rollups")
    op.drop_table("position_rollups")


def _partition() -> None:
    bind = op.get_bind()
    sequence = bind.exec_driver_sql("SELECT pg_get_serial_sequence('positions', 'id')").scalar()
    _set_aside("positions_unpartitioned")
    _create_positions(str(sequence), "id, ts", " PARTITION BY RANGE (ts)")
    op.execute("CREATE TABLE positions_default PARTITION OF positions DEFAULT")
    stored = bind.exec_driver_sql(
        "SELECT DISTINCT (ts AT TIME ZONE 'UTC')::date FROM positions_unpartitioned"
    ).scalars().all()
    today = datetime.now(UTC).date()
    for day in sorted({*stored, *(today + timedelta(days=n) for n in range(_DAYS_AHEAD + 1))}):
        op.execute(
            f"CREATE TABLE positions_{day:%Y%m%d} PARTITION OF positions "
            f"FOR VALUES FROM ('{_midnight(day)}') TO ('{_midnight(day + timedelta(days=1))}')"
        )
    op.execute(f"INSERT INTO positions ({_COLUMNS}) SELECT {_COLUMNS} FROM positions_unpartitioned")
    op.execute("DROP TABLE positions_unpartitioned")


def _unpartition() -> None:
    bind = op.get_bind()
    sequence = bind.exec_driver_sql("SELECT pg_get_serial_sequence('positions', 'id')").scalar()
    _set_aside("positions_partitioned")
    _create_positions(str(sequence), "id", "")
    op.execute(f"INSERT INTO positions ({_COLUMNS}) SELECT {_COLUMNS} FROM positions_partitioned")
    op.execute("DROP TABLE positions_partitioned")  # and every partition with it


def _create_positions(sequence: str, primary_key: str, partitioning: str) -> None:
    """The table of 0001 with the given primary key (and partitioning), drawing its ids from the kept
    sequence, which it then owns (so dropping the old table leaves the sequence)."""
    op.execute(
        f"CREATE TABLE positions (id bigint NOT NULL DEFAULT nextval('{sequence}'::regclass), "
        "unit_id integer NOT NULL, ts timestamptz NOT NULL, lon double precision NOT NULL, "
        "lat double precision NOT NULL, speed_kmh double precision NOT NULL, "
        "heading_deg double precision NOT NULL, state varchar(16), "
        f"CONSTRAINT pk_positions PRIMARY KEY ({primary_key}), "
        f"CONSTRAINT fk_positions_unit_id_units FOREIGN KEY (unit_id) REFERENCES units (id)){partitioning}"
    )
    op.execute(f"ALTER SEQUENCE {sequence} OWNED BY positions.id")
    op.execute("CREATE INDEX ix_positions_unit_ts ON positions (unit_id, ts)")


def _set_aside(name: str) -> None:
    """Rename the current table, its constraints and its index so the new table can take their names."""
    op.execute(f"ALTER TABLE positions RENAME TO {name}")
    op.execute(f"ALTER TABLE {name} RENAME CONSTRAINT pk_positions TO pk_{name}")
    op.execute(f"ALTER TABLE {name} RENAME CONSTRAINT fk_positions_unit_id_units TO fk_{name}_unit_id_units")
    op.execute(f"ALTER INDEX ix_positions_unit_ts RENAME TO ix_{name}_unit_ts")


def _midnight(day: date) -> str:
    return f"{day.isoformat()} 00:00:00+00"
