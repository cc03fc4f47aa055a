"""Where CommandCenter keeps its files on this machine.

One place decides the per-user directories so tests can redirect all of them at once with
``COMMANDCENTER_HOME`` (a throwaway folder) instead of touching the operator's real profile.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import platformdirs

APP_NAME = "commandcenter"


def _home_override() -> Path | None:
    value = os.environ.get("COMMANDCENTER_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """Databases, generated demo media, caches."""
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """``config.toml`` and the window state file."""
    home = _home_override()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_sqlite_path() -> Path:
    return data_dir() / "commandcenter.sqlite"


def demo_sqlite_path() -> Path:
    return data_dir() / "demo.sqlite"


def snapshot_path(name: str) -> Path:
    """A new file for a wall tile's snapshot: ``snapshots/<name>-<time>-<n>.png`` in the data folder."""
    folder = data_dir() / "snapshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 1000:03d}.png"


def demo_media_dir() -> Path:
    path = data_dir() / "demo-media"
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_database_url() -> str:
    """The demo's own database (`demo`, `prepare-demo`): never the configured production one."""
    return f"sqlite:///{demo_sqlite_path()}"
