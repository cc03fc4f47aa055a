"""Where a caller says the problem is, found from what the operator types: a road (its middle), a
segment by name or number (its midpoint), an office (镇办, its centre) or a landmark — a fixed
camera's name is one ("建设路与大学路交叉口", "xx工地"), and construction and disposal sites carry
工地 cameras — by substring or pinyin initials, best matches first, each with a WGS-84 point.

``PlaceIndex.from_store`` reads the district once (a few hundred milliseconds at city scale, on a
worker); ``find`` is then a scan in memory, cheap enough for every keystroke after a short pause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from commandcenter.geo.distance import polyline_length_m
from commandcenter.geo.polyline import point_along_polyline
from commandcenter.lookup.text_match import Searchable, normalized, rank
from commandcenter.persistence.district.queries import offices, segment_shapes
from commandcenter.persistence.map.layers import camera_markers, road_outlines
from commandcenter.persistence.store import Store

DEFAULT_LIMIT = 30


class PlaceKind(IntEnum):
    """What a found place is; the order breaks ties between equally good matches."""

    ROAD = 1
    SEGMENT = 2
    OFFICE = 3
    LANDMARK = 4


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    label: str  # the name as stored (Chinese): 大学路, 大学路(陇海路—航海路), 二七区… , a camera's name
    code: str  # the segment's number, the office's or camera's code, "" for a road
    lon: float  # WGS-84
    lat: float


@dataclass(frozen=True)
class _Entry:
    place: Place
    search: Searchable


def middle_of(points: Sequence[Sequence[float]]) -> tuple[float, float]:
    """The point halfway along a line (a segment's midpoint, a road's middle)."""
    if len(points) == 1:
        return float(points[0][0]), float(points[0][1])
    lon, lat, _ = point_along_polyline(points, polyline_length_m(points) / 2)
    return lon, lat


class PlaceIndex:
    def __init__(self, places: Iterable[Place]) -> None:
        self._entries = [_Entry(place, Searchable.of([place.label], [place.code])) for place in places]

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def from_store(cls, store: Store) -> PlaceIndex:
        """Roads, segments, offices and placed cameras as stored (raises ``DatabaseUnavailable``)."""
        places: list[Place] = []
        for road in road_outlines(store):
            if road.points:
                places.append(Place(PlaceKind.ROAD, road.name, "", *middle_of(road.points)))
        for segment in segment_shapes(store):
            if segment.geometry:
                places.append(
                    Place(PlaceKind.SEGMENT, segment.name, segment.number, *middle_of(segment.geometry))
                )
        for office in offices(store):
            places.append(
                Place(PlaceKind.OFFICE, office.name, office.code, office.center_lon, office.center_lat)
            )
        for camera in camera_markers(store):
            places.append(Place(PlaceKind.LANDMARK, camera.name, camera.code, camera.lon, camera.lat))
        return cls(places)

    def find(self, text: str, limit: int = DEFAULT_LIMIT) -> list[Place]:
        """The places ``text`` names, best first; nothing for an empty text."""
        query = normalized(text)
        if not query:
            return []
        hits: list[tuple[int, int, int, Place]] = []
        for entry in self._entries:
            found = rank(query, entry.search)
            if found is not None:
                hits.append((found, entry.place.kind, len(entry.place.label), entry.place))
        hits.sort(key=lambda hit: hit[:3])
        return [hit[3] for hit in _distinct(hits)][:limit]


def _distinct(hits: list[tuple[int, int, int, Place]]) -> list[tuple[int, int, int, Place]]:
    """A road stored as several pieces with one name is offered once (its first, best piece)."""
    seen: set[tuple[PlaceKind, str, str]] = set()
    kept = []
    for hit in hits:
        key = (hit[3].kind, hit[3].label, hit[3].code)
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept
