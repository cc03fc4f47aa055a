"""The selected 待甄别 item's decision: fix its place (a click on the pick map, or lon/lat typed) and
its category, then 受理 Accept — or 驳回 Reject with the reason the reporter receives.

The panel only collects the operator's choice and emits it; ``QtReviewList`` runs the call on the
background runner and hands the answer back (``show_refusal`` / ``clear``). A place left as it was
is sent as "as reported" (None), so a report in GCJ-02 keeps its own datum through intake.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.categories import CategoryRecord
from commandcenter.domain.reviews import ReviewItem
from ui.cases.qt_mini_map import MiniMapScene
from ui.cases.qt_pick_map import QtPickMap


def _degrees(low: float, high: float, parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(6)
    box.setSingleStep(0.0005)
    return box


class QtReviewDecision(QWidget):
    accept_requested = Signal(int, str, object, object, str)  # id, category code, lon|None, lat|None, note
    reject_requested = Signal(int, str)  # id, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDecision")
        self.item: ReviewItem | None = None
        self._place_fixed = False
        self._filling = False
        self._decidable = False
        self.map = QtPickMap(self)
        self.map.picked.connect(self._picked)
        self.lon = _degrees(-180.0, 180.0, self)
        self.lat = _degrees(-90.0, 90.0, self)
        for box in (self.lon, self.lat):
            box.valueChanged.connect(self._typed)
        self.place_state = QLabel(self)
        self.category = QComboBox(self)
        self.category.setPlaceholderText(self.tr("Choose a category"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.clicked.connect(self._accept)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason the reporter will receive"))
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.clicked.connect(self._reject)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._arrange()
        self.show_item(None)

    def _arrange(self) -> None:
        form = QFormLayout()
        place = QHBoxLayout()
        place.addWidget(self.lon)
        place.addWidget(self.lat)
        form.addRow(self.tr("Longitude, latitude"), place)
        form.addRow("", self.place_state)
        form.addRow(self.tr("Category"), self.category)
        accept_row = QHBoxLayout()
        accept_row.addWidget(self.note, 1)
        accept_row.addWidget(self.accept_button)
        form.addRow(accept_row)
        reject_row = QHBoxLayout()
        reject_row.addWidget(self.reason, 1)
        reject_row.addWidget(self.reject_button)
        form.addRow(reject_row)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.map, 1)
        column.addLayout(form)
        column.addWidget(self.message)

    def set_categories(self, categories: list[CategoryRecord]) -> None:
        """The active categories to choose from (``code name``); the item's own is chosen if known."""
        chosen = self.chosen_code()
        self.category.clear()
        for record in categories:
            if record.active:
                self.category.addItem(f"{record.code} {record.name}", record.code)
        self._choose(chosen or (self.item.category_code if self.item else ""))

    def set_decidable(self, allowed: bool) -> None:
        """A leader reads the list; only the center decides."""
        self._decidable = allowed
        self._enable()

    def show_item(self, item: ReviewItem | None) -> None:
        self.item = item
        self._place_fixed = False
        self._filling = True
        if item is not None and item.lon is not None and item.lat is not None:
            self.lon.setValue(item.lon)
            self.lat.setValue(item.lat)
            self.map.show_scene(MiniMapScene(item.lon, item.lat, [], []))
        else:
            self.map.show_scene(None)
        self._filling = False
        self._choose(item.category_code if item else "")
        self.note.clear()
        self.reason.clear()
        self.message.clear()
        self._show_place_state()
        self._enable()

    def show_refusal(self, text: str) -> None:
        self.message.setText(text)
        self._enable()

    def busy(self) -> None:
        self.accept_button.setEnabled(False)
        self.reject_button.setEnabled(False)

    def chosen_code(self) -> str:
        code = self.category.currentData()
        return code if isinstance(code, str) else ""

    def fix_place(self, lon: float, lat: float) -> None:
        """Type a corrected place (WGS-84), as an operator would in the two boxes."""
        self.lon.setValue(lon)
        self.lat.setValue(lat)

    def _choose(self, code: str) -> None:
        self.category.setCurrentIndex(self.category.findData(code) if code else -1)

    def _enable(self) -> None:
        allowed = self.item is not None and self._decidable
        for widget in (self.accept_button, self.reject_button, self.category, self.lon, self.lat, self.map):
            widget.setEnabled(allowed)

    def _picked(self, lon: float, lat: float) -> None:
        self.fix_place(lon, lat)

    def _typed(self) -> None:
        if self._filling:
            return
        self._place_fixed = True
        self.map.show_scene(MiniMapScene(self.lon.value(), self.lat.value(), [], []))
        self._show_place_state()

    def _show_place_state(self) -> None:
        if self._place_fixed:
            self.place_state.setText(self.tr("Place corrected (WGS-84)"))
        else:
            self.place_state.setText(self.tr("Place as reported"))

    def _accept(self) -> None:
        if self.item is None:
            return
        code = self.chosen_code()
        if not code:
            self.message.setText(self.tr("Choose a category first"))
            return
        lon, lat = (self.lon.value(), self.lat.value()) if self._place_fixed else (None, None)
        self.busy()
        self.accept_requested.emit(self.item.id, code, lon, lat, self.note.text())

    def _reject(self) -> None:
        if self.item is None:
            return
        if not self.reason.text().strip():
            self.message.setText(self.tr("Write the reason the reporter will receive"))
            return
        self.busy()
        self.reject_requested.emit(self.item.id, self.reason.text())
