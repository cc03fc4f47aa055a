"""The form of one record: a line per field of its kind (a list for a closed vocabulary, text for the
rest; read-only fields greyed), built from ``domain.edit_fields`` so a new field needs no new widget.
``changes`` hands back only what the person changed, as text: the core checks and types it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from commandcenter.domain.district_edits import EditKind, Record
from commandcenter.domain.edit_fields import FIELDS, FieldType
from ui.district.edit_words import FIELDS as FIELD_WORDS, word
from ui.district.record_model import cell_text


class QtRecordForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.kind: EditKind | None = None
        self.record: Record | None = None
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.shown: dict[str, str] = {}

    def show_record(self, record: Record | None, editable: bool) -> None:
        """Fill the form with ``record`` (None: an empty form)."""
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.editors.clear()
        self.record = record
        if record is None:
            return
        self.kind = record.kind
        for spec in FIELDS[record.kind]:
            text = cell_text(record.kind, spec.name, record.values.get(spec.name))
            editor: QLineEdit | QComboBox
            if spec.type is FieldType.CHOICE:
                editor = QComboBox(self)
                editor.addItems(list(spec.choices))
                editor.setCurrentText(text)
            else:
                editor = QLineEdit(text, self)
            editor.setEnabled(editable and spec.editable)
            editor.setObjectName(f"field_{spec.name}")
            self.editors[spec.name] = editor
            self.shown[spec.name] = text
            self.layout_.addRow(word(FIELD_WORDS, spec.name), editor)

    @property
    def adding(self) -> bool:
        """True while the form holds a record not stored yet (id 0: an empty form to fill in)."""
        return self.record is not None and self.record.id == 0

    def set_text(self, name: str, text: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        else:
            editor.setText(text)

    def changes(self) -> dict[str, str]:
        """The fields whose text differs from what was shown."""
        out: dict[str, str] = {}
        for name, editor in self.editors.items():
            text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
            if editor.isEnabled() and text != self.shown.get(name, ""):
                out[name] = text
        return out
