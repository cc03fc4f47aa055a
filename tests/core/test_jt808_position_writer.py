"""The gateway's position batches: positions from many connections are written together, each
caller released only once its batch is committed, and positions arriving while a batch is being
written go in the next one instead of waiting for a later caller."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from datetime import UTC, datetime

from commandcenter.domain.units import Position
from commandcenter.feeds.sink import PositionSink, SinkReport
from commandcenter.gateway.position_writer import PositionWriter
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary
from commandcenter.testing.minimal_district import minimal_district


class HeldSink(PositionSink):
    """The real sink, whose first write waits until the test lets it go on."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.writing = threading.Event()
        self.go_on = threading.Event()
        self.batches: list[int] = []

    def write(self, positions: Sequence[Position], now: datetime | None = None) -> SinkReport:
        if not self.batches:
            self.writing.set()
            self.go_on.wait(10)
        self.batches.append(len(positions))
        return super().write(positions, now)


def fix(second: int) -> Position:
    return Position(1, datetime.now(UTC).replace(microsecond=0), 113.61, 34.71 + second * 1e-5, 10.0, 0.0)


def test_positions_arriving_during_a_write_go_in_the_next_batch(store: Store) -> None:
    replace_all(store, minimal_district())
    sink = HeldSink(store)

    async def scenario() -> None:
        writer = PositionWriter(sink, 5)
        first = [asyncio.create_task(writer.write([fix(i)])) for i in range(3)]
        await asyncio.to_thread(sink.writing.wait, 10)  # the first batch is being written
        late = asyncio.create_task(writer.write([fix(9)]))
        sink.go_on.set()
        await asyncio.wait_for(asyncio.gather(*first, late), 10)
        assert writer.written == 4

    asyncio.run(scenario())
    assert sink.batches == [3, 1]
    assert feed_summary(store).position_high_water == 4
