"""The frozen build (issue 19): ``packaging/windows/commandcenter.spec`` built by PyInstaller on this
Linux machine (the Windows installer freezes the same spec) and run. There ``sys.executable`` is the
program, not Python; the children the program starts of itself — the demo's stream server, the
gateway's listeners — must still start (``commandcenter.self_command``). The demo's one playing tile
proves the stream server ran frozen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from commandcenter import __version__
from commandcenter.self_command import HIDDEN_MODULE_ARGUMENT

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def run(*command: str | Path, home: Path, timeout: float = 300) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env={**os.environ, "COMMANDCENTER_HOME": str(home), "QT_QPA_PLATFORM": "xcb"},
        timeout=timeout,
        check=False,
        cwd="/",
    )
    assert done.returncode == 0, (
        f"{command} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("frozen")
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    spec = REPO / "packaging" / "windows" / "commandcenter.spec"
    command = [pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", out / "dist"]
    run(*command, "--workpath", out / "build", spec, home=out, timeout=900)
    program = out / "dist" / "commandcenter" / "commandcenter"
    assert program.is_file()
    return program


def test_the_frozen_program_answers_and_runs_its_child_modules(frozen: Path, tmp_path: Path) -> None:
    assert run(frozen, "--version", home=tmp_path).strip() == f"commandcenter {__version__}"
    server = run(
        frozen, HIDDEN_MODULE_ARGUMENT, "commandcenter.streaming.stream_server", "--help", home=tmp_path
    )
    assert "--watch-stdin" in server
    assert "--workers" in run(frozen, "gateway", "--help", home=tmp_path)


def test_the_frozen_demo_opens_and_plays_through_its_frozen_stream_server(
    frozen: Path, tmp_path: Path
) -> None:
    out = run(frozen, "demo", "--quit-after-playing", "--no-simulator", home=tmp_path)
    assert any(line.startswith("PLAYING ") for line in out.splitlines()), out
