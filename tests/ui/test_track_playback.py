"""The playback panel on a real SQLite store: pick two units, load their tracks in the background,
jump to the last trip from the list and play to the end; the last frame is where each unit's last
fix is. An empty period loads nothing playable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.testing.accounts import services_for
from commandcenter.testing.synthetic_tracks import Drive, Park, scripted_fixes, store_with_units
from commandcenter.tracks import Track
from ui.background import BackgroundRunner
from ui.tracks.qt_track_playback import QtTrackPlayback

START = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
LEGS: list[Park | Drive] = [Drive(60, 36, 90), Park(360), Drive(60, 36, 90)]


@pytest.fixture
def panel(qtbot: QtBot, tmp_path: Path) -> Iterator[QtTrackPlayback]:
    store = Store.open(f"sqlite:///{tmp_path / 'tracks.sqlite'}")
    store_with_units(store, [1, 2])
    record_positions(store, scripted_fixes(1, START, LEGS))
    record_positions(store, scripted_fixes(2, START + timedelta(seconds=30), LEGS, seed=5))
    runner = BackgroundRunner()
    widget = QtTrackPlayback(services_for(store).tracks, runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.start()
    qtbot.waitUntil(lambda: widget.units.list.count() == 2)
    yield widget
    widget.stop()
    runner.shutdown()
    store.close()


def _period(panel: QtTrackPlayback, start: datetime, end: datetime) -> None:
    panel.start_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
    panel.end_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(end.timestamp())))


def _load_both(qtbot: QtBot, panel: QtTrackPlayback) -> list[Track]:
    loaded: list[Track] = []
    panel.track_loaded.connect(loaded.append)
    panel.units.list.selectAll()
    _period(panel, START, START + timedelta(hours=1))
    qtbot.mouseClick(panel.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(loaded) == 2 and panel.play_button.isEnabled())
    return loaded


def test_a_group_plays_from_the_last_trip_to_its_end(qtbot: QtBot, panel: QtTrackPlayback) -> None:
    tracks = _load_both(qtbot, panel)
    assert sorted(len(t) for t in tracks) == [48, 48]
    texts = [panel.rows.item(i).text() for i in range(panel.rows.count())]
    assert len(texts) == 6
    assert sum("Stop" in text for text in texts) == 2
    frames: list[list[tuple[int, float, float, float]]] = []
    panel.frame.connect(frames.append)
    last_row = panel.rows.item(panel.rows.count() - 1)
    panel.rows.itemClicked.emit(last_row)  # unit 2's last trip: 30 s after unit 1's
    assert panel.clock.now == pytest.approx(last_row.data(Qt.ItemDataRole.UserRole))
    panel.set_speed(64)
    assert panel.speed.currentText() == "×64"
    with qtbot.waitSignal(panel.playback_finished, timeout=20_000):
        panel.play()
    assert not panel.playing
    assert panel.slider.value() == panel.slider.maximum()
    final = {unit: (lon, lat) for unit, lon, lat, _ in frames[-1]}
    for track in tracks:
        assert final[track.unit_id] == pytest.approx((track.lon[-1], track.lat[-1]))
    easting = [next(lon for unit, lon, _, _ in frame if unit == 2) for frame in frames]
    assert easting == sorted(easting)
    assert len(set(easting)) > 2


def test_the_slider_seeks_and_an_empty_period_is_not_playable(qtbot: QtBot, panel: QtTrackPlayback) -> None:
    _load_both(qtbot, panel)
    frames: list[list[tuple[int, float, float, float]]] = []
    panel.frame.connect(frames.append)
    panel.slider.setValue(panel.slider.maximum() // 2)
    assert panel.clock.fraction == pytest.approx(0.5)
    assert {unit for unit, *_ in frames[-1]} == {1, 2}
    _period(panel, START - timedelta(days=2), START - timedelta(days=1))
    qtbot.mouseClick(panel.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.play_button.isEnabled() and panel.rows.count() == 1)
    assert panel.rows.item(0).text() == "No positions in this period"
    assert frames[-1] == []
