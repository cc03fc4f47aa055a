"""A WVP-GB28181-pro platform's device alarms, polled (``/api/alarm/all``, ``/api/alarm/list`` in later
versions: newest first, paged).

WVP stores every alarm NOTIFY a device sends as a ``DeviceAlarm`` row: ``alarmMethod`` and
``alarmType`` are GB/T 28181's codes (method 2 device alarm: type 1 video loss, 2 tamper, 3 disk full;
method 5 video analysis: 5 tripwire, 6 intrusion; method 6 device fault), and TDM terminals send their
face-recognition hits (布控比中) as video alarms whose description says 人脸. ``AlarmPoll`` remembers
the newest id it has seen per platform, so each alarm is announced once per desk.
"""

from __future__ import annotations

from typing import Any

from commandcenter.catalog.platform_source import PlatformSource
from commandcenter.catalog.source import CatalogError
from commandcenter.domain.platform_alarms import AlarmKind, PlatformAlarm
from commandcenter.geo.datum import Datum, to_wgs84

ALARM_PATHS = ("/api/alarm/all", "/api/alarm/list")  # the same paged query, older and later WVP
PAGE = 100
FACE_WORDS = ("人脸", "face")


def classify(method: str, alarm_type: str, description: str) -> AlarmKind:
    if any(word in description.lower() for word in FACE_WORDS):
        return AlarmKind.FACE
    if method == "5" and alarm_type in ("5", "6"):
        return AlarmKind.INTRUSION
    if method == "2" and alarm_type == "1":
        return AlarmKind.VIDEO_LOSS
    if method == "6" or (method == "2" and alarm_type in ("2", "3", "4", "5")):
        return AlarmKind.DEVICE_FAULT
    return AlarmKind.OTHER


def _alarm(source: PlatformSource, row: dict[str, Any]) -> PlatformAlarm | None:
    alarm_id = str(row.get("id") or "")
    if not alarm_id:
        return None
    lon, lat = row.get("longitude"), row.get("latitude")
    point = None
    if isinstance(lon, int | float) and isinstance(lat, int | float) and (lon, lat) != (0, 0):
        point = to_wgs84(float(lon), float(lat), Datum(source.settings.datum))
    description = str(row.get("alarmDescription") or "")
    priority = str(row.get("alarmPriority") or "4")
    return PlatformAlarm(
        platform=source.name,
        alarm_id=alarm_id,
        device_id=str(row.get("deviceId") or ""),
        channel_id=str(row.get("channelId") or row.get("deviceId") or ""),
        kind=classify(str(row.get("alarmMethod") or ""), str(row.get("alarmType") or ""), description),
        priority=int(priority) if priority.isdigit() else 4,
        time=str(row.get("alarmTime") or row.get("createTime") or ""),
        description=description,
        lon=point[0] if point else None,
        lat=point[1] if point else None,
    )


class AlarmPoll:
    """The alarms of one platform newer than the last poll (the first poll: the latest ``PAGE``)."""

    def __init__(self, source: PlatformSource) -> None:
        self.source = source
        self._newest = -1
        self._path = 0  # which of ALARM_PATHS this platform answers

    def poll(self) -> list[PlatformAlarm]:
        try:
            data = self.source.call(ALARM_PATHS[self._path], page=1, count=PAGE)
        except CatalogError as error:
            if "HTTP 404" not in str(error) or self._path + 1 >= len(ALARM_PATHS):
                raise
            self._path += 1  # the other generation's name
            data = self.source.call(ALARM_PATHS[self._path], page=1, count=PAGE)
        rows = data.get("list") if isinstance(data, dict) else None
        found = [alarm for row in rows or [] if isinstance(row, dict) and (alarm := _alarm(self.source, row))]
        fresh = [alarm for alarm in found if _number(alarm.alarm_id) > self._newest]
        if found:
            self._newest = max(self._newest, *(_number(alarm.alarm_id) for alarm in found))
        return sorted(fresh, key=lambda alarm: _number(alarm.alarm_id))


def _number(alarm_id: str) -> int:
    return int(alarm_id) if alarm_id.isdigit() else 0
