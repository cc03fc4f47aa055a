"""The simulator against a real SQLite store holding the full demo dataset."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from commandcenter.config import SimulatorSettings
from commandcenter.demo.generate import DEMO_NOW, load_demo_data
from commandcenter.demo.simulator import Simulator, StepResult
from commandcenter.domain.categories import DEFAULT_CATEGORIES
from commandcenter.domain.kinds import CaseStatus, UnitKind
from commandcenter.geo import distance_to_polyline_m, haversine_m
from commandcenter.persistence.cases.queries import change_marker, recent_cases
from commandcenter.persistence.cases.reviews import pending_count
from commandcenter.persistence.district.queries import patrol_assignments, segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions

UNITS = 2_658


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "sim.sqlite"


@pytest.fixture
def demo_store(db_file: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{db_file}")
    load_demo_data(store, now=DEMO_NOW)
    try:
        yield store
    finally:
        store.close()


def _run_steps(simulator: Simulator, count: int, seconds: float) -> list[StepResult]:
    return [simulator.step(DEMO_NOW + timedelta(seconds=seconds * index)) for index in range(count)]


def test_units_move_along_their_segments_and_fixes_are_stored(demo_store: Store) -> None:
    before = {unit.unit_id: unit for unit in latest_positions(demo_store)}
    simulator = Simulator(demo_store, SimulatorSettings(cases_per_hour=0))
    results = _run_steps(simulator, 6, 60.0)
    assert all(result.error is None and result.fixes_written == UNITS for result in results)
    assert demo_store.execute_raw("SELECT COUNT(*) FROM positions") == [(6 * UNITS,)]
    after = {unit.unit_id: unit for unit in latest_positions(demo_store)}
    shapes = {shape.id: shape.geometry for shape in segment_shapes(demo_store)}
    assignments = patrol_assignments(demo_store)
    assert len(assignments) == 1_600
    moved = dict.fromkeys(UnitKind, 0)
    for unit_id, unit in after.items():
        first = before[unit_id]
        assert unit.lon is not None
        assert unit.lat is not None
        assert first.lon is not None
        assert first.lat is not None
        speed = unit.speed_kmh or 0.0
        if haversine_m(first.lon, first.lat, unit.lon, unit.lat) > 20:
            moved[UnitKind(unit.kind)] += 1
        if unit.kind == UnitKind.PATROLLER:
            assert distance_to_polyline_m(unit.lon, unit.lat, shapes[assignments[unit_id]]) < 30
            assert unit.state in {"moving", "stopped"}
            assert speed < 6
        elif unit.kind == UnitKind.MUCK_TRUCK:
            assert unit.state in {"loaded", "empty"}
            assert speed == 0 or 20 <= speed <= 40
    assert moved[UnitKind.PATROLLER] > 1_000  # five minutes of walking, minus pauses
    assert moved[UnitKind.MUCK_TRUCK] > 500
    assert moved[UnitKind.ENFORCEMENT] >= 4


def test_reports_arrive_at_the_configured_rate(demo_store: Store) -> None:
    cases_before = change_marker(demo_store)[0]
    waiting = pending_count(demo_store)  # the demo's own two 待甄别 reports
    simulator = Simulator(demo_store, SimulatorSettings(cases_per_hour=600), photos=["现场.jpg"])
    results = _run_steps(simulator, 16, 120.0)  # half a simulated hour: 300 expected, σ ≈ 17
    created = sum(result.cases_created for result in results)
    merged = sum(result.reports_merged for result in results)
    assert 230 <= created + merged <= 370
    assert sum(result.reports_refused for result in results) == 0  # every report passes screening
    assert pending_count(demo_store) == waiting  # on its segments: the simulator never floods 待甄别
    assert change_marker(demo_store)[0] == cases_before + created
    newest = recent_cases(demo_store, limit=created)
    assert all(case.status == CaseStatus.RECEIVED and case.office for case in newest)
    assert all(case.address.startswith("二七区") for case in newest)
    assert len({case.category for case in newest}) > 10


def test_same_seed_same_steps_same_output(tmp_path: Path) -> None:
    def final_state(name: str) -> tuple[object, ...]:
        store = Store.open(f"sqlite:///{tmp_path / name}")
        try:
            load_demo_data(store, now=DEMO_NOW)
            _run_steps(Simulator(store, SimulatorSettings(cases_per_hour=300)), 4, 90.0)
            cases = [(c.number, c.category, c.address) for c in recent_cases(store, limit=50)]
            return tuple(latest_positions(store)), tuple(cases)
        finally:
            store.close()

    assert final_state("a.sqlite") == final_state("b.sqlite")


def test_run_survives_a_broken_store_and_resumes(demo_store: Store, db_file: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite"
    demo_store.engine.dispose()  # the last connection closing checkpoints the WAL into the file
    shutil.copy(db_file, backup)
    results: list[StepResult] = []
    calls = 0

    def clock() -> datetime:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise ValueError("a clock hiccup: bad data must not end the loop")
        return DEMO_NOW + timedelta(seconds=calls)

    class Recording(Simulator):
        def step(self, now: datetime) -> StepResult:
            result = super().step(now)
            results.append(result)
            return result

    simulator = Recording(demo_store, SimulatorSettings(position_interval_s=0.05, cases_per_hour=3600))
    stop = threading.Event()
    thread = threading.Thread(target=simulator.run, args=(stop,), daemon=True)
    thread.start()
    try:
        _wait_for(lambda: sum(r.error is None for r in results) >= 3)

        db_file.write_bytes(b"this is not a database " * 512)  # the database goes bad under the loop
        for suffix in ("-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        demo_store.engine.dispose()
        failed_from = len(results)
        _wait_for(lambda: sum(r.error is not None for r in results[failed_from:]) >= 3)
        assert thread.is_alive()

        shutil.copy(backup, db_file)  # ... and comes back
        demo_store.engine.dispose()
        back_from = len(results)
        _wait_for(lambda: any(r.error is None and r.fixes_written == UNITS for r in results[back_from:]))
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert demo_store.execute_raw("SELECT COUNT(*) FROM positions")[0][0] >= UNITS


def test_run_keeps_the_write_ahead_log_from_growing_under_steady_readers(
    demo_store: Store, db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A map and a briefing read all the time: SQLite's own checkpoints never find the moment to start
    the log over, so the positions' sink empties it itself (``Store.shrink_wal``) — here every write."""
    monkeypatch.setattr("commandcenter.feeds.sink.WAL_SHRINK_EVERY_S", 0.0)
    simulator = Simulator(demo_store, SimulatorSettings(position_interval_s=0.05, cases_per_hour=0))
    stop = threading.Event()
    reads = [0]

    def read_all_along() -> None:
        while not stop.is_set():
            latest_positions(demo_store)
            reads[0] += 1

    threads = [threading.Thread(target=target, daemon=True) for target in (read_all_along, read_all_along)]
    threads.append(threading.Thread(target=simulator.run, args=(stop,), daemon=True))
    for thread in threads:
        thread.start()
    wal = Path(f"{db_file}-wal")
    try:
        _wait_for(lambda: demo_store.execute_raw("SELECT COUNT(*) FROM positions")[0][0] >= 5 * UNITS)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert reads[0] > 10
    assert wal.stat().st_size == 0  # emptied into the database file after the last write
    assert demo_store.execute_raw("SELECT COUNT(*) FROM positions")[0][0] >= 5 * UNITS


def _wait_for(condition: object, timeout: float = 60.0) -> None:
    """Poll a condition the background thread makes true; bounded, not a fixed sleep."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


def test_an_empty_store_is_not_an_error(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    try:
        results = _run_steps(Simulator(store, SimulatorSettings(cases_per_hour=10_000)), 3, 60.0)
    finally:
        store.close()
    assert results == [StepResult(0, 0)] * 3


def test_without_photos_only_categories_that_need_none_are_reported(demo_store: Store) -> None:
    """No demo photos (no ffmpeg): screening would refuse a report without its required photo, as it
    refuses a real one, so the simulator reports only what needs none — through intake all the same."""
    results = _run_steps(Simulator(demo_store, SimulatorSettings(cases_per_hour=1_200)), 6, 60.0)
    created = sum(result.cases_created for result in results)
    assert created > 0
    assert sum(result.reports_refused for result in results) == 0
    photo_free = {spec.name for spec in DEFAULT_CATEGORIES if not spec.photo_required}
    assert {case.category for case in recent_cases(demo_store, limit=created)} <= photo_free


def test_with_photos_reports_go_through_intake_screening(demo_store: Store, tmp_path: Path) -> None:
    from commandcenter.persistence.cases.board import board_rows

    photo = tmp_path / "scene.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xd9")
    simulator = Simulator(demo_store, SimulatorSettings(cases_per_hour=3_600), photos=[str(photo)])
    before = {row.id for row in board_rows(demo_store)}
    results = _run_steps(simulator, 5, 60.0)
    assert all(result.error is None for result in results)
    assert sum(result.cases_created for result in results) > 0
    new = [row for row in board_rows(demo_store) if row.id not in before]
    assert new
    assert all(row.deadline_at is not None and row.photo_uri == str(photo) for row in new)
    assert all(row.segment_id is not None and row.office_id is not None for row in new)
