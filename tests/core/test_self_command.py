"""A child process of the program (stream server, gateway listener) starts the same way from a
source install and from a frozen build (issue 19): ``python -m`` there, the program itself here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from commandcenter.gateway.workers import listener_command
from commandcenter.self_command import HIDDEN_MODULE_ARGUMENT, run_hidden_module, self_command


def test_from_source_children_are_python_dash_m() -> None:
    assert self_command() == [sys.executable, "-m", "commandcenter"]
    assert self_command("commandcenter.streaming.stream_server")[1:] == [
        "-m",
        "commandcenter.streaming.stream_server",
    ]


def test_frozen_children_are_the_program_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert self_command() == [sys.executable]
    assert self_command("commandcenter.streaming.stream_server") == [
        sys.executable,
        HIDDEN_MODULE_ARGUMENT,
        "commandcenter.streaming.stream_server",
    ]
    command = listener_command(1, 2, None, None)
    assert command[:2] == [sys.executable, "gateway"]


def test_only_our_own_modules_run_hidden() -> None:
    assert run_hidden_module(["gui"]) is False
    with pytest.raises(SystemExit, match="not a CommandCenter module"):
        run_hidden_module([HIDDEN_MODULE_ARGUMENT, "os"])


def test_the_entry_point_dispatches_the_hidden_argument() -> None:
    """What a frozen build's executable does: the hidden argument runs the stream server's main."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ui.main import main; sys.exit(main())",
            HIDDEN_MODULE_ARGUMENT,
            "commandcenter.streaming.stream_server",
            "--help",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Serve the demo clips" in done.stdout
