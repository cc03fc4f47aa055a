"""History of units: tracks read from the position time series, trips and stops, playback timing.

Qt-free like the rest of the core; the playback panel (``ui/tracks``) and the map consume it.
Reads are in ``commandcenter.persistence.track_queries``.
"""

from commandcenter.tracks.playback import SPEEDS, FramePoint, PlaybackClock
from commandcenter.tracks.segmentation import Segmentation, Stop, Trip, segment_track
from commandcenter.tracks.track import Track, epoch_seconds

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
