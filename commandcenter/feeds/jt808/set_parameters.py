"""0x8103 set terminal parameters: ``count BYTE`` then ``id DWORD, length BYTE, value`` per item.
A desk names the parameters (``heartbeat_s`` …) or gives the standard's id as ``"0x0029"``; the
numeric parameters named here are DWORDs. Answered with 0x0001."""

from __future__ import annotations

from collections.abc import Mapping

from commandcenter.feeds.jt808.fields import dword

MSG_ID = 0x8103

PARAMETER_IDS = {
    "heartbeat_s": 0x0001,  # 终端心跳发送间隔
    "report_strategy": 0x0020,  # 0 by time, 1 by distance, 2 both
    "sleep_interval_s": 0x0027,  # 休眠时汇报时间间隔
    "emergency_interval_s": 0x0028,  # 紧急报警时汇报时间间隔
    "default_interval_s": 0x0029,  # 缺省时间汇报间隔
    "max_speed_kmh": 0x0055,  # 最高速度
    "overspeed_duration_s": 0x0056,  # 超速持续时间
}


def parameter_id(name: str) -> int:
    if name in PARAMETER_IDS:
        return PARAMETER_IDS[name]
    try:
        return int(name, 16) if name.lower().startswith("0x") else int(name)
    except ValueError:
        raise ValueError(f"未知的终端参数 {name!r} / unknown terminal parameter") from None


def encode_set_parameters(parameters: Mapping[str, int]) -> bytes:
    items = [dword(parameter_id(name)) + b"\x04" + dword(int(value)) for name, value in parameters.items()]
    if not 0 < len(items) < 256:
        raise ValueError(f"{len(items)} parameters: between 1 and 255 per message")
    return bytes([len(items)]) + b"".join(items)
