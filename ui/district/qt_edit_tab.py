"""编辑 Edit: the district's records by hand, with each record's history (issue 13).

Choose a kind, filter (name, number, code, plate …), pick a row: its form and its history (who,
when, what changed) show beside the table. The table holds one page (``PAGE`` rows) of what
matched — a city has 56,850 cameras — with the count and Previous/Next. Save sends only the fields
changed; segments also split, merge and renumber (the number is a field); a kind exports as CSV,
Excel or GeoJSON. Every call goes through the ``BackgroundRunner``; a refusal is one sentence under
the form. A principal who may only read (a supervisor, from a finding of the check) sees the form
greyed. ``open_record`` is what the consistency tab's double-click calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.district_edits import EditKind, EditRefused, Outcome, Record, RecordPage
from commandcenter.domain.edit_fields import FIELDS
from commandcenter.services.district_edit_service import DistrictEditService
from ui.background import BackgroundRunner
from ui.district.edit_words import KINDS, refusal_text, word
from ui.district.failures import failure_text
from ui.district.qt_history_pane import fill_history
from ui.district.qt_record_actions import RecordActions
from ui.district.qt_record_form import QtRecordForm
from ui.district.record_model import RecordTableModel
from ui.district.result_table import result_table

PAGE = 200


class QtEditTab(QWidget):
    def __init__(
        self, service: DistrictEditService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.editable = service.may_edit()
        self.offset, self.total = 0, 0
        self.wanted_id: int | None = None  # the record to select once the page arrives
        self.kind_box = QComboBox(self)
        for kind in EditKind:
            self.kind_box.addItem(word(KINDS, kind), kind)
        self.kind_box.setCurrentIndex(self.kind_box.findData(EditKind.SEGMENT))
        self.kind_box.currentIndexChanged.connect(lambda _: self.reload(0))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter: name, number, code, plate …"))
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(lambda: self.reload(0))
        self.filter.textChanged.connect(lambda _: self._debounce.start())
        self.previous = QPushButton(self.tr("Previous"), self)
        self.previous.clicked.connect(lambda: self.reload(max(0, self.offset - PAGE)))
        self.next = QPushButton(self.tr("Next"), self)
        self.next.clicked.connect(lambda: self.reload(self.offset + PAGE))
        self.count = QLabel(self)
        top = QHBoxLayout()
        for widget in (self.kind_box, self.filter, self.count, self.previous, self.next):
            top.addWidget(widget, 1 if widget is self.filter else 0)
        self.model = RecordTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._picked(current.row()))
        self.form = QtRecordForm(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.buttons = RecordActions(self)
        self.message = QLabel(self)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.history = result_table(
            self, [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")]
        )
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.addWidget(self.form)
        column.addWidget(self.save_button)
        column.addWidget(self.buttons)
        column.addWidget(self.message)
        column.addWidget(QLabel(self.tr("History"), side))
        column.addWidget(self.history, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.reload(0)

    @property
    def kind(self) -> EditKind:
        return EditKind(self.kind_box.currentData())

    @property
    def record(self) -> Record | None:
        return self.form.record

    def call(self, job: Callable[[], Any], done: Callable[[Any], None], waiting: str = "") -> None:
        """Run a service call on the worker; a refusal or failure becomes the message line."""
        if waiting:
            self.message.setText(waiting)
        self.runner.submit(job, done, self._failed)

    def reload(self, offset: int) -> None:
        kind, text = self.kind, self.filter.text()
        self.call(lambda: self.service.page(kind, text, offset, PAGE), self._page)

    def open_record(self, kind: str, record_id: int) -> None:
        """Show one record (from a finding of the check): its kind, a filter that finds it, its form."""
        self.wanted_id = record_id
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(self.kind_box.findData(EditKind(kind)))
        self.kind_box.blockSignals(False)
        self.call(lambda: self.service.get(kind, record_id), self._opened)

    def _opened(self, record: Record) -> None:
        key = FIELDS[record.kind][0].name  # number, code, name or plate: what the filter finds it by
        self.filter.blockSignals(True)
        self.filter.setText(str(record.values.get(key) or ""))
        self.filter.blockSignals(False)
        self._show_record(record)
        self.reload(0)

    def _page(self, page: RecordPage) -> None:
        self.offset, self.total = page.offset, page.total
        self.model.show(self.kind, page.records)
        self.table.resizeColumnsToContents()
        last = page.offset + len(page.records)
        text = self.tr("%1–%2 of %3").replace("%1", str(min(page.offset + 1, last)))
        self.count.setText(text.replace("%2", str(last)).replace("%3", str(page.total)))
        self.previous.setEnabled(page.offset > 0)
        self.next.setEnabled(last < page.total)
        self.buttons.kind_changed(self.kind)
        wanted = self.wanted_id if self.wanted_id is not None else (self.record.id if self.record else None)
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        elif self.record is not None and self.record.kind is not self.kind:
            self._show_record(None)
        self.wanted_id = None

    def _picked(self, row: int) -> None:
        record = self.model.record(row)
        if record is not None and (self.record is None or self.record.target != record.target):
            self.refresh(record.kind, record.id)

    def refresh(self, kind: EditKind, record_id: int) -> None:
        """Read the record again with its history (after a save, or when picked)."""

        def job() -> tuple[Record, list[Any]]:
            return self.service.get(kind, record_id), self.service.history(kind, record_id)

        self.call(job, lambda pair: self._show_record(*pair))

    def _show_record(self, record: Record | None, history: list[Any] | None = None) -> None:
        self.form.show_record(record, self.editable)
        self.save_button.setEnabled(self.editable and record is not None)
        self.buttons.record_changed(record)
        if record is not None and history is None:
            self.refresh(record.kind, record.id)
        fill_history(self.history, record.kind if record else self.kind, history or [])

    def start_adding(self) -> None:
        """An empty staff form; Save then adds the member (a city manager gets his map unit)."""
        self.table.clearSelection()
        self._show_record(Record(EditKind.STAFF, 0, {}), [])  # id 0: not stored yet (``form.adding``)
        self.message.setText(self.tr("Fill in the new member of staff, then Save."))

    def save(self) -> None:
        record, changes = self.record, self.form.changes()
        if record is not None and self.form.adding:
            self.call(lambda: self.service.add_staff(changes), self._added, self.tr("Saving …"))
            return
        if record is None or not changes:
            self.message.setText(self.tr("Nothing changed."))
            return
        self.call(
            lambda: self.service.edit(record.kind, record.id, changes), self.changed, self.tr("Saving …")
        )

    def _added(self, outcome: Outcome) -> None:
        self.message.setText(self.tr("Saved."))
        self.wanted_id = outcome.main.id
        self.refresh(EditKind.STAFF, outcome.main.id)
        self.reload(self.offset)

    def changed(self, _: object = None) -> None:
        """After any change: the message, the record and its history, the page."""
        self.message.setText(self.tr("Saved."))
        if self.record is not None:
            self.refresh(self.record.kind, self.record.id)
        self.reload(self.offset)

    def _failed(self, error: Exception) -> None:
        self.message.setText(refusal_text(error) if isinstance(error, EditRefused) else failure_text(error))
