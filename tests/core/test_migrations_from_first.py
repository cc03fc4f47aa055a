"""Upgrading a database that lived through every release (issue 19), on SQLite and PostgreSQL.

A database is built at the FIRST revision and filled the way that release filled it (a district: an
office, a road, a segment; staff on a unit with positions on several days; a case with its 受理
event; an operator), more rows are added at a middle revision, and then it is upgraded ONE revision
at a time to the newest. The rows must come through intact and be usable by today's code (the case is
dispatched, the positions read as a track), and the schema the steps produced must be exactly what the
models declare (Alembic's autogenerate comparison finds nothing). Rows are written through the tables
as reflected at that revision, so each insert uses only the columns that revision had.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, Table, func, inspect, select

from commandcenter.cases.dispatch import DispatchOutcome, DispatchRequest
from commandcenter.persistence.cases.transitions import case_timeline, read_case
from commandcenter.persistence.database import DatabaseUnavailable, create_database_engine
from commandcenter.persistence.migrate import _alembic_config, current_revision, head_revision, upgrade
from commandcenter.persistence.schema import is_modelled, metadata
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.tracks import load_track
from commandcenter.services.case_service import CaseService
from commandcenter.testing.accounts import principal_of_role

MIDDLE = "0006"  # the release that added plugins: a second case and a later fix arrive there
DAY_ONE = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
LINE = [[113.60, 34.70], [113.61, 34.70]]


def _revisions_in_order() -> list[str]:
    scripts = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


def _insert(connection: Connection, table: str, **values: Any) -> int:
    reflected = Table(table, MetaData(), autoload_with=connection)
    result = connection.execute(reflected.insert().values(**values))
    key = result.inserted_primary_key
    return int(key[0]) if key and key[0] is not None else 0


def _fill_first_release(engine: Engine) -> dict[str, int]:
    with engine.begin() as c:
        office = _insert(c, "offices", code="410101001", name="建设路街道", kind="街道", center_lon=113.605,
                         center_lat=34.70, boundary=[LINE], min_lon=113.6, min_lat=34.69, max_lon=113.62,
                         max_lat=34.71)  # fmt: skip
        road = _insert(c, "roads", name="建设路", grade="主干道", geometry=LINE, length_m=912.0,
                       min_lon=113.6, min_lat=34.7, max_lon=113.61, max_lat=34.7)  # fmt: skip
        segment = _insert(c, "segments", number="JSL-001", road_id=road, office_id=office, name="建设路一段",
                          geometry=LINE, length_m=912.0, difficulty=2, min_lon=113.6, min_lat=34.7,
                          max_lon=113.61, max_lat=34.7)  # fmt: skip
        category = _insert(c, "case_categories", kind="事件", major_code="01", major_name="市容环境",
                           code="S0501", name="暴露垃圾", filing_condition="有暴露垃圾",
                           dispatch_hours=1.0, dispose_hours=4.0, department="环卫", photo_required=False,
                           active=True)  # fmt: skip
        unit = _insert(c, "units", kind="patroller", label="张伟", office_id=office)
        staff = _insert(c, "staff", code="ST0001", name="张伟", role="巡查员", office_id=office,
                        segment_id=segment, shift="早班", phone="13800000001", unit_id=unit)  # fmt: skip
        for day in range(3):
            _insert(c, "positions", unit_id=unit, ts=DAY_ONE + timedelta(days=day), lon=113.601 + day / 1000,
                    lat=34.70, speed_kmh=4.0, heading_deg=90.0, state="patrol")  # fmt: skip
        case = _insert(c, "cases", number="202603010001", category_id=category, source="巡查上报",
                       status="受理", description="建设路一段暴露垃圾", address="建设路一段", lon=113.605,
                       lat=34.70, office_id=office, segment_id=segment, urgency=1, created_at=DAY_ONE,
                       updated_at=DAY_ONE, version=1)  # fmt: skip
        _insert(c, "case_events", case_id=case, ts=DAY_ONE, actor="张伟", action="受理", from_status=None,
                to_status="受理", note="", payload={})  # fmt: skip
        _insert(c, "users", username="operator1", display_name="值班员甲", role_code="operator", active=True)
    return {"office": office, "segment": segment, "category": category, "unit": unit, "staff": staff,
            "case": case}  # fmt: skip


def _fill_middle_release(engine: Engine, ids: dict[str, int]) -> int:
    later = DAY_ONE + timedelta(days=5)
    with engine.begin() as c:
        _insert(c, "positions", unit_id=ids["unit"], ts=later, lon=113.609, lat=34.70, speed_kmh=0.0,
                heading_deg=0.0, state="patrol")  # fmt: skip
        case = _insert(c, "cases", number="202603060001", category_id=ids["category"], source="巡查上报",
                       status="受理", description="第二件", address="建设路一段", lon=113.606, lat=34.70,
                       office_id=ids["office"], segment_id=ids["segment"], urgency=2, created_at=later,
                       updated_at=later, version=1)  # fmt: skip
        _insert(c, "case_events", case_id=case, ts=later, actor="张伟", action="受理", from_status=None,
                to_status="受理", note="", payload={})  # fmt: skip
    return case


def _same_default(
    _context: object,
    _column: object,
    _model: object,
    found: str | None,
    _declared: object,
    rendered: str | None,
) -> bool | None:
    """SQLite reflects a rebuilt table's ``DEFAULT ''`` as ``('')``, which Alembic reports as a
    change: it is not one."""
    if found is not None and rendered is not None and found.strip("()'\"") == rendered.strip("()'\""):
        return False
    return None  # Alembic's own comparison


def _differences(engine: Engine) -> list[Any]:
    """Types and server defaults too: a column default the migrations set and the models lack
    (or the reverse) differs between a migrated and a created database."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "compare_server_default": _same_default, "include_name": is_modelled},
        )
        return [
            change
            for change in compare_metadata(context, metadata)
            if not (change[0] == "remove_table" and change[1].name == "alembic_version")
        ]


def test_a_database_of_the_first_release_upgrades_step_by_step_with_its_data(db_url: str) -> None:
    engine = create_database_engine(db_url)
    config = _alembic_config(engine)
    revisions = _revisions_in_order()
    assert revisions[0] == "0001"
    assert revisions[-1] == head_revision()
    try:
        command.upgrade(config, revisions[0])
        ids = _fill_first_release(engine)
        second = 0
        for revision in revisions[1:]:
            command.upgrade(config, revision)
            assert current_revision(engine) == revision
            if revision == MIDDLE:
                second = _fill_middle_release(engine, ids)
        assert _differences(engine) == []
        store = Store(engine)
        first = read_case(store, ids["case"])
        assert (first.number, first.status, first.version) == ("202603010001", "受理", 1)
        assert [event.action for event in case_timeline(store, ids["case"])] == ["受理"]
        assert read_case(store, second).number == "202603060001"
        with engine.connect() as connection:
            staff = Table("staff", MetaData(), autoload_with=connection)
            row = connection.execute(
                select(staff.c.name, staff.c.unit_id).where(staff.c.id == ids["staff"])
            ).one()
            positions = Table("positions", MetaData(), autoload_with=connection)
            count = connection.execute(select(func.count()).select_from(positions)).scalar_one()
        assert tuple(row) == ("张伟", ids["unit"])
        assert count == 4
        track = load_track(store, ids["unit"], DAY_ONE - timedelta(hours=1), DAY_ONE + timedelta(days=6))
        assert len(track) == 4
        # today's code works on the old rows: the first release's case is dispatched to its staff
        desk = CaseService(store, principal_of_role(username="operator1"))
        result = desk.dispatch(DispatchRequest(ids["case"], ids["staff"], "张伟", "值班员甲"))
        assert result.outcome is DispatchOutcome.DISPATCHED
        actions = [event.action for event in case_timeline(store, ids["case"])]
        assert (actions[0], actions[-1], actions.count("派遣")) == ("受理", "派遣", 1)
    finally:
        engine.dispose()


def test_a_sqlite_upgrade_that_would_leave_broken_references_is_refused_in_words(sqlite_url: str) -> None:
    """Foreign keys are off while SQLite rebuilds tables; their check before the commit refuses a
    database with a row pointing nowhere (a message, not a traceback) instead of hiding it, and the
    whole step is undone — its CREATE TABLEs too, so the upgrade can be run again once it is fixed."""
    engine = create_database_engine(sqlite_url)
    config = _alembic_config(engine)
    try:
        before = _revisions_in_order()[-2]
        command.upgrade(config, before)
        tables = set(inspect(engine).get_table_names())
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.exec_driver_sql(
                "INSERT INTO segments (number, road_id, office_id, name, geometry, length_m, difficulty, "
                "min_lon, min_lat, max_lon, max_lat) "
                "VALUES ('X-1', 99, 99, '无主路段', '[]', 1, 1, 0, 0, 0, 0)"
            )
            connection.commit()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        with pytest.raises(DatabaseUnavailable, match="broken references"):
            upgrade(engine)
        assert current_revision(engine) == before
        assert set(inspect(engine).get_table_names()) == tables  # the newer tables rolled back too
    finally:
        engine.dispose()
