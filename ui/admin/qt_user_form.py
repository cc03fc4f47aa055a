"""The small form behind 新建 (username, display name, role, office, department, initial password) and
修改角色 (role, office and department). Not modal-blocking: it is opened, and the tab acts on
``accepted``. The office choice is enabled only for the office role (the service insists: office
users need one, others none); the department is any text, with the known ones offered."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from commandcenter.domain.accounts import KNOWN_DEPARTMENTS
from commandcenter.domain.kinds import UserRole
from ui.auth.role_words import role_name


class QtUserForm(QDialog):
    def __init__(
        self,
        offices: dict[int, str],
        *,
        new: bool,
        role: str = UserRole.OPERATOR,
        department: str | None = None,
        departments: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userForm")
        self.setWindowTitle(self.tr("New user") if new else self.tr("Change role"))
        self.username, self.display_name = QLineEdit(self), QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox(self)
        for value in UserRole:
            self.role.addItem(role_name(value), value.value)
        self.role.setCurrentIndex(max(0, self.role.findData(str(role))))
        self.office = QComboBox(self)
        for office_id, name in sorted(offices.items(), key=lambda item: item[1]):
            self.office.addItem(name, office_id)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.department = QComboBox(self)
        self.department.setEditable(True)  # the known ones are suggestions; any other may be typed
        self.department.addItem("")
        self.department.addItems(sorted(set(KNOWN_DEPARTMENTS) | set(departments)))
        self.department.setCurrentText(department or "")
        form = QFormLayout(self)
        if new:
            form.addRow(self.tr("Username"), self.username)
            form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Office"), self.office)
        form.addRow(self.tr("Department"), self.department)
        if new:
            form.addRow(self.tr("Initial password"), self.password)
            self.password.setToolTip(self.tr("The user must choose their own at first sign-in."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._role_changed()

    def chosen_role(self) -> str:
        return str(self.role.currentData())

    def chosen_office(self) -> int | None:
        if self.chosen_role() != UserRole.OFFICE or self.office.currentIndex() < 0:
            return None
        return int(self.office.currentData())

    def chosen_department(self) -> str:
        return self.department.currentText().strip()

    def _role_changed(self) -> None:
        self.office.setEnabled(self.chosen_role() == UserRole.OFFICE)
