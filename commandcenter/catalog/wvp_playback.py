"""Recorded video (回放) from a WVP-GB28181-pro platform: which periods a camera's NVR holds, and a
playback stream of one period that the platform steers (seek, speed, pause, resume) as the device does.

The API, as WVP documents it (every reply in the ``{"code", "msg", "data"}`` envelope):

- ``GET /api/gb_record/query/{deviceId}/{channelId}?startTime=&endTime=`` → ``data.recordList``:
  ``[{"startTime": "2026-12-02 09:00:00", "endTime": "…", "filePath", "fileSize", …}]``
- ``GET /api/playback/start/{deviceId}/{channelId}?startTime=&endTime=`` → a stream as ``/api/play/start``
  answers it (``stream`` plus flv/ts/hls URLs)
- ``GET /api/playback/stop/{deviceId}/{channelId}/{stream}``
- ``GET /api/playback/seek/{stream}/{seconds from the start}``, ``/speed/{stream}/{speed}``,
  ``/pause/{stream}``, ``/resume/{stream}``

Times travel as ``yyyy-MM-dd HH:mm:ss`` on the district's clock (the platform's and the NVR's zone).
Calls block (urllib): run them in a worker, never on the Qt thread.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from datetime import datetime

from commandcenter.catalog.source import CatalogError
from commandcenter.catalog.wvp import URL_PREFERENCE, WvpCatalog
from commandcenter.district_time import district_clock

WVP_TIME = "%Y-%m-%d %H:%M:%S"
SPEEDS = (1, 2, 4, 8, 16)  # what the playback window offers; GB/T 28181 devices scale by MANSRTSP


@dataclass(frozen=True)
class PlaybackCamera:
    """A platform channel to play back: its device (NVR) id, its channel id, its name."""

    device_id: str
    channel_id: str
    name: str


@dataclass(frozen=True)
class RecordRange:
    """One recording the NVR holds: ``start`` ≤ t < ``end`` (aware datetimes)."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class PlaybackStream:
    """A running playback: the platform's stream id (for seek/speed/pause/stop) and a URL to play."""

    device_id: str
    channel_id: str
    stream: str
    url: str
    start: datetime
    end: datetime


def wvp_time(moment: datetime) -> str:
    return district_clock().local(moment).strftime(WVP_TIME)


def parse_wvp_time(text: object) -> datetime:
    try:
        return datetime.strptime(str(text), WVP_TIME).replace(tzinfo=district_clock().zone)
    except ValueError as error:
        raise CatalogError(f"WVP record time {text!r} is not yyyy-MM-dd HH:mm:ss") from error


def _quoted(*parts: str) -> str:
    return "/".join(urllib.parse.quote(part, safe="") for part in parts)


class WvpPlayback:
    """Record query and playback of one platform, over the catalog's HTTP client (token, timeouts,
    errors as ``CatalogError``)."""

    def __init__(self, catalog: WvpCatalog) -> None:
        self._catalog = catalog

    def records(self, device_id: str, channel_id: str, start: datetime, end: datetime) -> list[RecordRange]:
        """The recordings between ``start`` and ``end``, clipped to them, in time order."""
        path = f"/api/gb_record/query/{_quoted(device_id, channel_id)}"
        data = self._catalog.get_json(path, startTime=wvp_time(start), endTime=wvp_time(end))
        items = data.get("recordList") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise CatalogError(f"WVP {path}: the reply has no recordList")
        ranges = []
        for item in items:
            if not isinstance(item, dict):
                continue
            first, last = parse_wvp_time(item.get("startTime")), parse_wvp_time(item.get("endTime"))
            first, last = max(first, start), min(last, end)
            if first < last:
                ranges.append(RecordRange(first, last))
        return sorted(ranges, key=lambda r: r.start)

    def start(self, device_id: str, channel_id: str, start: datetime, end: datetime) -> PlaybackStream:
        path = f"/api/playback/start/{_quoted(device_id, channel_id)}"
        data = self._catalog.get_json(path, startTime=wvp_time(start), endTime=wvp_time(end))
        if not isinstance(data, dict) or not data.get("stream"):
            raise CatalogError(f"WVP {path}: the playback reply has no stream")
        url = next((data[key] for key in URL_PREFERENCE if isinstance(data.get(key), str) and data[key]), "")
        if not url:
            raise CatalogError(f"WVP {path}: the playback reply names no URL libVLC can play")
        return PlaybackStream(device_id, channel_id, str(data["stream"]), url, start, end)

    def stop(self, stream: PlaybackStream) -> None:
        self._catalog.get_json(
            f"/api/playback/stop/{_quoted(stream.device_id, stream.channel_id, stream.stream)}"
        )

    def seek(self, stream: PlaybackStream, moment: datetime) -> None:
        """Continue from ``moment`` (the platform counts whole seconds from the stream's start)."""
        seconds = max(0, round((moment - stream.start).total_seconds()))
        self._catalog.get_json(f"/api/playback/seek/{_quoted(stream.stream)}/{seconds}")

    def speed(self, stream: PlaybackStream, speed: float) -> None:
        self._catalog.get_json(f"/api/playback/speed/{_quoted(stream.stream)}/{speed:g}")

    def pause(self, stream: PlaybackStream) -> None:
        self._catalog.get_json(f"/api/playback/pause/{_quoted(stream.stream)}")

    def resume(self, stream: PlaybackStream) -> None:
        self._catalog.get_json(f"/api/playback/resume/{_quoted(stream.stream)}")
