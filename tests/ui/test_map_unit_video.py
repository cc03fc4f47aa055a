"""The main window's links around the map (seed district, real SQLite): a click on a vehicle that
carries a camera opens its video on the wall (its hover card says so; a patroller's does not), and
the playback panel's loads and frames are drawn on the map and leave it when the panel closes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UnitKind
from commandcenter.mapping.unit_frame import KINDS
from commandcenter.persistence.cameras.unit_cameras import vehicle_cameras_by_unit
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions, record_positions
from commandcenter.testing.synthetic_tracks import Drive, Park, scripted_fixes
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _unit_at(window: MainWindow, kind: UnitKind) -> tuple[int, float, float]:
    frame = window.map.units.frame
    index = int(np.flatnonzero(frame.kind == KINDS.index(kind))[0])
    return int(frame.ids[index]), float(frame.x[index]), float(frame.y[index])


def test_every_vehicle_has_its_camera_and_patrollers_have_none(district_store: Store) -> None:
    cameras = vehicle_cameras_by_unit(district_store)
    kinds = {p.unit_id: p.kind for p in latest_positions(district_store)}
    assert len(cameras) == 1051 + 7
    assert {kinds[unit_id] for unit_id in cameras} == {UnitKind.MUCK_TRUCK, UnitKind.ENFORCEMENT}
    assert all(code.startswith("CAM-VH-") for code in cameras.values())


def test_clicking_a_vehicle_with_a_camera_opens_its_video_on_the_wall(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    video_line = QCoreApplication.translate("UnitCard", "Vehicle video: click to view")  # 有车载视频…
    qtbot.waitUntil(
        lambda: len(window.map.units.frame) > 0 and len(window.map.unit_cameras) > 0, timeout=20_000
    )
    qtbot.waitUntil(lambda: len(window.camera_tree.cameras) > 0, timeout=20_000)
    unit_id, x, y = _unit_at(window, UnitKind.ENFORCEMENT)
    code = window.map.unit_cameras[unit_id]
    window.map.pointer._hover(window.map.view_box.mapViewToScene(QPointF(x, y)))
    assert video_line in window.map.pointer.card.text()
    with qtbot.waitSignal(window.map.unit_video_requested) as asked:
        window.map.pointer.click_at(x, y)
    assert asked.args == [code]
    qtbot.waitUntil(lambda: code in [feed.code for feed in window.wall.feeds if feed is not None])

    patroller, px, py = _unit_at(window, UnitKind.PATROLLER)
    window.map.pointer._hover(window.map.view_box.mapViewToScene(QPointF(px, py)))
    assert video_line not in window.map.pointer.card.text()
    with qtbot.assertNotEmitted(window.map.unit_video_requested):
        window.map.pointer.click_at(px, py)
    assert window.map.units.selected == patroller


def test_the_playback_panel_draws_on_the_map_until_it_is_closed(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    trucks = [p.unit_id for p in latest_positions(district_store) if p.kind == UnitKind.MUCK_TRUCK][:2]
    for unit_id in trucks:
        record_positions(district_store, scripted_fixes(unit_id, START, [Drive(600, 30, 90), Park(600)]))
    window = open_window()
    layer = window.map.track_layer
    window.track_dock.raise_()
    window.tracks.load([trucks[0]], START, START + timedelta(hours=1))
    qtbot.waitUntil(lambda: window.tracks.play_button.isEnabled() and trucks[0] in layer.tracks)
    window.tracks.seek(START.timestamp() + 300)
    drawn = layer.tracks[trucks[0]]
    assert drawn.head is not None
    assert drawn.passed == 30
    window.tracks.load([trucks[1]], START, START + timedelta(hours=1))  # a new load replaces the old
    assert layer.tracks == {}
    qtbot.waitUntil(lambda: trucks[1] in layer.tracks)
    window.case_dock.raise_()  # another tab in front: the panel is still open, the track stays
    assert trucks[1] in layer.tracks
    window.track_dock.toggleViewAction().trigger()  # closed
    assert window.track_dock.isHidden()
    assert layer.tracks == {}
