"""Migration 0016 on both databases: the 督查 tables appear, downgrade to 0015 removes them (and
nothing else but the tables of the later migrations), upgrading again restores them (the whole-schema
comparison with the models is ``test_settings_migration``)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from commandcenter.persistence.migrate import _alembic_config, upgrade
from commandcenter.persistence.store import Store

TABLES = {"inspectors", "inspection_rounds", "inspection_groups", "inspection_findings"}
LATER = {  # created by 0017 (credit), 0018 (platform alarms), 0019 (video evidence)
    "credit_violators",
    "credit_violations",
    "credit_listings",
    "platform_alarm_cases",
    "case_video_evidence",
}


def test_0016_downgrades_and_upgrades_again(store: Store) -> None:
    before = set(inspect(store.engine).get_table_names())
    assert before >= TABLES
    command.downgrade(_alembic_config(store.engine), "0015")
    assert set(inspect(store.engine).get_table_names()) == before - TABLES - LATER
    upgrade(store.engine)
    assert set(inspect(store.engine).get_table_names()) == before
