"""A search box over a list of answers, asked on a worker a moment after the typing stops: what the
新建案件 form finds places and categories with. Answers of an older text that arrive late are dropped,
so the list always shows what the box says."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.background import BackgroundRunner
from ui.district.failures import failure_text

DEBOUNCE_MS = 250


class QtSearchList(QWidget):
    chosen = Signal(object)  # the answer clicked (or the first, on Enter)
    answered = Signal()  # a list of answers arrived (tests wait on it)

    def __init__(
        self,
        search: Callable[[str], Sequence[object]],
        describe: Callable[[object], str],
        runner: BackgroundRunner,
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.search, self.describe, self.runner = search, describe, runner
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(110)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.found: list[object] = []
        self._asked = 0  # the newest question; older answers are dropped
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self._choose_first)
        self.results.itemClicked.connect(self._clicked)
        self.results.itemActivated.connect(self._clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.edit)
        column.addWidget(self.results)
        column.addWidget(self.problem)

    def search_now(self) -> None:
        self._timer.stop()
        self._asked += 1
        asked, text, search = self._asked, self.edit.text(), self.search
        self.runner.submit(lambda: search(text), lambda found: self._show(asked, found), self._failed)

    def clear(self) -> None:
        self.edit.clear()
        self._asked += 1
        self._show(self._asked, [])

    def _show(self, asked: int, found: Sequence[object]) -> None:
        if asked != self._asked:
            return
        self.problem.hide()
        self.found = list(found)
        self.results.clear()
        for row, answer in enumerate(self.found):
            item = QListWidgetItem(self.describe(answer))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        self.answered.emit()

    def _failed(self, error: Exception) -> None:
        self.problem.setText(failure_text(error))
        self.problem.show()

    def _clicked(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(row, int) and 0 <= row < len(self.found):
            self.chosen.emit(self.found[row])

    def _choose_first(self) -> None:
        if self.found:
            self.results.setCurrentRow(0)
            self.chosen.emit(self.found[0])
