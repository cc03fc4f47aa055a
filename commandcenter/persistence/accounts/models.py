"""Tables of accounts and the audit trail (migration 0005).

``users`` (migration 0001) stays as it is; the login state that changes on every attempt lives in
``account_security`` so the user row is only written by administrators. ``audit_log`` is append-only
(database triggers on both engines) and hash-chained; ``audit_chain_head`` is the one row every
append updates first, which serialises appenders on both databases (row lock on PostgreSQL, write
lock on SQLite) and records the expected length of the chain, so removing the newest rows is seen.
Its rows go with their user (ON DELETE CASCADE) so regenerating the demo users still works.
``api_keys`` holds SHA-256 digests of intake API keys, never the keys.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class AccountSecurity(Base):
    __tablename__ = "account_security"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)  # 1, 2, 3 … with no gaps
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(32), index=True)
    target: Mapped[str] = mapped_column(String(120), index=True)  # "segment:12": a record's history
    details: Mapped[str] = mapped_column(Text)  # canonical JSON text: hashed byte for byte
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    __tablename__ = "audit_chain_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    prefix: Mapped[str] = mapped_column(String(12), index=True)  # shown in lists to tell keys apart
    key_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # migration 0012 (the gateway's Open311 intake): who the client is and what its reports are allowed
    source: Mapped[str] = mapped_column(String(16), default="", server_default="")  # the cases' source
    datum: Mapped[str] = mapped_column(String(8), default="WGS84", server_default="WGS84")  # its lon/lat
    rate_per_minute: Mapped[int] = mapped_column(Integer, default=600, server_default="600")
    max_photo_bytes: Mapped[int] = mapped_column(Integer, default=5_242_880, server_default="5242880")
    webhook_url: Mapped[str] = mapped_column(Text, default="", server_default="")  # answers go here


class Role(Base):
    __tablename__ = "roles"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)  # UserRole
    name: Mapped[str] = mapped_column(String(20))  # 值班员, 督办员, ...


class User(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("username"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(40))
    role_code: Mapped[str] = mapped_column(ForeignKey("roles.code"))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    department: Mapped[str | None] = mapped_column(String(40))  # 爱卫办, 社管办 … (migration 0009)
    password_hash: Mapped[str | None] = mapped_column(String(255))  # issue 7: argon2/scrypt
    active: Mapped[bool] = mapped_column(Boolean, default=True)
