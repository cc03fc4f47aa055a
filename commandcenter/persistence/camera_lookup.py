"""Camera codes → playable feeds in one query, for whatever names cameras by code (saved views).

A saved view stores up to 64 camera codes; resolving them one ``camera_streams`` call at a time
would be 64 round trips to a shared PostgreSQL before the wall shows anything. One ``IN`` query
answers them all, and a code the cameras table does not hold is simply absent from the answer
(the caller decides how to show a missing camera).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import exc, select

from commandcenter.media.camera_feed import CameraFeed
from commandcenter.persistence import models
from commandcenter.persistence.database import DatabaseUnavailable, describe_error
from commandcenter.persistence.store import Store


def feeds_for_codes(store: Store, codes: Iterable[str]) -> dict[str, CameraFeed]:
    """``code → CameraFeed`` for the codes the cameras table knows; unknown codes are left out."""
    wanted = sorted({code for code in codes if code})
    if not wanted:
        return {}
    camera = models.Camera
    statement = select(camera.code, camera.name, camera.main_url, camera.sub_url).where(
        camera.code.in_(wanted)
    )
    try:
        with store.engine.connect() as connection:
            rows = connection.execute(statement).all()
    except exc.DBAPIError as error:
        raise DatabaseUnavailable(store.url, describe_error(error)) from error
    return {
        code: CameraFeed(code=code, name=name, main_url=main_url or "", sub_url=sub_url or "")
        for code, name, main_url, sub_url in rows
    }
