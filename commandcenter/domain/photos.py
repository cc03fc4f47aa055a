"""What a stored photo may be: JPEG or PNG, told by the bytes' own signature (a renamed file or a
``.jpg`` that is really a PDF is refused), at most 10 MB — a phone camera's photo is 2–6 MB, and the
photos live in the database (``stored_photos``), which every workstation reads them from.

``PhotoRefused`` says why in one bilingual line, before anything is written.
"""

from __future__ import annotations

from enum import StrEnum

MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_URI_PREFIX = "photo:"  # photo:<sha256 of the bytes> — the case_photos.uri of a stored photo


class PhotoType(StrEnum):
    JPEG = "image/jpeg"
    PNG = "image/png"


_SIGNATURES = ((b"\xff\xd8\xff", PhotoType.JPEG), (b"\x89PNG\r\n\x1a\n", PhotoType.PNG))


class PhotoRefused(ValueError):
    """The bytes are no photo the system keeps (kind or size); nothing was stored."""


def photo_type(content: bytes) -> PhotoType | None:
    """JPEG or PNG by the file's signature (magic bytes); None for anything else."""
    for signature, kind in _SIGNATURES:
        if content.startswith(signature):
            return kind
    return None


def check_photo(content: object, media_type: object = None) -> PhotoType:
    """The photo's type from its bytes, or ``PhotoRefused``. A stated ``media_type`` that disagrees
    with the bytes is refused too (the file name lied)."""
    if not isinstance(content, bytes | bytearray) or not content:
        raise PhotoRefused("照片为空 / the photo is empty")
    if len(content) > MAX_PHOTO_BYTES:
        megabytes = len(content) / 1024 / 1024
        raise PhotoRefused(
            f"照片 {megabytes:.1f} MB，超过 10 MB / the photo is {megabytes:.1f} MB, over 10 MB"
        )
    kind = photo_type(bytes(content[:8]))
    if kind is None:
        raise PhotoRefused("只接受 JPEG 或 PNG 照片 / only JPEG or PNG photos are accepted")
    if media_type not in (None, "", kind.value):
        stated = f"{kind.value}，与声明的 {media_type} 不符 / the photo is {kind.value}, not {media_type}"
        raise PhotoRefused(f"照片内容是 {stated}")
    return kind


def is_stored_photo(uri: str) -> bool:
    return uri.startswith(PHOTO_URI_PREFIX)


class PhotoNotFound(LookupError):
    """No stored photo has this address (a wrong URI, or a photo of a district since replaced)."""

    def __init__(self, uri: str) -> None:
        super().__init__(f"照片不存在：{uri} / no such photo: {uri}")
        self.uri = uri
