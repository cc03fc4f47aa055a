"""Track playback (轨迹回放) on the live map: each loaded unit's track as one polyline, its stops as
"停" markers, and a playhead with heading that moves on every playback frame, the part already
travelled drawn stronger than the rest.

The polylines are projected and turned into ``QPainterPath``s once per load, exactly like every other
overlay (``mapping.projection.project``: GCJ-02 when the tiles are AMap's, so a track lies on the
roads its unit drove). A frame projects only the playheads and, when a playhead has passed a fix,
rebuilds that unit's travelled path (``arrayToQPath``: ≈0.1 ms per thousand fixes). Painting is in
``track_items``: the static part cached, the moving part not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainterPath

from commandcenter.mapping.projection import FloatArray, project
from commandcenter.tracks import Stop, Track, segment_track
from ui.background import BackgroundRunner
from ui.map.track_items import TrackHeads, TrackLines

# distinct on the dark map and from the live units' kind colours at a glance (a group plays together)
TRACK_COLORS = ("#38bdf8", "#f472b6", "#a3e635", "#fb923c", "#c084fc", "#facc15", "#2dd4bf", "#f87171")
MIN_VIEW_M = 400.0  # a parked unit's track is a dot: fitting the view to it shows its street


@dataclass(eq=False)
class DrawnTrack:
    track: Track
    colour: QColor
    x: FloatArray  # the fixes in view coordinates (Mercator metres on the base map's datum)
    y: FloatArray
    path: QPainterPath
    stops: list[Stop] = field(default_factory=list)
    stop_x: FloatArray = field(default_factory=lambda: np.zeros(0))
    stop_y: FloatArray = field(default_factory=lambda: np.zeros(0))
    head: tuple[float, float, float] | None = None  # x, y, compass heading; None before the track begins
    passed: int = -1  # the last fix behind the playhead
    travelled: QPainterPath = field(default_factory=QPainterPath)


class TrackLayer:
    """The tracks shown on one map; ``lines`` and ``heads`` are its two graphics items."""

    def __init__(self, plot: pg.PlotItem, datum: str, runner: BackgroundRunner) -> None:
        self.datum = datum
        self._runner = runner
        self.tracks: dict[int, DrawnTrack] = {}
        self.lines = TrackLines(self)
        self.heads = TrackHeads(self)
        self.lines.setZValue(90)  # over segments and case pins, under the live units
        self.heads.setZValue(110)  # the playheads over everything: they are what the operator watches
        plot.addItem(self.lines, ignoreBounds=True)
        plot.addItem(self.heads, ignoreBounds=True)

    def show_track(self, track: Track, stops: Sequence[Stop] | None = None) -> None:
        """Add (or replace) one unit's track; a track without fixes draws nothing. Without ``stops``
        they are found on a worker (the panel has them; another caller may have only the Track)."""
        if not len(track):
            return
        x, y = project(track.lon, track.lat, self.datum)
        earlier = self.tracks.get(track.unit_id)
        colour = earlier.colour if earlier else QColor(TRACK_COLORS[len(self.tracks) % len(TRACK_COLORS)])
        self.tracks[track.unit_id] = DrawnTrack(track, colour, x, y, pg.arrayToQPath(x, y))
        self._reshaped()
        if stops is not None:
            self.show_stops(track, stops)
        elif len(track) > 1:
            self._runner.submit(
                lambda: segment_track(track).stops, lambda found: self.show_stops(track, found)
            )

    def show_stops(self, track: Track, stops: Sequence[Stop]) -> None:
        """The stops of ``track``; ignored when that track is no longer shown (a late worker result)."""
        drawn = self.tracks.get(track.unit_id)
        if drawn is None or drawn.track is not track:
            return
        drawn.stops = list(stops)
        drawn.stop_x, drawn.stop_y = project([s.lon for s in stops], [s.lat for s in stops], self.datum)
        self.heads.update()  # the markers are painted with the playheads

    def move(self, frame: Sequence[tuple[int, float, float, float]], now: float | None = None) -> None:
        """Playheads to ``frame``'s ``(unit_id, lon, lat, heading)``; units absent from it are not
        drawn (their track has not begun). With ``now`` (epoch seconds) the travelled part follows."""
        if not self.tracks:
            return
        shown = [point for point in frame if point[0] in self.tracks]
        xs, ys = project([p[1] for p in shown], [p[2] for p in shown], self.datum)
        for drawn in self.tracks.values():
            drawn.head = None
        for (unit_id, _lon, _lat, heading), x, y in zip(shown, xs.tolist(), ys.tolist(), strict=True):
            drawn = self.tracks[unit_id]
            drawn.head = (x, y, float(heading))
            if now is not None:
                self._travel(drawn, int(np.searchsorted(drawn.track.ts, now, side="right")) - 1)
        self.heads.update()

    def _travel(self, drawn: DrawnTrack, passed: int) -> None:
        if passed == drawn.passed:
            return
        drawn.passed = passed
        end = passed + 1
        drawn.travelled = pg.arrayToQPath(drawn.x[:end], drawn.y[:end]) if end > 1 else QPainterPath()

    def clear(self) -> None:
        self.tracks.clear()
        self._reshaped()

    def bounds(self) -> QRectF | None:
        """Every shown track's extent, at least ``MIN_VIEW_M`` across; None when none is shown."""
        if not self.tracks:
            return None
        rect = QRectF()
        for drawn in self.tracks.values():
            rect = rect.united(drawn.path.boundingRect())
        grow_x = max(0.0, MIN_VIEW_M - rect.width()) / 2
        grow_y = max(0.0, MIN_VIEW_M - rect.height()) / 2
        return rect.adjusted(-grow_x, -grow_y, grow_x, grow_y)

    def pick_stop(self, x: float, y: float, radius: float) -> tuple[Track, Stop] | None:
        """The stop marker nearest ``(x, y)`` within ``radius`` (view units), with its track."""
        best: tuple[float, Track, Stop] | None = None
        for drawn in self.tracks.values():
            if not drawn.stops:
                continue
            distance = np.hypot(drawn.stop_x - x, drawn.stop_y - y)
            index = int(np.argmin(distance))
            if distance[index] <= radius and (best is None or distance[index] < best[0]):
                best = (float(distance[index]), drawn.track, drawn.stops[index])
        return None if best is None else (best[1], best[2])

    def _reshaped(self) -> None:
        bounds = self.bounds()
        if bounds is not None:
            pad = max(500.0, 0.2 * max(bounds.width(), bounds.height()))  # room for markers in pixels
            bounds = bounds.adjusted(-pad, -pad, pad, pad)
        self.lines.set_bounds(bounds or QRectF())
        self.heads.set_bounds(bounds or QRectF())
