"""Keeping the briefing's memory flat over hours. The screen's workers read the district every few
seconds (the live map's 2,658 units every 2 s, the figures every 15 s) and free it again; glibc keeps
what other threads freed in their own arenas. Two causes of growth were found and fixed, both in the
daily summary's re-read of the day's patrol tracks every 5 minutes: a tuple a fix left the
interpreter's small-object arenas half used (+21 % in 10 minutes; flat arrays now, ``Track.from_flat``,
read 64 units at a time, ``ChunkedTracks``), and those groups were asked for in roster order, so a
unit's second shift read its group again — 24 times the fixes needed, 55 s a pass, one pass after
another all hour (+24 % in the hour; ``duty.views.presence`` works in the groups' order now).
``trim`` hands free pages back (``malloc_trim``, Linux), from a worker, at most once a minute.
``settle`` moves the objects alive after start-up out of the collector's full passes."""

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
