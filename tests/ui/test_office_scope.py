"""An office user (镇办) signed in sees only their office's cases — in the queue, in a detail opened by
the id of another office's case, in the map's case pins and in a search — however the screen asks,
and the refused read is in the audit log under that user. The scope is the services' (``CaseService``,
``MapService``), so this drives the real window on the seed district and checks what it shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.kinds import OPEN_CASE_STATUSES, UserRole
from commandcenter.persistence.store import Store
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
OPEN = ", ".join(f"'{status.value}'" for status in OPEN_CASE_STATUSES)


def _open_cases_by_office(store: Store) -> dict[int, set[int]]:
    rows = store.execute_raw(
        f"SELECT office_id, id FROM cases WHERE status IN ({OPEN}) AND office_id IS NOT NULL"
    )
    by_office: dict[int, set[int]] = {}
    for office_id, case_id in rows:
        by_office.setdefault(int(office_id), set()).add(int(case_id))
    return by_office


@pytest.fixture
def office_user(district_store: Store) -> tuple[Principal, set[int], set[int]]:
    """The 镇办 user of the office with the most open cases, its open cases, and everyone else's."""
    by_office = _open_cases_by_office(district_store)
    office = max(by_office, key=lambda office_id: len(by_office[office_id]))
    others = {case for other, cases in by_office.items() if other != office for case in cases}
    assert by_office[office]
    assert others  # there is something to leak
    return Principal(42, f"office{office}", "镇办值班", UserRole.OFFICE, office), by_office[office], others


def test_the_office_users_window_shows_only_their_office(
    qtbot: QtBot,
    open_window: OpenWindow,
    district_store: Store,
    office_user: tuple[Principal, set[int], set[int]],
) -> None:
    principal, mine, others = office_user
    window = open_window(principal=principal)

    # The queue: exactly the office's open cases, none of another office.
    qtbot.waitUntil(lambda: len(window.desk.board) == len(mine), timeout=30_000)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == len(mine), timeout=30_000)
    shown = {window.cases.model.case_at(row).id for row in range(window.cases.model.rowCount())}
    assert shown == mine

    # The map's case pins (and so the segment colours) only for the office's cases.
    qtbot.waitUntil(lambda: window.map.vectors.live is not None, timeout=30_000)
    live = window.map.vectors.live
    assert live is not None
    pins = {int(case_id) for case_id in live.case_ids}
    assert pins
    assert pins <= mine

    # A search through the services: the office's cases only.
    found = {case.id for case in window.services.cases.list_cases(limit=1000)}
    assert found
    assert not found & others

    # A detail opened by another office's case id: refused in words, nothing of the case shown.
    foreign = min(others)
    detail = window.open_case(foreign)
    qtbot.waitUntil(lambda: bool(detail.message.text()), timeout=20_000)
    assert detail.detail is None
    assert "不属于本镇办" in detail.message.text()
    detail.close()

    denied = AuditTrail(district_store).recent(action=AuditAction.ACCESS_DENIED)
    assert any(r.actor == principal.username and r.target == f"case:{foreign}" for r in denied)


def test_the_duty_operator_sees_every_office(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    everything = set().union(*_open_cases_by_office(district_store).values())
    window = open_window()
    qtbot.waitUntil(lambda: len(window.desk.board) >= len(everything), timeout=30_000)
    assert everything <= {case.id for case in window.desk.board.ordered(datetime.now(UTC))}
