"""0x0002 terminal heartbeat: an empty body by the standard; vendors' bodies are ignored (§2.6)."""

from __future__ import annotations

from dataclasses import dataclass

MSG_ID = 0x0002


@dataclass(frozen=True)
class Heartbeat:
    pass
