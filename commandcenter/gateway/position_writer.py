"""Positions from every connection, written in one transaction per ``position_batch_ms`` off the
event loop, through the core's ``PositionSink``. ``write`` returns once the batch holding the caller's
positions is committed — the session answers 0x8001 only then, so acknowledged means stored; a
database that cannot answer raises ``DatabaseUnavailable`` to every waiting session (no answer: the
terminals send again).

``submit`` is the same with a callback instead of an awaitable: the JT/T 808 session answers each
0x0200 from it, so a position costs no task of its own (a task per fix was measurable at 5,000
fixes a second)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence

from commandcenter.domain.units import Position
from commandcenter.feeds.sink import PositionSink

Done = Callable[[BaseException | None], None]


class PositionWriter:
    def __init__(self, sink: PositionSink, batch_ms: int) -> None:
        self.sink = sink
        self.batch_s = max(batch_ms, 1) / 1000
        self.written = 0
        self.refused = 0
        self._pending: list[tuple[Sequence[Position], Done]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._closing = asyncio.Event()
        self._oldest = 0.0  # loop time the oldest waiting fix arrived

    async def write(self, positions: Sequence[Position]) -> None:
        """Returns once the batch holding ``positions`` is committed; raises what the write raised."""
        stored: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def done(error: BaseException | None) -> None:
            if not stored.done():
                stored.set_result(None) if error is None else stored.set_exception(error)

        self.submit(positions, done)
        await stored

    def submit(self, positions: Sequence[Position], done: Done) -> None:
        """Queue ``positions`` for the next batch; ``done(None)`` is called (on the loop) once they
        are committed, ``done(error)`` if the batch failed."""
        if not self._pending:
            self._oldest = asyncio.get_running_loop().time()
        self._pending.append((positions, done))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_after_delay())

    async def _flush_after_delay(self) -> None:
        """Each batch is written ``batch_s`` after its oldest fix arrived — counted from the arrival,
        not from the end of the previous write: fixes that queued while a slow write ran go out as
        soon as it is done, so a busy database adds its write time once, not a delay on top of it."""
        while self._pending:  # positions that arrived during a flush go in the next batch
            wait = self._oldest + self.batch_s - asyncio.get_running_loop().time()
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._closing.wait(), wait)
            await self.flush()

    async def closing(self) -> None:
        """The server is stopping: write what waits now, and every later write at once."""
        self.batch_s = 0.0
        self._closing.set()
        await self.flush()

    async def flush(self) -> None:
        """Write everything waiting now (the clean stop calls this)."""
        async with self._lock:
            batch, self._pending = self._pending, []
            if not batch:
                return
            positions = [p for chunk, _ in batch for p in chunk]
            try:
                report = await asyncio.to_thread(self.sink.write, positions)
            except Exception as error:  # DatabaseUnavailable or worse: nobody is acknowledged
                _tell(batch, error)
                return
            self.written += report.written
            self.refused += report.refused
            _tell(batch, None)


def _tell(batch: list[tuple[Sequence[Position], Done]], error: BaseException | None) -> None:
    """Every waiting caller learns its batch's fate; one caller's failing callback (a closed
    connection) does not keep the others unanswered."""
    for _, done in batch:
        with contextlib.suppress(Exception):
            done(error)
