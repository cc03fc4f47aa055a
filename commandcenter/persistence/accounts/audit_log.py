"""The append-only, hash-chained audit log: append a record, read it back, verify the chain.

Each row's hash is SHA-256 over the previous row's hash and the row's own fields (sequence number,
UTC timestamp, actor, action, target, canonical JSON details), so editing any row breaks its hash
and removing one breaks the next row's ``prev_hash`` and the sequence. The one-row
``audit_chain_head`` is locked by the FIRST statement of every append: that serialises concurrent
appenders on both databases (PostgreSQL row lock, SQLite write lock), and it remembers how long the
chain should be, so cutting off the newest rows shows too.

The head's lock is held to the commit, so every audited transaction of every workstation and
gateway queues behind it: on PostgreSQL the append is therefore ONE statement (``_APPEND_POSTGRESQL``:
lock, hash, row and head together, the hash computed by the server from the same material as
``chain_hash``), leaving only the commit's round trip inside the lock — three statements held it
while each waited for its process's GIL, and a gateway filing 150 reports a second spent most of
their latency queued here. SQLite serialises writers anyway and keeps the three statements.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, text, update

from commandcenter.domain.accounts import AuditRecord, ChainReport
from commandcenter.persistence.access import as_utc, reading, writing
from commandcenter.persistence.accounts.models import AuditChainHead, AuditEntry
from commandcenter.persistence.store import Store

GENESIS_HASH = "0" * 64
_entry, _head = AuditEntry, AuditChainHead
# Built once: every audited action of every workstation appends here, and an ``insert(...).values(...)``
# built per call costs several times the statement's own work in SQLAlchemy (measured 130 against 14 µs).
_TAKE_HEAD = (
    update(_head).where(_head.id == 1).values(seq=_head.seq + 1).returning(_head.seq, _head.last_hash)
)
_ADD_ENTRY = insert(_entry)
_MOVE_HEAD = update(_head).where(_head.id == 1).values(last_hash=bindparam("new_hash"))
# ``chain_hash`` in SQL: SHA-256 over the UTF-8 of prev_hash, seq, stamp, actor, action, target and
# details joined by U+001F (tests/core/test_audit_chain.py holds the two to the same digest).
_APPEND_POSTGRESQL = text(
    """
    WITH prev AS (SELECT seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE),
    next AS (
        SELECT prev.seq + 1 AS seq, prev.last_hash AS prev_hash,
               encode(sha256(convert_to(concat_ws(chr(31), prev.last_hash, (prev.seq + 1)::text,
                   CAST(:stamp AS text), CAST(:actor AS text), CAST(:action AS text),
                   CAST(:target AS text), CAST(:details AS text)), 'UTF8')), 'hex') AS hash
        FROM prev
    ),
    moved AS (
        UPDATE audit_chain_head SET seq = next.seq, last_hash = next.hash
        FROM next WHERE audit_chain_head.id = 1
    ),
    added AS (
        INSERT INTO audit_log (seq, ts, actor, action, target, details, prev_hash, hash)
        SELECT next.seq, :ts, :actor, :action, :target, :details, next.prev_hash, next.hash FROM next
    )
    SELECT seq, prev_hash, hash FROM next
    """
)


def canonical_details(details: Mapping[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def chain_hash(
    prev_hash: str, seq: int, ts: datetime, actor: str, action: str, target: str, details: str
) -> str:
    material = "\x1f".join([prev_hash, str(seq), _stamp(ts), actor, action, target, details])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _stamp(ts: datetime) -> str:
    # Microseconds are dropped: both databases keep them, but a stable text form matters more.
    return as_utc(ts).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def append(
    store: Store, actor: str, action: str, target: str, details: Mapping[str, Any], now: datetime
) -> AuditRecord:
    with writing(store) as connection:
        return append_in(connection, actor, action, target, details, now)


def append_in(
    connection: Connection, actor: str, action: str, target: str, details: Mapping[str, Any], now: datetime
) -> AuditRecord:
    """Append inside the caller's transaction (so an action and its audit row commit together)."""
    now = now.astimezone(UTC).replace(microsecond=0)
    canonical = canonical_details(details)
    if connection.dialect.name == "postgresql":
        row = {"ts": now, "actor": actor, "action": action, "target": target, "details": canonical}
        seq, prev_hash, digest = connection.execute(_APPEND_POSTGRESQL, row | {"stamp": _stamp(now)}).one()
        return AuditRecord(seq, now, actor, action, target, json.loads(canonical), prev_hash, digest)
    # one round trip takes the head's lock and reads it (it is held to the commit: fewer is better)
    seq, prev_hash = connection.execute(_TAKE_HEAD).one()
    digest = chain_hash(prev_hash, seq, now, actor, action, target, canonical)
    row = {"seq": seq, "ts": now, "actor": actor, "action": action, "target": target, "details": canonical}
    connection.execute(_ADD_ENTRY, row | {"prev_hash": prev_hash, "hash": digest})
    connection.execute(_MOVE_HEAD, {"new_hash": digest})
    return AuditRecord(seq, now, actor, action, target, json.loads(canonical), prev_hash, digest)


# The columns of an ``AuditRecord``, in its field order (what ``read`` returns and ``verify_chain`` walks).
_RECORD_COLUMNS = (
    _entry.seq,
    _entry.ts,
    _entry.actor,
    _entry.action,
    _entry.target,
    _entry.details,
    _entry.prev_hash,
    _entry.hash,
)


def read(store: Store, *, action: str | None = None, limit: int = 1000) -> list[AuditRecord]:
    """The newest ``limit`` records (optionally of one action), oldest first."""
    statement = select(*_RECORD_COLUMNS)
    if action is not None:
        statement = statement.where(_entry.action == action)
    with reading(store) as connection:
        rows = connection.execute(statement.order_by(_entry.seq.desc()).limit(limit)).all()
    return [_record_of(row) for row in reversed(rows)]


def read_target(store: Store, target: str, *, limit: int = 200) -> list[AuditRecord]:
    """A record's history: the newest ``limit`` entries whose target names it, newest first
    (``target`` is indexed, migration 0009)."""
    statement = select(*_RECORD_COLUMNS).where(_entry.target == target)
    with reading(store) as connection:
        rows = connection.execute(statement.order_by(_entry.seq.desc()).limit(limit)).all()
    return [_record_of(row) for row in rows]


def _record_of(row: Any) -> AuditRecord:
    return AuditRecord(row[0], as_utc(row[1]), row[2], row[3], row[4], json.loads(row[5]), row[6], row[7])


def latest_seq(store: Store, actions: Iterable[str]) -> int:
    """The sequence number of the newest entry of any of ``actions`` (0: none): one indexed read,
    cheap enough to ask every few seconds whether the base data changed since it was loaded."""
    statement = select(func.max(_entry.seq)).where(_entry.action.in_(sorted(actions)))
    with reading(store) as connection:
        return int(connection.execute(statement).scalar() or 0)


def verify_chain(store: Store) -> ChainReport:
    """Walk the whole log in sequence order and name every break."""
    problems: list[str] = []
    statement = select(*_RECORD_COLUMNS).order_by(_entry.seq)
    expected_seq, expected_prev, count = 1, GENESIS_HASH, 0
    with reading(store) as connection:
        head_seq, head_hash = connection.execute(
            select(_head.seq, _head.last_hash).where(_head.id == 1)
        ).one()
        for seq, ts, actor, action, target, details, prev_hash, digest in connection.execute(statement):
            count += 1
            if seq != expected_seq:
                problems.append(
                    f"第 {expected_seq}–{seq - 1} 条缺失 / rows {expected_seq}..{seq - 1} missing"
                )
            if prev_hash != expected_prev:
                problems.append(f"第 {seq} 条与前一条不衔接 / row {seq} does not link to its predecessor")
            if chain_hash(prev_hash, seq, ts, actor, action, target, details) != digest:
                problems.append(f"第 {seq} 条内容被修改 / row {seq} was altered")
            expected_seq, expected_prev = seq + 1, digest
    if head_seq != expected_seq - 1 or head_hash != expected_prev:
        problems.append(
            f"末尾记录缺失（应有 {head_seq} 条） / newest rows missing: the chain should end at {head_seq}"
        )
    return ChainReport(count, problems)
