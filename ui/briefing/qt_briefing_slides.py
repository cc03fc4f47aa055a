"""The briefing screen's pages apart from the live map: the office ranking, each office's day (bars
and a table) and one page per module of the scripted presentation. Tables keep their items and only
change their text on a refresh. Type is large: readable from 5 m on a wall display."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from commandcenter.evaluation.assessment import OfficeAssessment
from commandcenter.evaluation.daily import DailyRow
from commandcenter.reports.model import NOTHING
from ui.briefing.briefing_slides import ModuleSlide


class QtBigTable(QTableWidget):
    """A read-only table in large type whose cells are reused on every refresh."""

    def __init__(
        self,
        headers: Sequence[str],
        parent: QWidget | None = None,
        *,
        name_column: int = 0,
        compact: bool = False,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setObjectName("briefingTable")
        self.setProperty("compact", compact)  # 18 offices beside the map: a smaller size
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(name_column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_rows(self, rows: Sequence[Sequence[str]]) -> None:
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.setItem(r, c, item)
                elif item.text() != text:
                    item.setText(text)


def ranking_rows(rows: Sequence[OfficeAssessment]) -> list[list[str]]:
    return [
        [
            str(row.rank),
            row.office,
            row.grade or NOTHING,
            NOTHING if row.final is None else f"{row.final:.2f}",
        ]
        for row in rows
    ]


def daily_rows(rows: Sequence[DailyRow]) -> list[list[str]]:
    return [
        [
            row.office,
            str(row.received),
            str(row.dispatched),
            str(row.closed),
            str(row.overdue_open),
            NOTHING if row.patrol is None else str(row.patrol.on_duty),
        ]
        for row in rows
    ]


class QtModulePage(QWidget):
    """One module of the presentation: its name and three lines."""

    def __init__(self, slide: ModuleSlide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingModule")
        shown = slide.translated()
        self.title = QLabel(shown.title, self)
        self.title.setObjectName("briefingModuleTitle")
        column = QVBoxLayout(self)
        column.setContentsMargins(120, 60, 120, 60)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addSpacing(40)
        for line in shown.lines:
            label = QLabel(f"●  {line}", self)
            label.setObjectName("briefingModuleLine")
            label.setWordWrap(True)
            column.addWidget(label)
        column.addStretch(2)
