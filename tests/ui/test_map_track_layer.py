"""Track playback drawn on the live map (seed district, real SQLite): a loaded track is one path over
its projected fixes with its stops marked, a playback frame moves the playhead to the projected
position (on a GCJ-02 base map too) and lengthens the travelled part, a stop's card gives its
duration, and clearing takes everything off the map."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from commandcenter.config import MapSettings
from commandcenter.domain.kinds import UnitKind
from commandcenter.mapping.projection import project
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions, record_positions
from commandcenter.persistence.units.tracks import load_tracks
from commandcenter.testing.accounts import services_for
from commandcenter.testing.synthetic_tracks import Drive, Park, scripted_fixes
from commandcenter.tracks import PlaybackClock, Track, segment_track
from ui.background import BackgroundRunner
from ui.map.qt_overview_map import QtOverviewMap

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)  # before the demo's own positions
LEGS: list[Park | Drive] = [Drive(600, 30, 90), Park(600), Drive(600, 30, 0)]


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    made = BackgroundRunner()
    yield made
    made.shutdown()


def trucks_with_tracks(store: Store, count: int) -> list[Track]:
    """``count`` muck trucks of the district, each given the scripted morning, read back as tracks."""
    trucks = [p.unit_id for p in latest_positions(store) if p.kind == UnitKind.MUCK_TRUCK][:count]
    for offset, unit_id in enumerate(trucks):
        record_positions(store, scripted_fixes(unit_id, START, LEGS, seed=offset))
    tracks = load_tracks(store, trucks, START, START + timedelta(hours=1))
    return [tracks[unit_id] for unit_id in trucks]


def open_map(qtbot: QtBot, store: Store, runner: BackgroundRunner, datum: str = "wgs84") -> QtOverviewMap:
    widget = QtOverviewMap(services_for(store), runner, settings=MapSettings(datum=datum))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.start()
    qtbot.waitUntil(lambda: widget.segments_shown == 291, timeout=20_000)
    return widget


@pytest.fixture
def live_map(qtbot: QtBot, district_store: Store, runner: BackgroundRunner) -> Iterator[QtOverviewMap]:
    widget = open_map(qtbot, district_store, runner)
    yield widget
    widget.stop()


def colour_at(widget: QtOverviewMap, x: float, y: float) -> QColor:
    widget.plot.viewport().repaint()
    point = widget.plot.mapFromScene(widget.view_box.mapViewToScene(QPointF(x, y)))
    return widget.plot.viewport().grab().toImage().pixelColor(point.x(), point.y())


def close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 12


def test_a_loaded_track_is_one_path_over_its_points_with_its_stops(
    qtbot: QtBot, live_map: QtOverviewMap, district_store: Store
) -> None:
    (track,) = trucks_with_tracks(district_store, 1)
    assert len(track) == 180
    live_map.show_track(track)
    drawn = live_map.track_layer.tracks[track.unit_id]
    x, y = project(track.lon, track.lat)
    assert drawn.path.elementCount() == len(track)  # one polyline through every fix
    bounds = drawn.path.boundingRect()
    assert (bounds.left(), bounds.right()) == pytest.approx((x.min(), x.max()), abs=0.01)
    assert (bounds.top(), bounds.bottom()) == pytest.approx((y.min(), y.max()), abs=0.01)
    (x_min, x_max), (y_min, y_max) = live_map.view_box.viewRange()  # the view fits the track
    assert x_min <= x.min()
    assert x.max() <= x_max
    assert y_min <= y.min()
    assert y.max() <= y_max
    assert x_max - x_min < 4 * (x.max() - x.min())
    qtbot.waitUntil(lambda: len(drawn.stops) == 1)  # found on a worker, as the panel finds it
    assert drawn.stops == segment_track(track).stops
    stop = drawn.stops[0]
    stop_x, stop_y = project([stop.lon], [stop.lat])
    assert (drawn.stop_x[0], drawn.stop_y[0]) == pytest.approx((stop_x[0], stop_y[0]))
    live_map.plot.viewport().repaint()


def test_hovering_a_stop_marker_shows_its_duration(
    qtbot: QtBot, live_map: QtOverviewMap, district_store: Store
) -> None:
    (track,) = trucks_with_tracks(district_store, 1)
    stops = segment_track(track).stops
    live_map.show_track(track, stops)
    live_map.units.set_shown(np.zeros(len(live_map.units.frame), dtype=bool))  # only the marker answers
    drawn = live_map.track_layer.tracks[track.unit_id]
    scene = live_map.view_box.mapViewToScene(QPointF(drawn.stop_x[0], drawn.stop_y[0]))
    live_map.pointer._hover(scene)
    assert live_map.pointer.card.isVisible()
    text = live_map.pointer.card.text()
    assert "Stop" in text
    assert f"{round(stops[0].duration_s / 60)} min" in text
    live_map.pointer._hover(live_map.view_box.mapViewToScene(QPointF(drawn.x[0] - 5_000, drawn.y[0])))
    assert not live_map.pointer.card.isVisible()


@pytest.mark.parametrize("datum", ["wgs84", "gcj02"])
def test_a_frame_moves_the_playhead_to_the_projected_position(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner, datum: str
) -> None:
    widget = open_map(qtbot, district_store, runner, datum)
    try:
        (track,) = trucks_with_tracks(district_store, 1)
        widget.show_track(track, [])
        clock = PlaybackClock([track])
        clock.seek(float(track.ts[40]) + 5)  # halfway between two fixes of the first drive
        (point,) = clock.frame()
        widget.move_playhead([(point.unit_id, point.lon, point.lat, point.heading_deg)], clock.now)
        drawn = widget.track_layer.tracks[track.unit_id]
        assert drawn.head is not None
        expected_x, expected_y = project([point.lon], [point.lat], datum)
        assert drawn.head == pytest.approx((expected_x[0], expected_y[0], 90.0))
        plain_x, _ = project([point.lon], [point.lat])
        shift = abs(drawn.head[0] - plain_x[0])
        assert shift > 300 if datum == "gcj02" else shift == 0  # on AMap tiles the track shifts too
        assert (drawn.head[0], drawn.head[1]) == pytest.approx(
            ((drawn.x[40] + drawn.x[41]) / 2, (drawn.y[40] + drawn.y[41]) / 2)
        )
        assert drawn.passed == 40
        assert drawn.travelled.elementCount() == 41
        assert close(colour_at(widget, drawn.head[0], drawn.head[1]), drawn.colour)  # the arrow is there
        assert widget.track_layer.heads.drawn == 1
        clock.seek(float(track.ts[-1]))
        (end,) = clock.frame()
        widget.move_playhead([(end.unit_id, end.lon, end.lat, end.heading_deg)], clock.now)
        assert drawn.travelled.elementCount() == len(track)
        widget.move_playhead([], clock.start - 60)  # before the track began: no playhead
        widget.plot.viewport().repaint()
        assert widget.track_layer.heads.drawn == 0
    finally:
        widget.stop()


def test_a_group_gets_distinct_colours_and_clear_removes_everything(
    qtbot: QtBot, live_map: QtOverviewMap, district_store: Store
) -> None:
    tracks = trucks_with_tracks(district_store, 3)
    for track in tracks:
        live_map.show_track(track)
    layer = live_map.track_layer
    assert len({drawn.colour.name() for drawn in layer.tracks.values()}) == 3
    frame = [(p.unit_id, p.lon, p.lat, p.heading_deg) for p in PlaybackClock(tracks).frame()]
    live_map.move_playhead(frame, float(tracks[0].ts[0]))
    live_map.plot.viewport().repaint()
    assert layer.heads.drawn == 3
    qtbot.waitUntil(lambda: all(drawn.stops for drawn in layer.tracks.values()))
    first = layer.tracks[tracks[-1].unit_id]  # all start at one spot: the last one is on top
    assert first.head is not None
    head_x, head_y, _ = first.head
    assert close(colour_at(live_map, head_x, head_y), first.colour)
    live_map.clear_tracks()
    assert layer.tracks == {}
    assert layer.bounds() is None
    assert layer.lines.boundingRect().isEmpty()
    assert layer.heads.boundingRect().isEmpty()
    live_map.move_playhead(frame, float(tracks[0].ts[0]))  # a late frame after clearing draws nothing
    assert not close(colour_at(live_map, head_x, head_y), first.colour)
    assert layer.pick_stop(float(first.stop_x[0]), float(first.stop_y[0]), 1e9) is None
