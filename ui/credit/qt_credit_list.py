"""The 失信名单 tab: who is on the joint-punishment list now — kind, name, identifier, since when,
which threshold, until when, how many violations count — with the export to CSV or Excel and, for a
supervisor, taking a listing off by hand (with the reason typed beside the button)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.credit import ListedViolator
from commandcenter.services.credit_service import CreditService
from ui.background import BackgroundRunner
from ui.credit.credit_words import basis_text, kind_name
from ui.district_time import stamp_text


class QtCreditList(QWidget):
    changed = Signal()  # a listing was removed: the other tabs read again

    def __init__(
        self, service: CreditService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.rows: list[ListedViolator] = []
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("Identifier"),
                self.tr("Listed at"),
                self.tr("Reason"),
                self.tr("Expires"),
                self.tr("Violations"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message = QLabel(self.tr("Loading …"), self)
        self.message.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.removal_note = QLineEdit(self)
        self.removal_note.setPlaceholderText(self.tr("Why the listing is removed"))
        self.remove_button = QPushButton(self.tr("Remove from list"), self)
        for widget in (self.removal_note, self.remove_button):
            widget.setVisible(service.may_decide)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.removal_note)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.xlsx_button)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(bottom)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.remove_button.clicked.connect(self.remove_selected)

    def reload(self) -> None:
        self._runner.submit(self._service.listed, self._show, self._failed)

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error))

    def _show(self, rows: list[ListedViolator]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = (
                kind_name(row.violator.kind),
                row.violator.name,
                row.violator.identifier,
                stamp_text(row.listing.listed_at),
                basis_text(row.listing),
                stamp_text(row.listing.expires_at),
                str(row.violations),
            )
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.message.setText(self.tr("%1 on the list").replace("%1", str(len(rows))))

    def _ask_export(self, fmt: str) -> None:
        pattern = self.tr("CSV (*.csv)") if fmt == "csv" else self.tr("Excel (*.xlsx)")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the list"), f"失信名单.{fmt}", pattern)
        if name:
            self.export_to(name, fmt)

    def export_to(self, path: str, fmt: str) -> None:
        def done(count: int) -> None:
            self.message.setText(
                self.tr("Exported %1 rows to %2").replace("%1", str(count)).replace("%2", path)
            )

        self._runner.submit(lambda: self._service.export(path, fmt), done, self._failed)

    def remove_selected(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen:
            self.message.setText(self.tr("Select a row of the list first."))
            return
        violator = self.rows[chosen[0].row()].violator
        note = self.removal_note.text()

        def done(_change: object) -> None:
            self.removal_note.clear()
            self.message.setText(self.tr("%1 removed from the list.").replace("%1", violator.name))
            self.changed.emit()

        self._runner.submit(lambda: self._service.remove_listing(violator.id, note), done, self._failed)
