"""The demo district in a real install: the seed-scale offices, roads, segments, staff, vehicles,
cameras and a week of cases, through the same ``load_demo_data`` as ``commandcenter demo-data`` —
but the users stay (the first administrator the wizard has just created; no demo logins with
published passwords), and a database that already holds a district is refused, never replaced."""

from __future__ import annotations

from commandcenter.config import Settings
from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.district import SeedCounts
from commandcenter.persistence.accounts.models import User
from commandcenter.persistence.bulk_load import holds_replaceable_rows
from commandcenter.persistence.district.counts import district_counts
from commandcenter.persistence.map.permits import replace_permits
from commandcenter.persistence.store import Store
from commandcenter.rules.demo_permits import demo_permits


class DistrictNotEmpty(RuntimeError):
    """The database holds district rows already: the demo district would replace them."""


def load_demo_district(url: str, settings: Settings) -> SeedCounts:
    """Fill the district tables of the (migrated) database at ``url``; returns what it now holds.
    Blocking for a few seconds: a worker's job. Raises ``DistrictNotEmpty``, ``DatabaseUnavailable``."""
    store = Store.open(url, migrate=False)
    try:
        if holds_replaceable_rows(store, ignore=(User,)):
            raise DistrictNotEmpty
        load_demo_data(store, seed=settings.simulator.seed, streams=settings.streams, with_users=False)
        replace_permits(store, demo_permits(store))  # the trucks' permits the map rules check
        return district_counts(store)
    finally:
        store.close()
