"""A real demo district in a SQLite file for the screening, recommendation and benchmark code: the
store, the index built from it, the category table, and a few point helpers."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from commandcenter.cases.district_index import DistrictIndex
from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.cases import NearbyCase
from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.district import SegmentShape
from commandcenter.geo import EARTH_RADIUS_M, point_along_polyline, polyline_length_m
from commandcenter.persistence.cases import categories as case_categories, queries as case_queries
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.store import Store

# 10:00 in Zhengzhou (day shift); the demo data's fixes and case history end at this moment.
DISTRICT_NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
_M_PER_DEG_LAT = 3.141592653589793 * EARTH_RADIUS_M / 180.0


@dataclass
class DemoDistrict:
    store: Store
    index: DistrictIndex
    categories: dict[str, CategorySpec]
    now: datetime

    def open_cases_near(
        self, code: str, lon: float, lat: float, radius_m: float, since: datetime
    ) -> list[NearbyCase]:
        """``screen``'s duplicate lookup against this district's store."""
        return case_queries.open_cases_near(self.store, code, lon, lat, radius_m, since)

    @functools.cached_property
    def segments(self) -> list[SegmentShape]:
        return district_queries.segment_shapes(self.store)


@contextmanager
def demo_district(folder: Path, scale: int = 1, now: datetime = DISTRICT_NOW) -> Iterator[DemoDistrict]:
    """Demo data at ``scale`` in ``folder``/district.sqlite, indexed; the store is closed afterwards."""
    store = Store.open(f"sqlite:///{folder / 'district.sqlite'}")
    try:
        load_demo_data(store, scale=scale, now=now)
        yield DemoDistrict(
            store, DistrictIndex.from_store(store), case_categories.active_categories(store), now
        )
    finally:
        store.close()


def north_of(lon: float, lat: float, metres: float) -> tuple[float, float]:
    """A point ``metres`` due north (haversine-exact to millimetres)."""
    return lon, lat + metres / _M_PER_DEG_LAT


def middle_of(segment: SegmentShape) -> tuple[float, float]:
    lon, lat, _heading = point_along_polyline(segment.geometry, polyline_length_m(segment.geometry) / 2)
    return lon, lat
