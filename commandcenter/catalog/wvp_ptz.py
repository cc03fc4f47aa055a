"""Steering a dome camera through WVP-GB28181-pro's front-end API (GB/T 28181 PTZ commands).

WVP turns each call into a SIP MESSAGE with a PTZCmd to the device: a direction or zoom command
starts a movement that lasts until ``stop``; focus and iris (``/fi/focus``, ``/fi/iris``) likewise;
presets are queried, called and added under ``/api/front-end/preset/...`` and a cruise (巡航) is
started under ``/api/front-end/cruise/start``. Speeds: pan and tilt 0–255, zoom 0–15, lens 0–255.

Calls block (HTTP): run them off the Qt thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from commandcenter.catalog.platform_source import PlatformSource
from commandcenter.catalog.source import CatalogError

PAN_MAX = 255
ZOOM_MAX = 15


class PtzMove(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"
    UP_LEFT = "upleft"
    UP_RIGHT = "upright"
    DOWN_LEFT = "downleft"
    DOWN_RIGHT = "downright"
    ZOOM_IN = "zoomin"
    ZOOM_OUT = "zoomout"
    STOP = "stop"


class LensMove(StrEnum):
    FOCUS_NEAR = "focus:near"
    FOCUS_FAR = "focus:far"
    IRIS_OPEN = "iris:in"
    IRIS_CLOSE = "iris:out"
    FOCUS_STOP = "focus:stop"
    IRIS_STOP = "iris:stop"


@dataclass(frozen=True)
class Preset:
    number: int
    name: str


def move(source: PlatformSource, code: str, command: PtzMove, speed: float = 0.5) -> None:
    """Start (or, with ``STOP``, end) a pan/tilt/zoom movement; ``speed`` 0–1."""
    pan = round(max(0.0, min(speed, 1.0)) * PAN_MAX)
    zoom = round(max(0.0, min(speed, 1.0)) * ZOOM_MAX)
    path = source.channel_path("/api/front-end/ptz", code)
    source.call(path, command=command.value, horizonSpeed=pan, verticalSpeed=pan, zoomSpeed=zoom)


def lens(source: PlatformSource, code: str, command: LensMove, speed: float = 0.5) -> None:
    part, word = command.value.split(":")
    path = source.channel_path(f"/api/front-end/fi/{part}", code)
    source.call(path, command=word, speed=round(max(0.0, min(speed, 1.0)) * PAN_MAX))


def presets(source: PlatformSource, code: str) -> list[Preset]:
    data = source.call(source.channel_path("/api/front-end/preset/query", code))
    items = data if isinstance(data, list) else []
    found = []
    for item in items:
        if isinstance(item, dict) and str(item.get("presetId", "")).isdigit():
            number = int(item["presetId"])
            found.append(Preset(number, str(item.get("presetName") or number)))
    return sorted(found, key=lambda preset: preset.number)


def go_to_preset(source: PlatformSource, code: str, number: int) -> None:
    _check_number(number)
    source.call(source.channel_path("/api/front-end/preset/call", code), presetId=number)


def set_preset(source: PlatformSource, code: str, number: int, name: str) -> None:
    """Store the camera's current position as preset ``number`` under ``name``."""
    _check_number(number)
    path = source.channel_path("/api/front-end/preset/add", code)
    source.call(path, presetId=number, presetName=name.strip() or str(number))


def start_cruise(source: PlatformSource, code: str, cruise: int = 1) -> None:
    source.call(source.channel_path("/api/front-end/cruise/start", code), cruiseId=cruise)


def _check_number(number: int) -> None:
    if not 1 <= number <= 255:
        raise CatalogError(f"preset number {number} is outside 1–255")
