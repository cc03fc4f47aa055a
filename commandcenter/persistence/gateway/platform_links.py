"""Which city-platform case became which of our cases, and what of ours the platform has not heard.

A city platform (数字城管 / 12345 平台) is kept as a client like an Open311 one: an ``api_keys`` row named
``城市平台:<name>`` (source 城市平台, revoked from birth: it is an identity, never a key anyone sends),
and one ``open311_requests`` row per platform case with the platform's own id as ``client_ref``. The
table's unique (key, client_ref) is what stops a platform case being linked twice, and the same row
gives ``GET /requests`` and the outbox their answer, so no new table was needed (migration 0012 has
none for this). A client with no ``webhook_url`` gets no webhook (``gateway.answers``): the platform
hears our steps through its adapter instead (``status_events``).

A platform case intake refused outright (no case, no 待甄别 item) has no case event to tell, so its
link row carries the answer: status ``rejected`` with intake's reason line as ``status_notes`` until
the platform took it (``untold_refusals``), then ``closed`` — Open311's word for a request settled,
its notes saying why (``refusal_told``). The row is the memory, so a restart tells it neither never
nor twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import exc, insert, select, update

from commandcenter.persistence.access import as_utc, read_one, read_rows, writing
from commandcenter.persistence.accounts.models import ApiKey
from commandcenter.persistence.cases.models import Case, CaseEvent
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.gateway.models import Open311Request
from commandcenter.persistence.store import Store

PLATFORM_SOURCE = "城市平台"
REFUSED_STATUS = "不予受理"  # what the platform hears for a case intake refused outright
REFUSED, TOLD = "rejected", "closed"  # a refusal's link row before and after the platform took it


@dataclass(frozen=True)
class StatusEvent:
    """One step of a linked case the platform is to be told about."""

    event_id: int
    platform_id: str
    case_number: str
    status: str  # our workflow status after the step (受理, 派遣 … 结案)
    action: str
    note: str
    ts: datetime

    @property
    def key(self) -> str:
        """The idempotency key: our event id, or for a refusal (no event) the platform's case id."""
        return str(self.event_id) if self.event_id else f"refused:{self.platform_id}"


def platform_client(store: Store, name: str, now: datetime) -> int:
    """The id of the platform's client row, created on first use."""
    key_name = f"{PLATFORM_SOURCE}:{name}"[:40]
    found = read_one(store, select(ApiKey.id).where(ApiKey.name == key_name))
    if found is not None:
        return int(found[0])
    try:
        with writing(store) as connection:
            values = {"name": key_name, "prefix": "platform", "key_hash": "", "created_at": now}
            values |= {"revoked": True, "source": PLATFORM_SOURCE}
            connection.execute(insert(ApiKey).values(values))
    except exc.IntegrityError:
        pass  # another gateway made it first
    found = read_one(store, select(ApiKey.id).where(ApiKey.name == key_name))
    assert found is not None
    return int(found[0])


def linked_case(store: Store, client_id: int, platform_id: str) -> int | None:
    """Whether the platform case was already received (its row exists); its case id (None: 待甄别)."""
    row = read_one(
        store,
        select(Open311Request.id, Open311Request.case_id).where(
            Open311Request.api_key_id == client_id, Open311Request.client_ref == platform_id
        ),
    )
    return None if row is None else (row[1] or 0)


def link_case(
    store: Store,
    client_id: int,
    platform_id: str,
    category: str,
    where: tuple[float, float],
    became: tuple[int | None, int | None],
    now: datetime,
    reason: str = "",
) -> None:
    """Keep that ``platform_id`` became case ``became[0]`` (or 待甄别 item ``became[1]``, or neither:
    refused for ``reason``, intake's line); a repeat is a no-op."""
    case_id, review_id = became
    values = {"api_key_id": client_id, "client_ref": platform_id, "received_at": now.astimezone(UTC)}
    values |= {"service_code": category[:8], "lon": where[0], "lat": where[1], "case_id": case_id}
    status = "open" if case_id else "in_review" if review_id else REFUSED  # Open311's words
    values |= {
        "review_id": review_id,
        "status": status,
        "status_notes": "" if case_id or review_id else reason,
    }
    try:
        with writing(store) as connection:
            connection.execute(insert(Open311Request).values(values))
    except exc.IntegrityError:
        pass  # linked by a racing round: the first link stands


def status_events(store: Store, client_id: int, after_event_id: int, limit: int = 200) -> list[StatusEvent]:
    """The workflow steps (events with a status) of the platform's cases after ``after_event_id``."""
    statement = (
        select(CaseEvent.id, Open311Request.client_ref, Case.number, CaseEvent.to_status, CaseEvent.action)
        .add_columns(CaseEvent.note, CaseEvent.ts)
        .join(Open311Request, Open311Request.case_id == CaseEvent.case_id)
        .join(Case, Case.id == CaseEvent.case_id)
        .where(Open311Request.api_key_id == client_id, CaseEvent.id > after_event_id)
        .where(CaseEvent.to_status.is_not(None))
        .order_by(CaseEvent.id)
        .limit(limit)
    )
    return [
        StatusEvent(id_, ref or "", number, status, action, note or "", as_utc(ts).astimezone(UTC))
        for id_, ref, number, status, action, note, ts in read_rows(store, statement)
    ]


def untold_refusals(store: Store, client_id: int, limit: int = 200) -> list[StatusEvent]:
    """The platform's cases intake refused outright that the platform was not told of yet."""
    statement = (
        select(Open311Request.client_ref, Open311Request.status_notes, Open311Request.received_at)
        .where(Open311Request.api_key_id == client_id, Open311Request.status == REFUSED)
        .where(Open311Request.case_id.is_(None), Open311Request.review_id.is_(None))
        .order_by(Open311Request.id)
        .limit(limit)
    )
    return [
        StatusEvent(0, ref or "", "", REFUSED_STATUS, REFUSED_STATUS, note or "", as_utc(ts).astimezone(UTC))
        for ref, note, ts in read_rows(store, statement)
    ]


def refusal_told(store: Store, client_id: int, platform_id: str) -> None:
    """The platform took the refusal of ``platform_id``: never tell it again."""
    with writing(store) as connection:
        connection.execute(
            update(Open311Request)
            .where(Open311Request.api_key_id == client_id, Open311Request.client_ref == platform_id)
            .where(Open311Request.status == REFUSED, Open311Request.case_id.is_(None))
            .values(status=TOLD)
        )


def units_by_vehicle(store: Store) -> dict[str, int]:
    """Unit ids by plate and by terminal id, for positions a platform names either way."""
    rows = read_rows(
        store, select(Vehicle.plate, Vehicle.terminal_id, Vehicle.unit_id).where(Vehicle.unit_id.is_not(None))
    )
    found: dict[str, int] = {}
    for plate, terminal, unit in rows:
        found[plate] = int(unit or 0)
        if terminal:
            found[terminal] = int(unit or 0)
    return found
