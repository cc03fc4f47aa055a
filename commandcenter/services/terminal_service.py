"""Commands from the desk to a vehicle's terminal (JT/T 808) and the administrator's list of terminals
no vehicle has. A command is a row the gateway holding the terminal's session picks up and answers
(``persistence/gateway``): the desk never talks to a terminal itself, so it works whichever gateway
process of several holds the session. Who may: whoever dispatches (``Permission.DISPATCH``); each
command audited with its kind and parameters (a text to a driver is on record)."""

from __future__ import annotations

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.desk_commands import (
    CommandKind,
    DeskCommand,
    UnknownTerminalRecord,
    checked_params,
)
from commandcenter.persistence.gateway import desk_commands
from commandcenter.persistence.gateway.commands import queue_command
from commandcenter.services.guard import Guarded


class TerminalService(Guarded):
    def may_command(self) -> bool:
        return self.principal.can(Permission.DISPATCH)

    def may_list_unknown(self) -> bool:
        return self.principal.can(Permission.MANAGE_DISTRICT) or self.principal.can(Permission.CHECK_DISTRICT)

    def command(self, unit_id: object, kind: object, params: dict[str, object] | None = None) -> DeskCommand:
        """Queue ``kind`` for the terminal of the vehicle shown as ``unit_id``; the row comes back
        (``state`` follows it). ``InvalidInput``: not a vehicle with a terminal, or bad parameters."""
        if isinstance(unit_id, bool) or not isinstance(unit_id, int):
            raise InvalidInput("unit_id", "车辆无效", "invalid vehicle")
        try:
            command_kind = CommandKind(str(kind))
        except ValueError as error:
            raise InvalidInput("kind", "未知的终端命令", "unknown terminal command") from error
        self._require(Permission.DISPATCH, f"unit:{unit_id}")
        try:
            checked = checked_params(command_kind, dict(params or {}))
        except ValueError as error:
            raise InvalidInput("params", f"命令参数无效：{error}", f"invalid parameters: {error}") from error
        terminal = desk_commands.terminal_of_unit(self.store, unit_id)
        if not terminal:
            raise InvalidInput("unit_id", "该车辆没有登记车载终端", "this vehicle has no registered terminal")
        command_id = queue_command(
            self.store, terminal, command_kind.value, checked, self.principal.username, self.clock(), unit_id
        )
        details = {"kind": command_kind.value, "params": checked, "terminal": terminal, "command": command_id}
        self._record(AuditAction.TERMINAL_COMMAND, f"unit:{unit_id}", details)
        return self.state(command_id)

    def state(self, command_id: int) -> DeskCommand:
        """The command as it stands (polled by the desk until it is final)."""
        self._require(Permission.DISPATCH, f"command:{command_id}")
        command = desk_commands.read_command(self.store, command_id)
        if command is None:
            raise InvalidInput("command_id", "没有这条命令", "no such command")
        return command

    def unknown_terminals(self) -> list[UnknownTerminalRecord]:
        if not self.may_list_unknown():
            self._deny("unknown_terminals", "不能查看未登记终端", "may not list unknown terminals")
        return desk_commands.unknown_terminals(self.store)
