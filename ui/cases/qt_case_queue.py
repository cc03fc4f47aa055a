"""The case queue dock: counters (open, awaiting dispatch, due within the hour, overdue) over the open
cases in urgency order. A view of the ``CaseDesk``: it redraws when the board changes and every
half minute (countdowns), keeps the operator's selection by case id, and asks for a case's detail
on double-click or Return. A case still awaiting dispatch (left with 稍后, returned with 退回, or never
shown) is dispatched at any time: 派遣… in its right-click menu, or D, brings it into the pop-up with the
same recommendations; a case handed out and not signed for is re-dispatched the same way (改派…) or
escalated one level up (升级, E). Under the offline banner, the dispatch notice tells how
the operator's last dispatch ended (taken by someone else, voided, refused).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from commandcenter.cases.dispatch import DispatchKind, dispatch_kind
from commandcenter.domain.cases import BoardCase
from ui.cases.case_desk import CaseDesk
from ui.cases.case_table_model import CaseTableModel
from ui.cases.case_words import escalation_label
from ui.cases.qt_dispatch_notice import QtDispatchNotice
from ui.cases.qt_offline_banner import QtOfflineBanner
from ui.throttle import Throttle

COUNTDOWN_REFRESH_MS = 30_000
REDRAW_MS = 250  # full re-sort: changes and removals (arrivals are inserted at once)
COUNT_MS = 100


class QtCounter(QLabel):
    """One counter of the queue header; ``level`` (QSS property) colours it when it is not zero."""

    def __init__(self, caption: str, level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueCounter")
        self.caption = caption
        self.level = level
        self.value = 0
        self.show_value(0)

    def show_value(self, value: int) -> None:
        self.value = value
        self.setText(f"{self.caption}  <b>{value:,}</b>")
        self.setProperty("level", self.level if value else "none")
        self.style().unpolish(self)
        self.style().polish(self)


class QtCaseQueue(QWidget):
    case_activated = Signal(object)  # BoardCase: open its detail
    dispatch_requested = Signal(object)  # BoardCase to (re-)dispatch: into the pop-up, at any time

    def __init__(self, desk: CaseDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        # a department desk counts down its own hand-off deadline (联动), the others the case's
        handoff = None if desk.services.reads_district else (lambda case: case.handoff_deadline_at)
        self.model = CaseTableModel(
            desk.board, self, escalation=desk.escalation_suggestion, deadline_of=handoff
        )
        self.banner = QtOfflineBanner(desk, self)
        self.notice = QtDispatchNotice(desk, self)  # how the operator's last dispatch ended
        self.counters = {
            "open": QtCounter(self.tr("Open"), "info", self),
            "unassigned": QtCounter(self.tr("Awaiting dispatch"), "info", self),
            "due_within_hour": QtCounter(self.tr("Due within 1 h"), "warning", self),
            "overdue": QtCounter(self.tr("Overdue"), "danger", self),
            "unacknowledged": QtCounter(self.tr("Not signed for"), "warning", self),
        }
        self.menu: QMenu | None = None  # the row's right-click menu, while open
        self.table = self._build_table()
        strip = QHBoxLayout()
        strip.setContentsMargins(8, 4, 8, 4)
        strip.setSpacing(16)
        for counter in self.counters.values():
            strip.addWidget(counter)
        strip.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.notice)
        column.addLayout(strip)
        column.addWidget(self.table, 1)
        self._ticker = QTimer(self)
        self._ticker.setInterval(COUNTDOWN_REFRESH_MS)
        self._ticker.timeout.connect(self.refresh)
        # A burst changes the board dozens of times a second: redraw at most every REDRAW_MS.
        self._redraw = Throttle(REDRAW_MS, self.refresh, self)
        self._count = Throttle(COUNT_MS, self._show_counters, self)
        desk.board_changed.connect(self._redraw.poke)
        desk.cases_arrived.connect(self._arrived)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        # Clip instead of eliding: eliding measures every cell's text on every repaint, and a busy
        # queue repaints each time a case arrives (measured 4× the paint cost under Xvfb). The
        # address tooltip shows the whole text.
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(30)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CaseTableModel.ADDRESS, QHeaderView.ResizeMode.Stretch)
        widths = {
            CaseTableModel.NUMBER: 150,
            CaseTableModel.CATEGORY: 120,
            CaseTableModel.STATUS: 70,
            CaseTableModel.DEADLINE: 150,  # "3 h 25 min overdue" in English
            CaseTableModel.OFFICE: 120,
            CaseTableModel.ASSIGNEE: 80,
            CaseTableModel.REPORTERS: 60,
            CaseTableModel.TIME: 100,
        }
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        table.doubleClicked.connect(self._activated)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        # The keyboard way: D dispatches (or re-dispatches) the selected case, E escalates it, Return
        # opens it (a desk works without a mouse).
        keys = (
            (Qt.Key.Key_D, self.dispatch_selected),
            (Qt.Key.Key_E, self.escalate_selected),
            (Qt.Key.Key_Return, self.open_selected),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        return table

    def dispatch_selected(self) -> None:
        case = self.selected_case()
        if case is not None and dispatch_kind(case.status) is not None:
            self.dispatch_requested.emit(case)

    def escalate_selected(self) -> None:
        case = self.selected_case()
        if case is not None:
            self.desk.escalate(case)

    def open_selected(self) -> None:
        case = self.selected_case()
        if case is not None:
            self.case_activated.emit(case)

    def context_menu_for(self, case: BoardCase) -> QMenu:
        """派遣… for a case awaiting dispatch (dismissed with 稍后, returned with 退回, or never shown),
        改派… and 升级 for one handed out and not signed for, 详情 for any."""
        menu = QMenu(self)
        kind = dispatch_kind(case.status)
        label = self.tr("Re-dispatch…  (D)") if kind is DispatchKind.REDISPATCH else self.tr("Dispatch…  (D)")
        dispatch = menu.addAction(label, lambda: self.dispatch_requested.emit(case))
        dispatch.setEnabled(kind is not None)
        step = self.desk.next_escalation(case)
        if step is not None:
            text = self.tr("Escalate to %1  (E)").replace("%1", escalation_label(step))
            menu.addAction(text, lambda: self.desk.escalate(case))
        menu.addAction(self.tr("Details…  (Enter)"), lambda: self.case_activated.emit(case))
        return menu

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        case = self.model.case_at(index.row())
        self.menu = self.context_menu_for(case)
        self.menu.popup(self.table.viewport().mapToGlobal(position))

    def start(self) -> None:
        self._ticker.start()

    def stop(self) -> None:
        self._ticker.stop()

    def selected_case(self) -> BoardCase | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        now = datetime.now(UTC)
        selected = self.selected_case()
        self.model.refresh(now)
        self._show_counters()
        if selected is not None and (row := self.model.row_of(selected.id)) is not None:
            self.table.selectRow(row)

    def _arrived(self, cases: list[BoardCase]) -> None:
        self.model.insert_arrivals(cases)
        self._count.poke()

    def _show_counters(self) -> None:
        counters = self.desk.board.counters(datetime.now(UTC))
        for key, counter in self.counters.items():
            counter.show_value(getattr(counters, key))

    def _activated(self, index: QModelIndex) -> None:
        self.case_activated.emit(self.model.case_at(index.row()))
