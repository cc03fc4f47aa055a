"""The libVLC instance of the wall is made off the Qt thread: loading its plugins took 0.3–1.5 s,
and made by the first tile on the Qt thread, every tile of the first view waited for it."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from commandcenter.video import vlc_backend
from commandcenter.video.vlc_backend import LibVlcBackend
from ui.videowall.qt_wall import QtVideoWall

pytestmark = pytest.mark.vlc


def test_the_wall_has_libvlc_loaded_on_another_thread(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = LibVlcBackend(["--quiet", "--no-audio"])
    made_on: list[threading.Thread] = []
    real = vlc_backend.new_instance

    def recording(args: list[str]) -> object:
        made_on.append(threading.current_thread())
        return real(args)

    monkeypatch.setattr(vlc_backend, "new_instance", recording)
    monkeypatch.setattr(vlc_backend, "_default", backend)
    wall = QtVideoWall()
    qtbot.addWidget(wall)
    qtbot.waitUntil(lambda: len(made_on) == 1, timeout=20_000)
    assert made_on[0] is not threading.main_thread()
    player = backend.new_player(int(wall.winId()), lambda *_: None)
    assert len(made_on) == 1  # the tile's player reused it
    player.close()
    backend.settle()
