"""Tables of the gateway (migration 0012, issue 14): what the headless ``commandcenter gateway`` keeps
beside the core's positions and cases, shared by every gateway process on one PostgreSQL.

- ``terminal_sessions``: one row per JT/T 808 terminal that has connected — which gateway holds its
  session now (a command goes there), its protocol version, and its frame and error counters (the
  administrator's per-terminal health).
- ``unknown_terminals``: terminals that connected with an id no vehicle has: listed for the
  administrator, never silently dropped.
- ``terminal_commands``: a command from a desk to a terminal (立即定位 0x8201, 临时跟踪 0x8202, 下发文本
  0x8300, 设置参数 0x8103). The desk inserts it ``pending``; the gateway holding the session sends it
  (``sent``, with the frame's serial) and records the terminal's answer (``answered``) or why not
  (``failed``/``expired``); the desk shows it.
- ``open311_requests``: each report received through the Open311 intake API: which API key sent it, its
  client id (a repeat is recognised, not filed twice), and the case or 待甄别 item it became.
- ``webhook_outbox``: answers to a client (case closed, returned, merged …), delivered exactly once
  with retries; survives a restart.
The API keys themselves are ``api_keys`` (accounts), given a client profile by this migration.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class TerminalSession(Base):
    __tablename__ = "terminal_sessions"
    terminal_id: Mapped[str] = mapped_column(String(20), primary_key=True)  # the header's phone / id
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    gateway: Mapped[str | None] = mapped_column(String(64))  # the process holding the session; None: offline
    remote: Mapped[str] = mapped_column(String(64), default="")  # ip:port as the gateway saw it
    protocol: Mapped[str] = mapped_column(String(8), default="")  # 2011 / 2013 / 2019
    connected_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_frame_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    frames: Mapped[int] = mapped_column(BigInteger, default=0)
    errors: Mapped[int] = mapped_column(BigInteger, default=0)  # malformed frames, bad checksums …
    last_error: Mapped[str] = mapped_column(Text, default="")


class UnknownTerminal(Base):
    __tablename__ = "unknown_terminals"
    terminal_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    frames: Mapped[int] = mapped_column(BigInteger, default=0)
    last_remote: Mapped[str] = mapped_column(String(64), default="")
    plate: Mapped[str] = mapped_column(String(16), default="")  # as the 0x0100 registration gave it


class TerminalCommand(Base):
    __tablename__ = "terminal_commands"
    __table_args__ = (Index("ix_terminal_commands_terminal_status", "terminal_id", "status"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    terminal_id: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    kind: Mapped[str] = mapped_column(String(16))  # locate / track / text / parameters
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    requested_by: Mapped[str] = mapped_column(String(40))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(12))  # pending / sent / answered / failed / expired
    gateway: Mapped[str | None] = mapped_column(String(64))
    serial: Mapped[int | None] = mapped_column(Integer)  # the platform frame's serial number
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answer: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # result, position …
    error: Mapped[str] = mapped_column(Text, default="")


class Open311Request(Base):
    __tablename__ = "open311_requests"
    __table_args__ = (UniqueConstraint("api_key_id", "client_ref"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id"), index=True)
    client_ref: Mapped[str | None] = mapped_column(String(64))  # the client's own id, for repeats
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    service_code: Mapped[str] = mapped_column(String(8))
    lon: Mapped[float | None] = mapped_column(Float)  # WGS-84, after the key's datum was converted
    lat: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))  # open / closed / in_review / rejected (Open311 words)
    status_notes: Mapped[str] = mapped_column(Text, default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("screening_reviews.id"))


class WebhookOutbox(Base):
    __tablename__ = "webhook_outbox"
    __table_args__ = (Index("ix_webhook_outbox_due", "delivered_at", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id"))
    request_id: Mapped[int] = mapped_column(ForeignKey("open311_requests.id"))
    event: Mapped[str] = mapped_column(String(16))  # closed / returned / merged / rejected …
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(Text, default="")
