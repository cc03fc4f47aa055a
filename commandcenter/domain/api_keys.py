"""An intake API key's client profile (migration 0012): who the client is and what it may send.

The gateway reads the profile with each request (through a short cache): the cases' ``source``
(市民上报 for the WeChat back end, 督查员 for the inspectors' app, 12345热线, 城市平台), the ``datum`` its
coordinates arrive in (GCJ-02 is converted to WGS-84 at the edge), its rate and photo limits, and
where its answers go (``webhook_url``). The key itself is never kept, only its digest and prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from commandcenter.domain.photos import MAX_PHOTO_BYTES

KEY_DATUMS = ("WGS84", "GCJ02")  # what a client may declare; BD-09 clients convert before sending


@dataclass(frozen=True)
class ApiKeyProfile:
    source: str = "市民上报"
    datum: str = "WGS84"
    rate_per_minute: int = 600
    max_photo_bytes: int = 5 * 1024 * 1024
    webhook_url: str = ""


@dataclass(frozen=True)
class ApiKeyRecord:
    """A key as the gateway and ``apikeys list`` see it (no digest: nothing to guess from)."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked: bool
    profile: ApiKeyProfile


class ProfileRefused(ValueError):
    """A profile value the gateway could not honour; the bilingual line says which."""


def check_profile(profile: ApiKeyProfile) -> ApiKeyProfile:
    """The profile with its datum spelled as stored, or ``ProfileRefused`` naming the bad field."""
    source = profile.source.strip()
    if not source or len(source) > 16:
        raise ProfileRefused("来源须为 1–16 个字 / the source is 1–16 characters (e.g. 市民上报)")
    datum = profile.datum.strip().upper().replace("-", "")
    if datum not in KEY_DATUMS:
        raise ProfileRefused(
            f"坐标系须为 WGS84 或 GCJ02 / the datum is WGS84 or GCJ02, not {profile.datum!r}"
        )
    if not 1 <= profile.rate_per_minute <= 100_000:
        raise ProfileRefused("每分钟请求数须为 1–100000 / the rate is 1–100000 requests a minute")
    if not 1024 <= profile.max_photo_bytes <= MAX_PHOTO_BYTES:
        raise ProfileRefused(
            f"照片上限须为 1024–{MAX_PHOTO_BYTES} 字节 / the photo limit is 1024–{MAX_PHOTO_BYTES} bytes"
        )
    url = profile.webhook_url.strip()
    if url and not url.startswith(("http://", "https://")):
        raise ProfileRefused("回调地址须以 http:// 或 https:// 开头 / the webhook URL starts with http(s)://")
    return ApiKeyProfile(source, datum, profile.rate_per_minute, profile.max_photo_bytes, url)
