"""The demo dataset at the seed's exact scale, generated deterministically from one seed.

``generate(scale=1)`` yields exactly what the seed article lists for Erqi — 18 offices, 185 roads,
291 segments, 1,600 city managers, 1,051 muck trucks, 7 enforcement vehicles, 2,380 / 297 / 3,008
cameras, 42 TDM terminals — plus categories, a week of cases and login users; ``scale=10`` repeats
the district ten times side by side for "whole city" benchmarks. The same seed and ``now`` always
give identical rows: one ``random.Random(seed)``, no global randomness, no clock.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

from commandcenter.config import StreamSettings
from commandcenter.demo.cameras import add_cameras
from commandcenter.demo.district_plan import district_plan
from commandcenter.demo.duty_rows import add_duty
from commandcenter.demo.fleet import add_fleet
from commandcenter.demo.history import add_history
from commandcenter.demo.people import add_departments, add_staff, add_users
from commandcenter.demo.plan import Rows, plan_district
from commandcenter.demo.reviews import add_reviews
from commandcenter.domain.categories import category_rows
from commandcenter.persistence.accounts.models import User
from commandcenter.persistence.base import Base
from commandcenter.persistence.bulk_load import LOAD_ORDER, replace_all
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.demo_rows import seed_demo_rows

DEFAULT_SEED = 20171017  # the date of the leaders' visit in the seed article
# 10:00 in Zhengzhou on that day: the fixed "now" that keeps generate() reproducible.
DEMO_NOW = datetime(2017, 10, 17, 2, 0, tzinfo=UTC)


def generate(
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    *,
    streams: StreamSettings | None = None,
    now: datetime | None = None,
) -> dict[type[Base], list[dict[str, Any]]]:
    """Rows for ``replace_all``, keyed by model, with explicit ids so foreign keys line up."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    now = now or DEMO_NOW
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (the store keeps aware timestamps)")
    rng = random.Random(seed)
    rows: Rows = {model: [] for model in LOAD_ORDER}
    districts = [plan_district(rng, copy_index, rows) for copy_index in range(scale)]
    roster = add_staff(rng, districts, rows, now)
    add_fleet(rng, districts, rows, now)
    add_cameras(rng, districts, rows, streams or StreamSettings())
    rows[CaseCategory] = list(category_rows())
    add_departments(rows)
    add_users(rng, districts, rows, roster)
    add_history(rng, districts, roster, rows, now)
    add_reviews(districts, rows, now)  # 待甄别 shows two waiting reports
    add_duty(rows, now)  # 勤务: the 路长 and city managers on their shifts
    return rows


def load_demo_data(
    store: Store,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    *,
    streams: StreamSettings | None = None,
    now: datetime | None = None,
    with_users: bool = True,
) -> dict[str, int]:
    """Replace everything in ``store`` with the demo dataset; returns rows written per table.

    Unlike ``generate``, ``now`` defaults to the real current time: the running demo wants its
    case history to end a few minutes ago, not in 2017. The plugins' example rows are part of the
    dataset: their ``add_demo_data`` hooks run here and nowhere else (``plugin_host.demo_rows``).
    The district itself goes through the district importer's checks and write (``district_plan``).
    ``with_users=False`` (the setup wizard's demo district) leaves ``users`` as it is: a real
    install's administrators stay, and no demo login with a published password appears.
    """
    rows = generate(scale, seed, streams=streams, now=now or datetime.now(UTC))
    if not with_users:
        rows[User] = []
    replace_all(store, rows, district=district_plan(rows), keep=() if with_users else (User,))
    seed_demo_rows(store)
    return {model.__tablename__: len(rows[model]) for model in LOAD_ORDER if rows.get(model)}
