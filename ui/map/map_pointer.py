"""What the mouse does on the map: hover card over a unit (or a played track's stop), left click on a
unit / case pin / camera — a unit carrying a camera also asks for its video —, right click for
"nearest cameras" and "nearest patrollers".

Picking is a vectorised nearest search within ``PICK_PX`` screen pixels, units first (they move and
are what operators chase), then case pins, then cameras. Points are handed out in stored WGS-84,
undoing the GCJ-02 shift when the base map is AMap's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtWidgets import QLabel, QMenu

from commandcenter.geo.datum import gcj02_to_wgs84
from commandcenter.geo.mercator import mercator_to_lonlat
from ui.map.unit_card import unit_card_text
from ui.theme import RAISED, TEXT
from ui.tracks.track_rows import stop_summary

if TYPE_CHECKING:
    from ui.map.qt_overview_map import QtOverviewMap

PICK_PX = 10.0
CARD_GAP_PX = 14


def _beside(at: int, extent: int, limit: int) -> int:
    """Where the card starts along one axis: after the pointer if it fits before ``limit``, else
    before the pointer (never past the map's start)."""
    after = at + CARD_GAP_PX
    return after if after + extent <= limit else max(0, at - CARD_GAP_PX - extent)


class MapPointer(QObject):
    def __init__(self, owner: QtOverviewMap) -> None:
        super().__init__(owner)
        self._map = owner
        self.card = QLabel(owner.plot)
        self.card.setStyleSheet(f"background: {RAISED}; color: {TEXT}; padding: 6px; border-radius: 4px;")
        self.card.hide()
        self.context_menu: QMenu | None = None
        scene = owner.plot.scene()
        scene.sigMouseMoved.connect(self._hover)
        scene.sigMouseClicked.connect(self._clicked)

    def _radius(self) -> float:
        return PICK_PX * self._map.metres_per_px()

    def _hover(self, scene_pos: QPointF) -> None:
        owner = self._map
        point = owner.view_box.mapSceneToView(scene_pos)
        index = owner.units.pick(point.x(), point.y(), self._radius())
        if index is not None:
            data, unit_id = owner.vectors.data, int(owner.units.frame.ids[index])
            offices = data.office_names if data else {}
            has_video = unit_id in owner.unit_cameras
            self._show_card(unit_card_text(owner.units.frame, index, offices, has_video=has_video), scene_pos)
            return
        stop = owner.track_layer.pick_stop(point.x(), point.y(), self._radius())
        if stop is None:
            self.card.hide()
            return
        track, where = stop
        at = owner.units.frame.index_of(track.unit_id)
        label = str(owner.units.frame.labels[at]) if at is not None else str(track.unit_id)
        self._show_card(f"{label}\n{stop_summary(where)}", scene_pos)

    def _show_card(self, text: str, scene_pos: QPointF) -> None:
        """Below right of the pointer, or left of / above it where the map's edge would cut it off."""
        self.card.setText(text)
        self.card.adjustSize()
        pointer, size, room = self._map.plot.mapFromScene(scene_pos), self.card.size(), self._map.plot.rect()
        x = _beside(pointer.x(), size.width(), room.right())
        self.card.move(x, _beside(pointer.y(), size.height(), room.bottom()))
        self.card.show()
        self.card.raise_()

    def _clicked(self, event: object) -> None:
        point = self._map.view_box.mapSceneToView(event.scenePos())  # type: ignore[attr-defined]
        if event.button() == Qt.MouseButton.RightButton:  # type: ignore[attr-defined]
            self.open_context_menu(point.x(), point.y(), event.screenPos().toPoint())  # type: ignore[attr-defined]
        elif event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            self.click_at(point.x(), point.y())

    def click_at(self, x: float, y: float) -> None:
        """A left click at view coordinates: a unit first, then a case pin, then a camera."""
        owner, radius = self._map, self._radius()
        index = owner.units.pick(x, y, radius)
        if index is not None:
            unit_id = int(owner.units.frame.ids[index])
            owner.select(unit_id)
            owner.unit_clicked.emit(unit_id)
            if unit_id in owner.unit_cameras:
                owner.unit_video_requested.emit(owner.unit_cameras[unit_id])
            return
        case_id = owner.vectors.pick_case(x, y, radius)
        if case_id is not None:
            owner.case_clicked.emit(case_id)
            return
        code = owner.vectors.pick_camera(x, y, radius)
        if code is not None:
            owner.camera_clicked.emit(code)
            return
        owner.select(None)

    def wgs84_at(self, x: float, y: float) -> tuple[float, float]:
        """View coordinates back to stored WGS-84 (undoing the GCJ-02 shift on an AMap base map)."""
        lon, lat = mercator_to_lonlat(x, y)
        return gcj02_to_wgs84(lon, lat) if self._map.settings.datum == "gcj02" else (lon, lat)

    def open_context_menu(self, x: float, y: float, screen_pos: QPoint) -> QMenu:
        owner = self._map
        lon, lat = self.wgs84_at(x, y)
        menu = QMenu(owner)
        menu.addAction(self.tr("Nearest cameras"), lambda: owner.nearest_cameras_requested.emit(lon, lat))
        menu.addAction(
            self.tr("Nearest patrollers"), lambda: owner.nearest_patrollers_requested.emit(lon, lat)
        )
        owner.context_menu_opening.emit(menu, lon, lat)  # e.g. "move the selected camera here"
        index = owner.units.pick(x, y, self._radius())
        if index is not None:  # on a unit: its own actions (a vehicle's terminal commands …)
            frame = owner.units.frame
            owner.unit_menu_opening.emit(menu, int(frame.ids[index]), str(frame.labels[index]))
        self.context_menu = menu
        menu.popup(screen_pos)
        return menu
