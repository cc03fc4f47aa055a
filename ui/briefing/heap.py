"""Keeping the briefing's memory flat over hours. The screen's workers read the district every few
seconds (the live map's 2,658 units every 2 s, the figures every 15 s) and free it again; glibc keeps
what other threads freed in their own arenas. One cause of growth was found and fixed: the daily
summary's re-read of the day's patrol tracks every 5 minutes as a tuple a fix, which left the
interpreter's small-object arenas half used (+21 % in 10 minutes; flat arrays now, ``Track.from_flat``,
and read 64 units at a time, ``ChunkedTracks``). An hour's soak (2026-12-03) still grows about 1 MB a
minute after the first ten, spread over the main heap and three thread arenas, after the trims: not
found yet (bench/README.md). ``trim`` hands free pages back (``malloc_trim``, Linux), from a worker,
at most once a minute. ``settle`` moves the objects alive after start-up out of the collector's full
passes."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
import time

TRIM_EVERY_S = 60.0
_last_trim = [0.0]


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()


def trim() -> bool:
    """Return free heap pages to the system if a minute has passed; True when it did."""
    now = time.monotonic()
    if _LIBC is None or now - _last_trim[0] < TRIM_EVERY_S:
        return False
    _last_trim[0] = now
    _LIBC.malloc_trim(0)
    return True


def settle() -> None:
    """After the screen's start-up, move every object alive now (the district, the map's layers, Qt
    wrappers: ~200,000) out of the collector's full passes (``gc.freeze``). A full pass over them
    took 120–280 ms on the loaded 2-core machine, holding the interpreter — from a worker too — and
    stalled the screen; what the hours of refreshes allocate is still collected as before."""
    gc.collect()
    gc.freeze()
