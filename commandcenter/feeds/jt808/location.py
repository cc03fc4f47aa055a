"""0x0200 location report: alarm and status DWORDs, latitude/longitude (degrees × 10⁶, sign from
status bits 2/3), altitude (m, signed as Traccar reads it), speed (1/10 km/h), direction, BCD time
(GMT+8), then TLV extras. Load (status bits 8–9: 00 empty, 01 half, 11 full) becomes the unit's
``state`` loaded/empty. Coordinates are WGS-84 unless status bit 5 says a 保密插件 offset them
(GCJ-02): then they are converted back and the extras say so.

Extras are bounds-checked one by one (§2.6: vendors deviate): a known id with an unexpected length,
an unknown id or a TLV cut short is kept raw as hex under ``tlv_0xNN`` — never an exception."""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from commandcenter.domain.units import Position
from commandcenter.feeds.jt808.fields import MalformedMessage, Reader, bcd_time, dword, to_bcd_time, word
from commandcenter.geo.datum import gcj02_to_wgs84

MSG_ID = 0x0200
FIXED_LENGTH = 28
_FIXED = struct.Struct(">IIIIhHH6s")  # alarm, status, lat, lon, altitude, speed, direction, time

STATUS_FIXED = 1 << 1
STATUS_SOUTH = 1 << 2
STATUS_WEST = 1 << 3
STATUS_ENCRYPTED = 1 << 5
_LOAD_SHIFT = 8
_LOAD_STATES = {0b00: "empty", 0b01: "loaded", 0b11: "loaded"}  # 01 half, 11 full, 10 reserved


def _int(data: bytes) -> int:
    return int.from_bytes(data, "big")


# id → (name, length, value): the TLVs of JT/T 808 2013/2019 with a fixed size (§2.4)
_EXTRAS: dict[int, tuple[str, int, Callable[[bytes], object]]] = {
    0x01: ("mileage_km", 4, lambda v: _int(v) / 10),
    0x02: ("fuel_l", 2, lambda v: _int(v) / 10),
    0x03: ("tachograph_speed_kmh", 2, lambda v: _int(v) / 10),
    0x04: ("alarm_event_id", 2, _int),
    0x25: ("extended_signals", 4, _int),
    0x2A: ("io_status", 2, _int),
    0x2B: ("analog", 4, _int),
    0x30: ("rssi", 1, _int),
    0x31: ("satellites", 1, _int),
}


@dataclass(frozen=True)
class LocationReport:
    alarm_flags: int
    status_flags: int
    lat: float
    lon: float
    altitude_m: int
    speed_kmh: float
    heading_deg: float
    ts: datetime  # aware UTC
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return bool(self.status_flags & STATUS_FIXED)

    @property
    def load_state(self) -> str | None:
        return _LOAD_STATES.get((self.status_flags >> _LOAD_SHIFT) & 0b11)

    def to_position(self, unit_id: int, received_at: datetime | None = None) -> Position:
        return Position(
            unit_id,
            self.ts,
            self.lon,
            self.lat,
            self.speed_kmh,
            self.heading_deg,
            self.load_state,
            self.valid,
            float(self.altitude_m),
            self.alarm_flags,
            self.status_flags,
            dict(self.extras),
            "jt808",
            received_at,
        )


def decode_location(body: bytes) -> LocationReport:
    """Raises ``MalformedMessage`` when the 28 fixed bytes are short or the time is not a time."""
    if len(body) < FIXED_LENGTH:
        raise MalformedMessage(f"位置信息 {len(body)} 字节，少于 {FIXED_LENGTH} / truncated body")
    alarm, status, lat_e6, lon_e6, altitude, speed_dm, direction, moment = _FIXED.unpack_from(body)
    lat, lon, speed = lat_e6 / 1e6, lon_e6 / 1e6, speed_dm / 10
    ts = bcd_time(moment)
    reader = Reader(body, FIXED_LENGTH)
    if status & STATUS_SOUTH:
        lat = -lat
    if status & STATUS_WEST:
        lon = -lon
    extras = decode_extras(reader)
    if status & STATUS_ENCRYPTED:
        lon, lat = gcj02_to_wgs84(lon, lat)
        extras["datum"] = "gcj02"
    return LocationReport(alarm, status, lat, lon, altitude, speed, float(direction), ts, extras)


def decode_extras(reader: Reader) -> dict[str, object]:
    extras: dict[str, object] = {}
    while reader.remaining >= 2:
        tlv_id, length = reader.byte(), reader.byte()
        if length > reader.remaining:  # cut short: keep what is there and stop
            extras[f"tlv_0x{tlv_id:02x}"] = reader.rest().hex()
            break
        value = reader.take(length)
        known = _EXTRAS.get(tlv_id)
        if known is not None and known[1] == length:
            extras[known[0]] = known[2](value)
        else:
            extras[f"tlv_0x{tlv_id:02x}"] = value.hex()
    if reader.remaining:
        extras["trailing"] = reader.rest().hex()
    return extras


def encode_location(report: LocationReport) -> bytes:
    """The 0x0200 body of ``report`` (the terminal's side: the simulator and the tests)."""
    status = report.status_flags & ~(STATUS_SOUTH | STATUS_WEST)
    status |= STATUS_SOUTH if report.lat < 0 else 0
    status |= STATUS_WEST if report.lon < 0 else 0
    body = (
        dword(report.alarm_flags)
        + dword(status)
        + dword(round(abs(report.lat) * 1e6))
        + dword(round(abs(report.lon) * 1e6))
        + report.altitude_m.to_bytes(2, "big", signed=True)
        + word(round(report.speed_kmh * 10))
        + word(round(report.heading_deg) % 360)
        + to_bcd_time(report.ts)
    )
    names = {name: (tlv_id, length) for tlv_id, (name, length, _) in _EXTRAS.items()}
    for name, value in report.extras.items():
        if name in names and isinstance(value, int | float):
            tlv_id, length = names[name]
            scaled = round(value * 10) if name.endswith(("_km", "_l", "_kmh")) else int(value)
            body += bytes([tlv_id, length]) + scaled.to_bytes(length, "big")
    return body
