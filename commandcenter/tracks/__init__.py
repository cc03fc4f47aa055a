"""History of units: tracks read from the position time series, trips and stops, playback timing.

Qt-free like the rest of the core; the playback panel (``ui/tracks``) and the map consume it.
The ``Track`` record lives in ``commandcenter.domain.track``; reads are in
``commandcenter.persistence.units.tracks``.
"""

from commandcenter.domain.track import Track, epoch_seconds
from commandcenter.tracks.playback import SPEEDS, FramePoint, PlaybackClock
from commandcenter.tracks.segmentation import Segmentation, Stop, Trip, segment_track

__all__ = [
    "SPEEDS",
    "FramePoint",
    "PlaybackClock",
    "Segmentation",
    "Stop",
    "Track",
    "Trip",
    "epoch_seconds",
    "segment_track",
]
