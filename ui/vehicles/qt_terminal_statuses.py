"""系统 ▸ 终端状态: every vehicle terminal the gateways hold or held — online or not, on which gateway,
its last frame, its frame and error counts with the last error's reason — so the administrator finds
the truck whose terminal sends broken frames (as Traccar's per-device counters do) or that went quiet.

Read through ``services.terminals`` on a worker and again every ``REFRESH_MS`` while open (the gateways
write the counters every few seconds). A city's 10,000 terminals live in a lazy table model; the
filter (terminal id or plate) and the two toggles (offline only, with errors only) work on it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.desk_commands import TerminalStatus
from commandcenter.services.terminal_service import TerminalService
from ui.background import BackgroundRunner
from ui.district_time import stamp_text

REFRESH_MS = 10_000
_Index = QModelIndex | QPersistentModelIndex


class TerminalStatusModel(QAbstractTableModel):
    COLUMNS = 9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statuses: list[TerminalStatus] = []
        self.online_text, self.offline_text = "", ""
        self.headers: list[str] = []

    def show(self, statuses: list[TerminalStatus]) -> None:
        self.beginResetModel()
        self.statuses = statuses
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.statuses)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        return super().headerData(section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        status = self.statuses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(status, index.column())
        if role == Qt.ItemDataRole.UserRole:  # what the filter and the toggles look at
            return status
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell(self, status: TerminalStatus, column: int) -> str:
        if column == 0:
            return status.terminal_id
        if column == 1:
            return status.plate or "—"
        if column == 2:
            return self.online_text if status.online else self.offline_text
        if column == 3:
            return status.gateway or "—"
        if column == 4:
            return status.protocol or "—"
        if column == 5:
            return stamp_text(status.last_frame_at) if status.last_frame_at else "—"
        if column == 6:
            return str(status.frames)
        if column == 7:
            return str(status.errors)
        return status.last_error


class TerminalFilter(QSortFilterProxyModel):
    """Rows whose terminal id or plate contains the typed text, optionally offline / erring only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.offline_only = False
        self.errors_only = False

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        status: TerminalStatus = model.data(
            model.index(source_row, 0, source_parent), Qt.ItemDataRole.UserRole
        )
        if self.offline_only and status.online:
            return False
        if self.errors_only and not status.errors:
            return False
        return not self.text or self.text in status.terminal_id or self.text in status.plate


class QtTerminalStatuses(QDialog):
    def __init__(
        self, service: TerminalService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.setObjectName("terminalStatuses")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Terminal status"))
        self.resize(1100, 560)
        self.model = TerminalStatusModel(self)
        self.model.online_text, self.model.offline_text = self.tr("Online"), self.tr("Offline")
        self.rows = TerminalFilter(self)
        self.rows.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.model.headers = [
            self.tr("Terminal id"),
            self.tr("Plate"),
            self.tr("State"),
            self.tr("Gateway"),
            self.tr("Protocol"),
            self.tr("Last frame"),
            self.tr("Frames"),
            self.tr("Errors"),
            self.tr("Last error"),
        ]
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Terminal id or plate"))
        self.search.setClearButtonEnabled(True)
        self.offline_box = QCheckBox(self.tr("Offline only"), self)
        self.errors_box = QCheckBox(self.tr("With errors only"), self)
        self.summary = QLabel(self.tr("Loading …"), self)
        controls = QHBoxLayout()
        controls.addWidget(self.search, 1)
        controls.addWidget(self.offline_box)
        controls.addWidget(self.errors_box)
        column = QVBoxLayout(self)
        column.addLayout(controls)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)
        self.search.textChanged.connect(self._filter)
        self.offline_box.toggled.connect(self._filter)
        self.errors_box.toggled.connect(self._filter)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        self.reload()

    def reload(self) -> None:
        self._runner.submit(self._service.terminal_statuses, self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(str(error))

    def _filter(self) -> None:
        self.rows.text = self.search.text().strip()
        self.rows.offline_only = self.offline_box.isChecked()
        self.rows.errors_only = self.errors_box.isChecked()
        self.rows.refilter()
        self._count()

    def _show(self, statuses: list[TerminalStatus]) -> None:
        self.model.show(statuses)
        if self.table.columnWidth(0) < 60 or len(statuses) < 500:
            self.table.resizeColumnsToContents()
        self._count()

    def _count(self) -> None:
        statuses = self.model.statuses
        if not statuses:  # the demo's simulator writes positions itself: no gateway, no sessions
            self.summary.setText(self.tr("No terminal has reported to a gateway yet."))
            return
        online = sum(1 for status in statuses if status.online)
        erring = sum(1 for status in statuses if status.errors)
        self.summary.setText(
            self.tr("%1 terminals: %2 online, %3 offline, %4 with errors; %5 shown")
            .replace("%1", str(len(statuses)))
            .replace("%2", str(online))
            .replace("%3", str(len(statuses) - online))
            .replace("%4", str(erring))
            .replace("%5", str(self.rows.rowCount()))
        )
