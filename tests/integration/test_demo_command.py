"""``commandcenter demo`` end to end, as a user starts it: a fresh process on the virtual screen,
its own demo database, simulator and loopback streams; it must show the district and exit cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from commandcenter import paths
from commandcenter.config import Settings, StreamSettings
from commandcenter.demo.runtime import DemoRuntime, clip_index_of, demo_clip_names
from commandcenter.streaming.stream_probe import probe_stream
from commandcenter.testing.demo_streams import free_loopback_port


def _run_demo(home: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMMANDCENTER_HOME": str(home), "QT_QPA_PLATFORM": "xcb"}
    return subprocess.run(
        [sys.executable, "-m", "ui.main", "demo", "--quit-after-ready", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_first_demo_start_generates_data_shows_the_window_and_exits_zero(isolated_home: Path) -> None:
    result = _run_demo(isolated_home, "--no-streams")
    assert result.returncode == 0, result.stderr[-2000:]
    assert any(line.startswith("READY ") for line in result.stdout.splitlines())
    assert "Traceback" not in result.stderr
    assert "dealloc" not in result.stderr
    assert (isolated_home / "data" / "demo.sqlite").exists()


def test_corrupt_demo_database_is_a_clear_message(isolated_home: Path) -> None:
    database = paths.demo_sqlite_path()
    database.write_bytes(b"garbage" * 1000)
    result = _run_demo(isolated_home, "--no-streams")
    assert result.returncode == 3
    assert str(database) in result.stderr
    assert "not a database" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.vlc
@pytest.mark.slow
def test_runtime_serves_the_wall_cameras_with_their_names_burned_in(isolated_home: Path) -> None:
    settings = Settings(streams=StreamSettings(port=free_loopback_port(), clip_count=2))
    runtime = DemoRuntime.start(settings, paths.demo_database_url(), simulator=False, streams=True)
    try:
        cameras = runtime.wall_cameras(count=2)
        assert [clip_index_of(camera.sub_url) for camera in cameras] == [0, 1]
        assert demo_clip_names(runtime.store, 2) == [camera.name for camera in cameras]
        assert runtime.streams_ready.wait(timeout=120), "stream server did not start"
        for url in runtime.stream_urls():
            health = probe_stream(url, timeout=5.0)
            assert health.ok, health.reason
    finally:
        runtime.stop()
