"""The one libVLC instance of the process, created on first use.

One instance for every tile: libVLC loads its plugins once per instance (tens of megabytes and a
noticeable start-up cost), and all players of an instance share its settings. When libVLC cannot be
loaded, that is remembered: it will not appear while the app runs, so 64 tiles do not try 64 times.
"""

from __future__ import annotations

import os
import shlex
import sys
import threading
from typing import TYPE_CHECKING

from commandcenter.video.backend import BackendUnavailable

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
_shared: vlc.Instance | str | None = None  # the instance, or why there is none


class VlcUnavailableError(BackendUnavailable):
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


def new_instance(args: list[str]) -> vlc.Instance:
    try:
        import vlc
    except (ImportError, OSError, NotImplementedError, SystemExit) as error:
        # python-vlc raises NotImplementedError (or OSError) when it finds no libvlc, and calls
        # sys.exit() when PYTHON_VLC_LIB_PATH names a file it cannot load: neither may end the app.
        raise VlcUnavailableError(f"libVLC is not available ({type(error).__name__}: {error})") from error
    instance = vlc.Instance(args)
    if instance is None:
        raise VlcUnavailableError(f"libVLC refused to start with the arguments {' '.join(args)}")
    return instance


def vlc_instance() -> vlc.Instance:
    """The shared instance with ``vlc_args()``; ``VlcUnavailableError`` now and ever after if it failed."""
    global _shared
    with _lock:
        if _shared is None:
            try:
                _shared = new_instance(vlc_args())
            except VlcUnavailableError as error:
                _shared = str(error)
        if isinstance(_shared, str):
            raise VlcUnavailableError(_shared)
        return _shared
