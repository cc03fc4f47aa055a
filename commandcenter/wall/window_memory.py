"""Which wall windows were open on which monitor, remembered across restarts.

A small JSON file in the user's config folder (so ``COMMANDCENTER_HOME`` redirects it in tests):
for each detached wall window the monitor's name, the layout and its cameras. Monitors are matched
by name on restore; a window whose monitor is gone is dropped rather than piled onto the main one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from commandcenter import paths
from commandcenter.domain.cameras import CameraFeed
from commandcenter.video.camera_drag import decode_cameras, encode_cameras

log = logging.getLogger(__name__)
FILE_NAME = "wall_windows.json"


@dataclass(frozen=True)
class WallWindowState:
    screen: str
    layout: str
    feeds: tuple[CameraFeed, ...]
    full_screen: bool = True


def default_path() -> Path:
    return paths.config_dir() / FILE_NAME


def save_windows(windows: list[WallWindowState], path: Path | None = None) -> None:
    rows = [
        {
            "screen": w.screen,
            "layout": w.layout,
            "full_screen": w.full_screen,
            "feeds": json.loads(encode_cameras(list(w.feeds))),
        }
        for w in windows
    ]
    (path or default_path()).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def load_windows(path: Path | None = None) -> list[WallWindowState]:
    """The remembered windows; an unreadable file counts as none (it is rewritten on exit)."""
    try:
        rows = json.loads((path or default_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    windows = []
    for row in rows if isinstance(rows, list) else []:
        if (
            isinstance(row, dict)
            and isinstance(row.get("screen"), str)
            and isinstance(row.get("layout"), str)
        ):
            feeds = decode_cameras(json.dumps(row.get("feeds", [])).encode("utf-8"))
            windows.append(
                WallWindowState(
                    row["screen"], row["layout"], tuple(feeds), bool(row.get("full_screen", True))
                )
            )
        else:
            log.info("wall windows: skipping a malformed entry")
    return windows
