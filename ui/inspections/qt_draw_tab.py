"""Drawing a round: the period (month 2026-12 or ISO week 2026-W49), 明察 or 暗访, the group size and
the pairing window; "Preview" shows the groups a draw makes now (nothing stored), "Confirm" stores
exactly those (the service draws again from the previewed seed and refuses if the pool changed).
A pool that cannot satisfy the rules is said in the core's words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.inspections import DrawPreview, InspectionKind, PairingWindow
from commandcenter.services.inspection_service import (
    DEFAULT_GROUP_SIZE,
    MAX_GROUP_SIZE,
    InspectionOverview,
    InspectionService,
)
from ui.background import BackgroundRunner


class QtDrawTab(QWidget):
    stored = Signal()  # a round was stored

    def __init__(
        self, service: InspectionService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.preview: DrawPreview | None = None
        self.offices: dict[int, str] = {}
        self.names: dict[int, str] = {}
        today = date.today()
        self.period = QLineEdit(f"{today.year:04d}-{today.month:02d}", self)
        self.period.setObjectName("drawPeriod")
        self.period.setPlaceholderText(self.tr("2026-12 (month) or 2026-W49 (week)"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("drawKind")
        for kind in InspectionKind:
            self.kind.addItem(kind.value, kind.value)  # 明察 / 暗访: domain words
        self.group_size = QSpinBox(self)
        self.group_size.setObjectName("drawSize")
        self.group_size.setRange(1, MAX_GROUP_SIZE)
        self.group_size.setValue(DEFAULT_GROUP_SIZE)
        self.pairing = QComboBox(self)
        self.pairing.setObjectName("drawWindow")
        for pairing, label in (
            (PairingWindow.QUARTER, self.tr("Quarter")),
            (PairingWindow.MONTH, self.tr("Month")),
            (PairingWindow.YEAR, self.tr("Year")),
        ):
            self.pairing.addItem(label, pairing.value)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Inspectors per group"), self.group_size)
        form.addRow(self.tr("No repeated pairing within"), self.pairing)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("drawPreview")
        self.confirm_button = QPushButton(self.tr("Confirm and store"), self)
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.setEnabled(False)
        self.preview_button.clicked.connect(self.ask_preview)
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        self.groups = QTableWidget(0, 2, self)
        self.groups.setObjectName("drawGroups")
        self.groups.setHorizontalHeaderLabels([self.tr("Office inspected"), self.tr("Inspectors")])
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("drawMessage")
        self.message.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.groups)
        column.addWidget(self.message)

    def show_overview(self, overview: InspectionOverview) -> None:
        self.offices = overview.offices
        self.names = {inspector.id: inspector.name for inspector in overview.pool}

    def ask_preview(self) -> None:
        period, kind, size = self.period.text(), self.kind.currentData(), self.group_size.value()
        window = self.pairing.currentData()

        def job() -> DrawPreview:
            return self.service.preview(period, kind, group_size=size, window=window)

        self.preview = None
        self.confirm_button.setEnabled(False)
        self.message.setText(self.tr("Drawing …"))
        self.runner.submit(job, self._previewed, self._refused)

    def _previewed(self, preview: DrawPreview) -> None:
        self.preview = preview
        self.groups.setRowCount(len(preview.groups))
        for row, (office, members) in enumerate(preview.groups):
            self.groups.setItem(row, 0, QTableWidgetItem(self.offices.get(office, str(office))))
            people = "、".join(self.names.get(member, str(member)) for member in members)
            self.groups.setItem(row, 1, QTableWidgetItem(people))
        self.groups.resizeColumnToContents(0)
        text = self.tr("Preview of %1 (%2), pairing window %3, seed %4: not stored yet.")
        for marker, value in (("%1", preview.period), ("%2", preview.kind.value), ("%3", preview.window)):
            text = text.replace(marker, value)
        self.message.setText(text.replace("%4", str(preview.seed)))
        self.confirm_button.setEnabled(True)

    def confirm(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self.confirm_button.setEnabled(False)
        self.message.setText(self.tr("Storing …"))
        self.runner.submit(lambda: self.service.confirm(preview), self._stored, self._refused)

    def _stored(self, round_id: int) -> None:
        self.preview = None
        self.message.setText(self.tr("Round %1 stored.").replace("%1", str(round_id)))
        self.stored.emit()

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" line: why the pool cannot
