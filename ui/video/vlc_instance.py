"""The one libVLC instance of the process, created on first use.

One instance for every tile: libVLC loads its plugins once per instance (tens of megabytes and a
noticeable start-up cost), and all players of an instance share its settings.
"""

from __future__ import annotations

import os
import shlex
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import vlc

# Why each argument: no audio anywhere (a wall of sound is useless; dummy output avoids PulseAudio
# probing); a short network cache for live streams; no title text drawn over the picture; no
# screensaver inhibitor (it spawns xdg-screensaver per player); no Lua (playlist scripts, art
# fetching); software decoding (hardware decoders vary per machine and probe noisily under Xvfb);
# mouse and keys go to Qt, not to libVLC's window, so tiles can be clicked and double-clicked.
BASE_ARGS = (
    "--quiet",
    "--no-audio",
    "--aout=dummy",
    "--network-caching=300",
    "--no-video-title-show",
    "--no-disable-screensaver",
    "--no-lua",
    "--no-snapshot-preview",
    "--avcodec-hw=none",
    "--no-osd",
    "--no-spu",
    "--no-keyboard-events",
    "--no-mouse-events",
    # libVLC reads network streams ahead into a 16 MiB buffer per input (made for seeking in files).
    # A live tile never seeks, and the buffer fills page by page over minutes (16 MiB at 670 kbit/s
    # takes 200 s), so a 32-camera tour grew by ~500 MB before it levelled off: 2 MiB is seconds of
    # even a main stream.
    "--prefetch-buffer-size=2048",  # KiB
    "--prefetch-read-size=262144",  # bytes per read; above the buffer size libVLC would grow the buffer
)
EXTRA_ARGS_ENV = "COMMANDCENTER_VLC_ARGS"  # e.g. "--avcodec-hw=vaapi" for one machine
# Without a GPU, libVLC's OpenGL output runs on Mesa's software rasteriser: no faster than drawing with
# X11 shared memory, and Mesa's EGL crashes now and then when several tiles open their output at once
# (seen as a segfault in swrast_dri.so under Xvfb). ``--no-xlib`` keeps libVLC off Xlib, so off GLX/EGL
# (and VDPAU), and it draws with xcb_x11. ``--vout`` cannot choose this: libVLC clears it for players
# drawing into an application's window.
SOFTWARE_GL_ARGS = ("--no-xlib",)
_RENDER_NODES = "/dev/dri"

_lock = threading.Lock()
_instance: vlc.Instance | None = None


class VlcUnavailableError(RuntimeError):
    """libVLC is not installed or refused the arguments; the wall shows tiles without video."""


def has_gpu() -> bool:
    """Whether OpenGL can run on a GPU here: a DRM render node exists and software GL is not forced."""
    if os.environ.get("LIBGL_ALWAYS_SOFTWARE", "") not in ("", "0"):
        return False
    try:
        return any(name.startswith("renderD") for name in os.listdir(_RENDER_NODES))
    except OSError:
        return False


def vlc_args() -> list[str]:
    extra = shlex.split(os.environ.get(EXTRA_ARGS_ENV, ""))
    output = () if sys.platform != "linux" or has_gpu() else SOFTWARE_GL_ARGS
    return [*BASE_ARGS, *output, *extra]


def vlc_instance() -> vlc.Instance:
    global _instance
    with _lock:
        if _instance is None:
            try:
                import vlc
            except (ImportError, OSError) as error:  # OSError: python-vlc found no libvlc library
                raise VlcUnavailableError(f"libVLC is not available: {error}") from error
            instance = vlc.Instance(vlc_args())
            if instance is None:
                raise VlcUnavailableError(f"libVLC refused the arguments {vlc_args()}")
            _instance = instance
        return _instance
