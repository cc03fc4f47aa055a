"""The 新建案件 form's two searches: places (roads at their middle, segments at their midpoint, offices,
camera landmarks) and categories, by substring, code and pinyin initials, best matches first."""

from __future__ import annotations

import pytest

from commandcenter.domain.categories import DEFAULT_CATEGORIES
from commandcenter.domain.kinds import CameraKind
from commandcenter.lookup.categories import CategoryIndex
from commandcenter.lookup.places import PlaceIndex, PlaceKind, middle_of
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district


@pytest.fixture
def places(store: Store) -> PlaceIndex:
    rows = minimal_district()
    rows[Camera] = [
        {"id": 1, "code": "CAM-GD-00001", "name": "郑大一附院工地", "kind": CameraKind.CONSTRUCTION.value}
        | {"lon": 113.615, "lat": 34.705, "online": True}
    ]
    replace_all(store, rows)
    return PlaceIndex.from_store(store)


def test_a_road_comes_before_its_segments_and_sits_at_its_middle(places: PlaceIndex) -> None:
    found = places.find("大学路")
    assert [(place.kind, place.label) for place in found] == [
        (PlaceKind.ROAD, "大学路"),
        (PlaceKind.SEGMENT, "大学路第1段"),
    ]
    assert found[0].lon == pytest.approx(113.61, abs=1e-4)
    assert found[0].lat == pytest.approx(34.71, abs=1e-4)


@pytest.mark.parametrize(
    ("typed", "kind", "label"),
    [
        ("dxl", PlaceKind.ROAD, "大学路"),  # pinyin initials
        ("DXLD1", PlaceKind.SEGMENT, "大学路第1段"),
        ("eq-0001", PlaceKind.SEGMENT, "大学路第1段"),  # the segment's number
        ("建中", PlaceKind.OFFICE, "建中街街道"),
        ("jzjjd", PlaceKind.OFFICE, "建中街街道"),
        ("附院", PlaceKind.LANDMARK, "郑大一附院工地"),  # a camera's name is a landmark
        ("zdyfygd", PlaceKind.LANDMARK, "郑大一附院工地"),
    ],
)
def test_places_are_found_by_part_of_the_name_number_or_initials(
    places: PlaceIndex, typed: str, kind: PlaceKind, label: str
) -> None:
    best = places.find(typed)[0]
    assert (best.kind, best.label) == (kind, label)


def test_nothing_is_found_for_nothing_or_for_a_stranger(places: PlaceIndex) -> None:
    assert places.find("   ") == []
    assert places.find("人民路") == []
    assert places.find("zzz") == []


def test_a_midpoint_is_halfway_along_the_line() -> None:
    lon, lat = middle_of([[113.60, 34.70], [113.60, 34.72], [113.60, 34.76]])
    assert (lon, lat) == (pytest.approx(113.60, abs=1e-6), pytest.approx(34.73, abs=1e-5))
    assert middle_of([[113.6, 34.7]]) == (113.6, 34.7)


def test_categories_by_name_code_initials_and_major() -> None:
    index = CategoryIndex({spec.code: spec for spec in DEFAULT_CATEGORIES})
    assert index.find("占道经营")[0].name == "占道经营"
    assert index.find("zdjy")[0].name == "占道经营"
    assert index.find("S0502")[0].name == "占道经营"
    by_major = index.find("市容环境")
    assert {spec.major_name for spec in by_major} >= {"市容环境"}
    rubbish = [spec.name for spec in index.find("垃圾")]
    assert rubbish[0].startswith("垃圾")  # names starting with the text before names containing it
    assert "暴露垃圾" in rubbish
    everything = index.find("")
    assert [spec.code for spec in everything] == sorted(spec.code for spec in everything)
    assert index.find("没有这种") == []
