"""系统 ▸ 未登记终端 ▸ 登记到车辆…, on both databases: the administrator gives a vehicle an unknown
terminal's id through the district editor's own vehicle edit (its permission, its history entry), the
terminal leaves the unknown list, an id another vehicle holds (in any zero-padded spelling) is refused
with one bilingual line, and a gateway that answered the terminal "no such vehicle" matches it on its
next registration — same connection, no restart."""

from __future__ import annotations

import asyncio

import pytest

from commandcenter.accounts.errors import InvalidInput
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.district_edits import EditKind
from commandcenter.domain.kinds import UserRole
from commandcenter.feeds.jt808.platform_response import PlatformResult
from commandcenter.feeds.jt808.register_answer import RegisterResult
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions
from commandcenter.services.errors import PermissionDenied
from commandcenter.testing.accounts import services_for
from commandcenter.testing.jt808_serving import TERMINAL, serving, terminal_of
from commandcenter.testing.minimal_district import minimal_district_with_fleet

STRANGER = "013999999999"
SEEN = "2026-12-02 02:00:00+00"


@pytest.fixture
def fleet(store: Store) -> Store:
    replace_all(store, minimal_district_with_fleet())
    return store


def sighted(store: Store, terminal_id: str = STRANGER) -> None:
    """What a gateway writes when a terminal no vehicle has connects."""
    store.execute_raw(
        "INSERT INTO unknown_terminals (terminal_id, first_seen, last_seen, frames, last_remote, plate) "
        f"VALUES ('{terminal_id}', '{SEEN}', '{SEEN}', 3, '10.0.0.9:4000', '豫A·Z0002')"
    )


def test_the_administrator_registers_an_unknown_terminal_to_a_vehicle(fleet: Store) -> None:
    sighted(fleet)
    admin = services_for(fleet, UserRole.ADMIN, username="admin1")
    choices = admin.terminals.vehicle_choices("")
    assert [(c.plate, c.terminal_id) for c in choices] == [
        ("豫A·Z0002", ""),
        ("豫A·Z0003", ""),
        ("豫A12345", TERMINAL),
    ]  # those without a terminal first
    assert [c.plate for c in admin.terminals.vehicle_choices("Z0003")] == ["豫A·Z0003"]
    outcome = admin.terminals.register_terminal(STRANGER, 2)
    assert outcome.changes[0].after == {"terminal_id": STRANGER}
    assert admin.terminals.unknown_terminals() == []
    [entry] = admin.district_edit.history(EditKind.VEHICLE, 2)  # the editor's own history
    assert (entry.actor, entry.action) == ("admin1", AuditAction.DISTRICT_EDIT.value)
    assert entry.details["before"] == {"terminal_id": None}
    assert entry.details["after"] == {"terminal_id": STRANGER}


def test_a_sighting_written_after_the_registration_stays_off_the_list(fleet: Store) -> None:
    admin = services_for(fleet, UserRole.ADMIN)
    admin.terminals.register_terminal(STRANGER, 3)
    sighted(fleet)  # a gateway flushing what it buffered before the vehicle had the id
    assert admin.terminals.unknown_terminals() == []


def test_an_id_another_vehicle_holds_is_refused_in_any_spelling(fleet: Store) -> None:
    terminals = services_for(fleet, UserRole.ADMIN).terminals
    for spelling in (TERMINAL, TERMINAL.lstrip("0"), TERMINAL.rjust(20, "0")):
        with pytest.raises(InvalidInput) as refused:
            terminals.register_terminal(spelling, 2)
        chinese, english = str(refused.value).split(" / ")
        assert chinese.endswith(f"终端号 {spelling} 已登记在车辆 豫A12345 上")
        assert english.endswith(f"terminal {spelling} is already registered to vehicle 豫A12345")
    assert fleet.execute_raw("SELECT terminal_id FROM vehicles WHERE id = 2") == [(None,)]
    with pytest.raises(InvalidInput, match="vehicle no longer exists"):
        terminals.register_terminal(STRANGER, 99)


def test_only_who_edits_the_district_registers_a_terminal(fleet: Store) -> None:
    sighted(fleet)
    for role in (UserRole.OPERATOR, UserRole.SUPERVISOR):
        services = services_for(fleet, role, username=f"{role.value}1")
        assert not services.terminals.may_register()
        with pytest.raises(PermissionDenied):
            services.terminals.register_terminal(STRANGER, 2)
        with pytest.raises(PermissionDenied):
            services.terminals.vehicle_choices("")
    denied = [
        r for r in AuditTrail(fleet).recent(action=AuditAction.ACCESS_DENIED) if r.target == "vehicle:2"
    ]
    assert len(denied) == 2
    assert fleet.execute_raw("SELECT terminal_id FROM vehicles WHERE id = 2") == [(None,)]
    assert services_for(fleet, UserRole.ADMIN).terminals.unknown_terminals()[0].terminal_id == STRANGER


def test_the_gateway_matches_a_terminal_registered_while_it_is_connected(fleet: Store) -> None:
    async def scenario() -> None:
        async with serving(fleet) as server, terminal_of(server, STRANGER) as stranger:
            assert (await stranger.register()).result == RegisterResult.NO_SUCH_VEHICLE
            assert await stranger.report() == PlatformResult.FAILED
            await server.poll_commands()  # flushes the sighting: the administrator sees it
            admin = services_for(fleet, UserRole.ADMIN).terminals
            assert [t.terminal_id for t in admin.unknown_terminals()] == [STRANGER]
            await asyncio.to_thread(admin.register_terminal, STRANGER, 2)
            answer = await stranger.register()  # the terminal tries again, on the same connection
            assert (answer.result, answer.auth_code) == (RegisterResult.OK, f"CC{STRANGER}")
            assert await stranger.authenticate() == PlatformResult.OK
            assert await stranger.report() == PlatformResult.OK  # stored: its unit moves
            assert set(server.services.sessions) == {STRANGER}
            assert server.counters()["unknown_terminals"] == 0
            await server.poll_commands()
            assert admin.unknown_terminals() == []

    asyncio.run(scenario())
    [moved] = [u for u in latest_positions(fleet) if u.unit_id == 3]
    assert moved.lon == 113.64
