"""The store on both databases: schema, writes through the API, append-only log, clear errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.units import Position
from commandcenter.domain.workflow_errors import UnknownCategory
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.queries import change_marker, recent_cases
from commandcenter.persistence.database import DatabaseUnavailable, redact
from commandcenter.persistence.district.counts import district_counts
from commandcenter.persistence.migrate import current_revision, head_revision
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import PositionRow
from commandcenter.persistence.units.positions import latest_positions, record_positions
from commandcenter.testing.minimal_district import minimal_district, minimal_report

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def test_migration_reaches_head_on_both_databases(store: Store) -> None:
    assert current_revision(store.engine) == head_revision()
    roles = {row[0] for row in store.execute_raw("SELECT code FROM roles")}
    assert roles == {"operator", "supervisor", "leader", "office", "department", "inspector", "admin"}


def test_replace_all_loads_and_counts(store: Store) -> None:
    replace_all(store, minimal_district())
    counts = district_counts(store)
    assert (counts.offices, counts.roads, counts.segments, counts.city_managers, counts.units) == (
        1,
        1,
        1,
        1,
        1,
    )
    replace_all(store, minimal_district())  # idempotent: a second load replaces, not duplicates
    assert district_counts(store).segments == 1


def test_recorded_positions_move_the_unit_and_append_to_the_series(store: Store) -> None:
    replace_all(store, minimal_district())
    record_positions(
        store,
        [
            Position(1, T0, 113.601, 34.701, 4.5, 45.0, "moving"),
            Position(1, T0 + timedelta(seconds=2), 113.602, 34.702, 4.4, 44.0, "moving"),
        ],
    )
    (unit,) = latest_positions(store)
    assert (unit.lon, unit.lat, unit.state) == (113.602, 34.702, "moving")
    with store.engine.connect() as connection:
        series = connection.execute(select(PositionRow.lon).order_by(PositionRow.ts)).scalars().all()
    assert series == [113.601, 113.602]


def test_case_creation_writes_the_case_and_its_first_event(store: Store) -> None:
    replace_all(store, minimal_district())
    first = create_case(store, minimal_report(), now=T0)
    second = create_case(store, minimal_report(description="又有人摆摊"), now=T0)
    rows = recent_cases(store)
    assert [row.id for row in rows] == [second, first]
    assert rows[1].number == "20261126-00001"
    assert rows[0].number == "20261126-00002"
    assert rows[0].status == CaseStatus.RECEIVED
    assert rows[0].category == "占道经营"
    assert change_marker(store) == (second, 2)


def test_unknown_category_is_refused_and_writes_nothing(store: Store) -> None:
    replace_all(store, minimal_district())
    with pytest.raises(UnknownCategory, match="S9999"):
        create_case(store, minimal_report(category_code="S9999"), now=T0)
    assert recent_cases(store) == []


@pytest.mark.parametrize(
    "statement", ["UPDATE case_events SET note = 'rewritten'", "DELETE FROM case_events"]
)
def test_case_event_log_is_append_only(store: Store, statement: str) -> None:
    replace_all(store, minimal_district())
    create_case(store, minimal_report(), now=T0)
    with pytest.raises(Exception, match="append-only"):
        store.execute_raw(statement)
    assert store.execute_raw("SELECT note FROM case_events") == [("人行道上摆摊",)]


def test_corrupt_sqlite_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseUnavailable) as caught:
        Store.open(f"sqlite:///{path}")
    message = str(caught.value)
    assert str(path) in message
    assert "not a database" in message


def test_the_write_ahead_log_is_emptied_at_most_as_often_as_asked_and_a_failure_is_false(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "wal.sqlite"
    store = Store.open(f"sqlite:///{path}")
    wal = Path(f"{path}-wal")
    replace_all(store, minimal_district())
    record_positions(store, [Position(1, T0, 113.601, 34.701, 4.5, 45.0, "moving")])
    assert wal.stat().st_size > 0
    assert store.shrink_wal(every_s=60) is True
    assert wal.stat().st_size == 0
    record_positions(store, [Position(1, T0 + timedelta(seconds=2), 113.602, 34.702, 4.4, 44.0, "moving")])
    assert store.shrink_wal(every_s=60) is True  # not due yet: the log keeps its frames
    assert wal.stat().st_size > 0
    assert [unit.lon for unit in latest_positions(store)] == [113.602]
    store.engine.dispose()  # the file goes bad under the writer: its batch was stored, no error
    path.write_bytes(b"this is not a database" * 512)
    wal.unlink(missing_ok=True)
    assert store.shrink_wal() is False
    assert "write-ahead log not emptied" in caplog.text
    store.close()


def test_shrinking_the_log_of_a_healthy_store_answers_true_on_both_databases(store: Store) -> None:
    replace_all(store, minimal_district())
    assert store.shrink_wal() is True  # PostgreSQL has no such log: nothing to do


def test_missing_folder_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="folder does not exist"):
        Store.open(f"sqlite:///{tmp_path / 'nope' / 'x.sqlite'}")


def test_unreachable_postgres_names_the_url_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql+psycopg2://cc:secret@/nodb?host={tmp_path}&port=5999"
    with pytest.raises(DatabaseUnavailable) as caught:
        Store.open(url)
    message = str(caught.value)
    assert "secret" not in message
    assert "***" in message
    assert "OperationalError" in message
    assert redact(url) in message


def test_case_numbers_follow_the_districts_day_and_times_are_stored_in_utc(store: Store) -> None:
    replace_all(store, minimal_district())
    late_evening_utc = datetime(2026, 11, 26, 20, 30, tzinfo=UTC)  # 04:30 on the 27th in Zhengzhou
    create_case(store, minimal_report(), now=late_evening_utc)
    (row,) = recent_cases(store)
    assert row.number == "20261127-00001"
    assert row.created_at.replace(tzinfo=UTC) == late_evening_utc
