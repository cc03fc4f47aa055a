"""Migration 0009 on both databases: after it the whole schema matches the models exactly (alembic's
own comparison: the settings table, the audit target index, camera groups, user departments), and it
downgrades and upgrades again cleanly."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from commandcenter.persistence.migrate import _alembic_config, upgrade
from commandcenter.persistence.schema import is_modelled, metadata
from commandcenter.persistence.store import Store


def test_the_migrated_schema_is_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": is_modelled}
        )
        differences = [
            change
            for change in compare_metadata(context, metadata)
            if not (change[0] == "remove_table" and change[1].name == "alembic_version")
        ]
    assert differences == []


def test_it_downgrades_and_upgrades_again(store: Store) -> None:
    command.downgrade(_alembic_config(store.engine), "0008")
    inspector = inspect(store.engine)
    assert "district_settings" not in inspector.get_table_names()
    assert "group_name" not in {column["name"] for column in inspector.get_columns("cameras")}
    upgrade(store.engine)
    inspector = inspect(store.engine)
    assert "district_settings" in inspector.get_table_names()
    assert "department" in {column["name"] for column in inspector.get_columns("users")}
