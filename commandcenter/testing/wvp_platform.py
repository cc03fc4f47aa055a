"""A loopback WVP-GB28181-pro for tests and benchmarks: the platform's REST API as the desk uses it,
replies in WVP's shapes (the ``{"code", "msg", "data"}`` envelope, paged lists, the play reply's URL
set, ``presetId``/``presetName`` presets, ``DeviceAlarm`` rows) — the shapes of the recorded replies in
``tests/data/wvp``.

It keeps the books a test checks: which streams are open (``open_streams``: started and not stopped,
so a leaked stream is visible), every PTZ/lens/preset/cruise command, the presets per channel, and
the alarms to serve. ``token`` set: every call needs it as ``access-token`` (``/api/user/login`` with
``username`` and the MD5 of ``password`` hands it out). ``locked`` channels refuse PTZ as a platform
whose device is held by another operator or is offline does.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any

from commandcenter.testing.wvp_routes import WvpHandler

ZHENGZHOU = (113.6285, 34.7352)


@dataclass
class FakeChannel:
    device_id: str
    channel_id: str
    name: str
    online: bool = True
    ptz_type: int = 1  # 1 dome (球机), 3 fixed (枪机)
    lon: float = ZHENGZHOU[0]
    lat: float = ZHENGZHOU[1]


@dataclass
class FakeDevice:
    device_id: str
    name: str
    online: bool = True
    channels: list[FakeChannel] = field(default_factory=list)


def device_id(number: int) -> str:
    return f"410103000011800{number:05d}"


def channel_id(device: int, number: int) -> str:
    return f"4101030000132{device:02d}{number:05d}"


class FakeWvpPlatform(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, devices: int = 2, channels_per_device: int = 8, *, token: str | None = None) -> None:
        super().__init__(("127.0.0.1", 0), WvpHandler)
        self.lock = threading.Lock()
        self.token = token
        self.username, self.password = "admin", "admin123"
        self.media_url = "http://127.0.0.1:9"  # where the play reply's URLs point (nothing listens)
        self.devices = [
            FakeDevice(
                device_id(d),
                f"二七区测试NVR{d}",
                channels=[
                    FakeChannel(device_id(d), channel_id(d, c), f"测试路口{d}-{c}")
                    for c in range(1, channels_per_device + 1)
                ],
            )
            for d in range(1, devices + 1)
        ]
        self.open_streams: set[tuple[str, str]] = set()
        self.starts = 0
        self.stops = 0
        self.commands: list[tuple[str, str, str, dict[str, str]]] = []  # (kind, device, channel, query)
        self.presets: dict[str, dict[int, str]] = {}  # channel id → preset number → name
        self.locked: set[str] = set()  # channel ids whose PTZ is refused
        self.alarms: list[dict[str, Any]] = []  # DeviceAlarm rows, newest first
        self.alarm_route = "all"  # /api/alarm/all (WVP 2.6); "list" as later versions name it
        self.tokens_seen: list[str | None] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def channels(self) -> list[FakeChannel]:
        return [channel for device in self.devices for channel in device.channels]

    def channel(self, device: str, channel: str) -> FakeChannel | None:
        for found in self.channels:
            if (found.device_id, found.channel_id) == (device, channel):
                return found
        return None

    def login_ok(self, username: str, digest: str) -> bool:
        return username == self.username and digest == hashlib.md5(self.password.encode()).hexdigest()

    def add_alarm(
        self, channel: FakeChannel, method: int, alarm_type: int, description: str, time: str
    ) -> dict[str, Any]:
        """A ``DeviceAlarm`` as WVP stores a device's NOTIFY (GB/T 28181 alarm method and type codes)."""
        with self.lock:
            row = {
                "id": len(self.alarms) + 1,
                "deviceId": channel.device_id,
                "channelId": channel.channel_id,
                "alarmPriority": "1",
                "alarmMethod": str(method),
                "alarmType": str(alarm_type),
                "alarmTime": time,
                "alarmDescription": description,
                "longitude": channel.lon,
                "latitude": channel.lat,
                "createTime": time,
            }
            self.alarms.insert(0, row)
        return row


@contextmanager
def running_platform(
    devices: int = 2, channels_per_device: int = 8, **options: Any
) -> Iterator[FakeWvpPlatform]:
    platform = FakeWvpPlatform(devices, channels_per_device, **options)
    thread = threading.Thread(target=platform.serve_forever, daemon=True)
    thread.start()
    try:
        yield platform
    finally:
        platform.shutdown()
        platform.server_close()
        thread.join()
