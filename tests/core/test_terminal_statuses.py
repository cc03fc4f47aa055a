"""services.terminals.terminal_statuses: every terminal's session as the gateways keep it, with its
vehicle's plate, most errors first — for the district's administrators and checkers only (an operator
is refused, and the refusal is audited)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.terminals import SessionState
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.gateway.terminals import save_sessions
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district_with_fleet

AT = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


def test_terminal_statuses_for_the_administrator_only(store: Store) -> None:
    replace_all(store, minimal_district_with_fleet())
    unit, plate, terminal = store.execute_raw(
        "SELECT unit_id, plate, terminal_id FROM vehicles WHERE terminal_id IS NOT NULL ORDER BY id LIMIT 1"
    )[0]
    save_sessions(
        store,
        [
            SessionState(terminal, unit, "gw-1", "10.0.0.1:1", "2013", AT, AT, 50),
            SessionState(
                "018800000009", None, None, "10.0.0.3:1", "2019", AT, None, 2, 1, "帧无效 / malformed"
            ),
        ],
        [],
    )
    first, second = services_for(store, UserRole.ADMIN).terminals.terminal_statuses()
    assert (first.terminal_id, first.plate, first.online, first.errors) == ("018800000009", "", False, 1)
    assert first.last_error == "帧无效 / malformed"
    assert first.last_frame_at is None
    assert (second.terminal_id, second.plate, second.online, second.gateway) == (
        terminal,
        plate,
        True,
        "gw-1",
    )
    assert second.frames == 50
    assert second.connected_at == AT
    operator = services_for(store, UserRole.OPERATOR, username="operator1")
    with pytest.raises(PermissionDenied):
        operator.terminals.terminal_statuses()
    denied = [r.target for r in AuditTrail(store).recent(action=AuditAction.ACCESS_DENIED)]
    assert "terminal_statuses" in denied
