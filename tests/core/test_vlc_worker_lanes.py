"""The libVLC worker: one window's calls keep their order, and a call stuck on one window (a stop
joining a slow input thread) does not hold up the start of a tile in another window — with one
thread for the whole wall, every tile of a new view waited for every call queued before its own."""

from __future__ import annotations

import threading

from commandcenter.video.vlc_worker import VlcWorker

WAIT_S = 10.0  # only a failure waits this long


def test_a_blocked_window_does_not_hold_up_another_window() -> None:
    worker = VlcWorker(lanes=4)
    release, other_ran = threading.Event(), threading.Event()
    worker.submit(lambda: release.wait(WAIT_S), window=1)  # a stop that takes long
    worker.submit(other_ran.set, window=2)
    assert other_ran.wait(WAIT_S)
    assert not release.is_set()  # the first window's call was still running meanwhile
    release.set()
    worker.settle()


def test_one_windows_calls_run_in_the_order_they_were_asked() -> None:
    worker = VlcWorker(lanes=4)
    done: list[int] = []
    for index in range(50):
        worker.submit(lambda index=index: done.append(index), window=7)
    worker.settle()
    assert done == list(range(50))


def test_settle_waits_for_every_lane() -> None:
    worker = VlcWorker(lanes=3)
    done: list[int] = []
    for window in range(12):
        worker.submit(lambda window=window: done.append(window), window=window)
    worker.settle()
    assert sorted(done) == list(range(12))


def test_a_failing_call_does_not_stop_its_lane() -> None:
    worker = VlcWorker(lanes=1)
    ran = threading.Event()
    worker.submit(lambda: 1 / 0, window=3)
    worker.submit(ran.set, window=3)
    worker.settle()
    assert ran.is_set()
