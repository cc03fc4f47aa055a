"""The party-member volunteer roster, linked to segments. Qt-free.

An office starts with an empty roster and adds its volunteers in the panel. The demo's example
roster (marked ``示例``, invented names and numbers) is written by ``demo_roster`` — registered with
``add_demo_data``, so only ``commandcenter demo-data`` runs it, never a production database.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from commandcenter.plugins_api import InvalidEntry, LayerData, MapPoint, MapPolyline, PluginContext, midpoint

OFFICE = "福华街街道"
PARTY_RED = "#e5484d"
_EXAMPLE = [
    ("王建国", "福华街社区党支部"),
    ("李秀兰", "大学路社区党支部"),
    ("张卫东", "机关党支部"),
    ("刘红梅", "福华街社区党支部"),
    ("陈志强", "在职党员报到"),
    ("赵淑芬", "大学路社区党支部"),
]


def demo_roster(context: PluginContext) -> None:
    """The demo's example roster on the office's first three segments (demo-data only)."""
    segments = context.segments(OFFICE)[:3]
    if not segments:
        return
    rows = [
        {
            "name": name,
            "branch": branch,
            "phone": f"1380371{index:04d}",
            "segment_id": segments[index % len(segments)].id,
            "duty": "周六上午",
            "note": "示例",
        }
        for index, (name, branch) in enumerate(_EXAMPLE)
    ]
    context.tables.insert_many("volunteers", rows)


def add_volunteer(
    context: PluginContext, name: str, branch: str, phone: str, segment_id: Any, duty: str
) -> int:
    if not name.strip() or segment_id is None:
        raise InvalidEntry("姓名和认领路段不能为空")
    return context.tables.insert(
        "volunteers",
        name=name.strip(),
        branch=branch.strip(),
        phone=phone.strip(),
        segment_id=int(segment_id),
        duty=duty.strip(),
        note="",
    )


def roster(context: PluginContext) -> list[dict[str, Any]]:
    names = {segment.id: segment.name for segment in context.segments()}
    return [{**row, "segment": names.get(row["segment_id"], "")} for row in context.tables.rows("volunteers")]


def segment_choices(context: PluginContext) -> list[tuple[str, int]]:
    return [(f"{segment.number} {segment.name}", segment.id) for segment in context.segments(OFFICE)]


def layer(context: PluginContext) -> LayerData:
    """Each covered segment drawn in party red, with the number of its volunteers at its middle."""
    per_segment = Counter(row["segment_id"] for row in context.tables.rows("volunteers"))
    shapes = {segment.id: segment for segment in context.segments()}
    points, lines = [], []
    for segment_id, count in sorted(per_segment.items()):
        shape = shapes.get(segment_id)
        if shape is None:
            continue
        lon, lat = midpoint(shape.geometry)
        points.append(MapPoint(lon, lat, f"{shape.name} 党员志愿者 {count} 名", PARTY_RED, 16, "star"))
        lines.append(MapPolyline(tuple((p[0], p[1]) for p in shape.geometry), shape.name, PARTY_RED, 3))
    return LayerData(tuple(points), tuple(lines))
