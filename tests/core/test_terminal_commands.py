"""Commands from the desk to a vehicle terminal, on both databases: an operator queues 立即定位 / 临时跟踪
/ 下发文本 for a vehicle's unit (checked, audited, a ``pending`` row the gateway picks up), reads back
what the gateway recorded, and the administrator lists the terminals no vehicle has."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commandcenter.accounts.errors import InvalidInput
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.desk_commands import CommandKind, CommandStatus
from commandcenter.domain.kinds import UnitKind, UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.services.errors import PermissionDenied
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district

TRUCK_UNIT, TERMINAL = 2, "013912345678"


@pytest.fixture
def fleet(store: Store) -> Store:
    tables = minimal_district()
    tables[Unit].append(
        {"id": TRUCK_UNIT, "kind": UnitKind.ENFORCEMENT.value, "label": "豫A·Z0001", "office_id": 1}
    )
    tables[Vehicle] = [
        {"id": 1, "kind": "执法车", "plate": "豫A·Z0001", "company": None, "office_id": 1}
        | {"terminal_id": TERMINAL, "unit_id": TRUCK_UNIT}
    ]
    replace_all(store, tables)
    return store


def test_an_operator_queues_commands_and_reads_the_gateways_answer(fleet: Store) -> None:
    terminals = services_for(fleet).terminals
    locate = terminals.command(TRUCK_UNIT, "locate")
    assert (locate.terminal_id, locate.kind, locate.status) == (
        TERMINAL,
        CommandKind.LOCATE,
        CommandStatus.PENDING,
    )
    track = terminals.command(TRUCK_UNIT, "track", {"interval_s": 5, "duration_s": 300})
    assert track.params == {"interval_s": 5, "duration_s": 300}
    text = terminals.command(TRUCK_UNIT, "text", {"text": "  请到大学路口处置占道经营  "})
    assert text.params == {"text": "请到大学路口处置占道经营"}
    [audit] = [
        r
        for r in AuditTrail(fleet).recent(action=AuditAction.TERMINAL_COMMAND)
        if r.details["command"] == text.id
    ]
    assert (audit.actor, audit.target, audit.details["kind"]) == ("operator1", f"unit:{TRUCK_UNIT}", "text")
    # what the gateway holding the session records (its own module does this in production)
    answered = datetime(2026, 5, 12, 2, 0, 3, tzinfo=UTC)
    fleet.execute_raw(
        "UPDATE terminal_commands SET status = 'answered', gateway = 'gw1', "
        f"answered_at = '{answered.isoformat()}', answer = '{{\"result\": 0}}' WHERE id = {locate.id}"
    )
    state = terminals.state(locate.id)
    assert state.status is CommandStatus.ANSWERED
    assert state.status.final
    assert state.answer == {"result": 0}


@pytest.mark.parametrize(
    ("unit", "kind", "params"),
    [
        (1, "locate", {}),  # a patroller: no vehicle terminal
        (TRUCK_UNIT, "reboot", {}),
        (TRUCK_UNIT, "text", {"text": ""}),
        (TRUCK_UNIT, "text", {"text": "字" * 101}),
        (TRUCK_UNIT, "track", {"interval_s": 0, "duration_s": 300}),
        (TRUCK_UNIT, "track", {"interval_s": 5, "duration_s": True}),
    ],
)
def test_bad_commands_are_refused_in_words_and_nothing_queued(
    fleet: Store, unit: int, kind: str, params: dict[str, object]
) -> None:
    with pytest.raises(InvalidInput):
        services_for(fleet).terminals.command(unit, kind, params)
    assert fleet.execute_raw("SELECT COUNT(*) FROM terminal_commands") == [(0,)]


def test_who_may_command_and_list_unknown_terminals(fleet: Store) -> None:
    with pytest.raises(PermissionDenied):
        services_for(fleet, UserRole.OFFICE, office_id=1).terminals.command(TRUCK_UNIT, "locate")
    seen = datetime(2026, 5, 12, 2, 0, tzinfo=UTC).isoformat()
    fleet.execute_raw(
        "INSERT INTO unknown_terminals (terminal_id, first_seen, last_seen, frames, last_remote, plate) "
        f"VALUES ('018800000001', '{seen}', '{seen}', 12, '10.0.0.9:40000', '豫A·X1234')"
    )
    [unknown] = services_for(fleet, UserRole.ADMIN).terminals.unknown_terminals()
    assert (unknown.terminal_id, unknown.frames, unknown.plate) == ("018800000001", 12, "豫A·X1234")
    with pytest.raises(PermissionDenied):
        services_for(fleet).terminals.unknown_terminals()
