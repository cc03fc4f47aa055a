"""The ``webhook_outbox`` as the sender and the case detail see it: claim due rows, record a delivery
or a failure, list a case's answers.

Claiming is a conditional UPDATE: ``… SET next_attempt_at = now + lease WHERE id = :id AND
delivered_at IS NULL AND next_attempt_at <= now``. Of two gateway processes reading the same due row,
exactly one UPDATE changes it (PostgreSQL re-checks the WHERE on the locked row; SQLite serialises
writers), so no row is sent by two at once. A sender that dies mid-delivery leaves the row claimed
until the lease ends; then it is due again (the receiver drops the repeat by its idempotency key).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from commandcenter.domain.client_answers import GAVE_UP, MAX_ATTEMPTS, ClientAnswer, DueAnswer
from commandcenter.persistence.access import as_utc, maybe_utc, read_rows, writing
from commandcenter.persistence.accounts.models import ApiKey
from commandcenter.persistence.gateway.models import Open311Request, WebhookOutbox
from commandcenter.persistence.store import Store

_outbox = WebhookOutbox


def claim_due(
    store: Store, now: datetime, lease: timedelta, limit: int = 50, max_attempts: int = MAX_ATTEMPTS
) -> list[DueAnswer]:
    """Take up to ``limit`` undelivered rows whose time has come, each claimed for ``lease``."""
    now = now.astimezone(UTC)
    due = (
        select(_outbox.id, ApiKey.webhook_url, _outbox.payload, _outbox.attempts)
        .join(ApiKey, ApiKey.id == _outbox.api_key_id)
        .where(_outbox.delivered_at.is_(None), _outbox.next_attempt_at <= now)
        .where(_outbox.attempts < max_attempts, _outbox.last_error.not_like(f"{GAVE_UP}%"))
        .order_by(_outbox.next_attempt_at, _outbox.id)
        .limit(limit)
    )
    claimed: list[DueAnswer] = []
    for id_, url, payload, attempts in read_rows(store, due):
        with writing(store) as connection:
            taken = connection.execute(
                update(_outbox)
                .where(_outbox.id == id_, _outbox.delivered_at.is_(None), _outbox.next_attempt_at <= now)
                .values(next_attempt_at=now + lease)
            ).rowcount
        if taken == 1:
            claimed.append(DueAnswer(id_, url or "", dict(payload or {}), attempts))
    return claimed


def mark_delivered(store: Store, outbox_id: int, now: datetime) -> None:
    with writing(store) as connection:
        connection.execute(
            update(_outbox)
            .where(_outbox.id == outbox_id)
            .values(delivered_at=now.astimezone(UTC), attempts=_outbox.attempts + 1, last_error="")
        )


def mark_failed(store: Store, outbox_id: int, error: str, retry_at: datetime, *, last: bool = False) -> None:
    """One more failed attempt; the row is due again at ``retry_at``, or never (``last``: the sender
    gives up — the row stays, its error prefixed ``GAVE_UP`` for the case detail)."""
    error = GAVE_UP + error if last else error
    with writing(store) as connection:
        connection.execute(
            update(_outbox)
            .where(_outbox.id == outbox_id, _outbox.delivered_at.is_(None))
            .values(attempts=_outbox.attempts + 1, last_error=error[:500], next_attempt_at=retry_at)
        )


def answers_of_case(store: Store, case_id: int) -> list[ClientAnswer]:
    """Every answer owed to the clients of ``case_id``, oldest first."""
    statement = (
        select(_outbox.id, ApiKey.name, _outbox.request_id, _outbox.event, _outbox.created_at)
        .add_columns(_outbox.attempts, _outbox.delivered_at, _outbox.last_error, _outbox.payload)
        .join(Open311Request, Open311Request.id == _outbox.request_id)
        .join(ApiKey, ApiKey.id == _outbox.api_key_id)
        .where(Open311Request.case_id == case_id)
        .order_by(_outbox.id)
    )
    return [
        ClientAnswer(
            id_,
            client,
            request_id,
            event,
            as_utc(created).astimezone(UTC),
            attempts,
            maybe_utc(delivered),
            error,
            delivered is None and error.startswith(GAVE_UP),
            dict(payload or {}),
        )
        for id_, client, request_id, event, created, attempts, delivered, error, payload in read_rows(
            store, statement
        )
    ]
