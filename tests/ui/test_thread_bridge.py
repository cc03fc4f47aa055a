"""The one thread → Qt bridge: calls posted from other threads run on the Qt thread, in order; a
failing call does not stop the others; nothing runs after ``close``."""

from __future__ import annotations

import logging
import threading

import pytest
from pytestqt.qtbot import QtBot

from ui.thread_bridge import ThreadBridge


def test_calls_from_other_threads_run_on_the_qt_thread_in_order(qtbot: QtBot) -> None:
    bridge = ThreadBridge()
    seen: list[tuple[int, bool]] = []

    def post_many() -> None:
        for index in range(200):
            bridge.post(
                lambda i=index: seen.append((i, threading.current_thread() is threading.main_thread()))
            )

    worker = threading.Thread(target=post_many)
    worker.start()
    worker.join()
    assert seen == []  # nothing runs on the posting thread
    qtbot.waitUntil(lambda: len(seen) == 200)
    assert [index for index, _ in seen] == list(range(200))
    assert all(on_main for _, on_main in seen)


def test_a_failing_call_is_logged_and_the_next_one_runs(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    bridge = ThreadBridge()
    seen: list[str] = []

    def broken() -> None:
        raise ValueError("boom")

    with caplog.at_level(logging.ERROR, logger="ui.thread_bridge"):
        bridge.post(broken)
        bridge.post(lambda: seen.append("after"))
        qtbot.waitUntil(lambda: seen == ["after"])
    assert "boom" in caplog.text


def test_nothing_runs_after_close(qtbot: QtBot) -> None:
    bridge = ThreadBridge()
    seen: list[int] = []
    bridge.post(lambda: seen.append(1))
    bridge.close()
    bridge.post(lambda: seen.append(2))
    qtbot.wait(50)  # let the queued drain through the event loop
    assert seen == []
