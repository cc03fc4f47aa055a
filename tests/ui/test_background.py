"""The background runner: results and errors arrive on the Qt thread, nothing after shutdown, and a
poll never overlaps itself."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from ui.background import BackgroundPoll, BackgroundRunner


def test_result_is_computed_off_thread_and_delivered_on_it(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    seen: list[tuple[str, bool]] = []
    runner.submit(lambda: threading.current_thread().name, lambda name: seen.append((name, _on_main())))
    qtbot.waitUntil(lambda: bool(seen))
    worker, delivered_on_main = seen[0]
    assert worker.startswith("cc-background")
    assert delivered_on_main
    runner.shutdown()


def test_exceptions_go_to_the_error_callback(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    errors: list[Exception] = []

    def fail() -> None:
        raise ValueError("boom")

    runner.submit(fail, lambda _result: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)
    runner.shutdown()


def test_nothing_is_delivered_after_shutdown(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    release = threading.Event()
    seen: list[object] = []
    runner.submit(release.wait, seen.append)
    release.set()
    runner.shutdown()
    qtbot.wait(50)  # let any stray queued delivery through the event loop
    assert seen == []
    assert runner.submit(lambda: 1, seen.append) is False


def test_a_busy_poll_skips_ticks_instead_of_queueing(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    release = threading.Event()
    calls: list[int] = []
    results: list[object] = []

    def slow() -> int:
        calls.append(1)
        release.wait(10)
        return len(calls)

    poll = BackgroundPoll(runner, 0.01, slow, results.append)
    poll.start()
    for _ in range(5):
        poll.poll_now()
    assert len(calls) <= 1
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    poll.stop()
    runner.shutdown()
    assert results[0] == 1


def _on_main() -> bool:
    return threading.current_thread() is threading.main_thread()
