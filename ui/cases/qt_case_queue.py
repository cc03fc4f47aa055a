"""The case queue dock: the most recent cases, newest first, refreshed when the store changes.

Polls the cheap ``change_marker`` every two seconds in the background and fetches the rows only
when it moved, so an idle queue costs two MAX() queries, not a 200-row join, per tick.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from commandcenter.persistence.store import CaseRow, Store
from ui.background import BackgroundPoll, BackgroundRunner
from ui.cases.case_table_model import CaseTableModel

Marker = tuple[int, int]


class QtCaseQueue(QWidget):
    def __init__(
        self,
        store: Store,
        runner: BackgroundRunner,
        *,
        poll_s: float = 2.0,
        limit: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._limit = limit
        self.marker: Marker | None = None
        self.model = CaseTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseTableModel.ADDRESS, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CaseTableModel.NUMBER, 170),
            (CaseTableModel.CATEGORY, 150),
            (CaseTableModel.STATUS, 90),
            (CaseTableModel.OFFICE, 140),
            (CaseTableModel.TIME, 120),
        ):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._poll = BackgroundPoll(runner, poll_s, self._fetch_if_changed, self._show, parent=self)

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def _fetch_if_changed(self) -> tuple[Marker, list[CaseRow] | None]:
        """Runs on a worker thread. Reads ``self.marker`` (written only on the Qt thread): at worst
        a stale read costs one extra fetch."""
        marker = self._store.change_marker()
        if marker == self.marker:
            return marker, None
        return marker, self._store.recent_cases(self._limit)

    def _show(self, result: tuple[Marker, list[CaseRow] | None]) -> None:
        marker, rows = result
        self.marker = marker
        if rows is not None:
            self.model.set_rows(rows)
