"""The tile state machine and its reconnect backoff (Qt-free)."""

from __future__ import annotations

from commandcenter.video.tile_state import BACKOFF_CAP_S, TileState, TileStateMachine, reconnect_delay_s


def test_backoff_doubles_and_is_capped() -> None:
    assert [reconnect_delay_s(n) for n in range(1, 8)] == [1, 2, 4, 8, 10, 10, 10]
    assert reconnect_delay_s(100) == BACKOFF_CAP_S


def test_a_picture_resets_the_backoff() -> None:
    machine = TileStateMachine()
    delays = []
    for _ in range(3):
        machine.connect()
        delays.append(machine.failed())
    assert delays == [1, 2, 4]
    machine.connect()
    assert machine.playing() is TileState.PLAYING
    assert machine.failed() == 1


def test_events_that_do_not_apply_are_ignored() -> None:
    machine = TileStateMachine()
    assert machine.failed() is None  # idle: nothing to reconnect
    assert machine.playing() is TileState.IDLE  # a late "playing" after stop
    machine.connect()
    assert machine.failed() == 1
    assert machine.failed() is None  # error then end-of-stream: one failure, not two
    assert machine.state is TileState.NO_SIGNAL
    assert machine.stop() is TileState.IDLE
    assert machine.failures == 0
