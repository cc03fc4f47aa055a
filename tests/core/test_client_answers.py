"""Answers to Open311 clients are enqueued by the workflow step itself, in its transaction: a closing
step leaves exactly one outbox row per request (a rolled back one none), returned and merged cases are
answered too, and the request row says what the webhook says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from commandcenter.domain.kinds import PhotoStage, UserRole
from commandcenter.domain.workflow import plan_transition
from commandcenter.domain.workflow_errors import ConcurrentChange
from commandcenter.persistence.access import read_one
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import add_photos, create_case, merge_report
from commandcenter.persistence.cases.transitions import (
    apply_transition,
    read_case,
    read_state,
    write_transition,
)
from commandcenter.persistence.gateway.answers import MERGE_NOTE
from commandcenter.persistence.gateway.models import WebhookOutbox
from commandcenter.persistence.gateway.outbox import answers_of_case
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.open311_clients import add_client, add_request, request_status

NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
TO_VERIFYING = ["立案", "派遣", "签收", "处置", "反馈", "核查"]


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def step(store: Store, case_id: int, action: str, reason: str = "") -> None:
    payload = {"assignee_staff_id": 1} if action == "派遣" else None
    version = read_case(store, case_id).version
    apply_transition(
        store, case_id, version, action, "值班员甲", reason, NOW, payload, approved_by="值班长乙"
    )


def outbox_count(store: Store) -> int:
    row = read_one(store, select(func.count()).select_from(WebhookOutbox))
    assert row is not None
    return int(row[0])


def test_closing_enqueues_one_answer_per_request_with_the_after_photos(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW - timedelta(hours=1))
    client = add_client(district, "12345热线", "http://127.0.0.1:9/hook")
    request_id = add_request(district, client, case_id, "A-1", NOW - timedelta(hours=1))
    for action in TO_VERIFYING:
        step(district, case_id, action, "处理中")
    add_photos(district, case_id, PhotoStage.DISPOSED, ["photo:" + "a" * 64], "张伟")
    assert outbox_count(district) == 0  # nothing is owed while the case is open
    step(district, case_id, "结案", "摊位已清理")
    (answer,) = answers_of_case(district, case_id)
    number = read_case(district, case_id).number
    assert (answer.event, answer.client, answer.request_id, answer.attempts) == (
        "closed",
        "12345热线",
        request_id,
        0,
    )
    assert answer.delivered_at is None
    assert not answer.gave_up
    assert answer.payload == {
        "service_request_id": str(request_id),
        "status": "closed",
        "status_notes": "摊位已清理",
        "service_notice": number,
        "updated_datetime": NOW.isoformat(),
        "event": "closed",
        "workflow_status": "结案",
        "media_urls": ["photo:" + "a" * 64],
    }
    assert request_status(district, request_id) == ("closed", "摊位已清理")


@pytest.mark.parametrize(("path", "action"), [([], "不予立案"), (["立案"], "作废")])
def test_returned_cases_are_answered_with_the_reason(district: Store, path: list[str], action: str) -> None:
    case_id = create_case(district, minimal_report(), NOW - timedelta(hours=1))
    request_id = add_request(district, add_client(district, "app", "http://x"), case_id, "B", NOW)
    for earlier in path:
        step(district, case_id, earlier)
    step(district, case_id, action, "不属于城管职责")
    (answer,) = answers_of_case(district, case_id)
    assert (answer.event, answer.payload["workflow_status"], answer.payload["status_notes"]) == (
        "returned",
        action,
        "不属于城管职责",
    )
    assert "media_urls" not in answer.payload
    assert request_status(district, request_id) == ("closed", "不属于城管职责")


def test_a_merged_report_tells_the_client_the_case_is_still_open(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW - timedelta(hours=1))
    request_id = add_request(district, add_client(district, "app", "http://x"), case_id, "C", NOW)
    merge_report(district, case_id, minimal_report(description="又有人摆摊", reporter="市民乙"), NOW)
    (answer,) = answers_of_case(district, case_id)
    assert (answer.event, answer.payload["status"], answer.payload["workflow_status"]) == (
        "merged",
        "open",
        "受理",
    )
    assert answer.payload["status_notes"] == MERGE_NOTE  # never the other reporter's own words
    assert request_status(district, request_id) == ("open", MERGE_NOTE)


def test_a_rolled_back_step_enqueues_nothing(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW - timedelta(hours=1))
    request_id = add_request(district, add_client(district, "app", "http://x"), case_id, "D", NOW)
    state = read_state(district, case_id)
    plan = plan_transition(state, "不予立案", "值班员甲", "重复", NOW)
    enqueued_inside = []

    def step_then_fail() -> None:
        with district.engine.begin() as connection:
            write_transition(connection, plan, state.version)
            enqueued_inside.append(
                connection.execute(select(func.count()).select_from(WebhookOutbox)).scalar()
            )
            raise RuntimeError("the caller's next statement failed")

    with pytest.raises(RuntimeError):
        step_then_fail()
    assert enqueued_inside == [1]
    assert outbox_count(district) == 0
    assert request_status(district, request_id) == ("open", "")
    with pytest.raises(ConcurrentChange):  # a lost race writes neither the step nor an answer
        apply_transition(district, case_id, state.version + 1, "不予立案", "值班员甲", "重复", NOW)
    assert outbox_count(district) == 0


def test_a_case_without_open311_requests_owes_nothing(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW - timedelta(hours=1))
    step(district, case_id, "不予立案", "重复")
    assert outbox_count(district) == 0
    assert answers_of_case(district, case_id) == []


def test_the_case_service_lists_answers_within_the_principals_scope(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW - timedelta(hours=1))
    add_request(district, add_client(district, "app", "http://x"), case_id, "E", NOW)
    step(district, case_id, "不予立案", "重复")
    operator = services_for(district, UserRole.OPERATOR)
    assert [answer.event for answer in operator.cases.client_answers(case_id)] == ["returned"]
    own_office = services_for(district, UserRole.OFFICE, office_id=1, username="office1")
    assert len(own_office.cases.client_answers(case_id)) == 1
    with pytest.raises(PermissionDenied):
        services_for(district, UserRole.OFFICE, office_id=2, username="office2").cases.client_answers(case_id)


def test_a_client_without_a_webhook_is_answered_through_its_request_row_only(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW - timedelta(hours=1))
    request_id = add_request(district, add_client(district, "polling-app", ""), case_id, "F", NOW)
    step(district, case_id, "不予立案", "不属于城管职责")
    assert outbox_count(district) == 0
    assert request_status(district, request_id) == ("closed", "不属于城管职责")
