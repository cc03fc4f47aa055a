"""The 记录失信 tab: confirm a violation on a case. The case is looked up by its number (the case
detail's 记录失信… button fills it in); the vehicles the case names — a muck truck's plate and its
transport company — are offered as one-click violators; the rest is typed (a person's ID number is
masked by the core before anything stores it). Confirming runs the listing rule at once, and the
answer says whether the violator is now on the list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from commandcenter.credit.record import Confirmed, ViolatorDraft
from commandcenter.domain.credit import ViolatorKind
from commandcenter.services.credit_service import CaseCredit, CreditService
from ui.background import BackgroundRunner
from ui.credit.credit_words import KINDS, basis_text, kind_name


class QtConfirmViolation(QWidget):
    confirmed = Signal()

    def __init__(
        self, service: CreditService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.case: CaseCredit | None = None
        self.case_number = QLineEdit(self)
        self.case_number.setPlaceholderText(self.tr("Case number, e.g. 20261126-00001"))
        self.lookup_button = QPushButton(self.tr("Look up"), self)
        self.case_facts = QLabel(self)
        self.suggestions = QListWidget(self)
        self.suggestions.setMaximumHeight(90)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind.value)
        self.name = QLineEdit(self)
        self.identifier = QLineEdit(self)
        self.identifier.setPlaceholderText(
            self.tr("Plate, credit code, licence or ID number (stored masked)")
        )
        self.points = QSpinBox(self)
        self.points.setRange(1, 100)
        self.points.setValue(3)
        self.note = QLineEdit(self)
        self.confirm_button = QPushButton(self.tr("Confirm violation"), self)
        self.confirm_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        find = QHBoxLayout()
        find.addWidget(self.case_number, 1)
        find.addWidget(self.lookup_button)
        form = QFormLayout()
        form.addRow(self.tr("Named by the case"), self.suggestions)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Identifier"), self.identifier)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Note"), self.note)
        column = QVBoxLayout(self)
        column.addLayout(find)
        column.addWidget(self.case_facts)
        column.addLayout(form)
        column.addWidget(self.confirm_button)
        column.addWidget(self.message)
        column.addStretch(1)
        self.lookup_button.clicked.connect(self.look_up)
        self.case_number.returnPressed.connect(self.look_up)
        self.suggestions.itemClicked.connect(self._take_suggestion)
        self.confirm_button.clicked.connect(self.confirm)

    def look_up(self, number: str | None = None) -> None:
        if number:
            self.case_number.setText(number)
        text = self.case_number.text().strip()
        self.confirm_button.setEnabled(False)
        self._runner.submit(lambda: self._service.case(text), self._show_case, self._failed)

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error))

    def _show_case(self, found: CaseCredit) -> None:
        self.case = found
        case = found.case
        self.case_facts.setText(f"{case.number} · {case.category} · {case.status}")
        self.suggestions.clear()
        for vehicle in found.vehicles:
            self._suggest(ViolatorKind.PLATE, vehicle.plate, vehicle.plate)
            if vehicle.company:
                self._suggest(ViolatorKind.COMPANY, vehicle.company, "")
        self.confirm_button.setEnabled(True)
        self.message.setText("")

    def _suggest(self, kind: ViolatorKind, name: str, identifier: str) -> None:
        item = QListWidgetItem(f"{kind_name(kind)}: {name}", self.suggestions)
        item.setData(256, (kind.value, name, identifier))

    def _take_suggestion(self, item: QListWidgetItem) -> None:
        kind, name, identifier = item.data(256)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.name.setText(name)
        self.identifier.setText(identifier)

    def confirm(self) -> None:
        if self.case is None:
            return
        number = self.case.case.number
        draft = ViolatorDraft(ViolatorKind(self.kind.currentData()), self.name.text(), self.identifier.text())
        points, note = self.points.value(), self.note.text()
        self._runner.submit(
            lambda: self._service.confirm(number, draft, points, note), self._done, self._failed
        )

    def _done(self, done: Confirmed) -> None:
        said = self.tr("Violation of %1 recorded on case %2.")
        said = said.replace("%1", done.violator.name).replace("%2", done.violation.case_number)
        if done.change.listed is not None:
            listed = self.tr("Now on the list: %1.").replace("%1", basis_text(done.change.listed))
            said = f"{said} {listed}"
        self.message.setText(said)
        self.note.clear()
        self.confirmed.emit()
