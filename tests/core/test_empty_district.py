"""A real install before its district is imported: a migrated database with no offices, segments,
staff, units, cameras or cases. Everything a signed-in window reads at start answers — empty —
instead of failing, so the administrator made by ``users add`` can sign in and import the district."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for

NOW = datetime(2026, 5, 12, 2, 30, tzinfo=UTC)


@pytest.mark.parametrize("role", [UserRole.ADMIN, UserRole.OPERATOR])
def test_every_start_up_read_answers_on_an_empty_district(store: Store, role: UserRole) -> None:
    services = services_for(store, role)
    services.advice.load(services.case_rules)
    assert services.advice.ready  # loaded: an empty district simply has no advice to give
    assert services.advice.nearest_patrollers(113.64, 34.75, NOW) == []
    assert services.advice.segment_geometry(1) == []
    counts = services.district.counts()
    assert (counts.offices, counts.segments, counts.units) == (0, 0, 0)
    assert services.district.segments() == []
    assert services.district.staff() == []
    assert services.cases.board() == []
    assert services.cameras.list_cameras() == []
    assert services.cameras.nearest_feeds(113.64, 34.75, 4) == []
    assert services.tracks.units() == []
    assert services.alerts.poll() == []
    assert services.map.units().ids.size == 0
    services.map.vectors()
