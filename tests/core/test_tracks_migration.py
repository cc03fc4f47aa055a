"""Migration 0008 on both databases: its tables match the models exactly (alembic's own comparison),
and it downgrades and upgrades again cleanly."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, inspect

from commandcenter.persistence.base import Base
from commandcenter.persistence.migrate import _alembic_config, upgrade
from commandcenter.persistence.store import Store

TABLES = {"map_alerts", "truck_permits", "gis_layers", "gis_features"}


def test_the_migration_creates_what_the_models_declare(store: Store) -> None:
    ours = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in TABLES:
        Base.metadata.tables[table].to_metadata(ours)
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            change
            for change in compare_metadata(context, ours)
            if not (
                change[0] == "remove_table"
                or (change[0] == "remove_index" and change[1].table.name not in TABLES)
            )
        ]
    assert differences == []


def test_it_downgrades_and_upgrades_again(store: Store) -> None:
    command.downgrade(_alembic_config(store.engine), "0007")
    assert not TABLES & set(inspect(store.engine).get_table_names())
    upgrade(store.engine)
    assert set(inspect(store.engine).get_table_names()) >= TABLES
