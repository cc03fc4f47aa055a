"""FLV tags read off a live HTTP-FLV stream, and what their first bytes say (codec, frame type,
packet type, composition time).

FLV layout (Adobe FLV v10.1, annex E): a 9-byte header and a 4-byte PreviousTagSize0; then tags,
each an 11-byte header (type 8 audio / 9 video / 18 script, 24-bit data size, 24+8-bit timestamp,
24-bit stream id), the data and a 4-byte PreviousTagSize.

Video data starts with a byte of frame type (high nibble: 1 key, 2 inter) and codec id (low nibble:
7 AVC; 12 HEVC as Chinese media servers write it — ZLMediaKit, SRS, most GB/T 28181 platforms), then
for both the AVC layout: packet type (0 sequence header, 1 NAL units, 2 end) and a signed 24-bit
composition time offset in ms. "Enhanced RTMP" (Veovera, 2023) sets the top bit of the first byte
instead: frame type in bits 4–6, packet type in the low nibble (0 sequence start, 1 coded frames with
a composition time, 3 coded frames without one), then a FourCC (``hvc1``, ``avc1``).
Audio data starts with a byte whose high nibble is the sound format (10 AAC, 2 MP3, 7/8 G.711); AAC
has a packet type byte after it (0 AudioSpecificConfig, 1 raw frame).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import IO

AUDIO, VIDEO, SCRIPT = 8, 9, 18
HEADER_SIZE = 9 + 4  # the file header and PreviousTagSize0
TAG_HEADER_SIZE = 11
AVC_CODEC_ID, HEVC_CODEC_ID = 7, 12
AAC_SOUND_FORMAT = 10
_EX_HEADER = 0x80
_EX_SEQUENCE_START, _EX_CODED_FRAMES, _EX_SEQUENCE_END, _EX_CODED_FRAMES_X = 0, 1, 2, 3
_FOURCC = {b"avc1": AVC_CODEC_ID, b"hvc1": HEVC_CODEC_ID}


class VideoPacket(Enum):
    SEQUENCE_HEADER = "sequence header"  # the decoder configuration record (avcC / hvcC)
    FRAME = "frame"  # length-prefixed NAL units of one picture
    END = "end"  # end of sequence (nothing to show)
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class VideoData:
    """A video tag's data, unpacked: ``codec`` is ``AVC_CODEC_ID``, ``HEVC_CODEC_ID`` or whatever
    other id the stream used; ``payload`` is the record or the NAL units."""

    codec: int
    keyframe: bool
    packet: VideoPacket
    composition_ms: int
    payload: bytes


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
        if self.kind != VIDEO or len(self.raw) <= TAG_HEADER_SIZE:
            return False
        first = self.raw[TAG_HEADER_SIZE]
        return (first >> 4 & 0x07 if first & _EX_HEADER else first >> 4) == 1

    @property
    def is_avc_sequence_header(self) -> bool:
        data = self.data
        return self.kind == VIDEO and len(data) > 1 and data[0] & 0x0F == AVC_CODEC_ID and data[1] == 0

    @property
    def is_aac_sequence_header(self) -> bool:
        data = self.data
        return self.kind == AUDIO and len(data) > 1 and data[0] >> 4 == AAC_SOUND_FORMAT and data[1] == 0


def video_data(data: bytes) -> VideoData | None:
    """A video tag's data unpacked; None when it is too short to say anything."""
    if len(data) < 2:
        return None
    first = data[0]
    if first & _EX_HEADER:
        return _enhanced_video_data(data)
    if len(data) < 5:
        return None
    packet = {0: VideoPacket.SEQUENCE_HEADER, 1: VideoPacket.FRAME, 2: VideoPacket.END}.get(data[1])
    composition = int.from_bytes(data[2:5], "big", signed=True)
    return VideoData(first & 0x0F, first >> 4 == 1, packet or VideoPacket.UNKNOWN, composition, data[5:])


def _enhanced_video_data(data: bytes) -> VideoData | None:
    if len(data) < 5:
        return None
    first, fourcc = data[0], data[1:5]
    codec = _FOURCC.get(fourcc, -1)
    keyframe = first >> 4 & 0x07 == 1
    packet_type = first & 0x0F
    if packet_type == _EX_SEQUENCE_START:
        return VideoData(codec, keyframe, VideoPacket.SEQUENCE_HEADER, 0, data[5:])
    if packet_type == _EX_CODED_FRAMES:
        if len(data) < 8:
            return None
        composition = int.from_bytes(data[5:8], "big", signed=True)
        return VideoData(codec, keyframe, VideoPacket.FRAME, composition, data[8:])
    if packet_type == _EX_CODED_FRAMES_X:
        return VideoData(codec, keyframe, VideoPacket.FRAME, 0, data[5:])
    if packet_type == _EX_SEQUENCE_END:
        return VideoData(codec, keyframe, VideoPacket.END, 0, b"")
    return VideoData(codec, keyframe, VideoPacket.UNKNOWN, 0, data[5:])


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
