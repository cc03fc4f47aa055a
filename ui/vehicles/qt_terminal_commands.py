"""立即定位 / 临时跟踪 / 下发文本 from the live map: a right-click on a vehicle offers its terminal's
commands (to who may dispatch); each goes through ``services.terminals`` on a worker and a small
non-modal window follows it — queued, sent by the gateway holding the session, answered (the position
for 立即定位), failed or expired — polled every second until it is final."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.desk_commands import MAX_TEXT, CommandKind, DeskCommand
from commandcenter.services.terminal_service import TerminalService
from ui.background import BackgroundPoll, BackgroundRunner
from ui.vehicles.terminal_words import kind_name, status_text

POLL_S = 1.0
TRACK: dict[str, object] = {"interval_s": 10, "duration_s": 600}  # every 10 s for 10 min: a chase


class QtCommandStatus(QDialog):
    """One command, followed until the gateway's answer is final."""

    def __init__(
        self, service: TerminalService, runner: BackgroundRunner, label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("terminalCommandStatus")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setModal(False)
        self.service, self.runner = service, runner
        self.command: DeskCommand | None = None
        self.title = QLabel(label, self)
        self.title.setObjectName("detailHeading")
        self.state = QLabel(self.tr("Sending …"), self)
        self.state.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.state)
        self.resize(420, 120)
        self._poll: BackgroundPoll | None = None

    def send(self, unit_id: int, kind: CommandKind, params: dict[str, object]) -> None:
        self.setWindowTitle(kind_name(kind))
        self.runner.submit(lambda: self.service.command(unit_id, kind, params), self._show, self._refused)

    def _show(self, command: DeskCommand) -> None:
        self.command = command
        self.state.setText(status_text(command))
        if command.status.final:
            if self._poll is not None:
                self._poll.stop()
            return
        if self._poll is None:
            command_id = command.id
            self._poll = BackgroundPoll(
                self.runner, POLL_S, lambda: self.service.state(command_id), self._show, parent=self
            )
            self._poll.start()

    def _refused(self, error: Exception) -> None:
        self.state.setText(str(error))  # the core's "中文 / English" line

    def done(self, result: int) -> None:
        if self._poll is not None:
            self._poll.stop()
        super().done(result)


class QtDriverText(QDialog):
    """The text for 下发文本 (GBK on the terminal's screen, at most ``MAX_TEXT`` characters)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Text to the driver of %1").replace("%1", label))
        self.text = QLineEdit(self)
        self.text.setMaxLength(MAX_TEXT)
        self.text.setPlaceholderText(self.tr("e.g. please go to 大学路 and 陇海路"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addWidget(buttons)


class TerminalMenu(QObject):
    """Slot of the map's ``unit_menu_opening``: the vehicle's terminal commands, for who may dispatch."""

    def __init__(self, service: TerminalService, runner: BackgroundRunner, window: QWidget) -> None:
        super().__init__(window)
        self.service, self.runner, self.window = service, runner, window
        self.last: QtCommandStatus | None = None  # tests follow it

    def offer(self, menu: QMenu, unit_id: int, label: str) -> None:
        if not self.service.may_command():
            return
        commands = menu.addMenu(self.tr("Vehicle terminal: %1").replace("%1", label))
        commands.addAction(
            kind_name(CommandKind.LOCATE), lambda: self.send(unit_id, label, CommandKind.LOCATE)
        )
        commands.addAction(
            kind_name(CommandKind.TRACK), lambda: self.send(unit_id, label, CommandKind.TRACK, TRACK)
        )
        commands.addAction(self.tr("Text to the driver…"), lambda: self.ask_text(unit_id, label))

    def ask_text(self, unit_id: int, label: str) -> QtDriverText:
        dialog = QtDriverText(label, self.window)
        dialog.accepted.connect(
            lambda: self.send(unit_id, label, CommandKind.TEXT, {"text": dialog.text.text()})
        )
        dialog.open()  # non-blocking: the map stays live
        return dialog

    def send(
        self, unit_id: int, label: str, kind: CommandKind, params: dict[str, object] | None = None
    ) -> QtCommandStatus:
        status = QtCommandStatus(self.service, self.runner, label, self.window)
        status.send(unit_id, kind, dict(params or {}))
        status.show()
        self.last = status
        return status
