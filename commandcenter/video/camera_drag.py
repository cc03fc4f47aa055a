"""The drag payload that carries cameras from the camera tree (or a map, or a case) onto the wall.

A MIME type of our own plus a JSON list of ``{code, name, main_url, sub_url}``: any widget can
produce it without importing the wall, and the wall accepts it without knowing who produced it.
"""

from __future__ import annotations

import json

from commandcenter.domain.cameras import CameraFeed

CAMERAS_MIME = "application/x-commandcenter-cameras"


def encode_cameras(feeds: list[CameraFeed]) -> bytes:
    rows = [{"code": f.code, "name": f.name, "main_url": f.main_url, "sub_url": f.sub_url} for f in feeds]
    return json.dumps(rows, ensure_ascii=False).encode("utf-8")


def decode_cameras(payload: bytes) -> list[CameraFeed]:
    """The cameras in a payload; malformed rows are skipped (a drop must never raise in the UI)."""
    try:
        rows = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(rows, list):
        return []
    feeds = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("code"), str):
            feeds.append(
                CameraFeed(
                    code=row["code"],
                    name=str(row.get("name") or row["code"]),
                    main_url=str(row.get("main_url") or ""),
                    sub_url=str(row.get("sub_url") or ""),
                )
            )
    return feeds
