"""Queries of ``case_video_evidence``: keep a clip with its camera, period and hash; list a case's."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import insert, select

from commandcenter.domain.video_evidence import VideoEvidence
from commandcenter.persistence.access import as_utc, read_rows, writing
from commandcenter.persistence.cases.evidence_models import CaseVideoEvidence
from commandcenter.persistence.store import Store

_LISTED = (
    CaseVideoEvidence.id,
    CaseVideoEvidence.case_id,
    CaseVideoEvidence.camera_code,
    CaseVideoEvidence.camera_name,
    CaseVideoEvidence.recorded_from,
    CaseVideoEvidence.recorded_to,
    CaseVideoEvidence.sha256,
    CaseVideoEvidence.size,
    CaseVideoEvidence.stored_at,
    CaseVideoEvidence.stored_by,
)


def add_video_evidence(
    store: Store,
    case_id: int,
    camera: tuple[str, str],
    period: tuple[datetime, datetime],
    content: bytes,
    media_type: str,
    stored_by: str,
    now: datetime,
) -> VideoEvidence:
    """One clip of ``camera`` (code, name) over ``period``; its SHA-256 is computed here, from the
    bytes that are stored."""
    digest = hashlib.sha256(content).hexdigest()
    code, name, by = camera[0][:40], camera[1][:80], stored_by[:40]
    row: dict[str, object] = {
        "case_id": case_id,
        "camera_code": code,
        "camera_name": name,
        "recorded_from": period[0].astimezone(UTC),  # the store writes UTC (SQLite keeps no zone)
        "recorded_to": period[1].astimezone(UTC),
        "sha256": digest,
        "media_type": media_type[:40],
        "size": len(content),
        "content": bytes(content),
        "stored_at": now.astimezone(UTC),
        "stored_by": by,
    }
    with writing(store) as connection:
        new_id = connection.execute(
            insert(CaseVideoEvidence).returning(CaseVideoEvidence.id), row
        ).scalar_one()
    return VideoEvidence(
        int(new_id), case_id, code, name, period[0], period[1], digest, len(content), now, by
    )


def video_evidence_of(store: Store, case_id: int) -> list[VideoEvidence]:
    rows = read_rows(
        store, select(*_LISTED).where(CaseVideoEvidence.case_id == case_id).order_by(CaseVideoEvidence.id)
    )
    return [
        VideoEvidence(
            id=int(row.id),
            case_id=int(row.case_id),
            camera_code=row.camera_code,
            camera_name=row.camera_name,
            recorded_from=as_utc(row.recorded_from),
            recorded_to=as_utc(row.recorded_to),
            sha256=row.sha256,
            size=int(row.size),
            stored_at=as_utc(row.stored_at),
            stored_by=row.stored_by,
        )
        for row in rows
    ]
