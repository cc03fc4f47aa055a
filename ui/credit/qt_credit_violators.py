"""The 失信对象 tab: violators found by name or identifier, the selected one's violations (case,
category, points, who confirmed them and when, until when they count, the appeal), and the appeal's
steps — file it (执法, supervisors) with its grounds, uphold or reject it (a supervisor who did not
confirm it). The note field serves all three."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.credit import AppealStatus, Listing, Violation, Violator
from commandcenter.services.credit_service import CreditService
from ui.background import BackgroundRunner
from ui.credit.credit_words import appeal_text, basis_text, kind_name, removal_text
from ui.district_time import stamp_text


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for number, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(number, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class QtCreditViolators(QWidget):
    changed = Signal()  # an appeal was decided: the list may have changed

    def __init__(
        self, service: CreditService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.violators: list[Violator] = []
        self.violations: list[Violation] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, plate or code"))
        self.people = _table(self, [self.tr("Kind"), self.tr("Name"), self.tr("Identifier")])
        self.records = _table(
            self,
            [
                self.tr("Case"),
                self.tr("Category"),
                self.tr("Points"),
                self.tr("Confirmed by"),
                self.tr("Confirmed at"),
                self.tr("Counts until"),
                self.tr("Appeal"),
                self.tr("Note"),
            ],
        )
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Grounds of the appeal, or the decision's note"))
        self.file_button = QPushButton(self.tr("File appeal"), self)
        self.uphold_button = QPushButton(self.tr("Uphold appeal"), self)
        self.reject_button = QPushButton(self.tr("Reject appeal"), self)
        self.file_button.setVisible(service.may_manage)
        self.note.setVisible(service.may_manage)
        for button in (self.uphold_button, self.reject_button):
            button.setVisible(service.may_decide)
        self.history = QLabel(self)  # the selected violator's listings, current and past
        self.history.setObjectName("creditHistory")
        self.history.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        split = QSplitter(self)
        split.addWidget(self.people)
        split.addWidget(self.records)
        split.setStretchFactor(1, 2)
        actions = QHBoxLayout()
        for widget in (self.note, self.file_button, self.uphold_button, self.reject_button):
            actions.addWidget(widget)
        column = QVBoxLayout(self)
        column.addWidget(self.search)
        column.addWidget(split, 1)
        column.addWidget(self.history)
        column.addLayout(actions)
        column.addWidget(self.message)
        self.search.returnPressed.connect(self.reload)
        self.people.itemSelectionChanged.connect(self._load_violations)
        self.file_button.clicked.connect(self.file_appeal)
        self.uphold_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))

    def reload(self) -> None:
        text = self.search.text()
        self._runner.submit(lambda: self._service.violators(text), self._show_violators, self._failed)

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error))

    def _show_violators(self, violators: list[Violator]) -> None:
        chosen = self.selected_violator()
        self.violators = violators
        _fill(self.people, [(kind_name(v.kind), v.name, v.identifier) for v in violators])
        again = next(
            (n for n, v in enumerate(violators) if chosen and v.id == chosen.id), 0 if violators else -1
        )
        if again >= 0:
            self.people.blockSignals(True)  # one read of the violations below, selection moved or not
            self.people.selectRow(again)
            self.people.blockSignals(False)
            self._load_violations()
        else:
            _fill(self.records, [])

    def selected_violator(self) -> Violator | None:
        rows = self.people.selectionModel().selectedRows()
        return self.violators[rows[0].row()] if rows and rows[0].row() < len(self.violators) else None

    def _load_violations(self) -> None:
        violator = self.selected_violator()
        if violator is not None:
            chosen = violator.id
            self._runner.submit(lambda: self._service.violations(chosen), self._show_violations, self._failed)
            self._runner.submit(lambda: self._service.listings(chosen), self._show_history, self._failed)

    def _show_violations(self, violations: list[Violation]) -> None:
        self.violations = violations
        rows = [
            (
                v.case_number,
                v.category,
                str(v.points),
                v.confirmed_by,
                stamp_text(v.confirmed_at),
                stamp_text(v.expires_at),
                appeal_text(v.appeal),
                v.appeal_note or v.note,
            )
            for v in violations
        ]
        _fill(self.records, rows)
        if violations:
            self.records.selectRow(0)

    def _show_history(self, listings: list[Listing]) -> None:
        lines = []
        for listing in listings:
            line = self.tr("Listed %1 (%2) until %3").replace("%1", stamp_text(listing.listed_at))
            line = line.replace("%2", basis_text(listing)).replace("%3", stamp_text(listing.expires_at))
            if listing.removed_at is not None:
                ended = self.tr("%1 — ended %2: %3").replace("%1", line)
                ended = ended.replace("%2", stamp_text(listing.removed_at))
                line = ended.replace("%3", removal_text(listing.removed_reason))
            lines.append(line)
        self.history.setText("\n".join(lines) if lines else self.tr("Never listed."))

    def selected_violation(self) -> Violation | None:
        rows = self.records.selectionModel().selectedRows()
        return self.violations[rows[0].row()] if rows and rows[0].row() < len(self.violations) else None

    def file_appeal(self) -> None:
        chosen = self.selected_violation()
        if chosen is None:
            self.message.setText(self.tr("Select a violation first."))
            return
        note = self.note.text()
        self._runner.submit(
            lambda: self._service.file_appeal(chosen.id, note),
            lambda _v: self._after(self.tr("Appeal filed on case %1.").replace("%1", chosen.case_number)),
            self._failed,
        )

    def decide(self, upheld: bool) -> None:
        chosen = self.selected_violation()
        if chosen is None or chosen.appeal is not AppealStatus.FILED:
            self.message.setText(self.tr("Select a violation with a filed appeal first."))
            return
        note = self.note.text()
        said = self.tr("Appeal upheld: the violation is void.") if upheld else self.tr("Appeal rejected.")
        self._runner.submit(
            lambda: self._service.decide_appeal(chosen.id, upheld, note),
            lambda _v: self._after(said),
            self._failed,
        )

    def _after(self, said: str) -> None:
        self.note.clear()
        self.message.setText(said)
        self._load_violations()
        self.changed.emit()
