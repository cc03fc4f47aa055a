"""Photos kept in the database on both engines: the same bytes are one row, the kind is read from the
bytes (not a name), the size is bounded, and who may read or add a case's photo is the service's call
— an office user sees only their office's cases' photos (and their own)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commandcenter.accounts.errors import InvalidInput, PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.kinds import PhotoStage, UserRole
from commandcenter.domain.photos import MAX_PHOTO_BYTES, PhotoNotFound, PhotoRefused
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.photo_store import read_photo, store_photo
from commandcenter.persistence.cases.reports import photos_of
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def test_the_same_bytes_are_stored_once_and_read_back(store: Store) -> None:
    first = store_photo(store, JPEG, "image/jpeg", "operator1", NOW)
    again = store_photo(store, JPEG, "", "operator2", NOW)
    assert first == again
    assert first.startswith("photo:")
    assert len(first) == len("photo:") + 64
    assert store.execute_raw("SELECT COUNT(*), MIN(stored_by) FROM stored_photos") == [(1, "operator1")]
    assert read_photo(store, first) == ("image/jpeg", JPEG)
    png = store_photo(store, PNG, "image/png", "operator1", NOW)
    assert read_photo(store, png) == ("image/png", PNG)


@pytest.mark.parametrize(
    ("content", "media_type", "words"),
    [
        (b"GIF89a" + b"\x00" * 32, "image/gif", "JPEG 或 PNG"),
        (b"%PDF-1.7 pretending to be a jpg", "image/jpeg", "JPEG 或 PNG"),  # the name said .jpg
        (PNG, "image/jpeg", "不符"),
        (b"", "image/jpeg", "为空"),
        (b"\xff\xd8\xff" + b"\x00" * MAX_PHOTO_BYTES, "image/jpeg", "10 MB"),
    ],
)
def test_anything_but_a_jpeg_or_png_of_ten_megabytes_is_refused(
    store: Store, content: bytes, media_type: str, words: str
) -> None:
    with pytest.raises(PhotoRefused, match=words):
        store_photo(store, content, media_type, "operator1", NOW)
    assert store.execute_raw("SELECT COUNT(*) FROM stored_photos") == [(0,)]


def test_an_unknown_address_is_not_found(store: Store) -> None:
    with pytest.raises(PhotoNotFound):
        read_photo(store, "photo:" + "0" * 64)


def test_an_office_user_reads_their_offices_case_photos_only(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW)
    operator = services_for(district)
    uri = operator.cases.attach_photo(case_id, PhotoStage.REPORTED.value, JPEG, "image/jpeg")
    assert services_for(district, UserRole.OFFICE, office_id=1).cases.photo(uri) == ("image/jpeg", JPEG)
    stranger = services_for(district, UserRole.OFFICE, office_id=2, username="office2")
    with pytest.raises(PermissionDenied):
        stranger.cases.photo(uri)
    with pytest.raises(InvalidInput):
        stranger.cases.photo("/etc/passwd")
    denied = AuditTrail(district).recent(action=AuditAction.ACCESS_DENIED)
    assert [(entry.actor, entry.target) for entry in denied] == [("office2", uri)]


def test_photos_are_attached_by_who_may_act_on_the_case_and_audited(district: Store) -> None:
    case_id = create_case(district, minimal_report(), NOW)
    office = services_for(district, UserRole.OFFICE, office_id=1, username="office1")
    uri = office.cases.attach_photo(case_id, PhotoStage.DISPOSED.value, PNG, "image/png")
    assert [(p.stage, p.uri, p.taken_by) for p in photos_of(district, case_id)] == [
        (PhotoStage.DISPOSED, uri, "office1")
    ]
    [entry] = AuditTrail(district).recent(action=AuditAction.PHOTO_ATTACHED)
    assert (entry.actor, entry.target, entry.details["stage"]) == ("office1", f"case:{case_id}", "处置后")
    for refused in (
        services_for(district, UserRole.OFFICE, office_id=2, username="office2"),
        services_for(district, UserRole.LEADER),
    ):
        with pytest.raises(PermissionDenied):
            refused.cases.attach_photo(case_id, PhotoStage.DISPOSED.value, JPEG, "image/jpeg")
    with pytest.raises(PhotoRefused):
        office.cases.attach_photo(case_id, PhotoStage.DISPOSED.value, b"GIF89a....", "image/gif")
    assert len(photos_of(district, case_id)) == 1
    assert district.execute_raw("SELECT COUNT(*) FROM stored_photos") == [(1,)]
