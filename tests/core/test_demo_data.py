"""The demo dataset: the seed's exact scale in a real SQLite file, deterministic, plausible."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from commandcenter.config import StreamSettings
from commandcenter.demo.district import ERQI_BBOX
from commandcenter.demo.generate import DEMO_NOW, generate, load_demo_data
from commandcenter.domain.cameras import StreamTier
from commandcenter.domain.district import SeedCounts
from commandcenter.domain.kinds import CameraKind, CaseStatus, StaffRole, UnitKind, VehicleKind
from commandcenter.domain.screening import RejectReason
from commandcenter.geo import point_along_polyline, point_in_ring
from commandcenter.persistence.accounts.models import User
from commandcenter.persistence.base import Base
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cases.models import Case, CaseEvent
from commandcenter.persistence.cases.reviews import pending
from commandcenter.persistence.district.counts import district_counts
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.streaming.demo_streams import demo_stream_id, demo_stream_url

Rows = dict[type[Base], list[dict[str, Any]]]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


@pytest.fixture(scope="module")
def rows() -> Rows:
    return generate()


def test_exact_seed_counts_in_a_real_sqlite_file(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'd.sqlite'}")
    try:
        written = load_demo_data(store, now=DEMO_NOW)
        counts = district_counts(store)
    finally:
        store.close()
    assert counts == SeedCounts(
        offices=18,
        roads=185,
        segments=291,
        city_managers=1_600,
        road_chiefs=291,
        inspectors=54,
        street_cameras=2_380,
        construction_cameras=297,
        public_unit_cameras=3_008,
        vehicle_cameras=1_058,
        tdm_terminals=42,
        muck_trucks=1_051,
        enforcement_vehicles=7,
        units=2_658,
        open_cases=counts.open_cases,
    )
    assert counts.open_cases > 0
    assert written["cases"] >= 200
    assert written["case_categories"] >= 25


def test_same_seed_same_rows_other_seed_other_rows(rows: Rows) -> None:
    assert generate() == rows
    other = generate(seed=1)
    assert other[Segment] != rows[Segment]
    assert len(other[Segment]) == len(rows[Segment])


def test_everything_lies_inside_the_district(rows: Rows) -> None:
    points: list[list[float]] = []
    for office in rows[Office]:
        points += office["boundary"]
        points.append([office["center_lon"], office["center_lat"]])
    for model in (Road, Segment):
        points += [point for row in rows[model] for point in row["geometry"]]
    points += [[c["lon"], c["lat"]] for c in rows[Camera] if c["lon"] is not None]
    points += [[u["last_lon"], u["last_lat"]] for u in rows[Unit]]
    points += [[c["lon"], c["lat"]] for c in rows[Case]]
    outside = [p for p in points if not ERQI_BBOX.contains(p[0], p[1])]
    assert not outside
    assert len(points) > 12_000


def test_names_are_chinese(rows: Rows) -> None:
    for model, column in (
        (Office, "name"),
        (Road, "name"),
        (Segment, "name"),
        (Camera, "name"),
        (Case, "description"),
        (Case, "address"),
    ):
        assert all(CHINESE.search(row[column]) for row in rows[model]), model
    assert all(PERSON_NAME.match(person["name"]) for person in rows[Staff])
    assert len({row["name"] for row in rows[Office]}) == 18
    assert len({row["name"] for row in rows[Road]}) == 185
    assert {"淮河路街道", "解放路街道", "马寨镇", "樱桃沟管委会"} <= {row["name"] for row in rows[Office]}
    assert {"大学路", "陇海路", "嵩山路"} <= {row["name"] for row in rows[Road]}


def test_identifiers_are_unique_and_well_formed(rows: Rows) -> None:
    vehicles = rows[Vehicle]
    plates = [v["plate"] for v in vehicles]
    assert len(set(plates)) == len(plates) == 1_058
    assert all(re.fullmatch(r"豫A·[A-Z]\d{4}", plate) for plate in plates)
    terminals = [v["terminal_id"] for v in vehicles]
    assert len(set(terminals)) == len(terminals)
    assert all(re.fullmatch(r"\d{12}", terminal) for terminal in terminals)
    assert len({v["company"] for v in vehicles if v["kind"] == VehicleKind.MUCK_TRUCK}) == 30
    fixed = [c for c in rows[Camera] if c["kind"] != CameraKind.VEHICLE]
    gb_ids = [c["gb_device_id"] for c in fixed if c["gb_device_id"]]
    assert len(set(gb_ids)) == len(gb_ids)
    assert all(re.fullmatch(r"4101030000132\d{7}", gb_id) for gb_id in gb_ids)
    assert 0.65 < len(gb_ids) / len(fixed) < 0.75
    assert 0.01 < sum(not c["online"] for c in fixed) / len(fixed) < 0.03
    for model, column in ((Camera, "code"), (Staff, "code"), (Segment, "number")):
        values = [row[column] for row in rows[model]]
        assert len(set(values)) == len(values), model


def test_one_city_manager_per_300_metres_and_one_road_chief_per_segment(rows: Rows) -> None:
    segments = rows[Segment]
    total = sum(segment["length_m"] for segment in segments)
    assert total / 1_600 == pytest.approx(300, rel=0.03)
    staff = rows[Staff]
    managers = Counter(s["segment_id"] for s in staff if s["role"] == StaffRole.CITY_MANAGER)
    chiefs = Counter(s["segment_id"] for s in staff if s["role"] == StaffRole.ROAD_CHIEF)
    for segment in segments:
        assert chiefs[segment["id"]] == 1
        assert managers[segment["id"]] >= 1
        assert abs(managers[segment["id"]] - segment["length_m"] / 300) <= 2
    inspectors = Counter(s["office_id"] for s in staff if s["role"] == StaffRole.INSPECTOR)
    assert set(inspectors.values()) == {3}


def test_each_road_is_cut_into_one_to_three_segments_owned_by_the_office_holding_most(rows: Rows) -> None:
    pieces = Counter(segment["road_id"] for segment in rows[Segment])
    assert set(pieces.values()) <= {1, 2, 3}
    assert len(pieces) == 185
    offices = rows[Office]
    for segment in rows[Segment]:
        shares = Counter(
            next(o["id"] for o in offices if point_in_ring(lon, lat, o["boundary"]))
            for lon, lat, _ in (
                point_along_polyline(segment["geometry"], segment["length_m"] * k / 20) for k in range(21)
            )
        )
        assert shares[segment["office_id"]] == max(shares.values())


def test_units_belong_to_managers_and_vehicles(rows: Rows) -> None:
    units = {unit["id"]: unit for unit in rows[Unit]}
    managers = [s for s in rows[Staff] if s["role"] == StaffRole.CITY_MANAGER]
    assert all(units[m["unit_id"]]["kind"] == UnitKind.PATROLLER for m in managers)
    assert all(units[m["unit_id"]]["label"] == m["name"] for m in managers)
    assert all(units[v["unit_id"]]["label"] == v["plate"] for v in rows[Vehicle])
    assert all(unit["last_ts"] is not None and unit["last_state"] for unit in units.values())
    vehicle_cameras = [c for c in rows[Camera] if c["kind"] == CameraKind.VEHICLE]
    assert sorted(c["vehicle_id"] for c in vehicle_cameras) == [v["id"] for v in rows[Vehicle]]
    assert all(c["lon"] is None for c in vehicle_cameras)
    street = [c for c in rows[Camera] if c["kind"] == CameraKind.STREET]
    assert all(c["segment_id"] for c in street)


def test_cameras_point_at_the_demo_stream_server() -> None:
    streams = StreamSettings(host="127.0.0.2", port=19_999, clip_count=4)
    cameras = generate(streams=streams)[Camera]
    for camera in cameras[:50] + cameras[-50:]:
        clip = (camera["id"] - 1) % 4
        assert camera["main_url"] == demo_stream_url("127.0.0.2", 19_999, clip, StreamTier.MAIN)
        assert camera["sub_url"] == demo_stream_url("127.0.0.2", 19_999, clip, StreamTier.SUB)
        assert camera["media_stream_id"] == demo_stream_id(clip)


def test_case_history_follows_the_workflow(rows: Rows) -> None:
    cases = rows[Case]
    events: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for event in rows[CaseEvent]:
        events[event["case_id"]].append(event)
    statuses = Counter(case["status"] for case in cases)
    assert statuses[CaseStatus.CLOSED] > len(cases) / 2
    assert len(statuses) >= 4
    for case in cases:
        trail = events[case["id"]]
        assert trail[0]["action"] == CaseStatus.RECEIVED
        assert trail[0]["from_status"] is None
        assert all(a["to_status"] == b["from_status"] for a, b in itertools.pairwise(trail))
        assert all(a["ts"] <= b["ts"] <= DEMO_NOW for a, b in itertools.pairwise(trail))
        assert trail[-1]["to_status"] == case["status"]
        assert case["version"] == len(trail)
        assert case["office_id"]
        assert case["segment_id"]
    numbers = [case["number"] for case in cases]
    assert len(set(numbers)) == len(numbers)
    per_day = Counter(number.split("-")[0] for number in numbers)
    for day, count in per_day.items():
        assert {f"{day}-{n:05d}" for n in range(1, count + 1)} <= set(numbers)


def test_users_cover_every_role_and_office(rows: Rows) -> None:
    users = rows[User]
    roles = Counter(user["role_code"] for user in users)
    assert roles["admin"] == 1
    assert roles["operator"] == 2
    assert roles["leader"] == 1
    assert roles["office"] == 18
    assert all(user["password_hash"] is None for user in users)
    assert len({user["username"] for user in users}) == len(users)


@pytest.mark.slow
def test_scale_ten_is_ten_districts(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'city.sqlite'}")
    try:
        load_demo_data(store, scale=10, now=DEMO_NOW)
        counts = district_counts(store)
        names = store.execute_raw("SELECT COUNT(DISTINCT name), COUNT(*) FROM offices")
    finally:
        store.close()
    assert (counts.offices, counts.roads, counts.segments) == (180, 1_850, 2_910)
    assert (counts.city_managers, counts.road_chiefs, counts.units) == (16_000, 2_910, 26_580)
    assert (counts.street_cameras, counts.muck_trucks, counts.tdm_terminals) == (23_800, 10_510, 420)
    assert names == [(180, 180)]


def test_values_fit_their_columns(rows: Rows) -> None:
    """SQLite ignores VARCHAR lengths, PostgreSQL does not: check them here for both."""
    for model, model_rows in rows.items():
        limits = {
            column.name: column.type.length
            for column in model.__table__.columns
            if getattr(column.type, "length", None)
        }
        for row in model_rows:
            for name, limit in limits.items():
                value = row.get(name)
                assert value is None or len(str(value)) <= limit, (model.__tablename__, name, value)


@pytest.mark.parametrize("hour", [0, 3, 6, 9, 12, 15, 18, 21])
def test_the_queue_never_opens_empty_whatever_the_hour(hour: int) -> None:
    """A few reports of each district wait in 受理 for an operator at any time of day (the demo's
    first minute, and every test that dispatches a waiting case, rely on it)."""
    now = DEMO_NOW.replace(hour=hour)
    rows = generate(now=now)
    waiting = [c for c in rows[Case] if c["status"] == CaseStatus.RECEIVED.value]
    assert all(c["assignee_staff_id"] is None for c in waiting)
    assert len([c for c in waiting if now - c["created_at"] < timedelta(minutes=5)]) >= 3


def test_the_demo_has_two_reports_waiting_in_review(tmp_path: Path) -> None:
    """待甄别 shows something in the demo: one call placed outside the district, one unknown category."""
    store = Store.open(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        load_demo_data(store, scale=1)
        items = pending(store).items
    finally:
        store.close()
    assert sorted(reason.reason for item in items for reason in item.reasons) == sorted(
        [RejectReason.OUTSIDE_DISTRICT, RejectReason.UNKNOWN_CATEGORY]
    )
