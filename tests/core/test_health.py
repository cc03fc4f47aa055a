"""HealthMonitor on real databases: feed age and fixes seen, stream probing a few URLs per check,
and a SQLite file that disappears or is overwritten."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from commandcenter.domain.kinds import UnitKind
from commandcenter.domain.units import Position
from commandcenter.health import HealthMonitor, Level
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.persistence.units.positions import record_positions


def _with_units(store: Store, count: int = 3) -> Store:
    units = [
        {"id": i, "kind": UnitKind.PATROLLER.value, "label": f"巡查员{i}", "office_id": None}
        for i in range(1, count + 1)
    ]
    replace_all(store, {Unit: units})
    return store


def _fix(unit_id: int, age_s: float) -> Position:
    return Position(unit_id, datetime.now(UTC) - timedelta(seconds=age_s), 113.64, 34.72)


def test_fresh_fixes_are_ok_and_counted(store: Store) -> None:
    _with_units(store)
    record_positions(store, [_fix(1, 5), _fix(2, 8)])
    monitor = HealthMonitor(store, [], None)
    first = monitor.check()
    assert first.database.level == Level.OK
    assert first.database.url == store.url
    assert first.feeds.reporting_units == 2
    assert first.feeds.newest_fix_age_s is not None
    assert 5 <= first.feeds.newest_fix_age_s < 60
    assert first.feeds.level == Level.OK
    assert first.feeds.fixes_seen == 0
    record_positions(store, [_fix(1, 0), _fix(2, 0), _fix(3, 0)])
    assert monitor.check().feeds.fixes_seen == 3


def test_old_fixes_are_a_warning_and_no_fixes_unknown(store: Store) -> None:
    _with_units(store)
    assert HealthMonitor(store, [], None).check().feeds.level == Level.UNKNOWN
    record_positions(store, [_fix(1, 600)])
    assert HealthMonitor(store, [], None, stale_after_s=30).check().feeds.level == Level.WARNING


def test_streams_are_probed_a_few_per_check_round_robin(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    urls = [f"http://127.0.0.1:1/{i}.ts" for i in range(5)]
    probed: list[str] = []

    def probe(url: str) -> bool:
        probed.append(url)
        if url.endswith("3.ts"):
            raise OSError("connection refused")
        return not url.endswith("4.ts")

    monitor = HealthMonitor(store, urls, probe, probes_per_check=2)
    first = monitor.check().streams
    assert (first.total, first.probed, first.up, first.level) == (5, 2, 2, Level.OK)
    monitor.check()
    third = monitor.check().streams
    assert probed[:5] == urls
    assert len(probed) == 6
    assert (third.probed, third.up, third.level) == (5, 3, Level.WARNING)
    store.close()


def test_without_probe_or_urls_streams_are_unknown(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    assert HealthMonitor(store, ["http://x/1.ts"], None).check().streams.level == Level.UNKNOWN
    assert HealthMonitor(store, [], lambda _url: True).check().streams.level == Level.UNKNOWN
    store.close()


def test_removed_sqlite_file_fails_without_being_recreated(tmp_path: Path) -> None:
    path = tmp_path / "cc.sqlite"
    store = _with_units(Store.open(f"sqlite:///{path}"))
    monitor = HealthMonitor(store, [], None)
    assert monitor.check().database.level == Level.OK
    away = tmp_path / "away.sqlite"
    os.replace(path, away)
    failed = monitor.check()
    assert failed.database.level == Level.FAILED
    assert failed.database.error is not None
    assert str(path) in failed.database.error
    assert failed.feeds.level == Level.UNKNOWN
    assert not path.exists()
    os.replace(away, path)
    assert monitor.check().database.level == Level.OK
    store.close()


def test_overwritten_sqlite_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "cc.sqlite"
    store = _with_units(Store.open(f"sqlite:///{path}"))
    store.close()
    store = Store.open(f"sqlite:///{path}")
    monitor = HealthMonitor(store, [], None)
    assert monitor.check().database.level == Level.OK
    original = path.read_bytes()
    path.write_bytes(b"not a database" * 1000)
    failed = monitor.check()
    assert failed.database.level == Level.FAILED
    assert "DatabaseError" in (failed.database.error or "")
    path.write_bytes(original)
    assert monitor.check().database.level == Level.OK
    store.close()


@pytest.mark.parametrize("url", ["sqlite:///:memory:"])
def test_in_memory_database_is_checked_by_ping(url: str) -> None:
    store = Store.open(url)
    assert store.sqlite_file() is None
    assert HealthMonitor(store, [], None).check().database.level == Level.OK
    store.close()
