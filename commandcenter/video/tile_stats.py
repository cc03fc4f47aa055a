"""Live frame rate and bitrate of a tile, from libVLC's cumulative media counters.

libVLC reports totals (pictures shown, bytes demuxed) since the media opened; the operator wants rates.
Each sample is compared with the previous one; a counter that went backwards means a new media (a
reconnect or a tier switch) and starts over instead of showing a negative rate.
"""

from __future__ import annotations

from dataclasses import dataclass


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
