"""Can this libVLC play a URL? Debian's and Ubuntu's VLC are built without live555, so ``rtsp://``
fails after a long timeout with an unhelpful error. The tile asks first and says "unsupported" at
once, with the alternative: ask the media server (ZLMediaKit, MediaMTX, WVP) for HTTP-FLV/HLS/TS.

Detection looks for the live555 access plugin in libVLC's plugin folders; builds for Windows and macOS
from videolan.org ship it, so on those platforms RTSP is assumed to work.
"""

from __future__ import annotations

import functools
import glob
import os
import sys
from urllib.parse import urlsplit

PLUGIN_GLOBS = (
    "/usr/lib/*/vlc/plugins",
    "/usr/lib/vlc/plugins",
    "/usr/lib64/vlc/plugins",
    "/usr/local/lib/vlc/plugins",
)
NEEDS_PLUGIN = {"rtsp": "liblive555_plugin", "rtsps": "liblive555_plugin"}


def plugin_dirs() -> list[str]:
    configured = os.environ.get("VLC_PLUGIN_PATH", "")
    found = [path for path in configured.split(os.pathsep) if path]
    for pattern in PLUGIN_GLOBS:
        found.extend(sorted(glob.glob(pattern)))
    return found


@functools.cache
def has_plugin(stem: str) -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    dirs = plugin_dirs()
    if not dirs:
        return True  # unknown layout: let libVLC try rather than refuse
    return any(glob.glob(os.path.join(d, "**", f"{stem}.*"), recursive=True) for d in dirs)


def url_supported(url: str) -> bool:
    """False only when the URL's scheme needs a libVLC module this machine lacks."""
    plugin = NEEDS_PLUGIN.get(urlsplit(url).scheme.lower())
    return plugin is None or has_plugin(plugin)
