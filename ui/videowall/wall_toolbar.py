"""The wall's toolbar: the layout chooser, full screen, and "send this view to a monitor".

It only emits what the operator asked for; the wall and its window manager act on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from commandcenter.wall.layouts import MENU_NAMES
from ui.theme import MUTED, PANEL


class WallToolbar(QWidget):
    layout_chosen = Signal(str)
    full_screen_requested = Signal()
    send_to_screen = Signal(str)  # QScreen.name()
    snapshot_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallToolbar")
        self.setStyleSheet(f"#wallToolbar {{ background: {PANEL}; }} QLabel {{ color: {MUTED}; }}")
        self.setAutoFillBackground(True)
        self.layouts = QComboBox(self)
        self.layouts.setObjectName("wallLayoutChooser")
        self.layouts.addItems(list(MENU_NAMES))
        self.layouts.activated.connect(lambda _i: self.layout_chosen.emit(self.layouts.currentText()))
        self.full_screen = QToolButton(self)
        self.full_screen.setText(self.tr("Full screen"))
        self.full_screen.clicked.connect(self.full_screen_requested)
        self.screens = QToolButton(self)
        self.screens.setText(self.tr("Send to monitor"))
        self.screens.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.screens.setMenu(QMenu(self.screens))
        self.screens.menu().aboutToShow.connect(self._fill_screens)
        self.snapshot = QToolButton(self)
        self.snapshot.setText(self.tr("Snapshot"))
        self.snapshot.setToolTip(self.tr("Save the selected tile's picture"))
        self.snapshot.clicked.connect(self.snapshot_requested)
        self.budget = QProgressBar(self)
        self.budget.setObjectName("wallBudget")
        self.budget.setRange(0, 100)
        self.budget.setFixedWidth(160)
        self.budget.hide()  # until the budget is measured
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(QLabel(self.tr("Layout"), self))
        row.addWidget(self.layouts)
        row.addWidget(self.full_screen)
        row.addWidget(self.screens)
        row.addWidget(self.snapshot)
        row.addStretch(1)
        row.addWidget(self.budget)

    def add_tool(self, widget: QWidget) -> None:
        """Another control (saved views, tours) after the built-in ones, before the budget meter."""
        self._row.insertWidget(self._stretch_index(), widget)

    def add_notice(self, label: QLabel) -> None:
        """A status line right of the free space, before the meter (it may be clipped, not the tools)."""
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._row.insertWidget(self._stretch_index() + 1, label, 1)

    def _stretch_index(self) -> int:
        items = [self._row.itemAt(i) for i in range(self._row.count())]
        return next(i for i, item in enumerate(items) if item is not None and item.spacerItem() is not None)

    def show_layout(self, name: str) -> None:
        if self.layouts.findText(name) < 0:
            self.layouts.addItem(name)
        self.layouts.setCurrentText(name)

    def show_budget(self, used: float) -> None:
        """The share of the decode budget the wall's tiles use now (1.0 = all of it)."""
        self.budget.setValue(min(100, round(used * 100)))
        self.budget.setFormat(self.tr("Decode %p%"))
        self.budget.setToolTip(
            self.tr("Share of this workstation's measured decode capacity used by the wall's tiles")
        )
        self.budget.show()

    def _fill_screens(self) -> None:
        menu = self.screens.menu()
        menu.clear()
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            text = f"{screen.name()} ({geometry.width()}×{geometry.height()})"
            action = menu.addAction(text)
            action.setData(screen.name())
            action.triggered.connect(lambda _checked=False, a=action: self.send_to_screen.emit(a.data()))
