"""The editor's table: one page of records (at most a few hundred, never a city's 56,850 cameras)
as a ``QAbstractTableModel`` the view draws lazily, columns in the order of the kind's fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from commandcenter.domain.district_edits import EditKind, Record
from commandcenter.domain.edit_fields import FIELDS, FieldType, clock_of
from ui.district.edit_words import FIELDS as FIELD_WORDS, word

_Index = QModelIndex | QPersistentModelIndex


def cell_text(kind: EditKind, name: str, value: Any) -> str:
    """A stored value as the form and the table show it (a permit's minutes as HH:MM)."""
    if value is None:
        return ""
    times = {spec.name for spec in FIELDS[kind] if spec.type is FieldType.TIME}
    if name in times and isinstance(value, int):
        return clock_of(value)
    return str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = EditKind.SEGMENT
        self.records: list[Record] = []
        self.names: list[str] = []

    def show(self, kind: EditKind, records: list[Record]) -> None:
        self.beginResetModel()
        self.kind, self.records = kind, records
        self.names = ["id", *(spec.name for spec in FIELDS[kind])]
        self.endResetModel()

    def record(self, row: int) -> Record | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def row_of(self, record_id: int) -> int:
        return next((row for row, r in enumerate(self.records) if r.id == record_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's names)
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record, name = self.records[index.row()], self.names[index.column()]
        return str(record.id) if name == "id" else cell_text(self.kind, name, record.values.get(name))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return word(FIELD_WORDS, self.names[section])
        return None
