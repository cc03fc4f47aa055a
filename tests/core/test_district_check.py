"""``district check`` (issue 13): each rule catches its inconsistency on a deliberately broken copy of
the demo district, errors apart from warnings, and the command exits 6 only on errors.

The demo district itself is consistent: the check found two generator bugs (roads stacked on a taken
grid line, segments given to the office of their midpoint though most of them lay elsewhere), both
fixed in ``demo/``, so any error on the untouched demo is a regression.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.cli import main
from commandcenter.demo.generate import load_demo_data
from commandcenter.district_data.check import check_district
from commandcenter.domain.alerts import TruckPermit
from commandcenter.domain.district_check import CheckReport, Rule, Severity
from commandcenter.domain.kinds import StaffRole, UserRole
from commandcenter.exit_codes import EXIT_CHECK_FAILED, EXIT_OK
from commandcenter.persistence.district.consistency import district_check_data
from commandcenter.persistence.map.permits import replace_permits
from commandcenter.persistence.store import Store
from commandcenter.rules.demo_permits import demo_permits
from commandcenter.testing.accounts import services_for
from commandcenter.testing.small_district import clean_district_rows

GENERATOR_ERRORS: set[tuple[str, str]] = set()  # the demo district is consistent


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed demo district with the demo's truck permits, built once; tests break copies of it."""
    path = tmp_path_factory.mktemp("demo") / "district.sqlite"
    store = Store.open(f"sqlite:///{path}")
    try:
        load_demo_data(store)
        replace_permits(store, demo_permits(store))
    finally:
        store.close()
    return path


@pytest.fixture
def broken(demo_file: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "broken.sqlite"
    shutil.copy(demo_file, copy)
    store = Store.open(f"sqlite:///{copy}")
    try:
        yield store
    finally:
        store.close()


def _report(store: Store) -> CheckReport:
    return check_district(district_check_data(store))


def _new(store: Store, rule: Rule) -> set[tuple[str, int]]:
    """The records ``rule`` finds beyond what the unbroken demo already has."""
    return {(f.record_kind, f.record_id) for f in _report(store).findings if f.rule == rule}


def _segment(store: Store, number: str) -> tuple[int, int]:
    """(id, office id) of a segment."""
    row = store.execute_raw(f"SELECT id, office_id FROM segments WHERE number = '{number}'")[0]
    return int(row[0]), int(row[1])


def test_the_demo_district_has_no_errors_but_the_generators_own(broken: Store) -> None:
    report = _report(broken)
    assert {(f.rule, f.record_label) for f in report.errors} == GENERATOR_ERRORS
    assert report.warnings == []  # every terminal reported, every manager has a segment


def test_a_segment_without_its_road_chief_is_an_error(broken: Store) -> None:
    segment, _ = _segment(broken, "EQ-0007")
    chief = broken.execute_raw(
        f"SELECT id FROM staff WHERE role = '{StaffRole.ROAD_CHIEF}' AND segment_id = {segment}"
    )[0][0]
    broken.execute_raw(f"UPDATE staff SET segment_id = NULL WHERE id = {chief}")  # cases name him
    report = _report(broken)
    findings = [f for f in report.errors if f.rule == Rule.SEGMENT_WITHOUT_ROAD_CHIEF]
    assert [(f.record_kind, f.record_id, f.detail) for f in findings] == [
        ("segment", segment, "路段 EQ-0007 没有路长")
    ]
    assert [(f.rule, f.record_id) for f in report.warnings] == [
        (Rule.ROAD_CHIEF_WITHOUT_SEGMENT.value, chief)
    ]


def test_a_road_chief_on_two_segments_is_one_error_for_that_person(broken: Store) -> None:
    first, office = _segment(broken, "EQ-0007")
    second, _ = _segment(broken, "EQ-0008")
    chief = broken.execute_raw(
        f"SELECT id, name, phone FROM staff WHERE role = '{StaffRole.ROAD_CHIEF}' AND segment_id = {first}"
    )[0]
    broken.execute_raw(
        "INSERT INTO staff (id, code, name, role, office_id, segment_id, shift, phone) VALUES "
        f"(99999, 'LZ-DUP', '{chief[1]}', '{StaffRole.ROAD_CHIEF}', {office}, {second}, '白班', '{chief[2]}')"
    )
    assert _new(broken, Rule.ROAD_CHIEF_ON_SEVERAL_SEGMENTS) == {("staff", int(chief[0]))}
    assert _new(broken, Rule.SEGMENT_WITH_SEVERAL_ROAD_CHIEFS) == {("segment", second)}


def test_a_segment_given_to_a_far_office_is_outside_it(broken: Store) -> None:
    segment, office = _segment(broken, "EQ-0007")
    far = broken.execute_raw(f"SELECT id FROM offices WHERE id <> {office} ORDER BY ABS(id - {office}) DESC")
    broken.execute_raw(f"UPDATE segments SET office_id = {far[0][0]} WHERE id = {segment}")
    assert ("segment", segment) in _new(broken, Rule.SEGMENT_OUTSIDE_OFFICE)


def test_a_duplicated_segment_overlaps_the_original(broken: Store) -> None:
    original, office = _segment(broken, "EQ-0007")
    copy = broken.execute_raw(
        f"SELECT id FROM segments WHERE office_id = {office} AND id <> {original} ORDER BY id"
    )[0][0]
    geometry = f"(SELECT geometry FROM segments WHERE id = {original})"
    broken.execute_raw(f"UPDATE segments SET geometry = {geometry} WHERE id = {copy}")
    overlaps = [f for f in _report(broken).errors if f.rule == Rule.SEGMENTS_OVERLAP]
    assert any(f.record_id == min(original, copy) and "EQ-0007" in f.detail for f in overlaps)


def test_a_camera_or_permit_outside_the_district_is_an_error(broken: Store) -> None:
    camera = broken.execute_raw("SELECT id FROM cameras WHERE lon IS NOT NULL ORDER BY id")[0][0]
    broken.execute_raw(f"UPDATE cameras SET lon = lon + 1.0 WHERE id = {camera}")
    far = [[114.6, 34.6], [114.7, 34.6], [114.7, 34.7], [114.6, 34.7], [114.6, 34.6]]
    replace_permits(broken, [*demo_permits(broken), TruckPermit(1, "郑渣准字2026-9999", area=far)])
    assert _new(broken, Rule.CAMERA_OUTSIDE_DISTRICT) == {("camera", camera)}
    outside = [f for f in _report(broken).findings if f.rule == Rule.PERMIT_OUTSIDE_DISTRICT]
    assert [f.record_label for f in outside] == ["郑渣准字2026-9999"]  # the demo's four are inside


def test_a_terminal_that_never_reported_is_only_a_warning(broken: Store) -> None:
    vehicle, unit = broken.execute_raw("SELECT id, unit_id FROM vehicles WHERE terminal_id IS NOT NULL")[0]
    broken.execute_raw(f"UPDATE units SET last_ts = NULL WHERE id = {unit}")
    report = _report(broken)
    warnings = [(f.rule, f.record_kind, f.record_id) for f in report.warnings]
    assert warnings == [(Rule.TERMINAL_NEVER_REPORTED.value, "vehicle", vehicle)]
    assert {(f.rule, f.record_label) for f in report.errors} == GENERATOR_ERRORS


def test_a_manager_without_segment_and_an_office_without_segments_are_warnings(broken: Store) -> None:
    manager = broken.execute_raw(f"SELECT id FROM staff WHERE role = '{StaffRole.CITY_MANAGER}'")[0][0]
    broken.execute_raw(f"UPDATE staff SET segment_id = NULL WHERE id = {manager}")
    broken.execute_raw(
        "INSERT INTO offices (id, code, name, kind, center_lon, center_lat, boundary, "
        "min_lon, min_lat, max_lon, max_lat) SELECT 999, '410103999', '空镇办', kind, center_lon, "
        "center_lat, boundary, min_lon, min_lat, max_lon, max_lat FROM offices WHERE id = 1"
    )
    warnings = {(f.rule, f.record_id) for f in _report(broken).warnings if f.severity is Severity.WARNING}
    assert warnings == {
        (Rule.CITY_MANAGER_WITHOUT_SEGMENT.value, manager),
        (Rule.OFFICE_WITHOUT_SEGMENTS.value, 999),
    }


def test_the_command_exits_0_with_warnings_and_6_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    store = Store.open(url)
    try:
        clean_district_rows(store)
        assert main(["district", "check", "--url", url]) == EXIT_OK
        assert capsys.readouterr().out.splitlines() == [
            "错误 errors: 0, 注意 warnings: 0; 数据一致 consistent"
        ]
        store.execute_raw("UPDATE units SET last_ts = NULL WHERE id = 2")  # the truck's terminal
        assert main(["district", "check", "--url", url]) == EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith("注意 warning: 车辆 vehicle 豫A12345 [terminal_never_reported]")
        store.execute_raw("DELETE FROM staff WHERE id = 1")  # the 路长 of EQ-0001
        assert main(["district", "check", "--url", url]) == EXIT_CHECK_FAILED
        lines = capsys.readouterr().out.splitlines()
        assert (
            lines[0] == "错误 error: 路段 segment EQ-0001 [segment_without_road_chief]: 路段 EQ-0001 没有路长"
        )
        assert lines[-1] == "错误 errors: 1, 注意 warnings: 1; 有错误需要修正 errors to fix"
    finally:
        store.close()


def test_only_supervisors_and_administrators_may_run_the_check(broken: Store) -> None:
    for role in (UserRole.SUPERVISOR, UserRole.ADMIN):
        assert isinstance(services_for(broken, role).district_check.check(), CheckReport)
    operator = services_for(broken, UserRole.OPERATOR).district_check
    assert not operator.may_check()
    with pytest.raises(PermissionDenied):
        operator.check()


@pytest.mark.postgres
def test_postgresql_reports_what_sqlite_reports(broken: Store, pg_url: str) -> None:
    store = Store.open(pg_url)
    try:
        load_demo_data(store)
        replace_permits(store, demo_permits(store))
        assert _report(store).findings == _report(broken).findings
    finally:
        store.close()
