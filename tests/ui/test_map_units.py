"""The live map on the seed district: every unit drawn by one item, filters, search, follow, hover
card, clicks on units, case pins and cameras, and the right-click "nearest" requests."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from commandcenter.config import MapSettings
from commandcenter.domain.kinds import UnitKind
from commandcenter.geo.datum import gcj02_to_wgs84
from commandcenter.geo.mercator import mercator_to_lonlat
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.map.qt_overview_map import QtOverviewMap
from ui.map.unit_icons import COMPACT_ICON_PX, ICON_PX


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    made = BackgroundRunner()
    yield made
    made.shutdown()


def open_map(qtbot: QtBot, store: Store, runner: BackgroundRunner, **kwargs: object) -> QtOverviewMap:
    widget = QtOverviewMap(services_for(store), runner, refresh_s=0.5, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.start()
    qtbot.waitUntil(lambda: widget.segments_shown == 291 and len(widget.units.frame) > 0, timeout=20_000)
    qtbot.waitUntil(lambda: widget.vectors.live is not None, timeout=20_000)
    return widget


@pytest.fixture
def live_map(qtbot: QtBot, district_store: Store, runner: BackgroundRunner) -> Iterator[QtOverviewMap]:
    widget = open_map(qtbot, district_store, runner)
    yield widget
    widget.stop()


def repaint(widget: QtOverviewMap) -> int:
    widget.plot.viewport().repaint()
    return widget.units.drawn


def zoom_to(widget: QtOverviewMap, x: float, y: float, half_width_m: float = 150.0) -> None:
    widget.view_box.setRange(
        xRange=(x - half_width_m, x + half_width_m), yRange=(y - half_width_m, y + half_width_m), padding=0
    )


def viewport_pos(widget: QtOverviewMap, x: float, y: float) -> QPoint:
    return widget.plot.mapFromScene(widget.view_box.mapViewToScene(QPointF(x, y)))


def test_every_placed_unit_is_drawn_by_one_item(live_map: QtOverviewMap, district_store: Store) -> None:
    placed = [p for p in latest_positions(district_store) if p.lon is not None]
    assert len(live_map.units.frame) == len(placed) == 2658
    assert repaint(live_map) == len(placed)  # the whole district is in view
    assert live_map.units.icon_px == COMPACT_ICON_PX  # small icons for the overview
    assert live_map.units.labelled == 0  # 2,658 names would be a grey smear
    assert live_map.unit_counts[UnitKind.MUCK_TRUCK] == 1051
    assert "1,051" in live_map.legend.text()
    assert live_map.legend.isVisible()
    assert sum(live_map.vectors.status_counts().values()) == 291


def test_filters_narrow_what_is_drawn(live_map: QtOverviewMap) -> None:
    live_map.toolbar.kind.setCurrentIndex(2)  # muck trucks
    assert repaint(live_map) == 1051
    live_map.toolbar.kind.setCurrentIndex(3)  # enforcement vehicles
    assert repaint(live_map) == 7
    office_id = int(live_map.toolbar.office.itemData(1))
    live_map.toolbar.kind.setCurrentIndex(1)
    live_map.toolbar.office.setCurrentIndex(1)
    frame = live_map.units.frame
    expected = int(np.count_nonzero((frame.kind == 0) & (frame.office == office_id)))
    assert 0 < repaint(live_map) == expected < 1600


def test_search_selects_and_centres_a_plate_and_follow_keeps_it_centred(
    qtbot: QtBot, live_map: QtOverviewMap
) -> None:
    frame = live_map.units.frame
    truck = int(np.flatnonzero(frame.kind == 1)[5])
    plate = str(frame.labels[truck])
    assert not live_map.toolbar.follow.isEnabled()
    live_map.toolbar.search.setText(plate)
    qtbot.keyClick(live_map.toolbar.search, Qt.Key.Key_Return)
    assert live_map.units.selected == int(frame.ids[truck])
    (x_min, x_max), (y_min, y_max) = live_map.view_box.viewRange()
    assert (x_min + x_max) / 2 == pytest.approx(frame.x[truck], abs=1.0)
    assert (y_min + y_max) / 2 == pytest.approx(frame.y[truck], abs=1.0)
    assert live_map.toolbar.follow.isEnabled()
    live_map.toolbar.follow.setChecked(True)
    moved = type(frame)(**{**frame.__dict__, "x": frame.x + 500.0})
    live_map.show_units(moved)
    (x_min, x_max), _ = live_map.view_box.viewRange()
    assert (x_min + x_max) / 2 == pytest.approx(frame.x[truck] + 500.0, abs=1.0)
    assert live_map.search("没有这个人") is None
    assert live_map.toolbar.message.text() != ""


def test_hover_shows_a_card_and_a_click_selects_and_reports_the_unit(
    qtbot: QtBot, live_map: QtOverviewMap
) -> None:
    frame = live_map.units.frame
    index = int(np.flatnonzero(frame.kind == 2)[0])  # an enforcement vehicle
    x, y = float(frame.x[index]), float(frame.y[index])
    zoom_to(live_map, x, y, 60.0)
    qtbot.waitUntil(lambda: live_map.metres_per_px() < 0.2)
    assert 0 < repaint(live_map) == live_map.units.labelled  # zoomed in: every unit in view is named
    assert live_map.units.icon_px == ICON_PX
    target = live_map.units.pick(x, y, 1.0)
    assert target is not None
    unit_id = int(frame.ids[target])
    position = viewport_pos(live_map, float(frame.x[target]), float(frame.y[target]))
    qtbot.mouseMove(live_map.plot.viewport(), position)
    qtbot.waitUntil(live_map.pointer.card.isVisible)
    assert str(frame.labels[target]) in live_map.pointer.card.text()
    with qtbot.waitSignal(live_map.unit_clicked) as clicked:
        qtbot.mouseClick(live_map.plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert clicked.args == [unit_id]
    assert live_map.units.selected == unit_id


def test_case_pins_and_cameras_emit_their_ids(qtbot: QtBot, live_map: QtOverviewMap) -> None:
    live_map.units.set_shown(np.zeros(len(live_map.units.frame), dtype=bool))
    live = live_map.vectors.live
    assert live is not None
    assert live.case_ids.size > 0
    with qtbot.waitSignal(live_map.case_clicked) as clicked:
        live_map.pointer.click_at(float(live.case_x[0]) + 1.0, float(live.case_y[0]))
    assert clicked.args == [int(live.case_ids[0])]
    data = live_map.vectors.data
    assert data is not None
    x, y = float(data.camera_x[10]), float(data.camera_y[10])
    assert live_map.vectors.pick_camera(x, y, 5.0) is None  # district view: cameras are hidden
    zoom_to(live_map, x, y, 200.0)
    assert live_map.vectors.cameras.isVisible()
    live_map.vectors.live = None  # only the camera answers here
    with qtbot.waitSignal(live_map.camera_clicked) as camera:
        live_map.pointer.click_at(x, y)
    assert camera.args == [str(data.camera_codes[10])]


def test_right_click_offers_nearest_cameras_and_patrollers_in_wgs84(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    widget = open_map(qtbot, district_store, runner, settings=MapSettings(datum="gcj02"))
    try:
        (x_min, x_max), (y_min, y_max) = widget.view_box.viewRange()
        x, y = (x_min + x_max) / 2, (y_min + y_max) / 2
        qtbot.mouseClick(widget.plot.viewport(), Qt.MouseButton.RightButton, pos=viewport_pos(widget, x, y))
        menu = widget.pointer.context_menu
        assert menu is not None
        cameras, patrollers = menu.actions()
        with qtbot.waitSignal(widget.nearest_cameras_requested) as asked:
            cameras.trigger()
        expected = gcj02_to_wgs84(*mercator_to_lonlat(x, y))  # the map is GCJ-02, the request WGS-84
        assert asked.args[0] == pytest.approx(expected[0], abs=5e-4)  # ~50 m; the GCJ-02 shift is ~600 m
        assert asked.args[1] == pytest.approx(expected[1], abs=5e-4)  # ~50 m; the GCJ-02 shift is ~600 m
        with qtbot.waitSignal(widget.nearest_patrollers_requested):
            patrollers.trigger()
        menu.close()
    finally:
        widget.stop()
