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

from sqlalchemy import exc, insert, select, update

from commandcenter.persistence.access import read_rows, unavailable, writing
from commandcenter.persistence.accounts.models import ApiKey
from commandcenter.persistence.store import Store

PREFIX_LENGTH = 8


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_key(store: Store, name: str, now: datetime) -> str:
    """Make a key for ``name`` (e.g. a 12345 hotline gateway) and return it — the only time it is seen."""
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


def revoke_api_key(store: Store, name: str) -> None:
    with writing(store) as connection:
        connection.execute(update(ApiKey).where(ApiKey.name == name).values(revoked=True))
