"""The category editor (System ▸ Case categories): the 小类 table an office tunes — filing condition,
deadlines in working hours, department, photo requirement, active — plus "add 小类".

The table is edited in memory and saved in one go through ``CategoryService.save``, which
checks every row first: a wrong value is named (code and field) and nothing is written. Loading and
saving run in the background through ``CategoryService`` (only a principal allowed to change the
table may save; every save is audited), like every data call from a widget.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.categories import CategoryRecord
from commandcenter.services.category_service import CategoryService
from ui.background import BackgroundRunner

COLUMNS = ("code", "kind", "major_name", "name", "filing_condition", "dispatch_hours", "dispose_hours",
           "department", "photo_required", "active")  # fmt: skip
READ_ONLY = {"code", "kind", "major_name", "name"}  # identity of a 小类: new ones are added, not renamed
CHECKBOXES = {"photo_required", "active"}


class QtCategoryEditor(QDialog):
    def __init__(
        self, service: CategoryService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("categoryEditor")
        self.setWindowTitle(self.tr("Case categories"))
        self.resize(1200, 640)
        self.service, self.runner = service, runner
        self.rows: list[CategoryRecord] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Kind"), self.tr("Major class"), self.tr("Minor class"),
             self.tr("Filing condition"), self.tr("Dispatch (working h)"), self.tr("Dispose (working h)"),
             self.tr("Department"), self.tr("Photo required"), self.tr("Active")]
        )  # fmt: skip
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().setVisible(False)
        self.message = QLabel(self)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add minor class"), self)
        self.add_button.clicked.connect(self.add_row)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)
        if not service.may_edit:  # the service refuses a save anyway; say so before anyone types
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.add_button.setEnabled(False)
            self.save_button.setEnabled(False)
            self.read_only_notice = self.tr("Read only: changing categories needs the category permission.")
            self.message.setText(self.read_only_notice)
        self.reload()

    def reload(self) -> None:
        self.runner.submit(self.service.categories, self._show, self._failed)

    def _show(self, rows: list[CategoryRecord]) -> None:
        self.rows = rows
        self.table.setRowCount(0)
        for row in rows:
            self._append(row, editable_identity=False)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(COLUMNS.index("filing_condition"), 360)

    def _append(self, row: CategoryRecord, *, editable_identity: bool) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column, name in enumerate(COLUMNS):
            value = getattr(row, name)
            item = QTableWidgetItem()
            if name in CHECKBOXES:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            else:
                item.setText(f"{value:g}" if isinstance(value, float) else str(value))
                if name in READ_ONLY and not editable_identity:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(index, column, item)

    def add_row(self) -> None:
        template = self.rows[0] if self.rows else None
        blank = CategoryRecord("", "事件", "", "", "", "", 1.0, 8.0, "", True, True)
        if template is not None:
            blank = dataclasses.replace(blank, kind=template.kind)
        self._append(blank, editable_identity=True)
        self.table.scrollToBottom()

    def edited_rows(self) -> list[CategoryRecord]:
        """What the table says now; a number that does not parse is kept as text and refused by
        validation with the field's name, rather than silently dropped."""
        result = []
        for index in range(self.table.rowCount()):
            values: dict[str, object] = {}
            for column, name in enumerate(COLUMNS):
                item = self.table.item(index, column)
                if name in CHECKBOXES:
                    values[name] = item is not None and item.checkState() == Qt.CheckState.Checked
                    continue
                text = item.text().strip() if item is not None else ""
                if name in {"dispatch_hours", "dispose_hours"}:
                    try:
                        values[name] = float(text)
                    except ValueError:
                        values[name] = text
                else:
                    values[name] = text
            values["major_code"] = self._major_code(str(values["code"]))
            result.append(CategoryRecord(**values))  # type: ignore[arg-type]
        return result

    def _major_code(self, code: str) -> str:
        known = {row.code: row.major_code for row in self.rows}
        return known.get(code, code[:3])

    def save(self) -> None:
        rows = self.edited_rows()
        self.message.setText(self.tr("Saving …"))
        self.runner.submit(lambda: self.service.save(rows), self._saved, self._failed)

    def _saved(self, count: int) -> None:
        self.message.setText(self.tr("Saved %1 categories.").replace("%1", str(count)))
        self.reload()

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error))
