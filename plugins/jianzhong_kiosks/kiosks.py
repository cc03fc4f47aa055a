"""The kiosks (工作亭) and their duty staff. Qt-free.

First use seeds one kiosk at the middle of each of the office's first four segments, staffed by
that segment's 路长 (or any of the office's staff), so the layer shows the practice at once.
"""

from __future__ import annotations

import threading
from typing import Any

from commandcenter.plugins_api import LayerData, MapPoint, PluginContext, midpoint

OFFICE = "建中街街道"
KIOSK_COLOR = "#a855f7"  # violet squares: apart from the green patrollers and amber trucks
SEEDED = 4
_seed_lock = threading.Lock()


def ensure_seeded(context: PluginContext) -> None:
    with _seed_lock:
        if context.tables.count("kiosks"):
            return
        staff = context.staff(OFFICE)
        rows = []
        for index, segment in enumerate(context.segments(OFFICE)[:SEEDED]):
            chief = next((m for m in staff if m.segment_id == segment.id and m.role == "路长"), None)
            on_duty = chief or (staff[index % len(staff)] if staff else None)
            lon, lat = midpoint(segment.geometry)
            rows.append(
                {
                    "name": f"{segment.name.split('(')[0]}路长制工作亭{index + 1}号",
                    "segment_id": segment.id,
                    "lon": lon,
                    "lat": lat,
                    "duty_name": on_duty.name if on_duty else "",
                    "duty_phone": on_duty.phone if on_duty else "",
                    "hours": "8:00-18:00",
                }
            )
        context.tables.insert_many("kiosks", rows)


def kiosks(context: PluginContext) -> list[dict[str, Any]]:
    ensure_seeded(context)
    names = {segment.id: segment.name for segment in context.segments(OFFICE)}
    return [{**row, "segment": names.get(row["segment_id"], "")} for row in context.tables.rows("kiosks")]


def set_duty(context: PluginContext, kiosk_id: int, name: str, phone: str) -> bool:
    return context.tables.update("kiosks", kiosk_id, duty_name=name.strip(), duty_phone=phone.strip())


def layer(context: PluginContext) -> LayerData:
    points = tuple(
        MapPoint(
            row["lon"], row["lat"], f"{row['name']} 值守: {row['duty_name'] or '无'}", KIOSK_COLOR, 14, "s"
        )
        for row in kiosks(context)
    )
    return LayerData(points=points)
