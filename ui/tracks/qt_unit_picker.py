"""The unit picker of track playback: every unit by kind and label, a search box for a plate or a
name, several selectable at once (a group is played together)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from commandcenter.domain.units import TrackUnit

_UNIT = Qt.ItemDataRole.UserRole


class QtUnitPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[int, str] = {}
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Search a plate or a name"))
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.list, 1)

    def show_units(self, units: list[TrackUnit]) -> None:
        kinds = {
            "patroller": self.tr("Patroller"),
            "muck_truck": self.tr("Muck truck"),
            "enforcement": self.tr("Enforcement vehicle"),
        }
        self.list.clear()
        for unit in units:
            self.labels[unit.id] = unit.label
            item = QListWidgetItem(f"{unit.label}  ·  {kinds.get(unit.kind, unit.kind)}")
            item.setData(_UNIT, unit.id)
            self.list.addItem(item)
        self._filter(self.filter.text())

    def selected_ids(self) -> list[int]:
        return [int(item.data(_UNIT)) for item in self.list.selectedItems()]

    def _filter(self, text: str) -> None:
        needle = text.strip()
        for index in range(self.list.count()):
            item = self.list.item(index)
            item.setHidden(bool(needle) and needle not in item.text())
