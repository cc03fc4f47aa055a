"""The PTZ pad (云台) shown on the selected tile of a platform dome camera: eight directions held down
to move, zoom, focus and iris, the camera's presets (go to, set under a name), a cruise start, and a
line saying when the platform refused or lost control.

libVLC draws into native windows that cover ordinary widgets, so the pad is a small frameless tool
window of its own over the tile's picture (``wall_ptz`` keeps it there); only the tile being steered
has one shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from commandcenter.catalog.wvp_ptz import LensMove, Preset, PtzMove
from ui.theme import ACCENT, PANEL

ARROWS = (
    ("↖", PtzMove.UP_LEFT),
    ("↑", PtzMove.UP),
    ("↗", PtzMove.UP_RIGHT),
    ("←", PtzMove.LEFT),
    (None, PtzMove.STOP),
    ("→", PtzMove.RIGHT),
    ("↙", PtzMove.DOWN_LEFT),
    ("↓", PtzMove.DOWN),
    ("↘", PtzMove.DOWN_RIGHT),
)
BUTTON_PX = 24


class PtzPad(QFrame):
    turn = Signal(object)  # PtzMove; STOP when a held button is let go
    lens = Signal(object)  # LensMove
    go_to_preset = Signal(int)
    set_preset = Signal(int, str)  # number, name (the current position is stored)
    cruise = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ptzPad")
        # Its own small window above the tile: a native child would make the tile's other children
        # native too (Qt's native siblings), and the wall's video surfaces stop showing.
        self.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setStyleSheet(
            f"#ptzPad {{ background: {PANEL}; border: 1px solid {ACCENT}; }}"
            "#ptzPad QPushButton { padding: 0px; min-width: 24px; min-height: 22px; }"
        )
        grid = QGridLayout()
        grid.setSpacing(2)
        for index, (text, command) in enumerate(ARROWS):
            label = text or "■"
            tip = self.tr("Stop") if text is None else self.tr("Hold to turn the camera")
            button = self._held(
                label, tip, partial(self.turn.emit, command), partial(self.turn.emit, PtzMove.STOP)
            )
            grid.addWidget(button, index // 3, index % 3)
        lens_rows: tuple[tuple[str, tuple[str, PtzMove | LensMove], tuple[str, PtzMove | LensMove]], ...] = (
            (self.tr("Zoom"), ("+", PtzMove.ZOOM_IN), ("−", PtzMove.ZOOM_OUT)),
            (self.tr("Focus"), ("+", LensMove.FOCUS_FAR), ("−", LensMove.FOCUS_NEAR)),
            (self.tr("Iris"), ("+", LensMove.IRIS_OPEN), ("−", LensMove.IRIS_CLOSE)),
        )
        for row, (title, more, less) in enumerate(lens_rows):
            grid.addWidget(QLabel(title, self), row, 3)
            for offset, (text, lens_command) in enumerate((more, less)):
                grid.addWidget(self._lens_button(text, title, lens_command), row, 4 + offset)
        self.presets = QComboBox(self)
        self.presets.setObjectName("ptzPresets")
        self.presets.setEditable(True)  # a new preset's name is typed here
        self.presets.setMinimumWidth(110)
        editor = self.presets.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Preset"))
        go = QPushButton(self.tr("Go"), self)
        go.setObjectName("ptzGoPreset")
        go.clicked.connect(self._go)
        store = QPushButton(self.tr("Set"), self)
        store.setObjectName("ptzSetPreset")
        store.setToolTip(self.tr("Store the camera's current position under the typed name"))
        store.clicked.connect(self._store)
        cruise = QPushButton(self.tr("Cruise"), self)
        cruise.setObjectName("ptzCruise")
        cruise.clicked.connect(self.cruise)
        presets_row = QHBoxLayout()
        presets_row.setSpacing(2)
        for widget in (self.presets, go, store, cruise):
            presets_row.addWidget(widget)
        self.status = QLabel(self)
        self.status.setObjectName("ptzStatus")
        self.status.setWordWrap(True)
        outer = QGridLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(3)
        outer.addLayout(grid, 0, 0)
        outer.addLayout(presets_row, 1, 0)
        outer.addWidget(self.status, 2, 0)
        self._known: list[Preset] = []

    def _held(
        self, text: str, tip: str, pressed: Callable[[], None], released: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setFixedSize(BUTTON_PX, BUTTON_PX - 2)
        button.pressed.connect(pressed)
        button.released.connect(released)
        return button

    def _lens_button(self, text: str, title: str, command: PtzMove | LensMove) -> QPushButton:
        if isinstance(command, PtzMove):
            return self._held(
                text, title, lambda: self.turn.emit(command), lambda: self.turn.emit(PtzMove.STOP)
            )
        stop = LensMove.FOCUS_STOP if command.value.startswith("focus") else LensMove.IRIS_STOP
        return self._held(text, title, lambda: self.lens.emit(command), lambda: self.lens.emit(stop))

    # ------------------------------------------------------------------ presets
    def show_presets(self, presets: list[Preset]) -> None:
        self._known = list(presets)
        self.presets.clear()
        for preset in presets:
            self.presets.addItem(f"{preset.number} {preset.name}", preset.number)

    def _go(self) -> None:
        number = self.presets.currentData()
        if isinstance(number, int):
            self.go_to_preset.emit(number)

    def _store(self) -> None:
        """The typed text names the preset; it takes the next free number (or keeps a chosen one's)."""
        text = self.presets.currentText().strip()
        chosen = self.presets.currentData()
        used = {preset.number for preset in self._known}
        if isinstance(chosen, int) and text == self.presets.itemText(self.presets.currentIndex()):
            number, name = chosen, text.split(" ", 1)[-1]
        else:
            number, name = next(n for n in range(1, 256) if n not in used), text
        self.set_preset.emit(number, name or str(number))

    # ------------------------------------------------------------------ what the platform said
    def say(self, text: str, refused: bool = False) -> None:
        self.status.setStyleSheet("color: #f87171;" if refused else "")
        self.status.setText(text)
