"""The small bar above the map: filter by kind, state and office, search a plate or a name, follow.

It only collects the operator's choices and emits them; the map decides what they mean.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from commandcenter.mapping.unit_frame import KINDS, MotionState, UnitFilter
from ui.map.unit_words import state_name


class MapToolbar(QWidget):
    filter_changed = Signal()
    search_requested = Signal(str)
    follow_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All units"), None)
        for index, title in enumerate(
            (self.tr("City managers"), self.tr("Muck trucks"), self.tr("Enforcement vehicles"))
        ):
            self.kind.addItem(title, index)
        assert self.kind.count() == len(KINDS) + 1
        self.state = QComboBox(self)
        self.state.addItem(self.tr("Any state"), None)
        for state in MotionState:
            self.state.addItem(state_name(state), int(state))
        self.office = QComboBox(self)
        self.office.addItem(self.tr("All offices"), None)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Plate or name"))
        self.search.setClearButtonEnabled(True)
        self.follow = QPushButton(self.tr("Follow"), self)
        self.follow.setCheckable(True)
        self.follow.setEnabled(False)
        self.message = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.kind, self.state, self.office, self.search, self.follow, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        # A narrow map dock must stay possible: the bar then clips instead of widening the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        for combo in (self.kind, self.state, self.office):
            combo.currentIndexChanged.connect(self.filter_changed)
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        self.follow.toggled.connect(self.follow_toggled)

    def set_offices(self, names: dict[int, str]) -> None:
        for office_id, name in sorted(names.items()):
            self.office.addItem(name, office_id)

    def unit_filter(self) -> UnitFilter:
        def chosen(combo: QComboBox) -> tuple[int, ...]:
            value = combo.currentData()
            return () if value is None else (int(value),)

        return UnitFilter(kinds=chosen(self.kind), states=chosen(self.state), offices=chosen(self.office))
