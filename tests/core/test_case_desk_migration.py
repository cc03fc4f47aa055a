"""Migration 0010 on both databases: the review, request and photo tables and the reporter's phone
appear, downgrade removes them, and upgrading again restores them (the whole-schema comparison with the
models is ``test_settings_migration``)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from commandcenter.persistence.migrate import _alembic_config, upgrade
from commandcenter.persistence.store import Store

NEW_TABLES = {"screening_reviews", "case_requests", "stored_photos"}


def _phone_column(store: Store) -> bool:
    return "phone" in {column["name"] for column in inspect(store.engine).get_columns("case_reporters")}


def test_it_downgrades_and_upgrades_again(store: Store) -> None:
    assert set(inspect(store.engine).get_table_names()) >= NEW_TABLES
    command.downgrade(_alembic_config(store.engine), "0009")
    assert not NEW_TABLES & set(inspect(store.engine).get_table_names())
    assert not _phone_column(store)
    upgrade(store.engine)
    assert set(inspect(store.engine).get_table_names()) >= NEW_TABLES
    assert _phone_column(store)
