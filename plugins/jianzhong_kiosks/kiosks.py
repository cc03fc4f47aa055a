"""The kiosks (工作亭) and their duty staff. Qt-free.

An office adds its kiosks in the panel (placed at the middle of the chosen segment). The demo's
kiosks — one on each of the office's first four segments, staffed by that segment's 路长 — are
written by ``demo_kiosks``, registered with ``add_demo_data``: only ``commandcenter demo-data`` runs
it, never a production database.
"""

from __future__ import annotations

from typing import Any

from commandcenter.plugins_api import InvalidEntry, LayerData, MapPoint, PluginContext, midpoint

OFFICE = "建中街街道"
KIOSK_COLOR = "#a855f7"  # violet squares: apart from the green patrollers and amber trucks
DEMO_KIOSKS = 4
HOURS = "8:00-18:00"


def add_kiosk(
    context: PluginContext,
    name: str,
    segment_id: Any,
    hours: str = HOURS,
    duty_name: str = "",
    duty_phone: str = "",
) -> int:
    segment = next((s for s in context.segments(OFFICE) if s.id == segment_id), None)
    if not name.strip() or segment is None:
        raise InvalidEntry("工作亭名称和所在路段不能为空")
    lon, lat = midpoint(segment.geometry)
    return context.tables.insert(
        "kiosks",
        name=name.strip(),
        segment_id=segment.id,
        lon=lon,
        lat=lat,
        duty_name=duty_name.strip(),
        duty_phone=duty_phone.strip(),
        hours=hours.strip() or HOURS,
    )


def demo_kiosks(context: PluginContext) -> None:
    """One kiosk on each of the office's first segments, staffed by its 路长 (demo-data only)."""
    staff = context.staff(OFFICE)
    for index, segment in enumerate(context.segments(OFFICE)[:DEMO_KIOSKS]):
        chief = next((m for m in staff if m.segment_id == segment.id and m.role == "路长"), None)
        on_duty = chief or (staff[index % len(staff)] if staff else None)
        add_kiosk(
            context,
            f"{segment.name.split('(')[0]}路长制工作亭{index + 1}号",
            segment.id,
            HOURS,
            on_duty.name if on_duty else "",
            on_duty.phone if on_duty else "",
        )


def kiosks(context: PluginContext) -> list[dict[str, Any]]:
    names = {segment.id: segment.name for segment in context.segments(OFFICE)}
    return [{**row, "segment": names.get(row["segment_id"], "")} for row in context.tables.rows("kiosks")]


def segment_choices(context: PluginContext) -> list[tuple[str, int]]:
    return [(f"{segment.number} {segment.name}", segment.id) for segment in context.segments(OFFICE)]


def set_duty(context: PluginContext, kiosk_id: int, name: str, phone: str) -> bool:
    if not name.strip():
        raise InvalidEntry("接班人员不能为空")
    return context.tables.update("kiosks", kiosk_id, duty_name=name.strip(), duty_phone=phone.strip())


def layer(context: PluginContext) -> LayerData:
    points = tuple(
        MapPoint(
            row["lon"], row["lat"], f"{row['name']} 值守: {row['duty_name'] or '无'}", KIOSK_COLOR, 14, "s"
        )
        for row in kiosks(context)
    )
    return LayerData(points=points)
