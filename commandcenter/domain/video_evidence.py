"""A recorded-video clip kept as a case's evidence: which camera, which recorded period, and the
SHA-256 of the bytes (an investigator can show the clip was not changed since it was attached)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MAX_CLIP_BYTES = 200 * 1024 * 1024  # a minute of a 1080p main stream is ~30 MB
CLIP_MEDIA_TYPE = "video/mp2t"


@dataclass(frozen=True)
class VideoEvidence:
    id: int
    case_id: int
    camera_code: str
    camera_name: str
    recorded_from: datetime
    recorded_to: datetime
    sha256: str
    size: int
    stored_at: datetime
    stored_by: str
