"""A clip of recorded video kept as a case's evidence, on both engines: its bytes copied from the
platform's playback stream, stored with camera, period and SHA-256, attached by who may act on the
case and audited."""

from __future__ import annotations

import hashlib
import shutil
from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.accounts.errors import InvalidInput, PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.catalog.clip_export import record_clip
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.catalog.wvp_playback import WvpPlayback
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.fake_wvp_playback import running_fake_wvp_playback
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
FROM = datetime(2026, 5, 12, 1, 50, tzinfo=UTC)
CLIP = b"\x47" + bytes(range(187)) * 10


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def test_a_clip_is_kept_with_its_camera_period_and_hash_and_audited(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW)
    office = services_for(district, UserRole.OFFICE, office_id=1, username="office1")
    period = (FROM, FROM + timedelta(seconds=30))
    kept = office.video_evidence.attach_clip(case_id, "41010300001320000001", "二七广场东口", period, CLIP)
    assert kept.sha256 == hashlib.sha256(CLIP).hexdigest()
    [listed] = office.video_evidence.clips(case_id)
    assert (listed.camera_code, listed.recorded_from, listed.recorded_to) == ("41010300001320000001", *period)
    assert (listed.sha256, listed.size, listed.stored_by) == (kept.sha256, len(CLIP), "office1")
    [entry] = AuditTrail(district).recent(action=AuditAction.VIDEO_EVIDENCE)
    assert (entry.actor, entry.target) == ("office1", f"case:{case_id}")
    assert (entry.details["camera"], entry.details["sha256"]) == ("41010300001320000001", kept.sha256)


def test_a_clip_is_refused_to_who_may_not_act_on_the_case(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW)
    period = (FROM, FROM + timedelta(seconds=30))
    for refused in (
        services_for(district, UserRole.OFFICE, office_id=2, username="office2"),
        services_for(district, UserRole.LEADER),
    ):
        with pytest.raises(PermissionDenied):
            refused.video_evidence.attach_clip(case_id, "c1", "摄像机", period, CLIP)
    operator = services_for(district)
    with pytest.raises(InvalidInput):
        operator.video_evidence.attach_clip(case_id, "c1", "摄像机", (period[1], period[0]), CLIP)
    with pytest.raises(InvalidInput):
        operator.video_evidence.attach_clip(case_id, "c1", "摄像机", period, b"")
    assert operator.video_evidence.clips(case_id) == []


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")
def test_a_clip_is_copied_from_the_platforms_playback_stream() -> None:
    start = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    with running_fake_wvp_playback() as fake:
        playback = WvpPlayback(WvpCatalog(fake.url))
        stream = playback.start(
            "41010300001180000001", "41010300001320000001", start, start + timedelta(hours=1)
        )
        clip = record_clip(stream.url, 2)
        playback.stop(stream)
    assert clip[0] == 0x47
    assert len(clip) % 188 == 0
