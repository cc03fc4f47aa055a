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


def test_0011_adds_departments_and_the_department_role(store: Store) -> None:
    def cases_columns() -> set[str]:
        return {column["name"] for column in inspect(store.engine).get_columns("cases")}

    assert {"department_id", "handoff_deadline_at", "rule_notes"} <= cases_columns()
    assert store.execute_raw("SELECT name FROM roles WHERE code = 'department'") == [("部门用户",)]
    command.downgrade(_alembic_config(store.engine), "0010")
    assert "departments" not in inspect(store.engine).get_table_names()
    assert "department_id" not in cases_columns()
    assert store.execute_raw("SELECT name FROM roles WHERE code = 'department'") == []
    upgrade(store.engine)
    assert "departments" in inspect(store.engine).get_table_names()


def test_0012_adds_the_gateways_tables_and_the_key_profile(store: Store) -> None:
    gateway = {
        "terminal_sessions",
        "unknown_terminals",
        "terminal_commands",
        "open311_requests",
        "webhook_outbox",
    }

    def key_columns() -> set[str]:
        return {column["name"] for column in inspect(store.engine).get_columns("api_keys")}

    assert set(inspect(store.engine).get_table_names()) >= gateway
    assert {"source", "datum", "rate_per_minute", "max_photo_bytes", "webhook_url"} <= key_columns()
    command.downgrade(_alembic_config(store.engine), "0011")
    assert not gateway & set(inspect(store.engine).get_table_names())
    assert "datum" not in key_columns()
    upgrade(store.engine)
    assert set(inspect(store.engine).get_table_names()) >= gateway
