"""Splitting a segment in two and merging two into one (issue 13), each in one transaction with an
audit entry for every record it touched (the segments and whoever and whatever followed them).

Who goes where is decided once, here (``domain.district_edits.SegmentSplit`` / ``SegmentMerge``
say it in words): on a split the first part keeps the number, the 路长 and the cases, and city
managers and cameras go to the part nearest them; on a merge everything of the absorbed segment
moves to the kept one, except its 路长 when the kept segment has one already (a segment has one
路长; the freed one is left without a segment, which ``district check`` lists for reassignment).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from commandcenter.domain.district_edits import (
    MIN_PART_M,
    TOUCH_M,
    Change,
    EditKind,
    EditRefused,
    Outcome,
    Problem,
    SegmentMerge,
    SegmentSplit,
    changed,
)
from commandcenter.domain.kinds import StaffRole
from commandcenter.geo.line_edit import end_gap_m, join_lines, split_line
from commandcenter.geo.polyline import distance_to_polyline_m
from commandcenter.persistence.access import writing
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.district.edit_reads import record_in
from commandcenter.persistence.district.imports import shape_columns
from commandcenter.persistence.district.journal import Journal
from commandcenter.persistence.district.models import Road, Segment, Staff
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit

_SEGMENT = EditKind.SEGMENT


def split_segment(store: Store, split: SegmentSplit, journal: Journal) -> Outcome:
    with writing(store) as connection:
        before = record_in(connection, _SEGMENT, split.segment_id)
        if connection.execute(select(Segment.id).where(Segment.number == split.new_number)).first():
            raise EditRefused(Problem.DUPLICATE, "number", value=split.new_number)
        road_id, office_id, geometry, difficulty = connection.execute(
            select(Segment.road_id, Segment.office_id, Segment.geometry, Segment.difficulty).where(
                Segment.id == split.segment_id
            )
        ).one()
        try:
            first, second = split_line(geometry, split.fraction)
        except ValueError:
            raise EditRefused(Problem.BAD_SPLIT, "fraction", fraction=split.fraction) from None
        first_shape, second_shape = shape_columns(first), shape_columns(second)
        if min(first_shape["length_m"], second_shape["length_m"]) < MIN_PART_M:
            raise EditRefused(Problem.BAD_SPLIT, "fraction", fraction=split.fraction)
        road = connection.execute(select(Road.name).where(Road.id == road_id)).scalar_one()
        name = split.new_name or f"{road}({split.new_number})"
        connection.execute(update(Segment).where(Segment.id == split.segment_id).values(first_shape))
        new_id = connection.execute(
            insert(Segment)
            .values(number=split.new_number, name=name[:80], road_id=road_id, office_id=office_id)
            .values(difficulty=difficulty, **second_shape)
            .returning(Segment.id)
        ).scalar_one()
        after = record_in(connection, _SEGMENT, split.segment_id)
        changes = [
            Change(_SEGMENT, split.segment_id, *changed(before.values, after.values), "split"),
            Change(_SEGMENT, new_id, {}, record_in(connection, _SEGMENT, new_id).values, "split"),
        ]
        changes += _followers_to_nearest(connection, split.segment_id, first, new_id, second, before, split)
        return _written(connection, journal, changes)


def _followers_to_nearest(
    connection: Connection,
    old_id: int,
    first: list[list[float]],
    new_id: int,
    second: list[list[float]],
    before: Any,
    split: SegmentSplit,
) -> list[Change]:
    """Cameras by their position, city managers by their unit's last fix, to the nearer part."""

    def nearer_second(lon: float | None, lat: float | None) -> bool:
        if lon is None or lat is None:
            return False
        return distance_to_polyline_m(lon, lat, second) < distance_to_polyline_m(lon, lat, first)

    old, new = before.values["number"], split.new_number
    cameras = connection.execute(
        select(Camera.id, Camera.lon, Camera.lat).where(Camera.segment_id == old_id)
    ).all()
    moved_cameras = [c for c, lon, lat in cameras if nearer_second(lon, lat)]
    managers = connection.execute(
        select(Staff.id, Unit.last_lon, Unit.last_lat)
        .outerjoin(Unit, Unit.id == Staff.unit_id)
        .where(Staff.segment_id == old_id, Staff.role == StaffRole.CITY_MANAGER.value)
    ).all()
    moved_staff = [s for s, lon, lat in managers if nearer_second(lon, lat)]
    if moved_cameras:
        connection.execute(update(Camera).where(Camera.id.in_(moved_cameras)).values(segment_id=new_id))
    if moved_staff:
        connection.execute(update(Staff).where(Staff.id.in_(moved_staff)).values(segment_id=new_id))
    follow = [(EditKind.CAMERA, i) for i in moved_cameras] + [(EditKind.STAFF, i) for i in moved_staff]
    return [Change(kind, i, {"segment": old}, {"segment": new}, "follow") for kind, i in follow]


def merge_segments(store: Store, merge: SegmentMerge, journal: Journal) -> Outcome:
    if merge.kept_id == merge.absorbed_id:
        raise EditRefused(Problem.SAME_SEGMENT, "")
    with writing(store) as connection:
        kept = record_in(connection, _SEGMENT, merge.kept_id)
        absorbed = record_in(connection, _SEGMENT, merge.absorbed_id)
        if kept.values["road"] != absorbed.values["road"]:
            raise EditRefused(
                Problem.DIFFERENT_ROADS, "", first=kept.values["road"], second=absorbed.values["road"]
            )
        lines = dict(
            connection.execute(
                select(Segment.id, Segment.geometry).where(Segment.id.in_([merge.kept_id, merge.absorbed_id]))
            ).all()
        )
        gap = end_gap_m(lines[merge.kept_id], lines[merge.absorbed_id])
        if gap > TOUCH_M:
            raise EditRefused(Problem.NOT_TOUCHING, "", gap_m=round(gap, 1))
        joined = join_lines(lines[merge.kept_id], lines[merge.absorbed_id])
        changes = _move_followers(connection, merge, kept.values["number"], absorbed.values["number"])
        connection.execute(
            update(Case).where(Case.segment_id == merge.absorbed_id).values(segment_id=merge.kept_id)
        )
        connection.execute(delete(Segment).where(Segment.id == merge.absorbed_id))
        connection.execute(update(Segment).where(Segment.id == merge.kept_id).values(shape_columns(joined)))
        after = record_in(connection, _SEGMENT, merge.kept_id)
        merged = Change(_SEGMENT, merge.kept_id, *changed(kept.values, after.values), "merge")
        gone = Change(
            _SEGMENT, merge.absorbed_id, absorbed.values, {"merged_into": kept.values["number"]}, "merge"
        )
        return _written(connection, journal, [merged, gone, *changes])


def _move_followers(connection: Connection, merge: SegmentMerge, kept: str, absorbed: str) -> list[Change]:
    chiefs = StaffRole.ROAD_CHIEF.value
    kept_has_chief = connection.execute(
        select(Staff.id).where(Staff.segment_id == merge.kept_id, Staff.role == chiefs).limit(1)
    ).first()
    staff = connection.execute(
        select(Staff.id, Staff.role).where(Staff.segment_id == merge.absorbed_id)
    ).all()
    changes: list[Change] = []
    for staff_id, role in staff:
        target = None if (role == chiefs and kept_has_chief) else merge.kept_id
        connection.execute(update(Staff).where(Staff.id == staff_id).values(segment_id=target))
        changes.append(
            Change(
                EditKind.STAFF,
                staff_id,
                {"segment": absorbed},
                {"segment": kept if target else None},
                "follow",
            )
        )
    cameras = (
        connection.execute(select(Camera.id).where(Camera.segment_id == merge.absorbed_id)).scalars().all()
    )
    connection.execute(
        update(Camera).where(Camera.segment_id == merge.absorbed_id).values(segment_id=merge.kept_id)
    )
    changes += [
        Change(EditKind.CAMERA, i, {"segment": absorbed}, {"segment": kept}, "follow") for i in cameras
    ]
    return changes


def _written(connection: Connection, journal: Journal, changes: list[Change]) -> Outcome:
    for change in changes:
        journal.write(connection, change)
    return Outcome(changes)
