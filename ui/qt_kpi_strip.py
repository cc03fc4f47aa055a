"""The KPI strip: what the district has (offices, roads, staff, cameras, vehicles) and how many cases
are open, read through ``DistrictService.counts`` (an office user sees their office's) in the
background and refreshed every few seconds.

These are the numbers leaders quote in briefings, so each tile is large and reads at a distance.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from commandcenter.domain.district import SeedCounts
from commandcenter.services.district_service import DistrictService
from ui.background import BackgroundPoll, BackgroundRunner

PLACEHOLDER = "—"


class QtKpiTile(QWidget):
    """A caption over a big number; ``alert`` switches the accent to amber (open cases)."""

    def __init__(self, key: str, caption: str, *, alert: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("kpiTile")
        self.setProperty("alert", alert)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("kpiCaption")
        self.value = QLabel(PLACEHOLDER, self)
        self.value.setObjectName("kpiValue")
        self.value.setAccessibleName(key)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 8, 14, 8)
        column.setSpacing(0)
        column.addWidget(self.caption)
        column.addWidget(self.value)

    def show_value(self, value: int) -> None:
        self.value.setText(f"{value:,}")


class QtKpiStrip(QWidget):
    """Emits ``counts_shown`` after every successful refresh (the app's "first data is up" moment)."""

    counts_shown = Signal(object)  # SeedCounts

    def __init__(
        self,
        district: DistrictService,
        runner: BackgroundRunner,
        *,
        refresh_s: float = 10.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kpiStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.tiles: dict[str, QtKpiTile] = {}
        self._getters: dict[str, Callable[[SeedCounts], int]] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 6)
        row.setSpacing(10)
        for key, caption, getter in self._tile_specs():
            tile = QtKpiTile(key, caption, alert=key == "open_cases", parent=self)
            self.tiles[key] = tile
            self._getters[key] = getter
            row.addWidget(tile, 1)
        self.last_counts: SeedCounts | None = None
        self._poll = BackgroundPoll(runner, refresh_s, district.counts, self.show_counts, parent=self)

    def _tile_specs(self) -> list[tuple[str, str, Callable[[SeedCounts], int]]]:
        return [
            ("offices", self.tr("Offices"), lambda c: c.offices),
            ("roads", self.tr("Roads"), lambda c: c.roads),
            ("segments", self.tr("Road segments"), lambda c: c.segments),
            ("city_managers", self.tr("City managers"), lambda c: c.city_managers),
            ("road_chiefs", self.tr("Road chiefs"), lambda c: c.road_chiefs),
            ("fixed_cameras", self.tr("Fixed cameras"), lambda c: c.fixed_cameras),
            ("muck_trucks", self.tr("Muck trucks"), lambda c: c.muck_trucks),
            ("enforcement_vehicles", self.tr("Enforcement vehicles"), lambda c: c.enforcement_vehicles),
            ("tdm_terminals", self.tr("TDM terminals"), lambda c: c.tdm_terminals),
            ("open_cases", self.tr("Open cases"), lambda c: c.open_cases),
        ]

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def show_counts(self, counts: SeedCounts) -> None:
        for key, tile in self.tiles.items():
            tile.show_value(self._getters[key](counts))
        self.last_counts = counts
        self.counts_shown.emit(counts)
