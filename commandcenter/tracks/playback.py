"""The clock of track playback (轨迹回放), without Qt: where every played unit is at a moment.

The panel owns a timer and calls ``advance(wall_seconds)``; the map draws ``frame()``. Keeping the
arithmetic here lets tests play a day at ×64 without a window, and keeps the widget a thin shell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from commandcenter.domain.track import Track

SPEEDS = (1, 4, 16, 64)


@dataclass(frozen=True)
class FramePoint:
    unit_id: int
    lon: float
    lat: float
    heading_deg: float


class PlaybackClock:
    """Playback time over the union of the tracks' spans; ``speed`` track seconds per wall second."""

    def __init__(self, tracks: Sequence[Track]) -> None:
        self.tracks = [track for track in tracks if len(track)]
        self.start = min((float(t.ts[0]) for t in self.tracks), default=0.0)
        self.end = max((float(t.ts[-1]) for t in self.tracks), default=0.0)
        self.now = self.start
        self.speed = SPEEDS[0]

    @property
    def finished(self) -> bool:
        return self.now >= self.end

    @property
    def fraction(self) -> float:
        """Where playback stands, 0..1 (what the slider shows)."""
        span = self.end - self.start
        return (self.now - self.start) / span if span > 0 else 1.0

    def seek(self, t: float) -> None:
        self.now = min(max(t, self.start), self.end)

    def seek_fraction(self, fraction: float) -> None:
        self.seek(self.start + fraction * (self.end - self.start))

    def advance(self, wall_seconds: float) -> None:
        self.seek(self.now + wall_seconds * self.speed)

    def frame(self) -> list[FramePoint]:
        """Every unit at ``now``, interpolated between its fixes. A unit whose track has not begun is
        left out; one whose track has ended stays where it was last seen, as an operator expects of
        a group where one truck's day ends earlier than another's."""
        points = []
        for track in self.tracks:
            here = track.position_at(min(self.now, float(track.ts[-1])))
            if here is not None:
                points.append(FramePoint(track.unit_id, *here))
        return points
