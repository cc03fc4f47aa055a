"""A device alarm from a GB/T 28181 platform (a TDM terminal's face-recognition hit, an intrusion, video
loss, a device fault) as the desk shows it and, when a rule names its kind, files it as a case.

``kind`` is the desk's reading of the GB/T 28181 alarm method and type (``catalog.wvp_alarms``); the
platform's own description stays in ``description`` (Chinese, as the device sent it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PLATFORM_ALARM_SOURCE = "视频报警"
PLATFORM_ALARM_REPORTER = "视频平台"


class AlarmKind(StrEnum):
    FACE = "face"  # 人脸识别 (布控比中)
    INTRUSION = "intrusion"  # 区域入侵, 绊线
    VIDEO_LOSS = "video_loss"  # 视频丢失
    DEVICE_FAULT = "device_fault"  # 设备故障, 防拆, 存储
    DEVICE_OFFLINE = "device_offline"  # a channel the platform listed online is listed offline
    OTHER = "other"


class AlarmAlreadyFiled(RuntimeError):
    """Another desk filed this alarm first (its link row won): nothing of this filing was kept."""


@dataclass(frozen=True)
class PlatformAlarm:
    platform: str  # the configured platform's name
    alarm_id: str  # the platform's id of the alarm: unique per platform
    device_id: str
    channel_id: str  # the camera's code on the desk
    kind: AlarmKind
    priority: int  # 1 (highest) … 4
    time: str  # as the platform gives it, "2026-12-02 18:00:00" (the district's clock)
    description: str
    lon: float | None = None  # WGS-84; None when the platform does not know
    lat: float | None = None
    camera_name: str = ""
    case_id: int | None = None  # set once filed

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.alarm_id)
