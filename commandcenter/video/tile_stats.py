"""What a playing stream's counters say: its live frame rate and bitrate, and whether it stalled.

libVLC reports totals (pictures shown, bytes demuxed) since the media opened; the operator wants rates.
Each sample is compared with the previous one; a counter that went backwards means a new media (a
reconnect or a tier switch) and starts over instead of showing a negative rate.

A stream can also stall without any error (a hung server sends nothing, the connection stays open):
its clock then stands still, and after ``STALL_S`` the tile reconnects.
"""

from __future__ import annotations

from dataclasses import dataclass

STALL_S = 6.0


@dataclass(frozen=True)
class Rates:
    fps: float
    kbps: float


class RateMeter:
    def __init__(self) -> None:
        self._last: tuple[float, int, int] | None = None  # seconds, pictures, bytes

    def reset(self) -> None:
        self._last = None

    def sample(self, now_s: float, pictures: int, demux_bytes: int) -> Rates | None:
        """Rates since the previous sample, or None on the first sample after a reset."""
        last, self._last = self._last, (now_s, pictures, demux_bytes)
        if last is None:
            return None
        seconds = now_s - last[0]
        if seconds <= 0 or pictures < last[1] or demux_bytes < last[2]:
            return None
        return Rates(fps=(pictures - last[1]) / seconds, kbps=(demux_bytes - last[2]) * 8 / 1000 / seconds)


def format_rates(rates: Rates | None) -> str:
    """``25 fps · 512 kb/s`` (units are international; no translation needed)."""
    if rates is None:
        return ""
    if rates.kbps >= 1000:
        return f"{rates.fps:.0f} fps · {rates.kbps / 1000:.1f} Mb/s"
    return f"{rates.fps:.0f} fps · {rates.kbps:.0f} kb/s"


class StallWatch:
    def __init__(self) -> None:
        self._clock_ms, self._since_s = -1, -1.0

    def reset(self) -> None:
        """A new stream: its clock starts over."""
        self._since_s = -1.0

    def stalled(self, clock_ms: int, now_s: float) -> bool:
        """Whether the stream clock has read ``clock_ms`` for ``STALL_S`` seconds up to ``now_s``."""
        if clock_ms != self._clock_ms or self._since_s < 0:
            self._clock_ms, self._since_s = clock_ms, now_s
            return False
        return now_s - self._since_s >= STALL_S
