"""Split bodies (properties bit 13): a long message arrives as ``count`` frames with consecutive
serials and package indexes 1..count. Each part is acknowledged on its own (0x8001 with the part's
serial, as the standard asks); the parts are joined when all are there. A terminal that never sends
the rest does not grow memory: only ``MAX_PENDING`` messages wait, the oldest is forgotten."""

from __future__ import annotations

from collections import OrderedDict

from commandcenter.feeds.jt808.header import Header

MAX_PENDING = 8


class Reassembler:
    def __init__(self) -> None:
        self._pending: OrderedDict[tuple[int, int, int], dict[int, bytes]] = OrderedDict()

    def add(self, header: Header, body: bytes) -> bytes | None:
        """The joined body once ``header``'s message is complete, else None (``body`` kept)."""
        first_serial = (header.serial - header.package_index + 1) & 0xFFFF
        key = (header.msg_id, first_serial, header.package_count)
        parts = self._pending.setdefault(key, {})
        parts[header.package_index] = body
        if len(parts) == header.package_count:
            del self._pending[key]
            return b"".join(parts[i] for i in range(1, header.package_count + 1))
        while len(self._pending) > MAX_PENDING:
            self._pending.popitem(last=False)
        return None
