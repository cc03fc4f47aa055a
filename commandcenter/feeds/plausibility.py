"""Is a decoded position believable? The check every source's positions pass before they are stored
(Traccar's ``ProtocolTest`` asserts the same ranges on every test vector).

A terminal with a bad antenna reports 0,0; a decoder off by one byte reads 900 km/h; a device with a
flat clock battery dates its fix in 2000 or next year. Such a fix must not move a truck on the map or
start a rule episode, so it is refused with a reason a person can read, and the feed counts it per
unit instead of silently dropping it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from commandcenter.domain.units import Position


@dataclass(frozen=True)
class PlausibilityRules:
    max_speed_kmh: float = 250.0  # faster than any vehicle of a district fleet
    max_future: timedelta = timedelta(minutes=5)  # clock skew a terminal may have
    max_age: timedelta = timedelta(days=30)  # blind-area backfill (JT/T 808 0x0704) stays within this


DEFAULT_RULES = PlausibilityRules()


def position_problems(
    position: Position, now: datetime, rules: PlausibilityRules = DEFAULT_RULES
) -> list[str]:
    """Why ``position`` cannot be stored (empty when it can). ``now`` is the receiving server's time."""
    problems: list[str] = []
    lon, lat = position.lon, position.lat
    if not (math.isfinite(lon) and math.isfinite(lat)) or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        problems.append(f"坐标超出范围 ({lon}, {lat})")
    elif lon == 0 and lat == 0:
        problems.append("坐标为 0,0（无定位）")
    if not position.valid:
        problems.append("终端报告未定位")
    speed = position.speed_kmh
    if not math.isfinite(speed) or not 0 <= speed <= rules.max_speed_kmh:
        problems.append(f"速度不合理 {speed} km/h")
    if not math.isfinite(position.heading_deg) or not 0 <= position.heading_deg <= 360:
        problems.append(f"方向不合理 {position.heading_deg}°")
    if position.ts.tzinfo is None:
        problems.append("定位时间缺少时区")
    elif position.ts > now + rules.max_future:
        problems.append(f"定位时间在未来 {position.ts.isoformat()}")
    elif position.ts < now - rules.max_age:
        problems.append(f"定位时间过旧 {position.ts.isoformat()}")
    return problems
