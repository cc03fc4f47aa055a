"""An Open311 client as the gateway's API would leave it, for tests of the answers: an API key with a
``webhook_url``, and ``open311_requests`` rows pointing at cases (the API writes these after
``CaseIntake`` has filed or merged the report)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select, update

from commandcenter.persistence.access import read_one, writing
from commandcenter.persistence.accounts.api_keys import create_api_key
from commandcenter.persistence.accounts.models import ApiKey
from commandcenter.persistence.gateway.models import Open311Request
from commandcenter.persistence.store import Store


def add_client(store: Store, name: str, webhook_url: str, now: datetime | None = None) -> int:
    """A live API key named ``name`` answering to ``webhook_url``; returns its id."""
    create_api_key(store, name, now or datetime.now(UTC))
    with writing(store) as connection:
        connection.execute(
            update(ApiKey).where(ApiKey.name == name).values(webhook_url=webhook_url, source="12345热线")
        )
    row = read_one(store, select(ApiKey.id).where(ApiKey.name == name))
    assert row is not None
    return int(row[0])


def add_request(store: Store, api_key_id: int, case_id: int, client_ref: str, now: datetime) -> int:
    """The ``open311_requests`` row of a report that became ``case_id``; returns its id."""
    with writing(store) as connection:
        return int(
            connection.execute(
                insert(Open311Request)
                .values(
                    api_key_id=api_key_id,
                    client_ref=client_ref,
                    received_at=now.astimezone(UTC),
                    service_code="S0501",
                    lon=113.61,
                    lat=34.71,
                    status="open",
                    status_notes="",
                    case_id=case_id,
                )
                .returning(Open311Request.id)
            ).scalar_one()
        )


def request_status(store: Store, request_id: int) -> tuple[str, str]:
    """What ``GET /requests/{id}.json`` would answer: status and status_notes."""
    row = read_one(
        store,
        select(Open311Request.status, Open311Request.status_notes).where(Open311Request.id == request_id),
    )
    assert row is not None
    return str(row[0]), str(row[1])
