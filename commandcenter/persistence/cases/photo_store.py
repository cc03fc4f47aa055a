"""Photos kept in the database, addressed by the SHA-256 of their bytes (``photo:<sha256>``).

A photo attached at one workstation is then seen at every other (a file path is only good on the
machine that has the file), the same bytes are stored once however often they arrive (a caller's
photo forwarded twice, a re-sent report), and the address itself shows the bytes were not changed.
The limits (JPEG/PNG by their signature, 10 MB) are checked here, in ``domain.photos``, so no door
stores anything else. Who may read or attach which photo is the services' question.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import Connection, exists, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from commandcenter.domain.kinds import PhotoStage
from commandcenter.domain.photos import PHOTO_URI_PREFIX, PhotoNotFound, check_photo
from commandcenter.persistence.access import read_one, writing
from commandcenter.persistence.cases.desk_models import StoredPhoto
from commandcenter.persistence.cases.models import Case, CasePhoto
from commandcenter.persistence.store import Store


def photo_uri(content: bytes) -> str:
    return PHOTO_URI_PREFIX + hashlib.sha256(content).hexdigest()


def store_photo(store: Store, content: bytes, media_type: str, stored_by: str, now: datetime) -> str:
    """Keep the photo (``PhotoRefused`` for anything but a JPEG/PNG of at most 10 MB) and return its
    ``photo:<sha256>`` URI. The same bytes again — here or racing on another workstation — keep the
    first row (``ON CONFLICT DO NOTHING``, one syntax on both engines)."""
    with writing(store) as connection:
        return store_photo_in(connection, content, media_type, stored_by, now)


def store_photo_in(
    connection: Connection, content: bytes, media_type: str, stored_by: str, now: datetime
) -> str:
    """``store_photo`` inside the caller's transaction (the Open311 intake keeps a report's photo in
    the transaction that reserves the report: one round trip fewer, and both or neither)."""
    statement = _KEEP_SQLITE if connection.dialect.name == "sqlite" else _KEEP_POSTGRESQL
    row = photo_row(content, media_type, stored_by, now)
    connection.execute(statement, row)
    return PHOTO_URI_PREFIX + str(row["sha256"])


def photo_row(content: bytes, media_type: str, stored_by: str, now: datetime) -> dict[str, object]:
    """The ``stored_photos`` row of a photo, checked (``PhotoRefused``) and addressed by its bytes."""
    kind = check_photo(content, media_type)
    content = bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    return {
        "sha256": digest,
        "media_type": kind.value,
        "size": len(content),
        "content": content,
        "stored_at": now,
        "stored_by": stored_by[:40],
    }


# Built once: an Open311 gateway stores a photo with most reports (a statement built per call costs
# more than its own work in SQLAlchemy). A photo already there is kept: its bytes are its address.
_KEEP_SQLITE = sqlite_insert(StoredPhoto).on_conflict_do_nothing(index_elements=[StoredPhoto.sha256])
_KEEP_POSTGRESQL = postgresql_insert(StoredPhoto).on_conflict_do_nothing(index_elements=[StoredPhoto.sha256])


def read_photo(store: Store, uri: str) -> tuple[str, bytes]:
    """``(media_type, bytes)`` of a stored photo; ``PhotoNotFound`` for an unknown address."""
    row = read_one(
        store, select(StoredPhoto.media_type, StoredPhoto.content).where(StoredPhoto.sha256 == _digest(uri))
    )
    if row is None:
        raise PhotoNotFound(uri)
    return row.media_type, bytes(row.content)


def photo_visible(
    store: Store, uri: str, username: str, *, office_id: int | None = None, department_id: int | None = None
) -> bool:
    """Whether the photo belongs to a case of ``office_id`` (an office user's scope) or held by
    ``department_id`` (a department user's), or was stored by ``username`` (what they attached)."""
    scope = [Case.office_id == office_id] if office_id is not None else []
    if department_id is not None:
        scope.append(Case.department_id == department_id)
    on_case = exists().where(CasePhoto.uri == uri, CasePhoto.case_id == Case.id, *scope)
    theirs = exists().where(StoredPhoto.sha256 == _digest(uri), StoredPhoto.stored_by == username)
    row = read_one(store, select(on_case | theirs))
    return bool(row is not None and row[0])


def attach_case_photo(
    store: Store, case_id: int, stage: PhotoStage, uri: str, taken_by: str, now: datetime
) -> None:
    """One ``case_photos`` row: a photo added to a case after intake (a disposer's 处置后 photo …)."""
    with writing(store) as connection:
        connection.execute(
            insert(CasePhoto),
            {"case_id": case_id, "stage": stage.value, "uri": uri, "ts": now, "taken_by": taken_by[:40]},
        )


def _digest(uri: str) -> str:
    return uri.removeprefix(PHOTO_URI_PREFIX) if uri.startswith(PHOTO_URI_PREFIX) else ""
