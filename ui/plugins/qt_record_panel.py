"""A ready-made plugin panel: a table of records, an "add" form and per-row actions.

Most office modules are lists an office keeps (meetings, volunteers, kiosks): with this a plugin
describes columns, fields and jobs, and never writes Qt layout code of its own. Every job (load,
add, row action) runs through the ``PanelHost``, so none blocks the Qt thread and a raising one
disables the plugin instead of the app; a job raising ``InvalidEntry`` shows its message instead.
Loads are retried while the database is away; an add or an action is not (the user sends it again
once the panel no longer says the database is unavailable). Column and field labels are the
plugin's (Chinese domain terms); the panel's own buttons are translated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.plugins.panel_host import PanelHost

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    key: str
    title: str


@dataclass(frozen=True)
class FormField:
    """One input of the add form; with ``choices`` it is a drop-down of (label, value) pairs."""

    key: str
    label: str
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None
    placeholder: str = ""


@dataclass(frozen=True)
class RowAction:
    """``run(row, form_values)`` on a worker thread for the selected row; the form's values are read
    on the Qt thread first, so an action may use them (e.g. a duty hand-over)."""

    title: str
    run: Callable[[Row, Row], object]


class QtRecordPanel(QWidget):
    def __init__(
        self,
        host: PanelHost,
        columns: Sequence[Column],
        load: Callable[[], list[Row]],
        *,
        fields: Sequence[FormField] = (),
        add: Callable[[Row], object] | None = None,
        actions: Sequence[RowAction] = (),
    ) -> None:
        super().__init__(host.parent)
        self._host = host
        self._columns = list(columns)
        self._load = load
        self._add = add
        self.rows: list[Row] = []
        self.table = QTableWidget(0, len(self._columns), self)
        self.table.setHorizontalHeaderLabels([column.title for column in self._columns])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.reload)
        buttons.addWidget(refresh)
        self.action_buttons: list[QPushButton] = []
        for action in actions:
            button = QPushButton(action.title, self)
            button.clicked.connect(lambda _=False, action=action: self._run_on_selection(action))
            buttons.addWidget(button)
            self.action_buttons.append(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self._choice_boxes: list[tuple[Callable[[], Sequence[tuple[str, Any]]], QComboBox]] = []
        self._fields = list(fields)
        if self._fields:
            layout.addLayout(self._build_form())
        self.reload()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        for field in self._fields:
            widget: QLineEdit | QComboBox
            if field.choices is None:
                widget = QLineEdit(self)
                widget.setPlaceholderText(field.placeholder)
            else:
                widget = QComboBox(self)
                self._choice_boxes.append((field.choices, widget))
            self.inputs[field.key] = widget
            form.addRow(field.label, widget)
        if self._add is not None:
            self.add_button = QPushButton(self.tr("Add"), self)
            self.add_button.clicked.connect(self.submit_form)
            form.addRow("", self.add_button)
        return form

    # ------------------------------------------------------------------ behaviour
    def reload(self) -> None:
        """Fetch the rows, and the drop-downs' choices (another tab may have added one)."""
        self._host.submit(self._load, self.show_rows)
        for choices, box in self._choice_boxes:
            self._reload_choices(choices, box)

    def _reload_choices(self, choices: Callable[[], Sequence[tuple[str, Any]]], box: QComboBox) -> None:
        self._host.submit(lambda: list(choices()), lambda items: _fill(box, items))

    def show_rows(self, rows: list[Row]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row_index, row in enumerate(rows):
            for column_index, column in enumerate(self._columns):
                value = row.get(column.key)
                self.table.setItem(
                    row_index, column_index, QTableWidgetItem("" if value is None else str(value))
                )
        self.table.resizeColumnsToContents()

    def form_values(self) -> Row:
        values: Row = {}
        for key, widget in self.inputs.items():
            values[key] = widget.text().strip() if isinstance(widget, QLineEdit) else widget.currentData()
        return values

    def submit_form(self) -> None:
        if self._add is None:
            return
        values, add = self.form_values(), self._add
        self._host.submit(lambda: add(values), lambda _result: self._added(), retry=False)

    def _added(self) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.clear()
        self.reload()

    def _run_on_selection(self, action: RowAction) -> None:
        index = self.table.currentRow()
        if 0 <= index < len(self.rows):
            row, values = self.rows[index], self.form_values()
            self._host.submit(lambda: action.run(row, values), lambda _result: self.reload(), retry=False)


def _fill(box: QComboBox, items: Sequence[tuple[str, Any]]) -> None:
    chosen = box.currentData()
    box.clear()
    for label, value in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(chosen)))
