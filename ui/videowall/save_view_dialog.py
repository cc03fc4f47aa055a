"""「保存当前视图…」: a name and a 共享 checkbox for the wall's current layout and cameras.

Saving under a name the operator already uses replaces that view (the core's rule: 早高峰 is
re-saved every morning); the dialog says so before OK, so nobody overwrites a view by surprise.
Non-modal (``open``), so the wall keeps playing and tests can drive it like an operator.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

NAME_MAX = 80  # saved_views.name is String(80)


class SaveViewDialog(QDialog):
    def __init__(
        self,
        own_names: Collection[str],
        name: str = "",
        shared: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveViewDialog")
        self.setWindowTitle(self.tr("Save current view"))
        self._own_names = set(own_names)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("View name, e.g. morning rush"))
        self.shared_box = QCheckBox(self.tr("Shared (every workstation sees it)"), self)
        self.shared_box.setChecked(shared)
        self.note = QLabel(self)
        self.note.setObjectName("saveViewNote")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Name"), self))
        column.addWidget(self.name_edit)
        column.addWidget(self.shared_box)
        column.addWidget(self.note)
        column.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._name_changed)
        self._name_changed(name)

    @property
    def name(self) -> str:
        return self.name_edit.text().strip()

    @property
    def shared(self) -> bool:
        return self.shared_box.isChecked()

    def _name_changed(self, _text: str) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.name))
        replaces = self.name in self._own_names
        self.note.setText(self.tr("Replaces your saved view of this name.") if replaces else "")
        self.note.setVisible(replaces)
