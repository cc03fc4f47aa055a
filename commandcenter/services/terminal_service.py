"""Commands from the desk to a vehicle's terminal (JT/T 808) and the administrator's list of terminals
no vehicle has. A command is a row the gateway holding the terminal's session picks up and answers
(``persistence/gateway``): the desk never talks to a terminal itself, so it works whichever gateway
process of several holds the session. Who may: whoever dispatches (``Permission.DISPATCH``); each
command audited with its kind and parameters (a text to a driver is on record).

An unknown terminal is registered to a vehicle (``register_terminal``) by the district editor's own
vehicle edit — the same permission (``MANAGE_DISTRICT``), the same ``DISTRICT_EDIT`` entry in the
vehicle's history — after a check that no vehicle holds the id in any zero-padded spelling (the way a
gateway matches it, ``persistence.gateway.terminals.spellings``). A gateway matches the terminal on
its next registration or authentication; no restart."""

from __future__ import annotations

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.desk_commands import (
    CommandKind,
    DeskCommand,
    TerminalStatus,
    UnknownTerminalRecord,
    VehicleChoice,
    checked_params,
)
from commandcenter.domain.district_edits import EditKind, EditRefused, Outcome, Problem, target_of
from commandcenter.persistence.gateway import desk_commands, terminal_registration
from commandcenter.persistence.gateway.commands import queue_command
from commandcenter.persistence.gateway.terminals import terminal_vehicle
from commandcenter.services.district_edit_service import DistrictEditService
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

    def terminal_statuses(self) -> list[TerminalStatus]:
        """系统 ▸ 终端状态: every terminal's session (online or not, which gateway) and counters — the
        same readers as the unknown terminals (the district's administrators and checkers)."""
        if not self.may_list_unknown():
            self._deny("terminal_statuses", "不能查看终端状态", "may not list terminal states")
        return desk_commands.terminal_statuses(self.store)

    def may_register(self) -> bool:
        return self.principal.can(Permission.MANAGE_DISTRICT)

    def vehicle_choices(self, plate_part: object = "") -> list[VehicleChoice]:
        """The vehicles a terminal may be registered to, those without a terminal first."""
        self._require(Permission.MANAGE_DISTRICT, "vehicle records")
        return terminal_registration.vehicle_choices(self.store, clean_text(plate_part, "plate", limit=16))

    def register_terminal(self, terminal_id: object, vehicle_id: object) -> Outcome:
        """Give vehicle ``vehicle_id`` the terminal id (replacing one it had) and take the terminal off
        the unknown list. ``InvalidInput``: another vehicle holds the id, or no such vehicle;
        ``EditRefused`` for an id that is not 6–20 digits."""
        if isinstance(vehicle_id, bool) or not isinstance(vehicle_id, int):
            raise InvalidInput("vehicle", "车辆无效", "invalid vehicle")
        self._require(Permission.MANAGE_DISTRICT, target_of(EditKind.VEHICLE, vehicle_id))
        terminal = clean_text(terminal_id, "terminal_id", limit=20, required=True)
        holder = terminal_vehicle(self.store, terminal)
        if holder is not None and holder.vehicle_id != vehicle_id:
            raise _taken(terminal, holder.plate)
        editor = DistrictEditService(self.store, self.principal, audit=self.audit, clock=self.clock)
        try:
            outcome = editor.edit(EditKind.VEHICLE, vehicle_id, {"terminal_id": terminal})
        except EditRefused as refusal:
            if refusal.problem is Problem.DUPLICATE:  # registered elsewhere a moment ago
                raise _taken(terminal, "") from refusal
            if refusal.problem is Problem.NOT_FOUND:
                raise InvalidInput("vehicle", "该车辆已不存在", "the vehicle no longer exists") from refusal
            raise
        terminal_registration.forget_unknown(self.store, terminal)
        return outcome


def _taken(terminal: str, plate: str) -> InvalidInput:
    if not plate:
        return InvalidInput(
            "terminal_id",
            f"终端号 {terminal} 已登记在另一辆车上",
            f"terminal {terminal} is already on another vehicle",
        )
    return InvalidInput(
        "terminal_id",
        f"终端号 {terminal} 已登记在车辆 {plate} 上",
        f"terminal {terminal} is already registered to vehicle {plate}",
    )
