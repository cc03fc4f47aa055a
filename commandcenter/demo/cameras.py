"""Cameras per district copy: 2,380 street (综合), 297 construction (工地), 3,008 public-unit
(公共单位), 42 TDM terminals, plus one vehicle camera (车载) per vehicle.

Every camera plays one of the loopback demo clips (``commandcenter.streaming.demo_streams``), chosen
round-robin by camera sequence, so the wall shows different pictures side by side. About 70 % of
fixed cameras carry a GB/T 28181 device id (the rest are on the old private platform) and about 2 %
are offline, as on any real network.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from commandcenter.config import StreamSettings
from commandcenter.demo.district import nearest_office_ids
from commandcenter.demo.names import place_stem
from commandcenter.demo.placing import apportion, beside, lonlat
from commandcenter.demo.plan import DistrictPlan, Rows
from commandcenter.domain.cameras import StreamTier
from commandcenter.domain.kinds import CameraKind
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Vehicle
from commandcenter.streaming.demo_streams import demo_stream_id, demo_stream_url

STREET_CAMERAS = 2_380
SITE_CAMERAS = 297
PUBLIC_UNIT_CAMERAS = 3_008
TDM_TERMINALS = 42
GB_SHARE = 0.7
OFFLINE_SHARE = 0.02
_CODE_PREFIX = {
    CameraKind.STREET: "ST",
    CameraKind.CONSTRUCTION: "CS",
    CameraKind.PUBLIC_UNIT: "PU",
    CameraKind.TDM: "TD",
    CameraKind.VEHICLE: "VH",
}
_DIRECTIONS = "东南西北"
_SITE_VIEWS = ("出入口", "洗车平台", "塔吊", "东侧围挡", "西侧围挡", "料场")
_DUMP_VIEWS = ("出入口", "地磅")
_GATES = ("南门", "北门", "东门", "西门", "正门", "停车场", "大厅", "周界", "出入口", "侧门")
# (name template, cameras per place, relative frequency); {r} road, {s} place stem, {n} a number
_PLACES = (
    ("二七区{r}小学", (4, 8), 3.0),
    ("郑州市第{n}中学", (4, 8), 1.5),
    ("{r}幼儿园", (2, 4), 2.0),
    ("{s}社区卫生服务中心", (2, 4), 1.5),
    ("{s}医院", (5, 10), 0.7),
    ("{s}小区", (3, 6), 5.0),
    ("{s}家园", (3, 6), 3.0),
    ("{r}农贸市场", (3, 6), 1.5),
    ("{s}购物广场", (4, 8), 1.0),
    ("{s}公园", (3, 6), 1.0),
    ("{r}加油站", (2, 3), 1.0),
    ("{r}派出所", (2, 3), 0.5),
    ("{s}银行{r}支行", (2, 3), 1.0),
)


@dataclass(frozen=True)
class _Spot:
    name: str
    xy: tuple[float, float]
    segment_id: int | None = None
    office_id: int | None = None  # None: the office whose centre is nearest


class _CameraRows:
    """Turns spots into rows: codes, stream URLs, GB ids, online flags."""

    def __init__(self, rng: random.Random, rows: Rows, streams: StreamSettings) -> None:
        self._rng, self._rows, self._streams = rng, rows[Camera], streams
        self._serial = dict.fromkeys(_CODE_PREFIX, 0)

    def _row(self, kind: CameraKind, name: str, **columns: object) -> dict[str, object]:
        camera_id = len(self._rows) + 1
        self._serial[kind] += 1
        clip = (camera_id - 1) % self._streams.clip_count
        host, port = self._streams.host, self._streams.port
        row: dict[str, object] = {
            "id": camera_id,
            "code": f"CAM-{_CODE_PREFIX[kind]}-{self._serial[kind]:05d}",
            "name": name,
            "kind": kind.value,
            "office_id": None,
            "segment_id": None,
            "vehicle_id": None,
            "lon": None,
            "lat": None,
            "main_url": demo_stream_url(host, port, clip, StreamTier.MAIN),
            "sub_url": demo_stream_url(host, port, clip, StreamTier.SUB),
            "media_stream_id": demo_stream_id(clip),
            "gb_device_id": None,
            "online": True,
        }
        row.update(columns)
        self._rows.append(row)
        return row

    def fixed(self, district: DistrictPlan, kind: CameraKind, spots: list[_Spot]) -> None:
        nearest = nearest_office_ids(district.offices, np.asarray([spot.xy for spot in spots]))
        for spot, office_id in zip(spots, nearest, strict=True):
            lon, lat = lonlat(district.frame, spot.xy)
            row = self._row(
                kind,
                spot.name,
                office_id=spot.office_id or office_id,
                segment_id=spot.segment_id,
                lon=lon,
                lat=lat,
                online=self._rng.random() >= OFFLINE_SHARE,
            )
            if self._rng.random() < GB_SHARE:  # 6-digit area + 0000 + 132 (IPC) + 7-digit serial
                row["gb_device_id"] = f"{district.frame.county_code}0000132{row['id']:07d}"

    def vehicle(self, vehicle: dict[str, object]) -> None:
        self._row(
            CameraKind.VEHICLE,
            f"{vehicle['plate']}车载摄像头",
            office_id=vehicle["office_id"],
            vehicle_id=vehicle["id"],
        )


def _street_spots(rng: random.Random, district: DistrictPlan) -> list[_Spot]:
    spots = []
    shares = apportion(STREET_CAMERAS, [segment.line.length for segment in district.segments], minimum=1)
    for segment, count in zip(district.segments, shares, strict=True):
        road = segment.road.name
        for _ in range(count):
            fraction = rng.random()
            cross = segment.start_cross if fraction < 0.25 else segment.end_cross if fraction > 0.75 else None
            direction = rng.choice(_DIRECTIONS)
            name = (
                f"{road}与{cross}交叉口{direction}"
                if cross
                else f"{road}{rng.randint(1, 399)}号{direction}侧"
            )
            xy = beside(segment.line, fraction * segment.line.length, _side(rng, 6, 15))
            spots.append(_Spot(name, xy, segment.id, segment.office_id))
    return spots


def _side(rng: random.Random, low: float, high: float) -> float:
    """A distance to the left or right of a road, between ``low`` and ``high`` metres."""
    return rng.choice((1, -1)) * rng.uniform(low, high)


def _jitter(rng: random.Random, xy: tuple[float, float], radius: float) -> tuple[float, float]:
    return xy[0] + rng.uniform(-radius, radius), xy[1] + rng.uniform(-radius, radius)


def _site_spots(rng: random.Random, district: DistrictPlan) -> list[_Spot]:
    disposal = [site for site in district.sites if site.disposal]
    building = [site for site in district.sites if not site.disposal]
    spots = [
        _Spot(f"{site.name}{view}", _jitter(rng, site.xy, 40))
        for site in disposal
        for view in ("出入口", "地磅")
    ]
    shares = apportion(SITE_CAMERAS - len(spots), [1.0] * len(building))
    for site, count in zip(building, shares, strict=True):
        spots += [_Spot(f"{site.name}工地{view}", _jitter(rng, site.xy, 60)) for view in _SITE_VIEWS[:count]]
    return spots


def _public_spots(rng: random.Random, district: DistrictPlan) -> list[_Spot]:
    spots: list[_Spot] = []
    weights = [weight for _, _, weight in _PLACES]
    while len(spots) < PUBLIC_UNIT_CAMERAS:
        template, (low, high), _ = rng.choices(_PLACES, weights=weights)[0]
        segment = rng.choice(district.segments)
        name = template.format(r=segment.road.name, s=place_stem(rng), n=rng.randint(1, 120))
        centre = beside(segment.line, rng.uniform(0, segment.line.length), _side(rng, 30, 150))
        count = min(rng.randint(low, high), PUBLIC_UNIT_CAMERAS - len(spots))
        spots += [_Spot(f"{name}{gate}", _jitter(rng, centre, 25)) for gate in rng.sample(_GATES, count)]
    return spots


def _tdm_spots(rng: random.Random, district: DistrictPlan) -> list[_Spot]:
    spots = []
    for segment in rng.sample(district.segments, TDM_TERMINALS):
        xy = beside(segment.line, rng.uniform(0, segment.line.length), _side(rng, 8, 8))
        spots.append(_Spot(f"{segment.road.name}TDM便民服务终端", xy, segment.id, segment.office_id))
    return spots


def add_cameras(
    rng: random.Random, districts: list[DistrictPlan], rows: Rows, streams: StreamSettings
) -> None:
    writer = _CameraRows(rng, rows, streams)
    for district in districts:
        writer.fixed(district, CameraKind.STREET, _street_spots(rng, district))
        writer.fixed(district, CameraKind.CONSTRUCTION, _site_spots(rng, district))
        writer.fixed(district, CameraKind.PUBLIC_UNIT, _public_spots(rng, district))
        writer.fixed(district, CameraKind.TDM, _tdm_spots(rng, district))
    for vehicle in rows[Vehicle]:
        writer.vehicle(vehicle)
