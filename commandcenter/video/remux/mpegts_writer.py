"""An MPEG-2 transport stream written from elementary-stream frames (ISO/IEC 13818-1): one program,
its PAT and PMT, PES packets with PTS/DTS, a PCR on the video PID, continuity counters per PID.

Only what a live remux needs: the PAT and PMT go out before the first frame and again before each
video keyframe (a player joining mid-stream or resynchronising finds them at the next keyframe);
the PCR rides on the first packet of every video PES; a keyframe's first packet carries the
random-access indicator, which is what lets a TS demuxer start decoding there.
"""

from __future__ import annotations

from dataclasses import dataclass

PACKET_SIZE = 188
_PAYLOAD_SIZE = PACKET_SIZE - 4
_SYNC = 0x47
PAT_PID, PMT_PID = 0x0000, 0x1000
VIDEO_PID, AUDIO_PID = 0x0100, 0x0101
STREAM_TYPE_H264, STREAM_TYPE_HEVC, STREAM_TYPE_AAC_ADTS = 0x1B, 0x24, 0x0F
VIDEO_STREAM_ID, AUDIO_STREAM_ID = 0xE0, 0xC0
CLOCK_HZ = 90_000
_MAX_PES_LENGTH = 0xFFFF


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 24
        for _ in range(8):
            crc = (crc << 1) ^ 0x04C11DB7 if crc & 0x80000000 else crc << 1
        table.append(crc & 0xFFFFFFFF)
    return table


_CRC_TABLE = _crc_table()


def crc32_mpeg2(data: bytes) -> int:
    """The PSI sections' CRC (polynomial 0x04C11DB7, not reflected, initial value all ones, no final
    XOR) — not zlib's reflected CRC-32."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC_TABLE[((crc >> 24) ^ byte) & 0xFF]
    return crc


@dataclass(frozen=True)
class ElementaryStream:
    pid: int
    stream_type: int


def _timestamp(prefix: int, value: int) -> bytes:
    """A 33-bit PTS or DTS in the PES header's 5-byte layout with its marker bits."""
    value &= (1 << 33) - 1
    return bytes(
        (
            prefix << 4 | (value >> 29 & 0x0E) | 1,
            value >> 22 & 0xFF,
            (value >> 14 & 0xFE) | 1,
            value >> 7 & 0xFF,
            (value << 1 & 0xFE) | 1,
        )
    )


def _pcr(base: int) -> bytes:
    """A PCR with the given 90 kHz base and a zero 27 MHz extension (6 bytes)."""
    base &= (1 << 33) - 1
    return bytes(
        (base >> 25 & 0xFF, base >> 17 & 0xFF, base >> 9 & 0xFF, base >> 1 & 0xFF, (base & 1) << 7 | 0x7E, 0)
    )


def pes_packet(
    stream_id: int, payload: bytes, pts: int, dts: int | None = None, *, bounded: bool = True
) -> bytes:
    """One PES packet. ``bounded=False`` writes PES_packet_length 0 (allowed for video in a TS),
    which a frame larger than 64 KiB needs."""
    if dts is None or dts == pts:
        flags, header = 0x80, _timestamp(0x2, pts)
    else:
        flags, header = 0xC0, _timestamp(0x3, pts) + _timestamp(0x1, dts)
    length = 3 + len(header) + len(payload)
    declared = length if bounded and length <= _MAX_PES_LENGTH else 0
    return (
        b"\x00\x00\x01"
        + bytes((stream_id, declared >> 8, declared & 0xFF, 0x80, flags, len(header)))
        + header
        + payload
    )


class TransportStreamWriter:
    """Frames in, 188-byte packets out (as one ``bytes`` per call)."""

    def __init__(self, streams: list[ElementaryStream], pcr_pid: int) -> None:
        self.streams = streams
        self.pcr_pid = pcr_pid
        self._continuity: dict[int, int] = {}

    def tables(self) -> bytes:
        """The PAT and the PMT, one packet each."""
        return self._section(PAT_PID, self._pat()) + self._section(PMT_PID, self._pmt())

    def frame(
        self,
        pid: int,
        stream_id: int,
        payload: bytes,
        pts: int,
        dts: int | None = None,
        *,
        keyframe: bool = False,
    ) -> bytes:
        """One frame as a PES split into packets; the video PID's first packet carries the PCR (the
        frame's DTS), a keyframe's the random-access indicator."""
        pes = pes_packet(stream_id, payload, pts, dts, bounded=pid != self.pcr_pid)
        fields = b""
        if pid == self.pcr_pid or keyframe:
            flags = (0x40 if keyframe else 0) | (0x10 if pid == self.pcr_pid else 0)
            fields = bytes((flags,)) + (_pcr(pts if dts is None else dts) if pid == self.pcr_pid else b"")
        packets, position = [], 0
        while position < len(pes):
            room = _PAYLOAD_SIZE - (1 + len(fields) if fields else 0)
            chunk = pes[position : position + room]
            packets.append(self._packet(pid, chunk, unit_start=position == 0, fields=fields or None))
            position += len(chunk)
            fields = b""
        return b"".join(packets)

    def _packet(self, pid: int, payload: bytes, *, unit_start: bool, fields: bytes | None) -> bytes:
        continuity = self._continuity.get(pid, -1) + 1 & 0x0F
        self._continuity[pid] = continuity
        space = _PAYLOAD_SIZE - len(payload)
        if fields is None and space == 0:
            control, adaptation = 0x10, b""
        elif fields is None and space == 1:
            control, adaptation = 0x30, b"\x00"  # an adaptation field of length 0: one stuffing byte
        else:
            body = (fields or b"\x00") + b"\xff" * (space - 1 - len(fields or b"\x00"))
            control, adaptation = 0x30, bytes((len(body),)) + body
        header = bytes((_SYNC, (0x40 if unit_start else 0) | pid >> 8, pid & 0xFF, control | continuity))
        return header + adaptation + payload

    def _section(self, pid: int, section: bytes) -> bytes:
        payload = b"\x00" + section  # pointer field
        return self._packet(
            pid, payload + b"\xff" * (_PAYLOAD_SIZE - len(payload)), unit_start=True, fields=None
        )

    def _pat(self) -> bytes:
        body = b"\x00\x01\xc1\x00\x00" + b"\x00\x01" + bytes((0xE0 | PMT_PID >> 8, PMT_PID & 0xFF))
        return _with_crc(0x00, body)

    def _pmt(self) -> bytes:
        body = b"\x00\x01\xc1\x00\x00" + bytes((0xE0 | self.pcr_pid >> 8, self.pcr_pid & 0xFF, 0xF0, 0x00))
        for stream in self.streams:
            body += bytes((stream.stream_type, 0xE0 | stream.pid >> 8, stream.pid & 0xFF, 0xF0, 0x00))
        return _with_crc(0x02, body)


def _with_crc(table_id: int, body: bytes) -> bytes:
    """A long-form PSI section: table id, syntax indicator and length, ``body``, CRC."""
    length = len(body) + 4
    section = bytes((table_id, 0xB0 | length >> 8, length & 0xFF)) + body
    return section + crc32_mpeg2(section).to_bytes(4, "big")
