"""Arbitrary TCP chunks → unescaped frame contents. Every 0x7E is a delimiter, and whatever lies
between two of them is a candidate frame: a truncated frame followed by a good one costs only the
truncated one, and the next flag resynchronises the stream (Traccar's ``HuabaoFrameDecoder`` does the
same). Bytes that cannot be part of a frame are counted, not raised: ``garbage_bytes`` before the
first flag or in a run without a closing flag longer than any frame can be, ``bad_escapes`` for a
candidate with an invalid 0x7D sequence (dropped as a whole)."""

from __future__ import annotations

from commandcenter.feeds.jt808.fields import MalformedMessage
from commandcenter.feeds.jt808.framing import unescape

# header (21) + body (1023) + checksum, every byte escaped, with room for vendors' longer bodies
MAX_CANDIDATE = 4_096


class FrameSplitter:
    def __init__(self) -> None:
        self._buffer = bytearray()
        self._synced = False  # a flag has been seen: the buffer holds a candidate's bytes
        self.garbage_bytes = 0
        self.bad_escapes = 0

    def feed(self, chunk: bytes) -> list[bytes]:
        """The complete candidates ``chunk`` finishes, unescaped (checksum byte still at the end)."""
        frames: list[bytes] = []
        start = 0
        while True:
            flag = chunk.find(b"\x7e", start)
            if flag < 0:
                self._keep(chunk[start:])
                return frames
            self._buffer += chunk[start:flag]
            if self._synced and self._buffer:
                candidate = self._unescaped(bytes(self._buffer))
                if candidate is not None:
                    frames.append(candidate)
            elif self._buffer:
                self.garbage_bytes += len(self._buffer)
            self._buffer.clear()
            self._synced = True
            start = flag + 1

    def _keep(self, tail: bytes) -> None:
        self._buffer += tail
        if len(self._buffer) > MAX_CANDIDATE:  # no closing flag where one must have been
            self.garbage_bytes += len(self._buffer)
            self._buffer.clear()
            self._synced = False

    def _unescaped(self, raw: bytes) -> bytes | None:
        try:
            return unescape(raw)
        except MalformedMessage:
            self.bad_escapes += 1
            return None
