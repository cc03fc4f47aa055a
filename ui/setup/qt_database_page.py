"""2 数据库 Database: the embedded SQLite file (one workstation; its path shown and changeable) or a
PostgreSQL server (several workstations: host, port, database, user, password). "Test connection"
— and Next, when the current input was not tested — connects on a worker, refuses a schema from a
newer program, runs the migrations and opens the database; what is wrong is said in words and the
page stays. The password is only kept in memory here; the summary's Finish puts it in the keyring."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from commandcenter.setup.database_choice import (
    OpenedDatabase,
    ServerFields,
    default_embedded_path,
    embedded_path,
    embedded_url,
    open_database,
    server_fields,
)
from ui.setup.qt_setup_page import Check, SetupPage
from ui.setup.setup_state import SetupState
from ui.setup.setup_words import database_problem_text


class DatabasePage(SetupPage):
    def __init__(self, state: SetupState, next_with_admin: int, next_without_admin: int) -> None:
        super().__init__(state)
        self.setObjectName("databasePage")
        self._next = (next_with_admin, next_without_admin)
        self.embedded = QRadioButton(self)
        self.embedded.setObjectName("embedded")
        self.server = QRadioButton(self)
        self.server.setObjectName("server")
        self.path = QLineEdit(self)
        self.path.setObjectName("sqlitePath")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.host, self.database, self.user = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for name, field in (("host", self.host), ("database", self.database), ("user", self.user)):
            field.setObjectName(name)
        self.password.setObjectName("password")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.test = QPushButton(self)
        self.test.setObjectName("testConnection")
        self.test.clicked.connect(self.test_connection)
        self._labels = [QLabel(self) for _ in range(5)]
        self._layout()
        self._prefill(state.settings.database_url)
        for field in (self.path, self.host, self.database, self.user, self.password):
            field.textChanged.connect(self.invalidate)
        self.port.valueChanged.connect(self.invalidate)
        self.embedded.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.retranslate()

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        server_form = QFormLayout()
        fields: list[QWidget] = [self.host, self.port, self.database, self.user, self.password]
        for label, field in zip(self._labels, fields, strict=True):
            server_form.addRow(label, field)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.embedded)
        column.addLayout(file_row)
        column.addSpacing(8)
        column.addWidget(self.server)
        column.addLayout(server_form)
        column.addLayout(test_row)
        column.addWidget(self.message)
        column.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Database"))
        self.setSubTitle(self.tr("Where this workstation keeps the district, the cases and the users."))
        self.embedded.setText(self.tr("Embedded database on this computer (one workstation)"))
        self.server.setText(self.tr("PostgreSQL server (several workstations share it)"))
        self.browse.setText(self.tr("Choose…"))
        self.test.setText(self.tr("Test connection"))
        texts = (self.tr("Host"), self.tr("Port"), self.tr("Database"), self.tr("User"), self.tr("Password"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)

    def _prefill(self, url: str | None) -> None:
        fields = server_fields(url) if url else None
        self.set_server(fields or ServerFields())
        path = embedded_path(url) if url else None
        self.path.setText(str(path or default_embedded_path()))
        (self.server if fields else self.embedded).setChecked(True)

    def set_server(self, fields: ServerFields) -> None:
        self.host.setText(fields.host)
        self.port.setValue(fields.port)
        self.database.setText(fields.database)
        self.user.setText(fields.user)
        self.password.setText(fields.password)

    def _mode_changed(self) -> None:
        embedded = self.embedded.isChecked()
        self.path.setEnabled(embedded)
        self.browse.setEnabled(embedded)
        for field in (self.host, self.port, self.database, self.user, self.password):
            field.setEnabled(not embedded)
        self.invalidate()

    def _browse(self) -> None:
        title, files = self.tr("Database file"), self.tr("SQLite databases (*.sqlite *.db)")
        self.browse_into(self.path, title, files, new_file=True)

    def url(self) -> str:
        if self.embedded.isChecked():
            return embedded_url(Path(self.path.text().strip()))
        fields = ServerFields(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )
        return fields.url()

    def test_connection(self) -> None:
        if self.busy:
            return
        checking = self.check()
        if isinstance(checking, tuple):
            self.run(*checking, advance=False)

    def check(self) -> Check | str | None:
        if self.embedded.isChecked() and not self.path.text().strip():
            return self.tr("Enter the database file's path.")
        if self.server.isChecked() and not (self.host.text().strip() and self.database.text().strip()):
            return self.tr("Enter the server's host and the database's name.")
        url, previous = self.url(), self.state.opened

        def job() -> tuple[str, OpenedDatabase]:
            opened = open_database(url)
            if opened.workspace is not None and previous is not None and previous.workspace is not None:
                previous.workspace.close()  # the wizard now works on the new one
            return url, opened

        return job, self.tr("Connecting and bringing the database up to date …")

    def checked(self, result: tuple[str, OpenedDatabase]) -> str | None:
        url, opened = result
        if not opened.check.ok:
            return database_problem_text(opened.check)
        self.state.take_opened(opened, url, self.embedded.isChecked())
        self.say(self.outcome_text(opened))
        return None

    def outcome_text(self, opened: OpenedDatabase) -> str:
        check = opened.check
        if check.schema_before is None:
            schema = self.tr("tables created (schema %1)").replace("%1", str(check.schema_after))
        elif check.migrated:
            schema = self.tr("schema upgraded from %1 to %2")
            schema = schema.replace("%1", check.schema_before).replace("%2", str(check.schema_after))
        else:
            schema = self.tr("schema up to date (%1)").replace("%1", str(check.schema_after))
        lines = [self.tr("Connected to %1: %2.").replace("%1", check.server).replace("%2", schema)]
        if opened.needs_administrator:
            lines.append(self.tr("Nobody can sign in yet: next, create the first administrator."))
        else:
            lines.append(self.tr("This database has users already: you sign in after the wizard."))
        return "\n".join(lines)

    def nextId(self) -> int:
        opened = self.state.opened
        return self._next[1] if opened is not None and not opened.needs_administrator else self._next[0]
