"""Intake API keys, stored as SHA-256 digests only.

A key is 32 random bytes (``secrets.token_urlsafe``), so a fast hash is enough: nobody can guess
through 2^256 candidates, and the intake endpoint verifies a key per request without argon2's
deliberate slowness. The key itself is shown once, when created, and never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import exc, insert, select, update

from commandcenter.domain.api_keys import ApiKeyProfile, ApiKeyRecord
from commandcenter.persistence.access import as_utc, read_rows, unavailable, writing
from commandcenter.persistence.accounts.models import ApiKey
from commandcenter.persistence.store import Store

PREFIX_LENGTH = 8


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_key(store: Store, name: str, now: datetime, profile: ApiKeyProfile | None = None) -> str:
    """Make a key for ``name`` (e.g. a 12345 hotline gateway) with its client ``profile`` and return
    it — the only time it is seen."""
    profile = profile or ApiKeyProfile()
    key = "cc_" + secrets.token_urlsafe(32)
    try:
        with store.engine.begin() as connection:
            connection.execute(
                insert(ApiKey).values(
                    name=name,
                    prefix=key[:PREFIX_LENGTH],
                    key_hash=digest_of(key),
                    created_at=now,
                    revoked=False,
                    source=profile.source,
                    datum=profile.datum,
                    rate_per_minute=profile.rate_per_minute,
                    max_photo_bytes=profile.max_photo_bytes,
                    webhook_url=profile.webhook_url,
                )
            )
    except exc.IntegrityError as error:
        raise ValueError(f"接口密钥 {name} 已存在 / an API key named {name} exists") from error
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
    return key


def verify_api_key(store: Store, key: str) -> str | None:
    """The name of the live key matching ``key``, or None (constant-time comparison of digests)."""
    if not key.startswith("cc_") or len(key) > 200:
        return None
    wanted = digest_of(key)
    statement = select(ApiKey.name, ApiKey.key_hash).where(
        ApiKey.prefix == key[:PREFIX_LENGTH], ApiKey.revoked.is_(False)
    )
    rows = read_rows(store, statement)
    for name, stored in rows:
        if hmac.compare_digest(stored, wanted):
            return str(name)
    return None


def find_api_key(store: Store, key: str) -> ApiKeyRecord | None:
    """The live key matching ``key`` with its profile, or None (what the gateway checks per request)."""
    if not key.startswith("cc_") or len(key) > 200:
        return None
    wanted = digest_of(key)
    statement = _KEYS.where(ApiKey.prefix == key[:PREFIX_LENGTH], ApiKey.revoked.is_(False))
    for row in read_rows(store, statement):
        if hmac.compare_digest(row.key_hash, wanted):
            return _record(row)
    return None


def list_api_keys(store: Store) -> list[ApiKeyRecord]:
    """Every key, revoked ones too (the audit names them), by name."""
    return [_record(row) for row in read_rows(store, _KEYS.order_by(ApiKey.name))]


_KEYS = select(
    ApiKey.id,
    ApiKey.name,
    ApiKey.prefix,
    ApiKey.created_at,
    ApiKey.revoked,
    ApiKey.key_hash,
    ApiKey.source,
    ApiKey.datum,
    ApiKey.rate_per_minute,
    ApiKey.max_photo_bytes,
    ApiKey.webhook_url,
)


def _record(row: Any) -> ApiKeyRecord:
    profile = ApiKeyProfile(row.source, row.datum, row.rate_per_minute, row.max_photo_bytes, row.webhook_url)
    return ApiKeyRecord(row.id, row.name, row.prefix, as_utc(row.created_at), row.revoked, profile)


def revoke_api_key(store: Store, name: str) -> bool:
    """Revoke the key named ``name``; False when no live key has that name."""
    with writing(store) as connection:
        result = connection.execute(
            update(ApiKey).where(ApiKey.name == name, ApiKey.revoked.is_(False)).values(revoked=True)
        )
        return bool(result.rowcount)
