"""Intake writes on both databases: a new case with its reporter and photo, a duplicate merged as one
more reporter, race-free numbers, and the board rows that the queue and the pop-up show."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import CaseStatus, PhotoStage
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases import intake as case_intake, reports as case_reports
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import case_timeline
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Zhengzhou


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def _report(**overrides: object) -> IncomingReport:
    fields: dict[str, object] = {
        "category_code": "S0501",
        "lon": 113.61,
        "lat": 34.71,
        "reporter": "王女士",
        "description": "人行道上摆摊",
        "photos": ("photos/a.jpg",),
    }
    fields.update(overrides)
    return IncomingReport(**fields)  # type: ignore[arg-type]


def test_a_report_becomes_a_case_with_reporter_photo_and_dispatch_deadline(district: Store) -> None:
    intake = CaseIntake.from_store(district)
    outcome = intake.receive(_report(), NOW)
    assert outcome.accepted
    assert not outcome.merged
    assert outcome.case_id is not None
    [row] = board_rows(district, [outcome.case_id])
    assert (row.status, row.segment_name) == (CaseStatus.RECEIVED, "大学路第1段")
    assert row.office_name == "建中街街道"
    assert row.reporters == 1
    assert row.photo_uri == "photos/a.jpg"
    # 0.5 working hours from Tuesday 10:00: 10:30 local.
    assert row.deadline_at == NOW + timedelta(minutes=30)
    assert [photo.stage for photo in case_reports.photos_of(district, row.id)] == [PhotoStage.REPORTED]
    assert [r.reporter for r in case_reports.reporters_of(district, row.id)] == ["王女士"]
    assert [rec.staff.name for rec in outcome.recommendations][:1] == ["张伟"]


def test_a_duplicate_is_merged_as_one_more_reporter(district: Store) -> None:
    intake = CaseIntake.from_store(district)
    first = intake.receive(_report(), NOW)
    second = intake.receive(_report(reporter="李先生", photos=("photos/b.jpg",)), NOW + timedelta(minutes=5))
    assert second.merged
    assert second.case_id == first.case_id
    assert second.recommendations == ()
    assert first.case_id is not None
    [row] = board_rows(district, [first.case_id])
    assert row.reporters == 2
    assert [r.reporter for r in case_reports.reporters_of(district, first.case_id)] == ["王女士", "李先生"]
    assert [e.action for e in case_timeline(district, first.case_id)] == ["受理", case_intake.MERGE_ACTION]
    assert len(board_rows(district)) == 1


def test_a_rejected_report_writes_no_case(district: Store) -> None:
    intake = CaseIntake.from_store(district)
    outcome = intake.receive(_report(category_code="X9999"), NOW)
    assert not outcome.accepted
    assert outcome.result.rejections
    assert outcome.review_id is not None  # an unknown category waits for an operator (待甄别)
    outcome = intake.receive(_report(lon=float("nan")), NOW)
    assert not outcome.accepted
    assert outcome.review_id is None  # bad coordinates are the reporter's to fix
    assert board_rows(district) == []


def test_concurrent_writers_never_share_a_case_number(district: Store) -> None:
    numbers: list[str] = []
    errors: list[BaseException] = []

    def write(count: int) -> None:
        try:
            for _ in range(count):
                create_case(district, minimal_report(), now=NOW)
        except BaseException as error:  # collected: the assertion below names it
            errors.append(error)

    threads = [threading.Thread(target=write, args=(10,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if district.dialect == "sqlite":  # SQLite serialises writers; a busy timeout is not a duplicate
        errors = [e for e in errors if "locked" not in str(e)]
    assert errors == []
    numbers = [row.number for row in board_rows(district)]
    assert len(numbers) == len(set(numbers)) > 0
    assert all(number.startswith("20260512-") for number in numbers)


def test_board_rows_name_closed_cases_so_the_board_can_drop_them(district: Store) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    district.execute_raw(f"UPDATE cases SET status = '{CaseStatus.CLOSED.value}' WHERE id = {case_id}")
    assert board_rows(district) == []
    [row] = board_rows(district, [case_id])
    assert not row.is_open
