"""The store API: what every source writes through and every service reads from.

Sources (the simulator today, the JT/T 808 gateway and intake later) and the UI never build SQL
themselves; they call these methods with plain dataclasses. Each method opens its own short
transaction, so the store is safe to share between threads (one engine, pooled connections).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, bindparam, delete, exc, func, insert, select, text, update

from commandcenter.domain.kinds import OPEN_CASE_STATUSES, CameraKind, StaffRole, VehicleKind
from commandcenter.persistence import models
from commandcenter.persistence.case_intake import UnknownCategory as UnknownCategory
from commandcenter.persistence.case_intake import create_case_with_retry
from commandcenter.persistence.database import (
    DatabaseUnavailable,
    check_connection,
    create_database_engine,
    describe_error,
    redact,
)
from commandcenter.persistence.migrate import is_up_to_date, upgrade
from commandcenter.persistence.models_case_intake import CaseDayCounter, CasePhoto, CaseReporter

DISTRICT_TIMEZONE = ZoneInfo("Asia/Shanghai")

# Tables in foreign-key order: loads go forwards, wipes go backwards.
LOAD_ORDER: tuple[type[models.Base], ...] = (
    models.Office,
    models.Road,
    models.Segment,
    models.Unit,
    models.Staff,
    models.Vehicle,
    models.Camera,
    models.CaseCategory,
    models.Case,
    models.CaseEvent,
    CaseReporter,
    CasePhoto,
    CaseDayCounter,
    models.Position,
    models.User,
)


@dataclass(frozen=True)
class SeedCounts:
    """What the district has, as the status line and the briefing screen show it."""

    offices: int
    roads: int
    segments: int
    city_managers: int
    road_chiefs: int
    inspectors: int
    street_cameras: int
    construction_cameras: int
    public_unit_cameras: int
    vehicle_cameras: int
    tdm_terminals: int
    muck_trucks: int
    enforcement_vehicles: int
    units: int
    open_cases: int

    @property
    def fixed_cameras(self) -> int:
        return self.street_cameras + self.construction_cameras + self.public_unit_cameras


@dataclass(frozen=True)
class Fix:
    """One position report of one unit, as a source delivers it (WGS-84)."""

    unit_id: int
    ts: datetime
    lon: float
    lat: float
    speed_kmh: float = 0.0
    heading_deg: float = 0.0
    state: str | None = None


@dataclass(frozen=True)
class UnitPosition:
    unit_id: int
    kind: str
    label: str
    office_id: int | None
    ts: datetime | None
    lon: float | None
    lat: float | None
    speed_kmh: float | None
    heading_deg: float | None
    state: str | None


@dataclass(frozen=True)
class SegmentShape:
    id: int
    number: str
    name: str
    office_id: int
    geometry: list[list[float]]


@dataclass(frozen=True)
class CameraPoint:
    """A fixed camera's place on the map (the simulator reads construction and disposal sites so)."""

    id: int
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class NewCase:
    """A report entering the system (intake screening in issue 5 fills office/segment)."""

    category_code: str
    source: str
    description: str
    address: str
    lon: float
    lat: float
    reporter: str
    office_id: int | None = None
    segment_id: int | None = None
    urgency: int = 2
    deadline_at: datetime | None = None  # intake sets the dispatch deadline (working hours)


@dataclass(frozen=True)
class CameraSummary:
    code: str
    name: str
    kind: str
    main_url: str | None
    sub_url: str | None
    online: bool


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    category: str
    status: str
    address: str
    office: str | None
    created_at: datetime
    urgency: int


@dataclass(frozen=True)
class FeedSummary:
    """How alive the position feeds are, for the status bar: cheap to read every few seconds."""

    newest_fix: datetime | None  # the newest unit fix (UTC; naive values from SQLite are UTC)
    reporting_units: int  # units that have reported at least once
    position_high_water: int  # max(positions.id): grows by one per stored fix


class Store:
    """Thread-safe facade over one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = redact(str(engine.url))
        self.dialect = engine.dialect.name

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Connect, check, and (by default) bring the schema up to date."""
        engine = create_database_engine(url)
        check_connection(engine)
        if migrate and not is_up_to_date(engine):
            upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """Raise ``DatabaseUnavailable`` if the database cannot answer right now."""
        check_connection(self.engine)

    def _guard(self, error: exc.DBAPIError) -> DatabaseUnavailable:
        return DatabaseUnavailable(self.url, describe_error(error))

    # ------------------------------------------------------------------ bulk load
    def replace_all(self, rows_by_model: Mapping[type[models.Base], Sequence[Mapping[str, Any]]]) -> None:
        """Wipe the data tables and load new rows in one transaction (demo data, imports)."""
        try:
            with self.engine.begin() as connection:
                if self.dialect == "sqlite":
                    connection.exec_driver_sql("DROP TRIGGER IF EXISTS case_events_no_delete")
                else:
                    connection.exec_driver_sql(
                        "ALTER TABLE case_events DISABLE TRIGGER case_events_append_only"
                    )
                for model in reversed(LOAD_ORDER):
                    if model is models.Unit:
                        connection.execute(update(models.Staff).values(unit_id=None))
                        connection.execute(update(models.Vehicle).values(unit_id=None))
                    connection.execute(delete(model.__table__))  # type: ignore[arg-type]
                if self.dialect == "sqlite":
                    connection.exec_driver_sql(
                        "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events "
                        "BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END"
                    )
                else:
                    connection.exec_driver_sql(
                        "ALTER TABLE case_events ENABLE TRIGGER case_events_append_only"
                    )
                for model in LOAD_ORDER:
                    rows = rows_by_model.get(model)
                    if rows:
                        connection.execute(insert(model.__table__), list(rows))  # type: ignore[arg-type]
                if self.dialect == "postgresql":
                    _reset_sequences(connection)
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    # ------------------------------------------------------------------ reads
    def counts(self) -> SeedCounts:
        try:
            with self.engine.connect() as connection:

                def scalar(statement: Any) -> int:
                    return int(connection.execute(statement).scalar_one())

                def count(model: Any, *where: Any) -> int:
                    return scalar(select(func.count()).select_from(model).where(*where))

                staff, vehicle, camera = models.Staff, models.Vehicle, models.Camera
                return SeedCounts(
                    offices=count(models.Office),
                    roads=count(models.Road),
                    segments=count(models.Segment),
                    city_managers=count(staff, staff.role == StaffRole.CITY_MANAGER),
                    road_chiefs=count(staff, staff.role == StaffRole.ROAD_CHIEF),
                    inspectors=count(staff, staff.role == StaffRole.INSPECTOR),
                    street_cameras=count(camera, camera.kind == CameraKind.STREET),
                    construction_cameras=count(camera, camera.kind == CameraKind.CONSTRUCTION),
                    public_unit_cameras=count(camera, camera.kind == CameraKind.PUBLIC_UNIT),
                    vehicle_cameras=count(camera, camera.kind == CameraKind.VEHICLE),
                    tdm_terminals=count(camera, camera.kind == CameraKind.TDM),
                    muck_trucks=count(vehicle, vehicle.kind == VehicleKind.MUCK_TRUCK),
                    enforcement_vehicles=count(vehicle, vehicle.kind == VehicleKind.ENFORCEMENT),
                    units=count(models.Unit),
                    open_cases=count(
                        models.Case, models.Case.status.in_([s.value for s in OPEN_CASE_STATUSES])
                    ),
                )
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def latest_positions(self) -> list[UnitPosition]:
        unit = models.Unit
        statement = select(
            unit.id,
            unit.kind,
            unit.label,
            unit.office_id,
            unit.last_ts,
            unit.last_lon,
            unit.last_lat,
            unit.last_speed_kmh,
            unit.last_heading_deg,
            unit.last_state,
        ).order_by(unit.id)
        try:
            with self.engine.connect() as connection:
                return [UnitPosition(*tuple(row)) for row in connection.execute(statement)]
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def segment_shapes(self) -> list[SegmentShape]:
        segment = models.Segment
        statement = select(segment.id, segment.number, segment.name, segment.office_id, segment.geometry)
        try:
            with self.engine.connect() as connection:
                return [SegmentShape(*row) for row in connection.execute(statement.order_by(segment.id))]
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def patrol_assignments(self) -> dict[int, int]:
        """unit id → segment id for every city manager who carries a unit: where each patroller walks."""
        staff = models.Staff
        statement = select(staff.unit_id, staff.segment_id).where(
            staff.role == StaffRole.CITY_MANAGER.value,
            staff.unit_id.is_not(None),
            staff.segment_id.is_not(None),
        )
        try:
            with self.engine.connect() as connection:
                pairs = connection.execute(statement)
                return {unit: segment for unit, segment in pairs if unit is not None and segment is not None}
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def camera_points(self, kind: str) -> list[CameraPoint]:
        """Every placed camera of one kind, in id order (vehicle cameras have no place and are skipped)."""
        camera = models.Camera
        statement = (
            select(camera.id, camera.name, camera.lon, camera.lat)
            .where(camera.kind == kind, camera.lon.is_not(None), camera.lat.is_not(None))
            .order_by(camera.id)
        )
        try:
            with self.engine.connect() as connection:
                rows = connection.execute(statement)
                return [
                    CameraPoint(id_, name, lon, lat)
                    for id_, name, lon, lat in rows
                    if lon is not None and lat is not None
                ]
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def recent_cases(self, limit: int = 200) -> list[CaseRow]:
        try:
            with self.engine.connect() as connection:
                return [CaseRow(*row) for row in connection.execute(case_rows_statement(limit))]
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def cameras(
        self, *, kind: str | None = None, online_only: bool = True, limit: int = 100
    ) -> list[CameraSummary]:
        """Cameras in id order, optionally of one kind: what the first wall view shows."""
        camera = models.Camera
        statement = select(
            camera.code, camera.name, camera.kind, camera.main_url, camera.sub_url, camera.online
        )
        if kind is not None:
            statement = statement.where(camera.kind == kind)
        if online_only:
            statement = statement.where(camera.online.is_(True))
        try:
            with self.engine.connect() as connection:
                rows = connection.execute(statement.order_by(camera.id).limit(limit))
                return [
                    CameraSummary(code, name, kind_, main, sub, online)
                    for code, name, kind_, main, sub, online in rows
                ]
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def category_codes(self) -> list[str]:
        try:
            with self.engine.connect() as connection:
                statement = select(models.CaseCategory.code).where(models.CaseCategory.active.is_(True))
                return list(connection.execute(statement).scalars())
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def change_marker(self) -> tuple[int, int]:
        """Cheap "did anything change?" probe for polling clients: (cases high-water, events
        high-water). Issue 5 replaces polling with LISTEN/NOTIFY on PostgreSQL."""
        try:
            with self.engine.connect() as connection:
                cases = connection.execute(select(func.coalesce(func.max(models.Case.id), 0))).scalar_one()
                events = connection.execute(
                    select(func.coalesce(func.max(models.CaseEvent.id), 0))
                ).scalar_one()
                return int(cases), int(events)
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    # ------------------------------------------------------------------ writes
    def record_positions(self, fixes: Sequence[Fix]) -> None:
        """Append fixes to the time series and move each unit's latest position, in one transaction.
        A batch is all-or-nothing so a reader never sees half a second of the fleet."""
        if not fixes:
            return
        rows = [
            {
                "unit_id": f.unit_id,
                "ts": f.ts,
                "lon": f.lon,
                "lat": f.lat,
                "speed_kmh": f.speed_kmh,
                "heading_deg": f.heading_deg,
                "state": f.state,
            }
            for f in fixes
        ]
        unit = models.Unit
        move = (
            update(unit)
            .where(unit.id == bindparam("b_unit_id"))
            .values(
                last_ts=bindparam("b_ts"),
                last_lon=bindparam("b_lon"),
                last_lat=bindparam("b_lat"),
                last_speed_kmh=bindparam("b_speed"),
                last_heading_deg=bindparam("b_heading"),
                last_state=bindparam("b_state"),
            )
        )
        latest = {f.unit_id: f for f in fixes}  # a batch may hold several fixes of one unit
        moves = [
            {
                "b_unit_id": f.unit_id,
                "b_ts": f.ts,
                "b_lon": f.lon,
                "b_lat": f.lat,
                "b_speed": f.speed_kmh,
                "b_heading": f.heading_deg,
                "b_state": f.state,
            }
            for f in latest.values()
        ]
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(models.Position), rows)
                connection.execute(move, moves)
        except exc.DBAPIError as error:
            raise self._guard(error) from error

    def create_case(self, report: NewCase, *, now: datetime | None = None) -> int:
        """Register a report as a case in 受理 with its first event; returns the case id."""
        # Stored in UTC (SQLite keeps no zone); numbered by the district's own calendar day.
        return create_case_with_retry(self, report, now or datetime.now(UTC))

    # ------------------------------------------------------------------ health
    def feed_summary(self) -> FeedSummary:
        """Newest fix, reporting units and the positions high-water mark (an indexed MAX, not a COUNT
        over the ever-growing time series)."""
        unit = models.Unit
        try:
            with self.engine.connect() as connection:
                newest, reporting = connection.execute(
                    select(func.max(unit.last_ts), func.count(unit.last_ts))
                ).one()
                high_water = connection.execute(
                    select(func.coalesce(func.max(models.Position.id), 0))
                ).scalar_one()
        except exc.DBAPIError as error:
            raise self._guard(error) from error
        return FeedSummary(newest, int(reporting), int(high_water))

    def sqlite_file(self) -> Path | None:
        """The SQLite database file, or None for PostgreSQL and in-memory databases."""
        database = self.engine.url.database
        if self.dialect != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database).expanduser().resolve()

    def verify(self) -> None:
        """Like ``ping`` but through a connection of its own: a pooled SQLite connection keeps reading
        a file that was deleted or overwritten, so only a fresh open notices (and ``mode=rw`` keeps the
        check from creating an empty file). Raises ``DatabaseUnavailable``."""
        path = self.sqlite_file()
        if path is None:
            self.ping()
            return
        if not path.exists():
            raise DatabaseUnavailable(self.url, f"数据库文件不存在 (database file missing): {path}")
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=5)
            try:
                tables = connection.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'units'"
                ).fetchone()[0]
            finally:
                connection.close()
        except sqlite3.Error as error:
            raise DatabaseUnavailable(self.url, f"{type(error).__name__}: {error}") from error
        if not tables:
            raise DatabaseUnavailable(self.url, "数据库中没有数据表 (schema missing)")

    def reset_connections(self) -> None:
        """Drop pooled connections so the next call reconnects (after the database came back)."""
        self.engine.dispose()

    def execute_raw(self, sql: str) -> list[tuple[Any, ...]]:
        """For diagnostics and tests only: run one statement and return its rows."""
        with self.engine.begin() as connection:
            result = connection.execute(text(sql))
            return [tuple(row) for row in result] if result.returns_rows else []


def case_rows_statement(limit: int) -> Any:
    """The newest cases as ``CaseRow`` columns; callers add their filters (office, status, text)."""
    case, category, office = models.Case, models.CaseCategory, models.Office
    return (
        select(
            case.id,
            case.number,
            category.name,
            case.status,
            case.address,
            office.name,
            case.created_at,
            case.urgency,
        )
        .join(category, category.id == case.category_id)
        .outerjoin(office, office.id == case.office_id)
        .order_by(case.id.desc())
        .limit(limit)
    )


def _reset_sequences(connection: Any) -> None:
    """After loading explicit ids, move PostgreSQL's sequences past them."""
    for model in LOAD_ORDER:
        table = model.__table__
        primary = list(table.primary_key.columns)  # type: ignore[attr-defined]
        if len(primary) == 1 and primary[0].autoincrement and primary[0].type.python_type is int:
            name = table.name  # type: ignore[attr-defined]
            column = primary[0].name
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false)"
            )


def iter_chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
