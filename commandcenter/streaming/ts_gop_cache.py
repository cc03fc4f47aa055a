"""The "fast start" of a live MPEG-TS stream: the tables and every packet since the latest keyframe.

A player that joins a live stream mid-GOP cannot show anything until it has seen the PAT, the PMT and
then a keyframe with its SPS/PPS; on a 2-second GOP that is up to 2 s of black tile. Media servers
(ZLMediaKit's and SRS's "GOP cache") therefore hand a new client the current GOP at once, and the player
shows a picture as soon as it has decoded the keyframe. ``GopCache`` keeps exactly that for one stream:
fed the live bytes in any chunking, ``start_bytes()`` is PAT + PMT + the packets from the latest keyframe
on, ready to send first to a new client.

Keyframes are found in the video PES that starts a packet: H.264 IDR (5) or SPS (7) NAL units, H.265
IRAP (16–21) or VPS/SPS (32/33), or the adaptation field's random-access flag. Only packets that start a
PES on the video PID are looked into, so the cost per byte stays low.
"""

from __future__ import annotations

PACKET_SIZE = 188
SYNC_BYTE = 0x47
SYNC = bytes([SYNC_BYTE])
PAT_PID = 0
MAX_GOP_BYTES = 8 * 1024 * 1024  # no keyframe within 8 MB: the stream is odd; stop caching, never grow
_H264 = 0x1B
_H265 = 0x24
_NAL_START = b"\x00\x00\x01"


def packet_pid(packet: bytes | memoryview) -> int:
    return ((packet[1] & 0x1F) << 8) | packet[2]


def _payload_offset(packet: bytes | memoryview) -> int | None:
    """Where the payload starts in this packet, or None when it carries none."""
    control = (packet[3] >> 4) & 0x3
    if control == 1:
        return 4
    if control == 3:
        offset = 5 + packet[4]
        return offset if offset < PACKET_SIZE else None
    return None


def _section(packet: bytes | memoryview) -> bytes | None:
    """The PSI section starting in this packet (after the pointer field), if one starts here."""
    if not packet[1] & 0x40:
        return None
    offset = _payload_offset(packet)
    if offset is None:
        return None
    start = offset + 1 + packet[offset]
    return bytes(packet[start:]) if start < PACKET_SIZE else None


def pmt_pid_from_pat(packet: bytes | memoryview) -> int | None:
    """The PMT PID of the first program in a PAT packet (demo and camera streams carry one program)."""
    section = _section(packet)
    if section is None or len(section) < 12 or section[0] != 0x00:
        return None
    end = min(3 + (((section[1] & 0x0F) << 8) | section[2]) - 4, len(section))  # minus the CRC
    for entry in range(8, end - 3, 4):
        program = (section[entry] << 8) | section[entry + 1]
        if program != 0:  # program 0 points at the network PID, not a PMT
            return ((section[entry + 2] & 0x1F) << 8) | section[entry + 3]
    return None


def video_from_pmt(packet: bytes | memoryview) -> tuple[int, int] | None:
    """(PID, stream type) of the first H.264/H.265 stream in a PMT packet."""
    section = _section(packet)
    if section is None or len(section) < 12 or section[0] != 0x02:
        return None
    end = min(3 + (((section[1] & 0x0F) << 8) | section[2]) - 4, len(section))
    position = 12 + (((section[10] & 0x0F) << 8) | section[11])
    while position + 5 <= end:
        stream_type = section[position]
        pid = ((section[position + 1] & 0x1F) << 8) | section[position + 2]
        if stream_type in (_H264, _H265):
            return pid, stream_type
        position += 5 + (((section[position + 3] & 0x0F) << 8) | section[position + 4])
    return None


def starts_keyframe(packet: bytes | memoryview, stream_type: int) -> bool:
    """Whether this packet (known to start a video PES) begins an access unit a decoder can start at."""
    if (packet[3] >> 4) & 0x3 == 3 and packet[4] > 0 and packet[5] & 0x40:
        return True  # random_access_indicator
    offset = _payload_offset(packet)
    if offset is None or offset + 9 > PACKET_SIZE:
        return False
    payload = bytes(packet[offset + 9 + packet[offset + 8] :])  # after the PES header
    position = payload.find(_NAL_START)
    while 0 <= position < len(payload) - 3:
        header = payload[position + 3]
        if stream_type == _H264 and header & 0x1F in (5, 7):
            return True
        if stream_type == _H265 and ((header >> 1) & 0x3F) in (16, 17, 18, 19, 20, 21, 32, 33):
            return True
        position = payload.find(_NAL_START, position + 3)
    return False


def _in_sync(data: bytes, position: int) -> bool:
    """A sync byte here and, when the data reaches that far, one packet later (a payload byte can be 0x47)."""
    after = position + PACKET_SIZE
    return data[position] == SYNC_BYTE and (after >= len(data) or data[after] == SYNC_BYTE)


def _next_sync(data: bytes, position: int) -> int:
    """The first position from ``position`` where packets line up, or the end of ``data``."""
    while (position := data.find(SYNC, position)) >= 0:
        if _in_sync(data, position):
            return position
        position += 1
    return len(data)


class GopCache:
    """Fed a live MPEG-TS stream in chunks of any size; keeps what a joining client needs first."""

    def __init__(self) -> None:
        self._pending = b""  # bytes of an incomplete packet from the previous chunk
        self._pat: bytes | None = None
        self._pmt: bytes | None = None
        self._pmt_pid: int | None = None
        self._video: tuple[int, int] | None = None
        self._gop: list[bytes] = []
        self._gop_bytes = 0
        self.keyframes = 0  # keyframes seen so far (the tests compare it with ffprobe's count)

    def feed(self, data: bytes) -> None:
        data = self._pending + data
        position = _next_sync(data, 0)
        start, view, gop_from = position, memoryview(data), None
        while position + PACKET_SIZE <= len(data):
            if not _in_sync(data, position):  # a torn read: skip to where packets line up again
                position = _next_sync(data, position + 1)
                continue
            packet = view[position : position + PACKET_SIZE]
            if packet[1] & 0x40 and self._is_keyframe(packet):  # only a section or PES start matters
                gop_from = position
                self.keyframes += 1
            position += PACKET_SIZE
        self._pending = data[position:]
        if gop_from is not None:
            self._gop, self._gop_bytes = [], 0
            self._append(data[gop_from:position])
        elif self._gop and position > start:
            self._append(data[start:position])

    def _is_keyframe(self, packet: memoryview) -> bool:
        pid = packet_pid(packet)
        if pid == PAT_PID:
            self._pat = bytes(packet)
            self._pmt_pid = pmt_pid_from_pat(packet) or self._pmt_pid
        elif pid == self._pmt_pid:
            self._pmt = bytes(packet)
            self._video = video_from_pmt(packet) or self._video
        elif self._video is not None and pid == self._video[0]:
            return starts_keyframe(packet, self._video[1])
        return False

    def _append(self, chunk: bytes) -> None:
        if self._gop_bytes + len(chunk) > MAX_GOP_BYTES:
            self._gop, self._gop_bytes = [], 0
            return
        self._gop.append(chunk)
        self._gop_bytes += len(chunk)

    @property
    def ready(self) -> bool:
        """Whether ``start_bytes`` has something to give (without joining the GOP's bytes)."""
        return self._pat is not None and self._pmt is not None and bool(self._gop)

    def start_bytes(self) -> bytes | None:
        """PAT + PMT + the current GOP, or None until a keyframe (after the tables) has been seen."""
        if self._pat is None or self._pmt is None or not self._gop:
            return None
        return b"".join((self._pat, self._pmt, *self._gop))
