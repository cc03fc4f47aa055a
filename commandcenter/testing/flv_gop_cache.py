"""FLV tags read off a live muxer's output, and the cache a media server keeps so a new player can
start at once: the header, the latest ``onMetaData``, the AVC and AAC sequence headers and every tag
since the last video keyframe (one GOP).

This is what ZLMediaKit (the media server behind WVP) sends a new HTTP-FLV player before the live
tags: ``FlvMuxer::onWriteFlvHeader`` writes the FLV header, the metadata and the config frames
(ZLMediaKit ``src/Rtmp/FlvMuxer.cpp``), then the player attaches to the source's ring buffer, whose
storage clears itself on each keyframe and replays what it holds to a new reader
(ZLToolKit ``src/Util/RingBuffer.h``: ``_RingStorage::write`` clears the cache when ``is_key``,
``_RingReader::setReadCB`` calls ``flushGop``). Without that burst a player waits for the next
keyframe and then reads the stream only at its own pace.

FLV layout (Adobe FLV v10.1, annex E): a 9-byte header and a 4-byte PreviousTagSize0; then tags,
each an 11-byte header (type 8 audio / 9 video / 18 script, 24-bit data size, 24+8-bit timestamp,
24-bit stream id), the data and a 4-byte PreviousTagSize.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import IO

AUDIO, VIDEO, SCRIPT = 8, 9, 18
HEADER_SIZE = 9 + 4  # the file header and PreviousTagSize0
TAG_HEADER_SIZE = 11
_AVC, _AAC = 7, 10  # video codec id, audio sound format


@dataclass(frozen=True)
class FlvTag:
    """One tag as it travels on the wire: ``raw`` is header, data and PreviousTagSize."""

    kind: int
    timestamp_ms: int
    raw: bytes

    @property
    def data(self) -> bytes:
        return self.raw[TAG_HEADER_SIZE:-4]

    @property
    def is_video_keyframe(self) -> bool:
        return self.kind == VIDEO and len(self.raw) > TAG_HEADER_SIZE and self.raw[TAG_HEADER_SIZE] >> 4 == 1

    @property
    def is_avc_sequence_header(self) -> bool:
        data = self.data
        return self.kind == VIDEO and len(data) > 1 and data[0] & 0x0F == _AVC and data[1] == 0

    @property
    def is_aac_sequence_header(self) -> bool:
        data = self.data
        return self.kind == AUDIO and len(data) > 1 and data[0] >> 4 == _AAC and data[1] == 0


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    """``size`` bytes, or None when the stream ends first."""
    chunks, missing = [], size
    while missing:
        chunk = stream.read(missing)
        if not chunk:
            return None
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def read_header(stream: IO[bytes]) -> bytes:
    """The file header with PreviousTagSize0; ValueError when the stream is not FLV."""
    header = _read_exactly(stream, HEADER_SIZE)
    if header is None or header[:3] != b"FLV":
        raise ValueError("not an FLV stream")
    return header


def read_tag(stream: IO[bytes]) -> FlvTag | None:
    """The next tag, or None at the end of the stream."""
    head = _read_exactly(stream, TAG_HEADER_SIZE)
    if head is None:
        return None
    size = int.from_bytes(head[1:4], "big")
    rest = _read_exactly(stream, size + 4)
    if rest is None:
        return None
    timestamp = int.from_bytes(head[4:7], "big") | head[7] << 24
    return FlvTag(head[0] & 0x1F, timestamp, head + rest)


class GopCache:
    """What a player joining now is sent before the live tags; safe to use from several threads."""

    def __init__(self, header: bytes) -> None:
        self.header = header
        self._script: FlvTag | None = None
        self._avc: FlvTag | None = None
        self._aac: FlvTag | None = None
        self._gop: list[FlvTag] = []
        self._lock = threading.Lock()

    def add(self, tag: FlvTag) -> None:
        with self._lock:
            if tag.kind == SCRIPT:
                self._script = tag
            elif tag.is_avc_sequence_header:
                self._avc = tag
            elif tag.is_aac_sequence_header:
                self._aac = tag
            elif tag.is_video_keyframe:
                self._gop = [tag]
            elif self._gop:  # nothing before the first keyframe: a player could not decode it
                self._gop.append(tag)

    def gop(self) -> list[FlvTag]:
        """The tags since the last video keyframe (that keyframe first)."""
        with self._lock:
            return list(self._gop)

    def start(self, *, with_gop: bool = True) -> bytes:
        """Header, metadata, sequence headers and (``with_gop``) the cached GOP: a new player's first
        bytes."""
        with self._lock:
            tags = [t for t in (self._script, self._avc, self._aac) if t is not None]
            tags += self._gop if with_gop else []
        return self.header + b"".join(tag.raw for tag in tags)
