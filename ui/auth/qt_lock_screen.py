"""The lock screen: shown over the window after inactivity; only the signed-in person's password
(with the same lockout as a login) opens it again. It cannot be closed any other way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from commandcenter.accounts.session import Session
from ui.auth.qt_password_form import PasswordDialog


class LockScreen(PasswordDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Session locked"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        who = session.principal.display_name or session.principal.username
        title = QLabel(
            self.tr("Locked after inactivity. %1, enter your password to continue.").replace("%1", who)
        )
        title.setWordWrap(True)
        unlock = QPushButton(self.tr("Unlock"), self)
        unlock.setDefault(True)
        unlock.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(unlock)
        self.succeeded.connect(lambda _result: self.accept())

    def submit(self) -> None:
        password = self.password.text()
        self.run_check(lambda: self.session.unlock(password))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            return  # Esc must not dismiss the lock
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.locked:
            event.ignore()
            return
        super().closeEvent(event)
