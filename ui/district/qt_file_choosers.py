"""The files of one delivery, one row per kind (offices, roads, segments, staff, vehicles, cameras):
the chosen file's name, a button to choose it and one to clear it; and the datum the GeoJSON and
camera coordinates are in. ``changed`` fires on any change, so a check made before no longer counts.
Any kind may stay empty: an import may add staff to a district already loaded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QGridLayout, QLabel, QPushButton, QWidget

from commandcenter.district_data.importer import DistrictFiles
from commandcenter.geo.datum import Datum
from ui.district.district_words import DATUMS, word

KINDS = ("offices", "roads", "segments", "staff", "vehicles", "cameras")


def datum_combo(parent: QWidget) -> QComboBox:
    """WGS-84 / GCJ-02 / BD-09, the ``Datum`` as item data."""
    combo = QComboBox(parent)
    for datum in Datum:
        combo.addItem(word(DATUMS, datum), datum)
    return combo


class QtFileChoosers(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: dict[str, Path | None] = dict.fromkeys(KINDS)
        titles = {
            "offices": self.tr("Office boundaries"),
            "roads": self.tr("Roads"),
            "segments": self.tr("Road segments"),
            "staff": self.tr("Staff"),
            "vehicles": self.tr("Vehicles"),
            "cameras": self.tr("Cameras"),
        }
        self._filters = {
            "offices": self.tr("GeoJSON files (*.geojson *.json)"),
            "roads": self.tr("GeoJSON files (*.geojson *.json)"),
            "segments": self.tr("GeoJSON files (*.geojson *.json)"),
            "staff": self.tr("Tables (*.csv *.xlsx)"),
            "vehicles": self.tr("Tables (*.csv *.xlsx)"),
            "cameras": self.tr("Camera lists (*.csv *.json)"),
        }
        self._titles = titles
        self.names: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for row, kind in enumerate(KINDS):
            name = QLabel(self)
            name.setObjectName("districtFileName")
            choose = QPushButton(self.tr("Choose…"), self)
            choose.clicked.connect(lambda _checked=False, k=kind: self.choose(k))
            clear = QPushButton(self.tr("Clear"), self)
            clear.clicked.connect(lambda _checked=False, k=kind: self.set_path(k, None))
            grid.addWidget(QLabel(titles[kind], self), row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(choose, row, 2)
            grid.addWidget(clear, row, 3)
            self.names[kind] = name
            self._show(kind)
        self.datum = datum_combo(self)
        self.datum.currentIndexChanged.connect(lambda _index: self.changed.emit())
        grid.addWidget(QLabel(self.tr("Coordinates in"), self), len(KINDS), 0)
        grid.addWidget(self.datum, len(KINDS), 1, 1, 3)

    def choose(self, kind: str) -> None:
        current = self.paths[kind]
        start = str(current.parent) if current else ""
        chosen, _filter = QFileDialog.getOpenFileName(self, self._titles[kind], start, self._filters[kind])
        if chosen:
            self.set_path(kind, Path(chosen))

    def set_path(self, kind: str, path: Path | None) -> None:
        if self.paths[kind] == path:
            return
        self.paths[kind] = path
        self._show(kind)
        self.changed.emit()

    def set_datum(self, datum: Datum) -> None:
        self.datum.setCurrentIndex(self.datum.findData(datum))

    def _show(self, kind: str) -> None:
        path = self.paths[kind]
        label = self.names[kind]
        label.setText(path.name if path else self.tr("(none)"))
        label.setToolTip(str(path) if path else "")

    def files(self) -> DistrictFiles:
        p = self.paths
        datum = Datum(self.datum.currentData())
        return DistrictFiles(
            p["offices"], p["roads"], p["segments"], p["staff"], p["vehicles"], p["cameras"], datum
        )
