"""The sessions this gateway holds, as ``terminal_sessions`` shows them to the administrator, and the
unknown terminals' sightings for ``unknown_terminals``. Sessions change on every frame; the book
keeps them in memory and writes only the changed ones, in one transaction per ``flush`` (the server
calls it every few seconds, at the next poll when a session opened or closed — the desks route
commands by it — and on stop): 5,000 trucks must not cost a write per frame."""

from __future__ import annotations

import asyncio
from datetime import datetime

from commandcenter.domain.terminals import SessionState, UnknownTerminalSighting
from commandcenter.persistence.gateway.terminals import save_sessions
from commandcenter.persistence.store import Store


class SessionBook:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._dirty: dict[str, SessionState] = {}
        self._unknown: dict[str, UnknownTerminalSighting] = {}
        self.urgent = False  # a session opened or closed since the last flush

    def changed(self, session: SessionState, *, urgent: bool = False) -> None:
        """``urgent``: the session opened or closed (which gateway holds it), not only counted a frame."""
        self._dirty[session.terminal_id] = session
        self.urgent = self.urgent or urgent

    def unknown_frame(
        self, terminal_id: str, now: datetime, remote: str, plate: str = "", frames: int = 1
    ) -> None:
        """``frames`` more frames from an unknown terminal (0: only its plate, from a registration)."""
        before = self._unknown.get(terminal_id)
        frames += 0 if before is None else before.frames
        plate = plate or (before.plate if before else "")
        self._unknown[terminal_id] = UnknownTerminalSighting(terminal_id, now, frames, remote, plate)

    async def flush(self) -> None:
        """Write what changed since the last flush; on failure it is kept for the next one."""
        dirty, unknown = self._dirty, self._unknown
        self._dirty, self._unknown, self.urgent = {}, {}, False
        snapshot = [SessionState(**vars(s)) for s in dirty.values()]
        try:
            await asyncio.to_thread(save_sessions, self.store, snapshot, list(unknown.values()))
        except Exception:
            self.urgent = True  # try again at the next poll
            for terminal_id, session in dirty.items():
                self._dirty.setdefault(terminal_id, session)
            for sighting in unknown.values():
                self._merge_unknown(sighting)
            raise

    def _merge_unknown(self, sighting: UnknownTerminalSighting) -> None:
        newer = self._unknown.get(sighting.terminal_id)
        if newer is None:
            self._unknown[sighting.terminal_id] = sighting
        else:
            self._unknown[sighting.terminal_id] = UnknownTerminalSighting(
                newer.terminal_id,
                newer.seen_at,
                newer.frames + sighting.frames,
                newer.remote,
                newer.plate or sighting.plate,
            )
